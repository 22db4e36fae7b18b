/**
 * The service's own periodic jobs: on plain PostgreSQL, refresh the 1h/1d candle views and apply
 * retention (TimescaleDB runs its own policies); in both modes, write a `system_metrics` row every
 * interval with the seed's columns.
 */
import type { Config } from '../../config.js';
import type { DatabaseMode } from '../../postgres/database-mode.js';
import type { PgPool } from '../../postgres/pg-pool.js';
import { applyServiceRetention, countActiveTokens, insertSystemMetrics, refreshServiceAggregates } from '../../postgres/maintenance-repository.js';
import type { Pipeline } from '../../pipeline/pipeline.js';
import type { LatencyWindow } from '../../pipeline/latency-window.js';
import { HOUR } from '../../shared/time.js';
import { createPeriodicJob, type JobLogger, type PeriodicJob } from './periodic-job.js';

export interface MaintenanceJobs {
  start(): void;
  stop(): Promise<void>;
  jobs: Record<string, PeriodicJob>;
}

export interface MaintenanceDeps {
  pool: PgPool;
  mode: DatabaseMode;
  config: Config;
  pipeline: Pick<Pipeline, 'status'>;
  source: { status(): { connected: boolean } };
  latencies: LatencyWindow;
  logger: JobLogger;
}

const RETENTION_INTERVAL_MS = HOUR;

export function createMaintenanceJobs(deps: MaintenanceDeps): MaintenanceJobs {
  const jobs: Record<string, PeriodicJob> = {
    systemMetrics: createPeriodicJob('system-metrics', deps.config.SYSTEM_METRICS_INTERVAL_MS, systemMetricsWork(deps), deps.logger),
  };
  if (deps.mode === 'plain') {
    jobs.refreshAggregates = createPeriodicJob('refresh-aggregates', deps.config.REFRESH_AGGREGATES_INTERVAL_MS, async () => {
      await refreshServiceAggregates(deps.pool);
    }, deps.logger);
    jobs.retention = createPeriodicJob('retention', RETENTION_INTERVAL_MS, async () => {
      const deleted = await applyServiceRetention(deps.pool);
      deps.logger.info({ deleted }, 'retention applied');
    }, deps.logger);
  }
  return {
    jobs,
    start: () => Object.values(jobs).forEach((job) => job.start()),
    stop: async () => {
      await Promise.all(Object.values(jobs).map((job) => job.stop()));
    },
  };
}

/** One system_metrics row per interval: counts since the previous row, latency, memory and CPU. */
export function systemMetricsWork(deps: MaintenanceDeps): () => Promise<void> {
  let previous = { trades: deps.pipeline.status().tradesCommitted, cpu: process.cpuUsage(), at: performance.now() };
  return async () => {
    const status = deps.pipeline.status();
    const cpu = process.cpuUsage(previous.cpu);
    const elapsedMs = performance.now() - previous.at;
    const latency = deps.latencies.take();
    const connected = deps.source.status().connected;
    await insertSystemMetrics(deps.pool, {
      metricTime: new Date(),
      metricType: 'ingestion',
      transactionsProcessed: status.tradesCommitted - previous.trades,
      tokensMonitored: await countActiveTokens(deps.pool),
      signalsGenerated: 0,
      avgProcessingLatencyMs: latency.avgMs === null ? null : round2(latency.avgMs),
      p99ProcessingLatencyMs: latency.p99Ms === null ? null : round2(latency.p99Ms),
      grpcStreamHealth: connected ? 'connected' : 'disconnected',
      memoryUsageMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
      cpuUsagePercent: Math.min(999.99, round2(((cpu.user + cpu.system) / 1000 / elapsedMs) * 100)),
      metricData: {
        lastSlotSeen: status.lastSlotSeen?.toString() ?? null,
        lastSlotCommitted: status.lastSlotCommitted?.toString() ?? null,
        batchesCommitted: status.batchesCommitted,
        eventsDecoded: status.eventsDecoded,
        quarantined: status.quarantined,
        latencyP50Ms: latency.p50Ms,
        latencySamples: latency.count,
      },
    });
    previous = { trades: status.tradesCommitted, cpu: process.cpuUsage(), at: performance.now() };
  };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
