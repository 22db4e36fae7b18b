/**
 * Plain-PostgreSQL maintenance the service runs itself (TimescaleDB does the same with its jobs):
 * refreshing the 1h/1d candle views and deleting rows past their retention, both driven by the
 * settings tables the migrations wrote (`aggregate_refresh_settings`, `retention_settings`).
 */
import type { Queryable } from './pg-pool.js';

const SERVICE_AGGREGATES_SQL = `
select view_name from aggregate_refresh_settings where refreshed_by = 'service' order by bucket_width, view_name`;

/** Refreshes every service-refreshed view, finer first (1h before the 1d built on it). */
export async function refreshServiceAggregates(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ view_name: string }>(SERVICE_AGGREGATES_SQL);
  for (const row of rows) await db.query(`refresh materialized view concurrently ${quoteIdent(row.view_name)}`);
  return rows.map((r) => r.view_name);
}

const SERVICE_RETENTION_SQL = `
select relation_name, time_column, drop_after::text as drop_after from retention_settings where enforced_by = 'service'`;

/**
 * Deletes rows older than each table's retention, `batchRows` at a time so that no statement holds
 * locks for long. Returns rows deleted per table.
 */
export async function applyServiceRetention(db: Queryable, batchRows = 10_000): Promise<Record<string, number>> {
  const { rows } = await db.query<{ relation_name: string; time_column: string; drop_after: string }>(SERVICE_RETENTION_SQL);
  const deleted: Record<string, number> = {};
  for (const setting of rows) {
    const table = quoteIdent(setting.relation_name);
    const column = quoteIdent(setting.time_column);
    const sql = `delete from ${table} where ctid = any(array(select ctid from ${table} where ${column} < now() - $1::interval limit $2))`;
    let total = 0;
    for (;;) {
      const result = await db.query(sql, [setting.drop_after, batchRows]);
      total += result.rowCount ?? 0;
      if ((result.rowCount ?? 0) < batchRows) break;
    }
    deleted[setting.relation_name] = total;
  }
  return deleted;
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected identifier in settings table: ${name}`);
  return `"${name}"`;
}

/** One `system_metrics` row (the seed's columns). */
export interface SystemMetricsRow {
  metricTime: Date;
  metricType: string;
  transactionsProcessed: number;
  tokensMonitored: number;
  signalsGenerated: number;
  avgProcessingLatencyMs: number | null;
  p99ProcessingLatencyMs: number | null;
  grpcStreamHealth: string;
  memoryUsageMb: number;
  cpuUsagePercent: number;
  metricData: Record<string, unknown>;
}

const INSERT_SYSTEM_METRICS_SQL = `
insert into system_metrics (metric_time, metric_type, transactions_processed, tokens_monitored, signals_generated,
  avg_processing_latency_ms, p99_processing_latency_ms, grpc_stream_health, memory_usage_mb, cpu_usage_percent, metric_data)
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`;

export async function insertSystemMetrics(db: Queryable, row: SystemMetricsRow): Promise<void> {
  await db.query(INSERT_SYSTEM_METRICS_SQL, [
    row.metricTime.toISOString(),
    row.metricType,
    row.transactionsProcessed,
    row.tokensMonitored,
    row.signalsGenerated,
    row.avgProcessingLatencyMs,
    row.p99ProcessingLatencyMs,
    row.grpcStreamHealth,
    row.memoryUsageMb,
    row.cpuUsagePercent,
    JSON.stringify(row.metricData),
  ]);
}

const TOKENS_MONITORED_SQL = `select count(*)::int as n from tokens where last_trade_at > now() - interval '1 hour'`;

/** Tokens with a trade in the last hour. */
export async function countActiveTokens(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>(TOKENS_MONITORED_SQL);
  return rows[0]?.n ?? 0;
}
