/**
 * Ingest benchmark: the synthetic market through the whole process — Yellowstone messages normalised
 * and decoded, rows built and batched, committed to PostgreSQL (with candles, checkpoint, coverage),
 * then Redis — on this machine. (The gRPC transport is measured on its own by `bench stream`.)
 *
 * Prints:
 *  1. sustained trades/s with the queue kept full (and the same run without holder tracking, when
 *     that stage exists, so its cost is visible);
 *  2. receipt-to-commit latency p50/p99 at a fixed 2,000 trades/s;
 *  3. peak resident memory;
 *  4. a plain COPY of the same trade rows into the same table (fresh database, same indexes and
 *     keys) as the ceiling, and our ratio to it.
 * Run: `npm run bench -- ingest` or `npx tsx bench/ingest.ts [--trades N] [--paced-seconds S]`.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { SubscribeUpdate } from '@triton-one/yellowstone-grpc';
import { startApp, type Source, type SourceContext } from '../src/app.js';
import { normalizeYellowstoneTransaction } from '../src/decoders/transaction/from-yellowstone.js';
import { createSignatureDedupe } from '../src/stream/signature-dedupe.js';
import { mapSubscribeUpdate } from '../src/stream/update-mapper.js';
import { LatencyWindow } from '../src/pipeline/latency-window.js';
import { createSyntheticMarket, type SyntheticSlot } from '../src/simulate/synthetic-market.js';
import { sleep } from '../src/shared/time.js';
import { createMigratedDatabase } from '../test/helpers/database.js';
import { testConfig, testLogger } from '../test/helpers/app-config.js';
import { copyTradesCeiling } from './copy-ceiling.js';

export interface BenchIngestOptions {
  trades?: number;
  pacedSeconds?: number;
  pacedTradesPerSecond?: number;
}

interface PreparedSlot {
  slot: bigint;
  blockTime: number;
  updates: SubscribeUpdate[];
  trades: number;
}

/** Pre-generates market slots holding about `trades` trades (generation is not what we measure). */
function prepareMarket(seed: number, trades: number, startSlot: bigint, tradesPerSecond: number): PreparedSlot[] {
  const market = createSyntheticMarket({ seed, tokensPerMinute: 600, tradesPerSecond, startSlot, startTime: Math.floor(Date.now() / 1000) - 3600 });
  const slots: PreparedSlot[] = [];
  let generated = 0;
  while (generated < trades) {
    const before = market.truth.length + market.failed.length;
    const slot: SyntheticSlot = market.nextSlot();
    const count = market.truth.length + market.failed.length - before;
    generated += count;
    slots.push({ slot: slot.slot, blockTime: slot.blockTime, updates: slot.updates, trades: count });
  }
  return slots;
}

/**
 * A source that maps the prepared updates exactly as the live stream does (normalise, block meta, slot
 * status) and pushes them, as fast as the queue takes them or paced to a trade rate.
 */
function marketSource(slots: PreparedSlot[], tradesPerSecond: number | null): (ctx: SourceContext) => Source {
  return (ctx) => {
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    let stopped = false;
    let last: bigint | null = null;
    const context = { normalize: normalizeYellowstoneTransaction, dedupe: createSignatureDedupe(3_000), committedSlot: null };
    return {
      finished,
      async start() {
        void (async () => {
          const started = performance.now();
          let sent = 0;
          for (const slot of slots) {
            if (stopped) break;
            if (tradesPerSecond !== null) {
              const due = started + (sent / tradesPerSecond) * 1000;
              const wait = due - performance.now();
              if (wait > 0) await sleep(wait);
            }
            for (const update of slot.updates) {
              const outcome = mapSubscribeUpdate(update, context);
              if ('item' in outcome) await ctx.queue.push(outcome.item);
            }
            last = slot.slot;
            sent += slot.trades;
          }
          done();
        })();
      },
      async stop() {
        stopped = true;
      },
      status: () => ({ connected: true, lastSlotSeen: last }),
    };
  };
}

interface RunResult {
  trades: number;
  seconds: number;
  latencyP50Ms: number | null;
  latencyP99Ms: number | null;
  peakRssMb: number;
  databaseUrl: string;
}

async function runOnce(databaseUrl: string, slots: PreparedSlot[], paced: number | null, overrides: Record<string, string>): Promise<RunResult> {
  const latencies = new LatencyWindow();
  const config = testConfig({ DATABASE_URL: databaseUrl, REDIS_URL: process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: `bench:${process.pid}:`, BATCH_MAX_ROWS: '5000', QUEUE_MAX_ITEMS: '20000', LOG_LEVEL: 'error', ...overrides });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const started = performance.now();
  const app = await startApp({ config, logger: testLogger('error'), databaseUrl, createSource: marketSource(slots, paced), http: false, jobs: false, latencies });
  await app.done;
  const seconds = (performance.now() - started) / 1000;
  const trades = app.pipeline.status().tradesCommitted;
  await app.stop();
  clearInterval(sampler);
  const summary = latencies.take();
  return { trades, seconds, latencyP50Ms: summary.p50Ms, latencyP99Ms: summary.p99Ms, peakRssMb: Math.round(peakRss / 1024 / 1024), databaseUrl };
}

/** Only the paced phase (used to study latency). */
export async function benchPaced(rate = 2_000, seconds = 15, overrides: Record<string, string> = {}): Promise<void> {
  const pacedSlots = prepareMarket(11, rate * seconds, 320_000_000n, rate);
  const pacedDb = await createMigratedDatabase('bench_ingest_paced');
  const paced = await runOnce(pacedDb.url, pacedSlots, rate, overrides);
  console.log(`ingest: at ${rate} trades/s for ${paced.seconds.toFixed(1)} s: receipt-to-commit latency p50 ${fmt(paced.latencyP50Ms)} ms, p99 ${fmt(paced.latencyP99Ms)} ms, peak RSS ${paced.peakRssMb} MB`);
  await pacedDb.drop();
}

export async function benchIngest(options: BenchIngestOptions = {}): Promise<void> {
  const totalTrades = options.trades ?? 100_000;
  const pacedRate = options.pacedTradesPerSecond ?? 2_000;
  // Latency first, on a fresh process heap and database: the burst run's data would otherwise skew it.
  await benchPaced(pacedRate, options.pacedSeconds ?? 20);

  console.log(`ingest: preparing ${totalTrades} synthetic trades...`);
  const throughputDb = await createMigratedDatabase('bench_ingest');
  const run = await runOnce(throughputDb.url, prepareMarket(7, totalTrades, 310_000_000n, 20_000), null, {});
  console.log(`ingest: sustained ${Math.round(run.trades / run.seconds)} trades/s (${run.trades} trades committed in ${run.seconds.toFixed(1)} s, queue kept full), peak RSS ${run.peakRssMb} MB (the pre-generated market is held in memory)`);

  const ceiling = await copyTradesCeiling(throughputDb.url);
  console.log(`ingest: ceiling — plain COPY of the same ${ceiling.rows} trade rows into a fresh transactions table: ${Math.round(ceiling.rowsPerSecond)} rows/s; ours ${Math.round(run.trades / run.seconds)} trades/s = ${((run.trades / run.seconds / ceiling.rowsPerSecond) * 100).toFixed(0)} % of it`);
  await throughputDb.drop();
}

function fmt(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { trades: { type: 'string' }, 'paced-seconds': { type: 'string' } } });
  await benchIngest({
    ...(values.trades ? { trades: Number(values.trades) } : {}),
    ...(values['paced-seconds'] ? { pacedSeconds: Number(values['paced-seconds']) } : {}),
  });
}
