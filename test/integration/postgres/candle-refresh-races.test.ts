/**
 * Candle refreshes interleaved with batch commits and with each other, made deterministic by stalling a
 * refresh at a chosen point: a test-only trigger makes the connections named `stalled-refresher` wait on an
 * advisory lock this test holds, inside the refresh's statement (its snapshot already taken), while other
 * connections commit batches or refresh. Pins:
 * - one refresher and a batch committing during its take or during its recomputation: the candle ends
 *   equal to its trades (the batch's mark outlives the refresh);
 * - two refreshers of the same bucket (two processes on one database), the older snapshot stalled while the
 *   newer one commits: the bug of issue 16 item 9. Each had taken different marks of the bucket (SKIP
 *   LOCKED), the stalled one then wrote its older candle over the newer one, and no mark was left to correct
 *   it: the candle held the trades of the first batch only. Refreshers of one width now take a transaction
 *   lock first, so the second waits and reads after the first commits;
 * - a replayed batch whose trades are all stored (nothing inserted) still marks their buckets.
 */
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeBatch } from '../../../src/postgres/batch-writer.js';
import { refreshFiveMinuteCandles, refreshMinuteCandles } from '../../../src/postgres/candles-repository.js';
import { createPgPool, type PgPool } from '../../../src/postgres/pg-pool.js';
import { poolIdOf, tokenIdOf } from '../../../src/pipeline/ids.js';
import type { TradeRow } from '../../../src/contracts/rows.js';
import { createMigratedDatabase, type TestDatabase } from '../../helpers/database.js';
import { curveBatch, WSOL } from '../../helpers/writer-fixtures.js';

const MINT = 'RaceMint11111111111111111111111111111111111';
const CURVE = 'RaceCurve1111111111111111111111111111111111';
const STALLED = 'stalled-refresher';
const STALL_LOCK = 7_707_707;

function trade(n: number, at: string, price: string): TradeRow {
  return {
    signature: `RaceSig${n}`, ixIndex: 0, innerIxIndex: -1, eventIndex: 0, blockTime: new Date(at), slot: BigInt(1_000 + n), txIndex: 0,
    poolId: poolIdOf(CURVE), tokenId: tokenIdOf(MINT), mint: MINT, type: n % 2 === 0 ? 'sell' : 'buy', user: `RaceUser${n % 3}`, quoteMint: WSOL,
    amountIn: 1n, amountInDecimals: 9, amountOut: 1n, amountOutDecimals: 6, solAmount: '1', tokenAmount: `${n}`, pricePerToken: null,
    priceQuotePerToken: price, protocolFee: null, platformFee: null, shareFee: null, creatorFee: null, transactionFee: 5000n,
    virtualSolReserves: null, virtualTokenReserves: null, realSolReserves: null, realTokenReserves: null, success: true, errorCode: null, rawData: null,
  };
}

// Two batches of two trades each, all in the 1-minute bucket 00:01 (and the 5-minute bucket 00:00).
const FIRST = [trade(1, '2026-01-01T00:01:05Z', '2'), trade(2, '2026-01-01T00:01:20Z', '3')];
const SECOND = [trade(3, '2026-01-01T00:01:30Z', '7'), trade(4, '2026-01-01T00:01:50Z', '1')];

// The candle of every bucket as recomputed from `transactions` right now, next to the stored one.
const COMPARE_SQL = (table: string, width: string): string => `
with expected as (
  select token_id, date_bin(interval '${width}', block_time, timestamptz '2000-01-03 00:00:00+00') as bucket,
    (array_agg(price_quote_per_token order by slot, tx_index, ix_index, inner_ix_index))[1]::text as open,
    max(price_quote_per_token)::text as high, min(price_quote_per_token)::text as low,
    (array_agg(price_quote_per_token order by slot desc, tx_index desc, ix_index desc, inner_ix_index desc))[1]::text as close,
    sum(token_amount)::text as volume_token, count(*)::int as trade_count
  from transactions where success and price_quote_per_token is not null group by 1, 2
)
select e.bucket, e.trade_count as expected_trades, c.trade_count as candle_trades,
  (e.open, e.high, e.low, e.close, e.volume_token, e.trade_count) is not distinct from
  (c.open::text, c.high::text, c.low::text, c.close::text, c.volume_token::text, c.trade_count) as equal
from expected e left join ${table} c on c.token_id = e.token_id and c.bucket = e.bucket order by e.bucket`;

