/**
 * Signals in the database: the scoring run raises a buy (thresholds lowered), signal tracking follows
 * it through the stored trades to an exit, and a user's executor reports back through
 * POST /signals/{id}/execution (bearer token; nothing is executed by Megatron).
 */
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgPool, type PgPool } from '../../../src/postgres/pg-pool.js';
import { writeBatch } from '../../../src/postgres/batch-writer.js';
import { createMintFactsReader } from '../../../src/analytics/jobs/mint-facts-reader.js';
import { runScoring } from '../../../src/analytics/jobs/scoring-run.js';
import { runSignalTracking } from '../../../src/analytics/jobs/signal-tracking-run.js';
import { createHttpServer, type HttpServer } from '../../../src/api/index.js';
import { createSignalExecutionRoute } from '../../../src/api/signal-execution-route.js';
import type { RedisBatch } from '../../../src/contracts/cache-batch.js';
import { createMigratedDatabase, type TestDatabase } from '../../helpers/database.js';
import { SETTINGS } from '../../helpers/scoring-fixtures.js';
import { generateHistory } from '../../helpers/synthetic-history.js';

const TOKEN = 'test-executor-token-0123456789';
const SIGNALS = { buyMinScore: 100, buyMinProbability: 0, sellMaxScore: 0, takeProfitPct: 50, stopLossPct: 30, maxHoldMinutes: 30 };

describe('signals in the database', () => {
  let database: TestDatabase;
  let pool: PgPool;
  let server: HttpServer;
  let base: string;
  const history = generateHistory({ seed: 11, launches: 5, start: new Date(Date.now() - 5 * 3_600_000), spacingSeconds: 120, tradingMinutes: 30 });
  const published: RedisBatch[] = [];

  beforeAll(async () => {
    database = await createMigratedDatabase('signals_live');
    pool = createPgPool({ connectionString: database.url, max: 4 });
    for (const launch of history) await writeBatch(pool, launch.batch);
    server = createHttpServer({ port: 0, host: '127.0.0.1', metrics: new Registry(), health: async () => { throw new Error('unused'); }, postRoutes: { '/signals': createSignalExecutionRoute(pool, TOKEN) } });
    base = `http://127.0.0.1:${await server.listen()}`;
  });

  afterAll(async () => {
    await server?.close();
    await pool?.end();
    await database?.drop();
  });

  it('raises buys from scores, announces them, and tracks them to an exit from the trades', async () => {
    const asOf = new Date(history[4]!.creationTime.getTime() + 3 * 60_000);
    const deps = { db: pool, settings: SETTINGS, signalSettings: SIGNALS, mintReader: createMintFactsReader({ db: pool, rpc: null }), publish: async (b: RedisBatch) => void published.push(b) };
    const result = await runScoring(deps, history.map((l) => l.tokenId), asOf);
    expect(result.signals).toBeGreaterThan(0);
    const { rows: buys } = await pool.query("select id, token_id, price_at_signal::float8 as entry, peak_price::float8 as peak, triggered_by, signal_strength, was_executed from trading_signals where signal_type = 'buy'");
    expect(buys.length).toBe(result.signals);
    expect(buys[0]).toMatchObject({ triggered_by: ['effective_score>=100', 'no_red_flags'], was_executed: false });
    expect(buys[0].peak).toBe(buys[0].entry);
    expect(published[0]?.activeSignals?.map((s) => s.signalId).sort()).toEqual(buys.map((b) => b.id).sort());
    expect(published[0]?.events?.every((e) => e.type === 'signal')).toBe(true);
    // a second run does not raise a second buy for a token with one open
    await runScoring(deps, history.map((l) => l.tokenId), new Date(asOf.getTime() + 60_000));
    const { rows: [count] } = await pool.query("select count(*)::int as n from trading_signals where signal_type = 'buy'");
    expect(count.n).toBe(buys.length);

    expect(await runSignalTracking(pool, SIGNALS, new Date())).toEqual({ tracked: buys.length, exited: buys.length });
    const { rows } = await pool.query("select price_at_signal::float8 as entry, peak_price::float8 as peak, peak_time, exit_price::float8 as exit, exit_time, realized_pnl::float8 as pnl, max_drawdown::float8 as dd, signal_time, signal_metadata from trading_signals where signal_type = 'buy'");
    for (const r of rows) {
      expect(r.exit_time).not.toBeNull();
      expect(r.pnl).toBeCloseTo(Math.round(((r.exit - r.entry) / r.entry) * 10_000) / 100, 2);
      expect(r.peak).toBeGreaterThanOrEqual(r.entry);
      expect(r.dd).toBeGreaterThanOrEqual(0);
      const reason = r.signal_metadata.tracking.exitReason;
      expect(['take_profit', 'stop_loss', 'time']).toContain(reason);
      if (reason === 'take_profit') expect(r.pnl).toBeGreaterThanOrEqual(50);
      if (reason === 'stop_loss') expect(r.pnl).toBeLessThanOrEqual(-30);
      if (reason === 'time') expect(new Date(r.exit_time).getTime() - new Date(r.signal_time).getTime()).toBeGreaterThanOrEqual(30 * 60_000);
    }
    expect(await runSignalTracking(pool, SIGNALS, new Date())).toEqual({ tracked: 0, exited: 0 });
  });

  it('records an execution reported by the user, and refuses bad or unauthorised reports', async () => {
    const { rows: [signal] } = await pool.query("select id from trading_signals where signal_type = 'buy' limit 1");
    const post = (path: string, body: unknown, auth = `Bearer ${TOKEN}`) =>
      fetch(`${base}${path}`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    const report = { execution_time: '2026-01-01T12:00:01Z', execution_price: '0.0000000312', execution_signature: '5'.repeat(87) + 'a' };
    expect((await post(`/signals/${signal.id}/execution`, report, 'Bearer wrong')).status).toBe(401);
    expect((await post(`/signals/${signal.id}/execution`, { ...report, execution_price: '-1' })).status).toBe(400);
    expect((await post(`/signals/${signal.id}/execution`, '{not json')).status).toBe(400);
    expect((await post('/signals/00000000-0000-4000-8000-000000000000/execution', report)).status).toBe(404);
    const ok = await post(`/signals/${signal.id}/execution`, report);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ id: signal.id, was_executed: true, execution_price: '0.0000000312', execution_signature: report.execution_signature });
    const { rows: [row] } = await pool.query('select was_executed, execution_time from trading_signals where id = $1', [signal.id]);
    expect(row).toEqual({ was_executed: true, execution_time: new Date('2026-01-01T12:00:01Z') });
    expect((await fetch(`${base}/signals/${signal.id}/execution`)).status).toBe(404);
  });
});
