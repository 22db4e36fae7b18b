/**
 * A connection lost while a transaction holds it (a server restart, a failover, an administrator's
 * terminate) must fail that transaction, not end the process: without a listener, the client's 'error'
 * event between two statements was an uncaught exception (seen when the demo's embedded PostgreSQL
 * stopped first on Ctrl-C). The pool then goes on with a new connection.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgPool, withTransaction, type PgPool } from '../../../src/postgres/pg-pool.js';
import { sleep } from '../../../src/shared/time.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.js';

describe('pg pool: connection lost inside a transaction', () => {
  let database: TestDatabase;
  let pool: PgPool;
  const clientErrors: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('pg_pool_lost');
    pool = createPgPool({ connectionString: database.url, max: 2, onClientError: (error) => clientErrors.push(error.message) });
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it('rejects the transaction, reports the error, discards the client and serves the next query', async () => {
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    let lostPid = 0;
    const outcome = await withTransaction(pool, async (client) => {
      const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
      lostPid = rows[0]!.pid;
      await admin.query('select pg_terminate_backend($1)', [lostPid]);
      await sleep(200); // the client is checked out and idle when its socket closes
      await client.query('select 1');
      return 'committed';
    }).then((value) => value, (error: unknown) => `rejected: ${error instanceof Error ? error.message : String(error)}`);
    await admin.end();
    expect(outcome).toMatch(/^rejected: /);
    expect(clientErrors.length).toBeGreaterThanOrEqual(1);
    expect(clientErrors[0]).toMatch(/terminat/);
    const { rows } = await pool.query<{ pid: number }>('select pg_backend_pid() as pid');
    expect(rows[0]!.pid).not.toBe(lostPid);
  });
});
