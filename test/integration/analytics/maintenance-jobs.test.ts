/**
 * The service's own maintenance on plain PostgreSQL: refreshing the 1h/1d views from the 5m candles,
 * deleting rows past their retention, and writing a system_metrics row with the seed's columns.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemMetricsWork } from '../../../src/analytics/jobs/maintenance-jobs.js';
import { LatencyWindow } from '../../../src/pipeline/latency-window.js';
import { createPgPool, type PgPool } from '../../../src/postgres/pg-pool.js';
import { applyServiceRetention, refreshServiceAggregates } from '../../../src/postgres/maintenance-repository.js';
import { createMigratedDatabase, type TestDatabase } from '../../helpers/database.js';
import { testConfig } from '../../helpers/app-config.js';

const TOKEN = '11111111-2222-5333-8444-555555555555';

describe('maintenance jobs (plain mode)', () => {
  let database: TestDatabase;
  let pool: PgPool;
  let db: pg.Client;

  beforeAll(async () => {
    database = await createMigratedDatabase('maintenance');
    pool = createPgPool({ connectionString: database.url, max: 2 });
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    await db.query(`insert into tokens (id, mint_address, platform, discovery_source) values ($1, 'MintMaintenance1111111111111111111111111111', 'pumpfun', 'trade')`, [TOKEN]);
  });
  afterAll(async () => {
    await db?.end();
    await pool?.end();
    await database?.drop();
  });

  it('refreshes 1h then 1d from the 5m candles', async () => {
    await db.query(`insert into price_candles_5m (token_id, bucket, open, high, low, close, volume_token, volume_sol, trade_count, buyer_count, seller_count) values
      ($1, '2026-11-30 10:00+00', 1, 3, 1, 2, 10, 1, 4, 2, 1),
      ($1, '2026-11-30 10:55+00', 2, 5, 0.5, 4, 20, 2, 6, 3, 2),
      ($1, '2026-11-30 11:05+00', 4, 4, 3, 3, 5, 0.5, 1, 1, 0)`, [TOKEN]);
    expect(await refreshServiceAggregates(pool)).toEqual(['price_candles_1h', 'price_candles_1d']);
    const { rows: hours } = await db.query(`select bucket, open, high, low, close, trade_count::int, buyer_bucket_sum::int from price_candles_1h order by bucket`);
    expect(hours.map((h) => ({ ...h, bucket: h.bucket.toISOString() }))).toEqual([
      { bucket: '2026-11-30T10:00:00.000Z', open: '1', high: '5', low: '0.5', close: '4', trade_count: 10, buyer_bucket_sum: 5 },
      { bucket: '2026-11-30T11:00:00.000Z', open: '4', high: '4', low: '3', close: '3', trade_count: 1, buyer_bucket_sum: 1 },
    ]);
    const { rows: days } = await db.query(`select open, high, low, close, trade_count::int from price_candles_1d`);
    expect(days).toEqual([{ open: '1', high: '5', low: '0.5', close: '3', trade_count: 11 }]);
  });

  it('deletes rows past their retention and keeps the rest', async () => {
    await db.query(`insert into price_candles_1m (token_id, bucket, open, high, low, close, volume_token, volume_sol, trade_count, buyer_count, seller_count) values
      ($1, now() - interval '8 days', 1, 1, 1, 1, 1, 1, 1, 1, 0), ($1, now() - interval '6 days', 1, 1, 1, 1, 1, 1, 1, 1, 0)`, [TOKEN]);
    const deleted = await applyServiceRetention(pool, 1);
    expect(deleted).toMatchObject({ price_candles_1m: 1, transactions: 0 });
    const { rows } = await db.query(`select count(*)::int as n from price_candles_1m`);
    expect(rows[0].n).toBe(1);
  });

  it('writes a system_metrics row with the seed columns', async () => {
    const latencies = new LatencyWindow();
    for (const ms of [10, 20, 30, 400]) latencies.record(ms);
    let committed = 100;
    const work = systemMetricsWork({
      pool,
      mode: 'plain',
      config: testConfig(),
      pipeline: { status: () => ({ tradesCommitted: committed, lastSlotSeen: 9n, lastSlotCommitted: 8n, batchesCommitted: 3, eventsDecoded: 120, quarantined: 1, lastCommitAt: Date.now() }) },
      source: { status: () => ({ connected: true }) },
      latencies,
      logger: { info: () => undefined, warn: () => undefined },
    });
    committed = 250;
    await work();
    const { rows } = await db.query(`select metric_type, transactions_processed, avg_processing_latency_ms, p99_processing_latency_ms, grpc_stream_health, memory_usage_mb > 0 as memory, metric_data from system_metrics`);
    expect(rows).toEqual([{
      metric_type: 'ingestion', transactions_processed: 150, avg_processing_latency_ms: '115.00', p99_processing_latency_ms: '400.00',
      grpc_stream_health: 'connected', memory: true,
      metric_data: expect.objectContaining({ lastSlotSeen: '9', lastSlotCommitted: '8', quarantined: 1, latencySamples: 4 }),
    }]);
  });
});