describe('candle refreshes interleaved with batches and with each other', () => {
  let database: TestDatabase;
  let pool: PgPool;
  let stalledPool: PgPool;
  let db: pg.Client;

  beforeAll(async () => {
    database = await createMigratedDatabase('candle_races');
    pool = createPgPool({ connectionString: database.url, max: 2 });
    stalledPool = createPgPool({ connectionString: database.url, max: 1, applicationName: STALLED });
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    // Test scaffolding only: a stalled refresher's row writes (candles, and the deletes of its take) wait
    // for the advisory lock the test holds; every other connection passes straight through.
    await db.query(`
      create function test_stall_refresher() returns trigger language plpgsql as $$
      begin
        if current_setting('application_name') = '${STALLED}' then perform pg_advisory_xact_lock_shared(${STALL_LOCK}); end if;
        return case when tg_op = 'DELETE' then old else new end;
      end $$`);
  });

  afterAll(async () => {
    await db?.end();
    await pool?.end();
    await stalledPool?.end();
    await database?.drop();
  });

  beforeEach(async () => {
    await db.query(`drop trigger if exists test_stall on price_candles_1m; drop trigger if exists test_stall on price_candles_5m;
      drop trigger if exists test_stall on candle_dirty_buckets;
      truncate transactions, price_candles_1m, price_candles_5m, candle_dirty_buckets`);
  });

  const stallOn = (table: string, events: string): Promise<unknown> =>
    db.query(`create trigger test_stall before ${events} on ${table} for each row execute function test_stall_refresher()`);

  /** Holds the stall lock, runs `stalled` until it waits on it, runs `meanwhile`, then lets `stalled` go. */
  async function whileStalled(stalled: () => Promise<unknown>, meanwhile: () => Promise<void>): Promise<void> {
    await db.query('select pg_advisory_lock($1)', [STALL_LOCK]);
    let run: Promise<unknown> = Promise.resolve();
    try {
      run = stalled();
      await until(async () => (await waiting(STALLED)) > 0, 'the stalled refresher to wait on the stall lock');
      await meanwhile();
    } finally {
      await db.query('select pg_advisory_unlock($1)', [STALL_LOCK]);
    }
    await run;
  }

  /** Backends of `application` waiting on a lock. */
  async function waiting(application: string): Promise<number> {
    const { rows } = await db.query(`select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = $1 and wait_event_type = 'Lock'`, [application]);
    return rows[0].n;
  }

  /** Starts a second refresher; resolves once it is done, or waits for the stalled one (the fix). */
  async function refreshBeside(refresh: () => Promise<number>): Promise<{ run: Promise<number> }> {
    let settled = false;
    const run = refresh().finally(() => (settled = true));
    await until(async () => settled || (await waiting('megatron')) > 0, 'the second refresher to finish or wait');
    return { run };
  }

  const compare = async (table: string, width: string) => (await db.query(COMPARE_SQL(table, width))).rows;
  const marks = async () => (await db.query('select width_minutes, bucket from candle_dirty_buckets order by id')).rows;
  const exact = [{ bucket: new Date('2026-01-01T00:01:00Z'), expected_trades: 4, candle_trades: 4, equal: true }];
  const exact5m = [{ bucket: new Date('2026-01-01T00:00:00Z'), expected_trades: 4, candle_trades: 4, equal: true }];

  it('one refresher: a batch committing while the refresh takes its marks is recomputed by the next run', async () => {
    await writeBatch(pool, curveBatch(MINT, CURVE, FIRST));
    await stallOn('candle_dirty_buckets', 'delete');
    await whileStalled(() => refreshMinuteCandles(stalledPool), () => writeBatch(pool, curveBatch(MINT, CURVE, SECOND)).then(() => undefined));
    expect(await compare('price_candles_1m', '1 minute')).toEqual(exact);
    expect((await marks()).filter((m) => m.width_minutes === 1)).toEqual([]);
  });

  it('one refresher: a batch committing while the refresh writes an older candle leaves its mark, and the drain rewrites it', async () => {
    await writeBatch(pool, curveBatch(MINT, CURVE, FIRST));
    await stallOn('price_candles_1m', 'insert or update');
    await whileStalled(() => refreshMinuteCandles(stalledPool), () => writeBatch(pool, curveBatch(MINT, CURVE, SECOND)).then(() => undefined));
    expect(await compare('price_candles_1m', '1 minute')).toEqual(exact);
    expect((await marks()).filter((m) => m.width_minutes === 1)).toEqual([]);
  });

  it('two 1m refreshers: the one that read before the second batch cannot write its candle over the newer one (issue 16 item 9)', async () => {
    await writeBatch(pool, curveBatch(MINT, CURVE, FIRST));
    await stallOn('price_candles_1m', 'insert or update');
    let second = { run: Promise.resolve(0) };
    await whileStalled(() => refreshMinuteCandles(stalledPool), async () => {
      await writeBatch(pool, curveBatch(MINT, CURVE, SECOND));
      second = await refreshBeside(() => refreshMinuteCandles(pool));
    });
    await second.run;
    expect(await marks()).toEqual([{ width_minutes: 5, bucket: new Date('2026-01-01T00:00:00Z') }, { width_minutes: 5, bucket: new Date('2026-01-01T00:00:00Z') }]);
    // Before the fix: [{ expected_trades: 4, candle_trades: 2, equal: false }] and no 1m mark left.
    expect(await compare('price_candles_1m', '1 minute')).toEqual(exact);
  });

  it('two 5m refreshers: the same race on the 5-minute candles', async () => {
    await writeBatch(pool, curveBatch(MINT, CURVE, FIRST));
    await refreshMinuteCandles(pool);
    await stallOn('price_candles_5m', 'insert or update');
    let second = { run: Promise.resolve(0) };
    await whileStalled(() => refreshFiveMinuteCandles(stalledPool), async () => {
      await writeBatch(pool, curveBatch(MINT, CURVE, SECOND));
      await refreshMinuteCandles(pool);
      second = await refreshBeside(() => refreshFiveMinuteCandles(pool));
    });
    await second.run;
    expect(await marks()).toEqual([]);
    expect(await compare('price_candles_5m', '5 minutes')).toEqual(exact5m);
  });

  it('a replayed batch whose trades are all stored still marks their buckets', async () => {
    await writeBatch(pool, curveBatch(MINT, CURVE, [...FIRST, ...SECOND]));
    await refreshMinuteCandles(pool);
    await db.query('delete from price_candles_1m');
    const replay = await writeBatch(pool, curveBatch(MINT, CURVE, [...FIRST, ...SECOND]));
    expect(replay.tradesInserted).toBe(0);
    expect((await marks()).filter((m) => m.width_minutes === 1)).toEqual([{ width_minutes: 1, bucket: new Date('2026-01-01T00:01:00Z') }]);
    await refreshMinuteCandles(pool);
    expect(await compare('price_candles_1m', '1 minute')).toEqual(exact);
  });
});

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
