/**
 * The migrations on the real PostgreSQL 15 server (plain mode: no TimescaleDB there): up from empty,
 * every seed column present with a fitting type, the constraints reject what they should, a second up
 * is a no-op, down leaves nothing of ours in public, and up works again.
 */
import { countMigrationFiles } from "../../helpers/seed-columns.js";
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatabaseMode } from '../../../src/postgres/database-mode.js';
import { runMigrations } from '../../../src/postgres/migrate.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.js';
import {
  ADDED_RELATIONS,
  SEED_COLUMNS,
  SELECT_PUBLIC_COLUMNS_SQL,
  SELECT_PUBLIC_LEFTOVERS_SQL,
  groupColumns,
  pickSeedColumns,
} from '../../helpers/seed-columns.js';
import { checkConstraints } from '../../helpers/constraint-checks.js';

// Every SQL file in migrations/ is one migration.
const MIGRATION_COUNT = countMigrationFiles();

describe('migrations on plain PostgreSQL', () => {
  let database: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase('migrations_plain');
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it('runs every migration up from an empty database', async () => {
    const ran = await runMigrations({ databaseUrl: database.url });
    expect(ran).toHaveLength(MIGRATION_COUNT);
    expect(ran[0]).toBe('1767225600000_database-mode');
    expect(await readDatabaseMode(client)).toBe('plain');
  });

  it('has every seed table and column with a fitting type, and the added tables', async () => {
    const { rows } = await client.query(SELECT_PUBLIC_COLUMNS_SQL);
    const actual = groupColumns(rows);
    expect(pickSeedColumns(actual)).toEqual(SEED_COLUMNS);
    for (const relation of ADDED_RELATIONS) expect(Object.keys(actual)).toContain(relation);
    expect(actual['transactions']).toMatchObject({
      ix_index: 'int', inner_ix_index: 'int', event_index: 'int', tx_index: 'int', quote_mint: 'text',
      price_quote_per_token: 'numeric', creator_fee: 'numeric', virtual_sol_reserves: 'numeric',
    });
  });

  it('stores prices without a scale cap and raw amounts as numeric(39,0)', async () => {
    const { rows } = await client.query(
      `select c.relname || '.' || a.attname as column, format_type(a.atttypid, a.atttypmod) as type
       from pg_attribute a join pg_class c on c.oid = a.attrelid
       where c.relnamespace = 'public'::regnamespace and (c.relname, a.attname) in (
         ('transactions', 'price_per_token'), ('transactions', 'amount_in'), ('price_candles_1m', 'open'),
         ('pools', 'virtual_sol_reserves'), ('holder_balances', 'balance'), ('trading_signals', 'price_at_signal'))
       order by 1`,
    );
    expect(rows).toEqual([
      { column: 'holder_balances.balance', type: 'numeric(39,0)' },
      { column: 'pools.virtual_sol_reserves', type: 'numeric(39,0)' },
      { column: 'price_candles_1m.open', type: 'numeric' },
      { column: 'trading_signals.price_at_signal', type: 'numeric' },
      { column: 'transactions.amount_in', type: 'numeric(39,0)' },
      { column: 'transactions.price_per_token', type: 'numeric' },
    ]);
  });

  it('records the retention intervals and refresh schedule the service applies in plain mode', async () => {
    const retention = await client.query(
      `select relation_name, drop_after::text, enforced_by from retention_settings order by relation_name`,
    );
    expect(retention.rows).toEqual([
      { relation_name: 'price_candles_1m', drop_after: '7 days', enforced_by: 'service' },
      { relation_name: 'price_candles_5m', drop_after: '30 days', enforced_by: 'service' },
      { relation_name: 'system_metrics', drop_after: '30 days', enforced_by: 'service' },
      { relation_name: 'transactions', drop_after: '90 days', enforced_by: 'service' },
    ]);
    const refresh = await client.query(
      `select view_name, source_relation, refreshed_by from aggregate_refresh_settings order by view_name`,
    );
    expect(refresh.rows).toEqual([
      { view_name: 'price_candles_1d', source_relation: 'price_candles_1h', refreshed_by: 'service' },
      { view_name: 'price_candles_1h', source_relation: 'price_candles_5m', refreshed_by: 'service' },
    ]);
  });

  it('rejects what the constraints forbid', async () => {
    await checkConstraints(client);
  });

  it('rolls 5m candles up into 1h and 1d views that refresh concurrently', async () => {
    await client.query(`refresh materialized view concurrently price_candles_1h`);
    await client.query(`refresh materialized view concurrently price_candles_1d`);
    const { rows } = await client.query(
      `select bucket, open::text, high::text, low::text, close::text, trade_count::int, buyer_bucket_sum::int
       from price_candles_1h where token_id = '00000000-0000-5000-8000-000000000001' order by bucket`,
    );
    expect(rows).toEqual([
      { bucket: new Date('2026-01-05T10:00:00Z'), open: '0.000000028', high: '0.00000004', low: '0.000000027',
        close: '0.000000031', trade_count: 5, buyer_bucket_sum: 3 },
    ]);
    const day = await client.query(`select bucket, close::text from price_candles_1d`);
    expect(day.rows).toEqual([{ bucket: new Date('2026-01-05T00:00:00Z'), close: '0.000000031' }]);
  });

  it('runs nothing on a second up', async () => {
    expect(await runMigrations({ databaseUrl: database.url })).toEqual([]);
  });

  it('refuses TimescaleDB mode when the server has no TimescaleDB, and leaves nothing behind', async () => {
    const other = await createTestDatabase('migrations_forced');
    try {
      const forced = `${other.url}?options=${encodeURIComponent('-c megatron.db_mode=timescaledb')}`;
      await expect(runMigrations({ databaseUrl: forced })).rejects.toThrow(/timescaledb is not available/);
      const probe = new pg.Client({ connectionString: other.url });
      await probe.connect();
      try {
        expect((await probe.query(SELECT_PUBLIC_LEFTOVERS_SQL)).rows).toEqual([]);
      } finally {
        await probe.end();
      }
    } finally {
      await other.drop();
    }
  });

  it('goes down to an empty public schema and up again', async () => {
    const down = await runMigrations({ databaseUrl: database.url, direction: 'down', count: Infinity });
    expect(down).toHaveLength(MIGRATION_COUNT);
    expect((await client.query(SELECT_PUBLIC_LEFTOVERS_SQL)).rows).toEqual([]);
    expect((await client.query(`select extname from pg_extension order by 1`)).rows).toEqual([{ extname: 'plpgsql' }]);
    expect(await runMigrations({ databaseUrl: database.url })).toHaveLength(MIGRATION_COUNT);
  });
});
