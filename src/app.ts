/**
 * The composition root: creates the database pool, the Redis sink, the metrics registry, the bounded
 * queue, the pipeline, the periodic jobs and the HTTP server, wires them to a source (the live
 * Yellowstone stream, a replay, or the demo market), and owns shutdown.
 *
 * Shutdown order: stop the source (no new items) → close the queue → the pipeline drains it, writes
 * the last batch and its checkpoint → stop the jobs → close Redis, HTTP and the pool.
 */
import type { Config } from './config.js';
import { decodeTransaction } from './decoders/index.js';
import { normalizeYellowstoneTransactionBytes } from './stream/normalize/from-yellowstone-bytes.js';
import type { Logger } from './shared/logger.js';
import { createMetrics, type Metrics } from './shared/metrics.js';
import { createBoundedQueue, type BoundedQueue } from './shared/bounded-queue.js';
import type { StreamItem } from './contracts/stream-item.js';
import { createPipeline, type Pipeline } from './pipeline/pipeline.js';
import { LatencyWindow } from './pipeline/latency-window.js';
import { createPgPool, type PgPool } from './postgres/pg-pool.js';
import { writeBatch } from './postgres/batch-writer.js';
import { commitStreamProgress } from './postgres/stream-commit.js';
import { retryDelayMs } from './postgres/sqlstate.js';
import { readDatabaseMode, type DatabaseMode } from './postgres/database-mode.js';
import { loadCheckpoint } from './postgres/checkpoint-repository.js';
import { createDisabledRedisSink, createRedisSink, type RedisSink } from './redis/index.js';
import { rebuildCacheSnapshot } from './postgres/cache-snapshot-repository.js';
import { createHttpServer, type HttpServer } from './api/index.js';
import { createMaintenanceJobs, type MaintenanceJobs } from './analytics/jobs/maintenance-jobs.js';
import { buildHealthReport } from './api/health-report.js';
import { createPeriodicJob } from './analytics/jobs/periodic-job.js';
import { refreshAllMarkedCandles, refreshFiveMinuteCandles, refreshMinuteCandles } from './postgres/candles-repository.js';
import { createIntelligenceJobs } from './analytics/jobs/intelligence-jobs.js';
import { createSignalExecutionRoute } from './api/signal-execution-route.js';
import { createHolderJobs } from './analytics/jobs/holder-jobs.js';
import { keepOwnedPoolTrades, OWNED_AMM_POOLS_MAX_ENTRIES, OwnedAmmPools, type VenueCounter } from './pipeline/amm-pools.js';
import { listOwnedAmmPools } from './postgres/pools-repository.js';
import { VenueMix } from './api/venue-mix.js';
import type { ChainTransaction } from './contracts/chain-transaction.js';
import type { DecodeResult } from './contracts/decoded-event.js';
import { checkDatabase } from './postgres/startup-checks.js';
import { checkRedis, describeRedisTarget } from './redis/startup-check.js';
import { FatalError } from './shared/errors.js';
import { createTokenMetadataJob } from './analytics/jobs/token-metadata-job.js';

/** A producer of stream items: the live stream, a replay, or the demo market. */
export interface Source {
  start(): Promise<void>;
  /** Stops producing; resolves once no more items will be pushed. */
  stop(): Promise<void>;
  status(): { connected: boolean; lastSlotSeen: bigint | null };
  /** Resolves when a finite source (a replay) has pushed everything. */
  finished?: Promise<void>;
}

export interface SourceContext {
  queue: BoundedQueue<StreamItem>;
  pool: PgPool;
  loadCheckpoint(): Promise<bigint | null>;
  /** The checkpoint this process last committed (null before the first commit): what a source may forget. */
  committedSlot(): bigint | null;
  logger: Logger;
  metrics: Metrics;
}

export interface App {
  pool: PgPool;
  redis: RedisSink;
  metrics: Metrics;
  pipeline: Pipeline;
  mode: DatabaseMode;
  /** Port the HTTP server listens on (null when disabled). */
  httpPort: number | null;
  /** Resolves when the pipeline has drained a finished source (replays); rejects on a fatal error. */
  done: Promise<void>;
  stop(): Promise<void>;
}

export interface AppOptions {
  config: Config;
  logger: Logger;
  databaseUrl: string;
  createSource(context: SourceContext): Source;
  /** Serve /health and /metrics (default true). */
  http?: boolean;
  /** Run the periodic maintenance jobs (default true). */
  jobs?: boolean;
  latencies?: LatencyWindow;
  /** Extend the slot-coverage ledger with each checkpoint (the live stream only; default true). */
  coverage?: boolean;
  /** Run after the database and Redis checks, before anything starts (the live stream checks its endpoint and token). */
  checkSource?: () => Promise<void>;
}

