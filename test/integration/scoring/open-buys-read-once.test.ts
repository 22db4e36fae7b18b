/**
 * Regression: open buys are read once per scoring run. `closeBuys` used to read every open buy again for
 * each 500-token chunk that closed one (3 chunks with a sell = 4 reads of `trading_signals`); the run
 * now reads them once, before the first chunk, and closes buys from that reading. Counted through a db
 * handle that counts the open-buy statement; the closes themselves must come out as before.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgPool, type PgPool, type Queryable } from '../../../src/postgres/pg-pool.js';
import { writeBatch } from '../../../src/postgres/batch-writer.js';
import { OPEN_BUYS_SQL } from '../../../src/postgres/signals-repository.js';
import { createMintFactsReader } from '../../../src/analytics/jobs/mint-facts-reader.js';
import { runScoring, type ScoringRunDeps } from '../../../src/analytics/jobs/scoring-run.js';
import type { SignalSettings } from '../../../src/analytics/signals/signal-rules.js';
import { createMigratedDatabase, type TestDatabase } from '../../helpers/database.js';
import { SETTINGS } from '../../helpers/scoring-fixtures.js';
import { generateHistory } from '../../helpers/synthetic-history.js';

const CHUNK_TOKENS = 500;
const OPEN_ON_LOW_BAR: SignalSettings = { buyMinScore: 100, buyMinProbability: 0, sellMaxScore: 0, takeProfitPct: 50, stopLossPct: 30, maxHoldMinutes: 30 };
/** Every effective score is at most 999: each open buy gets a sell. */
const SELL_EVERYTHING: SignalSettings = { ...OPEN_ON_LOW_BAR, sellMaxScore: 999 };

/** The pool, with a count of the statements that read the open buys. */
function countOpenBuyReads(pool: PgPool): { db: Queryable; reads(): number } {
  let reads = 0;
  const query = (...args: unknown[]) => {
    if (args[0] === OPEN_BUYS_SQL) reads += 1;
    return (pool.query as (...a: unknown[]) => unknown)(...args);
  };
  return { db: { query } as unknown as Queryable, reads: () => reads };
}

describe('open buys are read once per scoring run', () => {
  let database: TestDatabase;
  let pool: PgPool;
  const history = generateHistory({ seed: 11, launches: 20, start: new Date(Date.now() - 5 * 3_600_000), spacingSeconds: 120, tradingMinutes: 30 });

  beforeAll(async () => {
    database = await createMigratedDatabase('open_buys_once');
    pool = createPgPool({ connectionString: database.url, max: 4 });
    for (const launch of history) await writeBatch(pool, launch.batch);
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it('reads them once for a run of several chunks that each close a buy, and closes every buy at its sell', async () => {
    const asOf = new Date(history[19]!.creationTime.getTime() + 3 * 60_000);
    const counted = countOpenBuyReads(pool);
    const deps = (signalSettings: SignalSettings): ScoringRunDeps => ({
      db: counted.db, settings: SETTINGS, signalSettings, mintReader: createMintFactsReader({ db: pool, rpc: null }), publish: async () => undefined,
    });
    await runScoring(deps(OPEN_ON_LOW_BAR), history.map((l) => l.tokenId), asOf);
    expect(counted.reads()).toBe(1);
    const { rows: buys } = await pool.query("select id, token_id from trading_signals where signal_type = 'buy' and exit_time is null order by token_id");
    expect(buys.length).toBeGreaterThanOrEqual(2);

    // Each token with an open buy leads its own chunk; the rest of each chunk are ids of no token (left out by the read).
    const tokenIds = buys.flatMap((b, i) => [b.token_id as string, ...(i < buys.length - 1 ? Array.from({ length: CHUNK_TOKENS - 1 }, () => randomUUID()) : [])]);
    const result = await runScoring(deps(SELL_EVERYTHING), tokenIds, new Date(asOf.getTime() + 60_000));
    expect(counted.reads()).toBe(2);
    expect(result.signals).toBe(buys.length);

    const { rows: closed } = await pool.query(`
      select b.id, b.exit_time, b.exit_price::float8 as exit_price, b.signal_metadata->'tracking'->>'exitReason' as reason,
        s.signal_time as sell_time, s.price_at_signal::float8 as sell_price
      from trading_signals b join trading_signals s on s.signal_type = 'sell' and s.signal_metadata->>'buyId' = b.id::text
      where b.signal_type = 'buy' order by b.token_id`);
    expect(closed).toEqual(buys.map((b) => ({
      id: b.id, exit_time: expect.any(Date), exit_price: expect.any(Number), reason: 'sell_signal', sell_time: expect.any(Date), sell_price: expect.any(Number),
    })));
    for (const c of closed) expect({ exitTime: c.exit_time, exitPrice: c.exit_price }).toEqual({ exitTime: c.sell_time, exitPrice: c.sell_price });
  });
});
