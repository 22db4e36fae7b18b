/**
 * The Prometheus metrics of the process, on a registry of their own (never prom-client's global one), so
 * tests and several app instances can each create theirs without name collisions. Every name starts with
 * `megatron_`; labels are snake_case. Exposed by the API at GET /metrics.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const PREFIX = 'megatron_';

/** 1 ms .. 10 s: commit latency and batch durations. */
export const LATENCY_BUCKETS_SECONDS = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];
/** 1 .. 10 000 rows per batch. */
export const BATCH_SIZE_BUCKETS_ROWS = [1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000];

/**
 * What the decoder made of its input, besides events (those are `events_decoded_total`): a transaction
 * that touches none of our programs (`not_mine`, `DecodeResult.notMine`), and the kinds of its
 * decode-stage quarantine records (`unknown_discriminator`, `malformed`, `decoder_failure`).
 */
export const DECODER_OUTCOMES = ['not_mine', 'unknown_discriminator', 'malformed', 'decoder_failure'] as const;
export type DecoderOutcome = (typeof DECODER_OUTCOMES)[number];

/** The programs trades come from (launchpads and the AMM venues they graduate to), and what became of them. */
export const TRADE_VENUES = ['pumpfun', 'raydium_launchpad', 'pumpswap', 'raydium_cpmm', 'raydium_amm_v4'] as const;
export const VENUE_OUTCOMES = ['kept', 'foreign_pool'] as const;

export interface MetricsOptions {
  /** Also collect Node's process metrics (CPU, memory, event loop lag) under `megatron_`; default true. */
  collectProcessMetrics?: boolean;
}

/** Creates a registry with every metric of the service and returns typed handles to them. */
export function createMetrics(options: MetricsOptions = {}) {
  const registry = new Registry();
  if (options.collectProcessMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: PREFIX });
  const registers = [registry];
  const decoderOutcomes = new Counter({
    name: `${PREFIX}decoder_outcomes_total`,
    help: 'Decoder outcomes other than an event: transactions not touching our programs, payloads with an unknown discriminator, malformed payloads, decoder failures',
    labelNames: ['outcome'] as const, registers,
  });
  // Every outcome is exported from the start (at 0), so rate() and alerts see a series before the first one.
  for (const outcome of DECODER_OUTCOMES) decoderOutcomes.inc({ outcome }, 0);
  const venueTrades = new Counter({
    name: `${PREFIX}venue_trades_total`,
    help: 'Decoded trades by venue (program) and outcome: kept, or foreign_pool (an AMM pool no token of ours owns: dropped, never stored)',
    labelNames: ['venue', 'outcome'] as const, registers,
  });
  for (const venue of TRADE_VENUES) for (const outcome of VENUE_OUTCOMES) venueTrades.inc({ venue, outcome }, 0);
  return {
    registry,
    /** Decoded events, by program (`pumpfun`, ...) and kind (`trade`, ...). */
    eventsDecoded: new Counter({
      name: `${PREFIX}events_decoded_total`, help: 'Events decoded, by program and kind',
      labelNames: ['program', 'kind'] as const, registers,
    }),
    /** Decoder outcomes other than an event, by `outcome` (`DECODER_OUTCOMES`); the pipeline counts them per transaction. */
    decoderOutcomes,
    /** Decoded trades by `venue` (`TRADE_VENUES`) and `outcome` (`VENUE_OUTCOMES`): the AMM trades of other pools are dropped here. */
    venueTrades,
    /** Quarantined inputs, by stage (`normalize`, `decode`, `store`) and kind (`QuarantineKind` in contracts/quarantine.ts). */
    quarantined: new Counter({
      name: `${PREFIX}quarantined_total`, help: 'Records sent to quarantine, by stage and kind',
      labelNames: ['stage', 'kind'] as const, registers,
    }),
    /** Transactions received from a source (`grpc`, `rpc`, `replay`). */
    transactionsReceived: new Counter({
      name: `${PREFIX}transactions_received_total`, help: 'Transactions received, by source',
      labelNames: ['source'] as const, registers,
    }),
    /** Rows written, by table. */
    batchRows: new Counter({
      name: `${PREFIX}batch_rows_total`, help: 'Rows written by the sinks, by table',
      labelNames: ['table'] as const, registers,
    }),
    /** Rows per committed batch, by sink (`postgres`, `redis`). */
    batchSize: new Histogram({
      name: `${PREFIX}batch_size_rows`, help: 'Rows per batch, by sink',
      labelNames: ['sink'] as const, buckets: BATCH_SIZE_BUCKETS_ROWS, registers,
    }),
    /** Time to write one batch, by sink. */
    batchDuration: new Histogram({
      name: `${PREFIX}batch_duration_seconds`, help: 'Time to write one batch, by sink',
      labelNames: ['sink'] as const, buckets: LATENCY_BUCKETS_SECONDS, registers,
    }),
    /** From a transaction's receipt by the stream to the commit of its rows. */
    commitLatency: new Histogram({
      name: `${PREFIX}commit_latency_seconds`, help: 'Seconds from transaction receipt to database commit',
      buckets: LATENCY_BUCKETS_SECONDS, registers,
    }),
    /** Items waiting in a bounded queue, by queue name. */
    queueDepth: new Gauge({
      name: `${PREFIX}queue_depth`, help: 'Items waiting in a queue, by queue',
      labelNames: ['queue'] as const, registers,
    }),
    /** 1 while the Yellowstone stream is connected. */
    streamConnected: new Gauge({
      name: `${PREFIX}stream_connected`, help: '1 while the gRPC stream is connected', registers,
    }),
    /** Silent streams reopened from the checkpoint: no update and no ping for STREAM_SILENCE_SECONDS, or nothing at all for 3 keep-alive periods. */
    streamSilenceReconnects: new Counter({
      name: `${PREFIX}stream_silence_reconnects_total`, help: 'Silent streams reopened from the checkpoint: no update and no ping for STREAM_SILENCE_SECONDS, or nothing at all (not even a pong) for 3 GRPC_PING_INTERVAL_MS', registers,
    }),
    /** Highest slot received from the stream. */
    lastSlotSeen: new Gauge({
      name: `${PREFIX}last_slot_seen`, help: 'Highest slot received', registers,
    }),
    /** Last slot whose rows are committed (the checkpoint). */
    lastSlotCommitted: new Gauge({
      name: `${PREFIX}last_slot_committed`, help: 'Last fully committed slot', registers,
    }),
    /** 1 while the Redis client is ready. */
    redisConnected: new Gauge({
      name: `${PREFIX}redis_connected`, help: '1 while Redis is connected', registers,
    }),
    /** Batches that did not reach Redis (outage or timeout); the cache is rebuilt afterwards. */
    redisBatchesDropped: new Counter({
      name: `${PREFIX}redis_batches_dropped_total`, help: 'Committed batches not written to Redis', registers,
    }),
    /** Completed cache rebuilds from PostgreSQL. */
    redisRebuilds: new Counter({
      name: `${PREFIX}redis_rebuilds_total`, help: 'Redis cache rebuilds from PostgreSQL', registers,
    }),
  };
}

/** The handles `createMetrics()` returns. */
export type Metrics = ReturnType<typeof createMetrics>;
