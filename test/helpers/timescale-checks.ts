/**
 * Assertions on the TimescaleDB objects the migrations create, and a run of every policy job, shared by
 * the PGlite test and the Docker (testcontainers) test.
 */
import { expect } from 'vitest';
import type { SqlClient } from './constraint-checks.js';
import { TOKEN_ID, CURVE_ID } from './constraint-checks.js';

/** Hypertables, chunk intervals, continuous aggregates, compression settings and policies. */
export async function checkTimescaleObjects(db: SqlClient): Promise<void> {
  const dimensions = await db.query(
    `select hypertable_name, column_name, time_interval::text from timescaledb_information.dimensions
     where hypertable_schema = 'public' order by hypertable_name`,
  );
  expect(dimensions.rows).toEqual([
    { hypertable_name: 'price_candles_1m', column_name: 'bucket', time_interval: '1 day' },
    { hypertable_name: 'price_candles_5m', column_name: 'bucket', time_interval: '1 day' },
    { hypertable_name: 'system_metrics', column_name: 'metric_time', time_interval: '7 days' },
    { hypertable_name: 'transactions', column_name: 'block_time', time_interval: '06:00:00' },
  ]);
  const aggregates = await db.query(
    `select view_name, materialized_only, view_definition ~ 'price_candles_1h' as reads_1h
     from timescaledb_information.continuous_aggregates order by view_name`,
  );
  expect(aggregates.rows).toEqual([
    { view_name: 'price_candles_1d', materialized_only: false, reads_1h: true },
    { view_name: 'price_candles_1h', materialized_only: false, reads_1h: false },
  ]);
  const compression = await db.query(
    `select hypertable_name, attname, segmentby_column_index, orderby_column_index, orderby_asc
     from timescaledb_information.compression_settings order by hypertable_name, attname`,
  );
  expect(compression.rows).toEqual(
    ['price_candles_1m:bucket', 'price_candles_5m:bucket', 'transactions:block_time'].flatMap((entry) => {
      const [table = '', time = ''] = entry.split(':');
      return [
        { hypertable_name: table, attname: time, segmentby_column_index: null, orderby_column_index: 1, orderby_asc: false },
        { hypertable_name: table, attname: 'token_id', segmentby_column_index: 1, orderby_column_index: null, orderby_asc: null },
      ].sort((a, b) => a.attname.localeCompare(b.attname));
    }),
  );
  const jobs = await db.query(
    `select proc_name, hypertable_name, schedule_interval::text,
            coalesce(config->>'drop_after', config->>'compress_after', (config->>'start_offset') || '..' || (config->>'end_offset')) as window
     from timescaledb_information.jobs where hypertable_schema = 'public' order by proc_name, hypertable_name`,
  );
  expect(jobs.rows.map((row) => [row.proc_name, row.hypertable_name, row.window])).toEqual([
    ['policy_compression', 'price_candles_1m', '1 day'],
    ['policy_compression', 'price_candles_5m', '7 days'],
    ['policy_compression', 'transactions', '7 days'],
    ['policy_refresh_continuous_aggregate', 'price_candles_1d', '30 days..1 day'],
    ['policy_refresh_continuous_aggregate', 'price_candles_1h', '7 days..01:00:00'],
    ['policy_retention', 'price_candles_1m', '7 days'],
    ['policy_retention', 'price_candles_5m', '30 days'],
    ['policy_retention', 'system_metrics', '30 days'],
    ['policy_retention', 'transactions', '90 days'],
  ]);
}

/** Rows placed so that every policy has something to do: compress, drop, materialize. */
async function insertAgedRows(db: SqlClient): Promise<void> {
  const trade = `insert into transactions (signature, ix_index, block_time, slot, pool_id, token_id, type, user_address,
      quote_mint, amount_in, amount_in_decimals, amount_out, amount_out_decimals)
    values ($1, 0, now() - $2::interval, 1, $3, $4, 'buy', 'user', 'q', 1, 9, 1, 6)`;
  await db.query(trade, ['aged-10-days', '10 days', CURVE_ID, TOKEN_ID]);
  await db.query(trade, ['aged-100-days', '100 days', CURVE_ID, TOKEN_ID]);
  await db.query(
    `insert into price_candles_1m values ($1, now() - interval '10 days', 1, 1, 1, 1, 1, 1, 1, 1, 0)`,
    [TOKEN_ID],
  );
  await db.query(
    `insert into price_candles_5m
     select $1, date_trunc('hour', now() - interval '2 days') + minutes * interval '1 minute', 1, 2, 0.5, 1.5, 10, 1, 2, 1, 1
     from unnest(array[0, 5, 10]) as minutes`,
    [TOKEN_ID],
  );
}

/**
 * Runs every policy job once, in job-id order (refresh 1h, refresh 1d, compression, retention), as
 * TimescaleDB's scheduler would, and checks each did its work. `CALL run_job` runs a job in the foreground
 * and raises when it fails; it does not write job_stats, so success is asserted as "no error, and the
 * job's effect is there" (materialized rows, a compressed chunk, dropped old rows).
 * @returns the job ids that ran.
 */
export async function runPolicyJobs(db: SqlClient): Promise<number[]> {
  await insertAgedRows(db);
  const { rows } = await db.query(
    `select job_id from timescaledb_information.jobs where hypertable_schema = 'public' order by job_id`,
  );
  const jobIds = rows.map((row) => Number(row.job_id));
  for (const jobId of jobIds) await db.query(`call run_job(${jobId})`);

  const materialized = await db.query(
    `select view_name, (xpath('/row/c/text()', query_to_xml(format('select count(*) as c from %I.%I',
       materialization_hypertable_schema, materialization_hypertable_name), false, true, '')))[1]::text::int as rows
     from timescaledb_information.continuous_aggregates order by view_name`,
  );
  expect(materialized.rows).toEqual([
    { view_name: 'price_candles_1d', rows: 1 },
    { view_name: 'price_candles_1h', rows: 1 },
  ]);
  const hour = await db.query(`select open::text, close::text, trade_count::int, buyer_bucket_sum::int from price_candles_1h`);
  expect(hour.rows).toEqual([{ open: '1', close: '1.5', trade_count: 6, buyer_bucket_sum: 3 }]);
  const compressed = await db.query(
    `select count(*)::int as chunks from timescaledb_information.chunks
     where hypertable_name = 'transactions' and is_compressed`,
  );
  expect(compressed.rows).toEqual([{ chunks: 1 }]);
  const kept = await db.query(`select signature from transactions where block_time < now() - interval '7 days' order by 1`);
  expect(kept.rows).toEqual([{ signature: 'aged-10-days' }]);
  const candles1m = await db.query(`select count(*)::int as n from price_candles_1m`);
  expect(candles1m.rows).toEqual([{ n: 0 }]);
  return jobIds;
}
