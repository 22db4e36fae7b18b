/**
 * Candle refresh in two cadences against the real PostgreSQL: the 1m job rewrites the 1m buckets the
 * batch writer marked and marks their 5m buckets; the 5m job rewrites those. Late trades (an earlier slot
 * arriving after later ones) give the same candles as an in-order pass; open/close follow chain order and
 * buyers/sellers are distinct wallets.
 */
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeBatch } from '../../../src/postgres/batch-writer.js';
import { refreshFiveMinuteCandles, refreshMinuteCandles } from '../../../src/postgres/candles-repository.js';
import type { PgPool } from '../../../src/postgres/pg-pool.js';
import { poolIdOf, tokenIdOf } from '../../../src/pipeline/ids.js';
import type { Batch, TradeRow } from '../../../src/contracts/rows.js';
import { curveBatch, useWriterDatabase, WSOL } from '../../helpers/writer-fixtures.js';

const MINT = 'CandleMint111111111111111111111111111111111';
const CURVE = 'CandleCurve11111111111111111111111111111111';

function trade(n: number, at: string, slot: bigint, price: string, user: string, type: 'buy' | 'sell'): TradeRow {
  return {
    signature: `CandleSig${n}`, ixIndex: 0, innerIxIndex: -1, eventIndex: 0, blockTime: new Date(at), slot, txIndex: n, poolId: poolIdOf(CURVE),
    tokenId: tokenIdOf(MINT), mint: MINT, type, user, quoteMint: WSOL, amountIn: 1n, amountInDecimals: 9, amountOut: 1n, amountOutDecimals: 6,
    solAmount: '1', tokenAmount: '10', pricePerToken: null, priceQuotePerToken: price, protocolFee: null, platformFee: null, shareFee: null,
    creatorFee: null, transactionFee: 5000n, virtualSolReserves: null, virtualTokenReserves: null, realSolReserves: null, realTokenReserves: null,
    success: true, errorCode: null, rawData: null,
  };
}

const batchOf = (trades: TradeRow[]): Batch => curveBatch(MINT, CURVE, trades);

describe('candle refresh (1m job, then 5m job)', () => {
  const database = useWriterDatabase('candles');
  let pool: PgPool;
  let db: pg.Client;
  beforeAll(() => {
    ({ pool, db } = database);
  });

  const candles = async (table: string) =>
    (await db.query(`select bucket, open::text, high::text, low::text, close::text, trade_count, buyer_count, seller_count from ${table} order by bucket`)).rows;
  const marks = async () => (await db.query(`select width_minutes, bucket from candle_dirty_buckets order by id`)).rows;

  it('writes 1m candles on the 1m job and leaves their 5m buckets marked for the 5m job', async () => {
    await writeBatch(pool, batchOf([
      trade(1, '2026-01-01T00:01:05Z', 101n, '2', 'A', 'buy'),
      trade(2, '2026-01-01T00:01:40Z', 102n, '5', 'B', 'buy'),
      trade(3, '2026-01-01T00:02:10Z', 103n, '3', 'A', 'sell'),
    ]));
    expect(await refreshMinuteCandles(pool)).toBe(2);
    expect(await candles('price_candles_1m')).toEqual([
      { bucket: new Date('2026-01-01T00:01:00Z'), open: '2', high: '5', low: '2', close: '5', trade_count: 2, buyer_count: 2, seller_count: 0 },
      { bucket: new Date('2026-01-01T00:02:00Z'), open: '3', high: '3', low: '3', close: '3', trade_count: 1, buyer_count: 0, seller_count: 1 },
    ]);
    expect(await candles('price_candles_5m')).toEqual([]);
    expect(await marks()).toEqual([{ width_minutes: 5, bucket: new Date('2026-01-01T00:00:00Z') }]);
    expect(await refreshFiveMinuteCandles(pool)).toBe(1);
    expect(await candles('price_candles_5m')).toEqual([
      { bucket: new Date('2026-01-01T00:00:00Z'), open: '2', high: '5', low: '2', close: '3', trade_count: 3, buyer_count: 2, seller_count: 1 },
    ]);
    expect(await marks()).toEqual([]);
  });

  it('a late trade (earlier slot, arriving after) rewrites both candles as an in-order pass would', async () => {
    await writeBatch(pool, batchOf([trade(4, '2026-01-01T00:01:01Z', 100n, '1', 'C', 'sell')]));
    await refreshMinuteCandles(pool);
    await refreshFiveMinuteCandles(pool);
    expect((await candles('price_candles_1m'))[0]).toEqual({ bucket: new Date('2026-01-01T00:01:00Z'), open: '1', high: '5', low: '1', close: '5', trade_count: 3, buyer_count: 2, seller_count: 1 });
    expect(await candles('price_candles_5m')).toEqual([
      { bucket: new Date('2026-01-01T00:00:00Z'), open: '1', high: '5', low: '1', close: '3', trade_count: 4, buyer_count: 2, seller_count: 2 },
    ]);
  });
});
