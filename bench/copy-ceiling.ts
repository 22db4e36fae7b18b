/**
 * The ceiling for the ingest benchmark: the trade rows an ingest run committed, COPYed into an empty
 * `transactions` table of a fresh migrated database (same columns, keys, indexes and foreign keys),
 * timing only the COPY itself.
 */
import { pipeline } from 'node:stream/promises';
import { Readable, Writable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { createMigratedDatabase } from '../test/helpers/database.js';

export interface CopyCeiling {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

async function copyOut(client: pg.Client, sql: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(client.query(copyTo(sql)), new Writable({ write(chunk: Buffer, _e, done) { chunks.push(chunk); done(); } }));
  return Buffer.concat(chunks);
}

async function copyIn(client: pg.Client, sql: string, data: Buffer): Promise<void> {
  await pipeline(Readable.from([data]), client.query(copyFrom(sql)));
}

export async function copyTradesCeiling(sourceUrl: string): Promise<CopyCeiling> {
  const source = new pg.Client({ connectionString: sourceUrl });
  await source.connect();
  const tokens = await copyOut(source, 'copy tokens to stdout');
  const pools = await copyOut(source, 'copy pools to stdout');
  const trades = await copyOut(source, 'copy transactions to stdout');
  const { rows } = await source.query('select count(*)::int as n from transactions');
  await source.end();
  const target = await createMigratedDatabase('bench_copy_ceiling');
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query('set session_replication_role = replica');
    await copyIn(client, 'copy tokens from stdin', tokens);
    await copyIn(client, 'copy pools from stdin', pools);
    await client.query('set session_replication_role = origin');
    const started = performance.now();
    await copyIn(client, 'copy transactions from stdin', trades);
    const seconds = (performance.now() - started) / 1000;
    return { rows: rows[0].n, seconds, rowsPerSecond: rows[0].n / seconds };
  } finally {
    await client.end();
    await target.drop();
  }
}