const GAUGE_INTERVAL_MS = 1_000;

/** Gauges that reflect state rather than events: sampled every second. */
function updateGauges(metrics: Metrics, source: Source, queue: BoundedQueue<StreamItem>): void {
  const status = source.status();
  metrics.streamConnected.set(status.connected ? 1 : 0);
  if (status.lastSlotSeen !== null) metrics.lastSlotSeen.set(Number(status.lastSlotSeen));
  metrics.queueDepth.set({ queue: 'stream' }, queue.size);
}

export async function startApp(options: AppOptions): Promise<App> {
  const { config, logger } = options;
  // Start-up checks: each failure is one line with its fix (a FatalError), before anything is started.
  await checkDatabase(options.databaseUrl, { migrated: true });
  if (config.REDIS_URL) {
    const cache = await checkRedis(config.REDIS_URL);
    if (!cache.reachable) logger.warn({ component: 'redis', redis: describeRedisTarget(config.REDIS_URL), err: cache.error }, 'Redis does not answer: starting without the cache; it is rebuilt from PostgreSQL when Redis answers');
  }
  await options.checkSource?.();
  const metrics = createMetrics();
  const pool = createPgPool({
    connectionString: options.databaseUrl,
    max: config.PG_POOL_MAX,
    onIdleError: (error) => logger.warn({ component: 'postgres', err: error.message }, 'idle database connection lost; it will be replaced'),
    onClientError: (error) => logger.warn({ component: 'postgres', err: error.message }, 'database connection lost during a transaction; it is retried on a new connection'),
  });
  const mode = await readDatabaseMode(pool).catch((error: unknown) => {
    void pool.end();
    throw error;
  });
  const stream = config.STREAM_NAME;
  // With the scoring job on, it owns `tokens:hot` (by total score); otherwise the pipeline ranks it by activity.
  const intelligenceRuns = options.jobs !== false && config.INTELLIGENCE_ENABLED;
  const redis = config.REDIS_URL
    ? createRedisSink({ url: config.REDIS_URL, keyPrefix: config.REDIS_KEY_PREFIX, channel: config.REDIS_CHANNEL, logger: logger.child({ component: 'redis' }), metrics, rebuild: () => rebuildCacheSnapshot(pool, { hotBy: intelligenceRuns ? 'score' : 'activity' }), rebuildOnFirstConnect: true })
    : createDisabledRedisSink();
  if (!config.REDIS_URL) logger.warn({ component: 'redis' }, 'REDIS_URL is not set: running without the Redis cache');
  const venueMix = new VenueMix();
  const decode = await createVenueDecoder(pool, metrics, venueMix).catch((error: unknown) => {
    void pool.end();
    throw error;
  });
  const queue = createBoundedQueue<StreamItem>(config.QUEUE_MAX_ITEMS);
  const latencies = options.latencies ?? new LatencyWindow();
  const pipeline = createPipeline({
    queue,
    stream,
    normalize: normalizeYellowstoneTransactionBytes,
    decode,
    write: (batch) => writeBatch(pool, batch, batch.checkpoint ? (client) => commitStreamProgress(client, batch.checkpoint!, options.coverage ?? true) : undefined),
    retryDelayMs,
    publish: (updates) => redis.applyCommittedBatch(updates),
    publishActivity: !intelligenceRuns,
    maxRows: config.BATCH_MAX_ROWS,
    flushIntervalMs: config.BATCH_FLUSH_INTERVAL_MS,
    trackHolders: config.HOLDERS_ENABLED,
    // A finite source (replay, backfill) ends at a slot boundary; the live stream can stop mid-slot.
    closeCompletesSlots: () => source.finished !== undefined,
    metrics,
    latencies,
    logger: logger.child({ component: 'pipeline' }),
  });
  const source = options.createSource({ queue, pool, loadCheckpoint: () => loadCheckpoint(pool, stream), committedSlot: () => pipeline.status().lastSlotCommitted, logger, metrics });
  const jobs: MaintenanceJobs | null = options.jobs === false ? null : createMaintenanceJobs({ pool, mode, config, pipeline, source, latencies, logger: logger.child({ component: 'jobs' }) });
  const holders = options.jobs === false ? null : createHolderJobs({ pool, config, logger: logger.child({ component: 'holders' }), rpcUrl: config.RPC_URL });
  // Names, decimals and token programs over RPC for tokens first seen through a trade; never in the ingest path.
  const tokenMetadata = options.jobs === false ? null : createTokenMetadataJob({ pool, config, logger: logger.child({ component: 'token-metadata' }) });
  const intelligence = !intelligenceRuns ? null : createIntelligenceJobs({ pool, config, logger: logger.child({ component: 'intelligence' }), publish: (batch) => redis.applyCommittedBatch(batch) });
  const candles = createPeriodicJob('candles', config.CANDLE_REFRESH_INTERVAL_MS, async () => {
    await refreshMinuteCandles(pool);
  }, logger.child({ component: 'candles' }));
  const candles5m = createPeriodicJob('candles-5m', config.CANDLE_5M_REFRESH_INTERVAL_MS, async () => {
    await refreshFiveMinuteCandles(pool);
  }, logger.child({ component: 'candles' }));
  const started = Date.now();
  const http = options.http === false ? null : createHttpServer({
    port: config.HTTP_PORT,
    host: config.HTTP_HOST,
    metrics: metrics.registry,
    postRoutes: config.SIGNAL_EXECUTION_TOKEN ? { '/signals': createSignalExecutionRoute(pool, config.SIGNAL_EXECUTION_TOKEN) } : undefined,
    health: () => buildHealthReport({ pool, mode, redis, redisEnabled: Boolean(config.REDIS_URL), source, pipeline, queue, startedAt: started, venues: venueMix }),
  });
  const httpPort = http
    ? await listenOrExplain(http, config.HTTP_HOST, config.HTTP_PORT).catch(async (error: unknown) => {
      await redis.close();
      await pool.end();
      throw error;
    })
    : null;
  const gauges = setInterval(() => updateGauges(metrics, source, queue), GAUGE_INTERVAL_MS);
  gauges.unref();
  const running = pipeline.run();
  await source.start();
  candles.start();
  candles5m.start();
  jobs?.start();
  holders?.start();
  tokenMetadata?.start();
  intelligence?.start();
  logger.info({ component: 'app', mode, stream, httpPort }, 'megatron started');

  let stopping: Promise<void> | null = null;
  async function stop(): Promise<void> {
    stopping ??= (async () => {
      clearInterval(gauges);
      await source.stop();
      queue.close();
      await running.catch(() => undefined);
      await candles.stop();
      await candles5m.stop();
      await refreshAllMarkedCandles(pool).catch((error: unknown) => logger.warn({ component: 'candles', err: String(error) }, 'last candle refresh failed; the marked buckets stay for the next start'));
      await jobs?.stop();
      await holders?.stop();
      await tokenMetadata?.stop();
      await intelligence?.stop();
      await redis.close();
      await http?.close();
      await pool.end();
      logger.info({ component: 'app', status: pipeline.status() }, 'megatron stopped');
    })();
    return stopping;
  }

  const done = (async () => {
    if (source.finished) {
      await source.finished;
      queue.close();
    }
    await running;
  })();
  return { pool, redis, metrics, pipeline, mode, httpPort, done, stop };
}
/**
 * The decoder the pipeline runs: every program's events, then only the AMM trades of pools our
 * migrations created (pipeline/amm-pools.ts). The pools of earlier runs come from the `pools` table (the
 * most recently traded first, as many as the bounded filter holds); each trade is counted by venue for
 * the metric and the /health venue mix.
 */
