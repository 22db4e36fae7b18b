/**
 * 1m and 5m candles, maintained as trades commit: every bucket a batch touches is recomputed from the
 * trades themselves (never incremented), so late trades and replays give the same candle as a single
 * in-order pass. Open/close follow on-chain order (slot, tx_index, ix_index, inner_ix_index); only
 * successful trades with a price count; buyer/seller counts are distinct wallets in the bucket.
 */
import type { TradeRow } from '../pipeline/rows.js';
import type { Queryable } from './pg-pool.js';

export const CANDLE_TABLES = {
  '1m': { table: 'price_candles_1m', widthMs: 60_000 },
  '5m': { table: 'price_candles_5m', widthMs: 300_000 },
} as const;

export type CandleWidth = keyof typeof CANDLE_TABLES;

function recomputeSql(table: string): string {
  return `
with keys as (
  select distinct token_id, bucket from unnest($1::uuid[], $2::timestamptz[]) as k(token_id, bucket)
), agg as (
  select k.token_id, k.bucket,
    (array_agg(t.price_quote_per_token order by t.slot, t.tx_index, t.ix_index, t.inner_ix_index))[1] as open,
    max(t.price_quote_per_token) as high,
    min(t.price_quote_per_token) as low,
    (array_agg(t.price_quote_per_token order by t.slot desc, t.tx_index desc nulls last, t.ix_index desc, t.inner_ix_index desc))[1] as close,
    sum(t.token_amount) as volume_token,
    sum(t.sol_amount) as volume_sol,
    count(*)::int as trade_count,
    (count(distinct t.user_address) filter (where t.type = 'buy'))::int as buyer_count,
    (count(distinct t.user_address) filter (where t.type = 'sell'))::int as seller_count
  from keys k
  join transactions t on t.token_id = k.token_id and t.block_time >= k.bucket and t.block_time < k.bucket + $3::interval
  where t.success and t.price_quote_per_token is not null
  group by k.token_id, k.bucket
)
insert into ${table} as c (token_id, bucket, open, high, low, close, volume_token, volume_sol, trade_count, buyer_count, seller_count)
select token_id, bucket, open, high, low, close, volume_token, volume_sol, trade_count, buyer_count, seller_count from agg
on conflict (token_id, bucket) do update set
  open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close,
  volume_token = excluded.volume_token, volume_sol = excluded.volume_sol, trade_count = excluded.trade_count,
  buyer_count = excluded.buyer_count, seller_count = excluded.seller_count
where (c.open, c.high, c.low, c.close, c.volume_token, c.volume_sol, c.trade_count, c.buyer_count, c.seller_count)
  is distinct from (excluded.open, excluded.high, excluded.low, excluded.close, excluded.volume_token, excluded.volume_sol,
                    excluded.trade_count, excluded.buyer_count, excluded.seller_count)`;
}

const RECOMPUTE_SQL: Record<CandleWidth, string> = {
  '1m': recomputeSql(CANDLE_TABLES['1m'].table),
  '5m': recomputeSql(CANDLE_TABLES['5m'].table),
};

/** Recomputes the 1m and 5m buckets touched by `trades` (successful ones with a price). */
export async function recomputeCandles(db: Queryable, trades: readonly TradeRow[]): Promise<void> {
  for (const width of Object.keys(CANDLE_TABLES) as CandleWidth[]) {
    const { widthMs } = CANDLE_TABLES[width];
    const keys = new Map<string, [string, string]>();
    for (const trade of trades) {
      if (!trade.success || trade.priceQuotePerToken === null) continue;
      const bucketMs = Math.floor(trade.blockTime.getTime() / widthMs) * widthMs;
      keys.set(`${trade.tokenId}|${bucketMs}`, [trade.tokenId, new Date(bucketMs).toISOString()]);
    }
    if (keys.size === 0) continue;
    const list = [...keys.values()];
    await db.query(RECOMPUTE_SQL[width], [list.map((k) => k[0]), list.map((k) => k[1]), `${widthMs / 1000} seconds`]);
  }
}
