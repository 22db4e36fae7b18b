/**
 * Which mode the database runs in, as the first migration recorded it in `megatron_settings`:
 * `timescaledb` (hypertables, continuous aggregates, compression and retention jobs inside the database)
 * or `plain` (the same tables; the service refreshes the candle views and applies retention itself, from
 * `aggregate_refresh_settings` and `retention_settings`).
 */

/** The two modes; the values are the ones stored in `megatron_settings.value` for key `db_mode`. */
export type DatabaseMode = 'timescaledb' | 'plain';

/** Anything with pg's `query` (a Client, a PoolClient, a Pool). */
export interface QueryableClient {
  query(text: string): Promise<{ rows: unknown[] }>;
}

const SELECT_DATABASE_MODE_SQL = `select value from megatron_settings where key = 'db_mode'`;

/**
 * Reads the database mode.
 * @throws Error when the migrations have not run (no `megatron_settings` row), naming the fix.
 */
export async function readDatabaseMode(client: QueryableClient): Promise<DatabaseMode> {
  const { rows } = await client.query(SELECT_DATABASE_MODE_SQL);
  const value = (rows[0] as { value?: unknown } | undefined)?.value;
  if (value === 'timescaledb' || value === 'plain') return value;
  throw new Error(
    `megatron_settings has no valid db_mode (got ${JSON.stringify(value ?? null)}); run \`npm run migrate\` first`,
  );
}