async function createVenueDecoder(pool: PgPool, metrics: Metrics, venueMix: VenueMix): Promise<(tx: ChainTransaction) => DecodeResult> {
  const owned = new OwnedAmmPools();
  const stored = await listOwnedAmmPools(pool, OWNED_AMM_POOLS_MAX_ENTRIES);
  // Oldest first, so the most recently traded end up as the most recently used.
  for (let i = stored.length - 1; i >= 0; i -= 1) owned.add(stored[i]!);
  const counters = { kept: new Map<string, { inc(): void }>(), foreign_pool: new Map<string, { inc(): void }>() };
  const count: VenueCounter = (venue, outcome) => {
    const byVenue = counters[outcome];
    let counter = byVenue.get(venue);
    if (counter === undefined) byVenue.set(venue, (counter = metrics.venueTrades.labels({ venue, outcome })));
    counter.inc();
    venueMix.record(venue, outcome);
  };
  return (tx) => keepOwnedPoolTrades(decodeTransaction(tx), owned, count);
}

/** Starts the HTTP server; a port that is taken (or forbidden) becomes one line with the fix. */
async function listenOrExplain(http: HttpServer, host: string, port: number): Promise<number> {
  try {
    return await http.listen();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new FatalError(`HTTP port ${port} on ${host} is in use: stop the process listening there, or set HTTP_PORT to a free port (0 picks one)`, null, { cause: error });
    if (code === 'EACCES') throw new FatalError(`HTTP port ${port} on ${host} needs privileges this process lacks: set HTTP_PORT to 1024 or above`, null, { cause: error });
    if (code === 'EADDRNOTAVAIL') throw new FatalError(`HTTP_HOST ${host} is not an address of this machine: set HTTP_HOST to one of its addresses, or 0.0.0.0`, null, { cause: error });
    throw error;
  }
}
