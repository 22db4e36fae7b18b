/** Every row of the ingestion tables, for "a replay changes nothing" comparisons. */
import type pg from 'pg';

export const INGESTION_TABLES = ['tokens', 'pools', 'transactions', 'price_candles_1m', 'price_candles_5m', 'stream_checkpoints', 'slot_coverage'];

export async function snapshotTables(db: pg.Client, tables: readonly string[] = INGESTION_TABLES): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of tables) out[table] = (await db.query(`select * from ${table} order by 1, 2`)).rows;
  return out;
}
