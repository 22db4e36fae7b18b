/**
 * Derived data stays exact through faults (issue 16 item 9): the real fixture blocks looped with fresh
 * signatures and slots (same block times, so every loop lands in the same candle buckets and pools) are
 * served by the local Geyser server to the real `megatron ingest` process, which is killed with SIGKILL at
 * random points, under CPU load, and restarted. Each iteration publishes more loops, kills the process at a
 * random moment (a random share of the new trades committed, or a random delay), sometimes kills the
 * restarted one again during its catch-up, and once the last restart has caught up and its jobs are idle,
 * checks the database against recomputations:
 * - trades: every loop stored exactly once, with the same rows, amounts and prices as the first loop;
 * - 1m and 5m candles: equal, column by column, to the candles recomputed from the stored trades;
 * - the dirty queue: empty;
 * - pools: reserves and position of the newest trade with reserves; reserves, progress and status as after
 *   the first loops (every loop ends in the same state), and that state from the newest loop;
 * - tokens: last_trade_slot / last_trade_at of the newest successful trade;
 * - holders: each owner's balance is the sum of its token accounts, and accounts and owners are as after the
 *   first loops (same balances and kinds), at the newest loop.
 *
 * Bounded for the default suite (FAULT_ITERATIONS, default 8: 40-90 s here, with the host's load; the seed is printed). By hand:
 *   FAULT_ITERATIONS=60 FAULT_SEED=123 FAULT_CPU_BURNERS=2 npx vitest run test/e2e/kill-restart-derived-data.test.ts
 * FAULT_OVERLAP=0..1 is the chance that an iteration also runs a replacement beside the process before
 * killing it (two processes on one database until both are idle, as in a deploy); 0 by default.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGeyserServer, type GeyserServer } from '../../src/simulate/geyser-server.js';
import { createMigratedDatabase, type TestDatabase } from '../helpers/database.js';
import { FIXTURES_DIR, fixturesMissingReason } from '../helpers/fixtures.js';
import { createLoopedStream, readFixtureBlockSlots, syntheticSlots, type LoopedStream } from '../helpers/looped-stream.js';
import { startMegatron, waitUntil, type MegatronProcess } from '../helpers/megatron-process.js';
import { DERIVED_DATA_CHECKS, loopFingerprints, normalisedState, type NormalisedState } from './derived-data-checks.js';

const START_SLOT = 380_000_000n;
const ITERATIONS = Number(process.env['FAULT_ITERATIONS'] ?? '8');
const SEED = Number(process.env['FAULT_SEED'] ?? '20261216');
const CPU_BURNERS = Number(process.env['FAULT_CPU_BURNERS'] ?? '1');
const OVERLAP = Number(process.env['FAULT_OVERLAP'] ?? '0');
const BASELINE_LOOPS = 5;
const SYNTHETIC_SLOTS = 10;

const skipReason = fixturesMissingReason();
if (skipReason) console.warn(skipReason);

function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => ((state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

describe.skipIf(skipReason !== null)('derived data after SIGKILLs at random points', () => {
  let database: TestDatabase;
  let db: pg.Client;
  let server: GeyserServer;
  let blocks: LoopedStream;
  const burners: ChildProcess[] = [];
  const running = new Set<MegatronProcess>();
  let loops = 0;

  beforeAll(async () => {
    database = await createMigratedDatabase('e2e_faults');
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    server = await startGeyserServer();
    // A loop: the three real blocks, then synthetic slots whose token balances feed the holder tables.
    const synthetic = syntheticSlots({ seed: SEED, tokensPerMinute: 300, tradesPerSecond: 50, startSlot: 1n, startTime: 1_767_000_000 }, SYNTHETIC_SLOTS);
    blocks = createLoopedStream([...readFixtureBlockSlots(FIXTURES_DIR!), ...synthetic], START_SLOT);
  }, 120_000);

  afterAll(async () => {
    for (const run of running) run.child.kill('SIGKILL');
    for (const burner of burners) burner.kill('SIGKILL');
    await server?.close();
    await db?.end();
    await database?.drop();
  });

  const env = (random: () => number): Record<string, string> => ({
    DATABASE_URL: database.url,
    GRPC_ENDPOINT: server.endpoint,
    STREAM_NAME: 'fault-test',
    STREAM_START_SLOT: START_SLOT.toString(),
    // Small and varied batches: more commits to land a kill between.
    BATCH_MAX_ROWS: String(20 + Math.floor(random() * 200)),
    BATCH_FLUSH_INTERVAL_MS: String(5 + Math.floor(random() * 60)),
    CANDLE_REFRESH_INTERVAL_MS: String(50 + Math.floor(random() * 150)),
    CANDLE_5M_REFRESH_INTERVAL_MS: String(100 + Math.floor(random() * 300)),
    // Nothing leaves the machine: the RPC-reading jobs get a port nobody listens on.
    RPC_URL: 'http://127.0.0.1:9',
    TOKEN_METADATA_ENABLED: 'false',
  });
  const publishLoops = (count: number): void => {
    for (let i = 0; i < count; i += 1) server.publish(blocks.loopUpdates(loops++));
  };
  const committed = async (): Promise<number> => Number((await db.query('select count(*)::int as n from transactions')).rows[0].n);

  function start(random: () => number, extra: Record<string, string> = {}): MegatronProcess {
    const run = startMegatron(['ingest'], { ...env(random), ...extra });
    running.add(run);
    void run.exited.then(() => running.delete(run));
    return run;
  }

  async function kill(run: MegatronProcess): Promise<void> {
    run.child.kill('SIGKILL');
    expect(await run.exited).toBe('SIGKILL');
  }

  /**
   * Waits until every published loop is checkpointed, no candle mark is left and (when given) the trades
   * number `expectedRows`; returns the number of trades.
   */
  async function caughtUp(run: MegatronProcess, expectedRows: number | null): Promise<number> {
    const lastSlot = blocks.slotOf(loops - 1, blocks.slotsPerLoop - 1);
    let trades = -1;
    await waitUntil(async () => {
      const { rows: [s] } = await db.query(`
        select (select count(*)::int from transactions) as trades, (select count(*)::int from candle_dirty_buckets) as marks,
               (select last_committed_slot from stream_checkpoints where stream = 'fault-test') as checkpoint`);
      trades = s.trades;
      return (expectedRows === null || s.trades === expectedRows) && s.marks === 0 && s.checkpoint !== null && BigInt(s.checkpoint) >= lastSlot;
    }, 120_000, () => `${expectedRows ?? 'all'} rows (${trades} stored), no marks, checkpoint ${lastSlot}; output: ${run.output().slice(-2000)}`);
    return trades;
  }

  async function check(baseline: NormalisedState, perLoop: Record<string, unknown>, label: string): Promise<void> {
    for (const [name, sql] of Object.entries(DERIVED_DATA_CHECKS)) {
      const { rows } = await db.query(sql);
      expect(rows, `${label}: ${name}`).toEqual([]);
    }
    const fingerprints = await loopFingerprints(db, START_SLOT, blocks.slotsPerLoop);
    expect(fingerprints.length, `${label}: loops stored`).toBe(loops);
    expect(fingerprints.filter(({ loop: _, ...rest }) => !isDeepStrictEqual(rest, perLoop)).slice(0, 5), `${label}: loops whose trades differ from the first loop's`).toEqual([]);
    const state = await normalisedState(db, START_SLOT, blocks.slotsPerLoop);
    expect(state.pools, `${label}: pools against the first loops`).toEqual(baseline.pools);
    expect(state.tokens, `${label}: tokens against the first loops`).toEqual(baseline.tokens);
    expect(state.accounts, `${label}: token accounts against the first loops`).toEqual(baseline.accounts);
    expect(state.owners, `${label}: holder balances against the first loops`).toEqual(baseline.owners);
    expect(state.newestLoops, `${label}: derived rows from the newest loop`).toEqual({ pools: [loops - 1], tokens: [loops - 1], accounts: [loops - 1], owners: [loops - 1] });
  }

  it('keeps candles, pools, tokens and holders equal to their recomputation, and the dirty queue drained', async () => {
    const random = createRandom(SEED);
    const started = Date.now();
    console.log(`fault test: seed ${SEED}, ${ITERATIONS} iterations, ${CPU_BURNERS} CPU burner(s), overlap ${OVERLAP} (FAULT_SEED / FAULT_ITERATIONS / FAULT_CPU_BURNERS / FAULT_OVERLAP)`);
    for (let i = 0; i < CPU_BURNERS; i += 1) burners.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));

    // The first loops without a fault: their state is what every later loop must end in.
    publishLoops(BASELINE_LOOPS);
    let current = start(random);
    const rowsPerLoop = (await caughtUp(current, null)) / BASELINE_LOOPS;
    expect(rowsPerLoop).toBeGreaterThan(0);
    const { loop: _, ...perLoop } = (await loopFingerprints(db, START_SLOT, blocks.slotsPerLoop))[0]!;
    const baseline = await normalisedState(db, START_SLOT, blocks.slotsPerLoop);
    await check(baseline, perLoop, 'first loops');

    let kills = 0;
    for (let iteration = 1; iteration <= ITERATIONS; iteration += 1) {
      const before = await committed();
      const added = 3 + Math.floor(random() * 10);
      publishLoops(added);
      const byRows = random() < 0.6;
      const threshold = before + Math.floor(random() * added * rowsPerLoop);
      const delayMs = Math.floor(random() * 2_500);
      if (byRows) await waitUntil(async () => (await committed()) >= threshold, 120_000, () => `${threshold} rows; output: ${current.output().slice(-2000)}`);
      else await new Promise((resolve) => setTimeout(resolve, delayMs));
      let label = `iteration ${iteration}: kill ${byRows ? `at ${threshold} rows` : `after ${delayMs} ms`}`;
      if (random() < OVERLAP) {
        // A replacement beside a process not yet gone (a deploy's old and new container): both ingest the
        // next loops and run their jobs until they are idle, then the old one is killed.
        const next = start(random, { LOG_LEVEL: 'info' });
        await waitUntil(async () => next.output().includes('megatron started'), 120_000, () => next.output().slice(-2000));
        publishLoops(3 + Math.floor(random() * 10));
        await caughtUp(next, rowsPerLoop * loops);
        await check(baseline, perLoop, `${label}, two processes`);
        label += ' (after two processes ran together)';
        await kill(current);
        current = next;
      } else {
        await kill(current);
        current = start(random);
      }
      kills += 1;
      // Sometimes the restarted process dies too, before it has caught up.
      if (random() < 0.3) {
        const afterMs = Math.floor(random() * 3_000);
        await new Promise((resolve) => setTimeout(resolve, afterMs));
        await kill(current);
        kills += 1;
        label += `, its replacement killed after ${afterMs} ms`;
        current = start(random);
      }
      await caughtUp(current, rowsPerLoop * loops);
      await check(baseline, perLoop, `${label} (${kills} kills, ${loops} loops)`);
      // Everything so far is checkpointed: the server may forget it (its history is the test's memory).
      server.forgetBefore(blocks.slotOf(loops, 0));
      if (ITERATIONS > 10) console.log(`${label}: exact (${kills} kills, ${loops} loops, ${Math.round((Date.now() - started) / 1000)} s)`);
    }
    await kill(current);
    console.log(`fault test: ${ITERATIONS} iterations, ${kills} SIGKILLs, ${loops} loops (${rowsPerLoop * loops} trade rows): derived data exact after every restart`);
  }, 120_000 + ITERATIONS * 60_000);
});
