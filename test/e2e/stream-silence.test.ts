/**
 * The stream watchdog in the running service: `megatron ingest` against the local Geyser server, which
 * goes silent (connection open, no updates, no pongs) after the first slots. The service reopens the
 * stream from its checkpoint each STREAM_SILENCE_SECONDS, counts it in /metrics and logs it; when the
 * server talks again every trade lands exactly once.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyntheticMarket, type SyntheticMarket } from '../../src/simulate/synthetic-market.js';
import { startGeyserServer, type GeyserServer } from '../../src/simulate/geyser-server.js';
import { createMigratedDatabase, type TestDatabase } from '../helpers/database.js';
import { startMegatron, waitUntil, type MegatronProcess } from '../helpers/megatron-process.js';

const START_SLOT = 360_000_000n;

/** The value of a counter without labels in Prometheus text, or null when it is not exported. */
function counterValue(metrics: string, name: string): number | null {
  const line = metrics.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? null : Number(line.slice(name.length + 1));
}

describe('stream watchdog in megatron ingest', () => {
  let database: TestDatabase;
  let db: pg.Client;
  let server: GeyserServer;
  let market: SyntheticMarket;
  let running: MegatronProcess | null = null;
  let feed: NodeJS.Timeout | undefined;

  beforeAll(async () => {
    database = await createMigratedDatabase('e2e_silence');
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    server = await startGeyserServer();
    market = createSyntheticMarket({ seed: 20261205, tokensPerMinute: 120, tradesPerSecond: 400, startSlot: START_SLOT });
  });

  afterAll(async () => {
    clearInterval(feed);
    running?.child.kill('SIGKILL');
    await server?.close();
    await db?.end();
    await database?.drop();
  });

  const publishSlots = (count: number): void => {
    for (let i = 0; i < count; i += 1) server.publish(market.nextSlot().updates);
  };
  const storedRows = async (): Promise<number> => (await db.query('select count(*)::int as n from transactions')).rows[0].n;

  it('reopens a silent stream from the checkpoint, counts it in /metrics, logs it, and loses nothing', async () => {
    publishSlots(20);
    // A slot every 200 ms from here on, as a live chain sends them: a healthy stream is never silent.
    feed = setInterval(() => publishSlots(1), 200);
    const firstRows = market.truth.length + market.failed.length;
    running = startMegatron(['ingest'], {
      LOG_LEVEL: 'info', DATABASE_URL: database.url, GRPC_ENDPOINT: server.endpoint, STREAM_NAME: 'silence-test',
      STREAM_START_SLOT: START_SLOT.toString(), STREAM_SILENCE_SECONDS: '1', GRPC_RECONNECT_MAX_DELAY_MS: '300',
    });
    const service = running;
    await waitUntil(async () => (await storedRows()) >= firstRows, 60_000, () => `${firstRows} rows; output: ${service.output().slice(-2_000)}`);
    const started = service.output().split('\n').find((line) => line.includes('"msg":"megatron started"'));
    const httpPort = (JSON.parse(started!) as { httpPort: number }).httpPort;
    const metrics = async (): Promise<string> => (await fetch(`http://127.0.0.1:${httpPort}/metrics`)).text();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(counterValue(await metrics(), 'megatron_stream_silence_reconnects_total')).toBe(0);

    // Silent: the connection stays open, nothing arrives, not even pongs; the feed goes on behind it.
    server.stall(true, { silent: true });
    await waitUntil(async () => (counterValue(await metrics(), 'megatron_stream_silence_reconnects_total') ?? 0) >= 2, 30_000, () => service.output().slice(-2_000));
    server.stall(false);
    clearInterval(feed);
    const allRows = market.truth.length + market.failed.length;
    await waitUntil(async () => (await storedRows()) >= allRows, 60_000, () => `${allRows} rows; output: ${service.output().slice(-2_000)}`);
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    running = null;

    const silenceLogs = service.output().split('\n').filter((line) => line.includes('"msg":"stream silent (no update, no ping): reconnecting from the checkpoint"'));
    expect(silenceLogs.length).toBeGreaterThanOrEqual(2);
    expect(JSON.parse(silenceLogs[0]!)).toMatchObject({ level: 40, component: 'yellowstone-source', limitMs: 1_000 });
    const { rows: trades } = await db.query(`select signature, ix_index, inner_ix_index from transactions where success`);
    const stored = trades.map((t) => `${t.signature}|${t.ix_index}|${t.inner_ix_index}`).sort();
    expect(stored).toEqual(market.truth.map((t) => `${t.signature}|${t.outerIndex}|${t.innerIndex ?? -1}`).sort());
    expect(await storedRows()).toBe(allRows);
  }, 180_000);
});
