/**
 * 1m and 5m candles, recomputed from the trades themselves (never incremented), so late trades and
 * replays give the same candle as a single in-order pass. Open/close follow on-chain order (slot,
 * tx_index, ix_index, inner_ix_index); only successful trades with a price count; buyer/seller counts
 * are distinct wallets in the bucket.
 *
 * Three steps: the batch writer marks the touched 1-minute buckets (`markCandleBuckets`, in the trades'
 * transaction); the 1m job rewrites the marked 1m buckets and marks their 5-minute buckets
 * (`refreshMinuteCandles`, every CANDLE_REFRESH_INTERVAL_MS); the 5m job rewrites those
 * (`refreshFiveMinuteCandles`, every CANDLE_5M_REFRESH_INTERVAL_MS). A refresh reads a bucket's whole
 * history, so the 5m one, reading five times as many trades, runs less often (see migration 1767231360000).
 *
 * Why this is exact: a refresh takes its marks, then recomputes their buckets in a later statement of the
 * same transaction. A mark commits with its trades, so every trade whose mark was taken is visible to the
 * recomputation; a batch committing after the take leaves its mark for the next run. That holds for ONE
 * refresher. Two at once (two processes on one database: a restarted service beside one not yet gone, a
 * deploy's old and new container, `megatron backfill` or `replay` beside the service) took different marks
 * of the same bucket (SKIP LOCKED) and each rewrote the whole bucket from its own statement snapshot: the
 * one whose snapshot was older could commit last and put back an older candle, with every mark already
 * gone. So each refresh first takes a transaction lock per width (`REFRESH_LOCK_SQL`): refreshers of one
 * width run one after the other, and each one's snapshots postdate the previous one's commit.
 */
import type { TradeRow } from '../contracts/rows.js';
import type { PgPool, Queryable } from './pg-pool.js';
import { withTransaction } from './pg-pool.js';

const MINUTE_MS = 60_000;

const MARK_BUCKETS_SQL = `
insert into candle_dirty_buckets (token_id, bucket)
select token_id, bucket from unnest($1::uuid[], $2::timestamptz[]) as k(token_id, bucket)`;

/** Marks the 1-minute buckets of successful, priced trades for recomputation. */
export async function markCandleBuckets(db: Queryable, trades: readonly TradeRow[]): Promise<void> {
  const keys = new Map<string, [string, string]>();
  for (const trade of trades) {
    if (!trade.success || trade.priceQuotePerToken === null) continue;
    const bucketMs = Math.floor(trade.blockTime.getTime() / MINUTE_MS) * MINUTE_MS;
    const key = `${trade.tokenId}|${bucketMs}`;
    if (!keys.has(key)) keys.set(key, [trade.tokenId, new Date(bucketMs).toISOString()]);
  }
  if (keys.size === 0) return;
  const list = [...keys.values()];
  await db.query(MARK_BUCKETS_SQL, [list.map((k) => k[0]), list.map((k) => k[1])]);
}

function recomputeSql(table: string, width: string): string {
  return `
with keys as (
  select distinct token_id, date_bin(interval '${width}', bucket, timestamptz '2000-01-03 00:00:00+00') as bucket
  from unnest($1::uuid[], $2::timestamptz[]) as m(token_id, bucket)
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
  join transactions t on t.token_id = k.token_id and t.block_time >= k.bucket and t.block_time < k.bucket + interval '${width}'
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

const TAKE_MARKED_SQL = `
with taken as (
  delete from candle_dirty_buckets
  where id in (select id from candle_dirty_buckets where width_minutes = $2 order by id limit $1 for update skip locked)
  returning token_id, bucket
)
select distinct token_id::text, bucket from taken`;

const MARK_5M_SQL = `
insert into candle_dirty_buckets (token_id, bucket, width_minutes)
select distinct token_id, date_bin(interval '5 minutes', bucket, timestamptz '2000-01-03 00:00:00+00'), 5
from unnest($1::uuid[], $2::timestamptz[]) as m(token_id, bucket)`;

const RECOMPUTE_1M_SQL = recomputeSql('price_candles_1m', '1 minute');
const RECOMPUTE_5M_SQL = recomputeSql('price_candles_5m', '5 minutes');

// Advisory lock keys (two int4s): "MEGA", then "CDL" + the width in minutes. A transaction lock, taken as
// the refresh's first statement and so before any of its snapshots; released by its commit or rollback
// (or when a dead client's backend ends). A refresher waits for the one in progress: a refresh is short
// (at most `limit` marks) and a waiting one must not skip, or a drain at shutdown could leave marks behind.
const REFRESH_LOCK_SQL = 'select pg_advisory_xact_lock(1296385857, $1::int)';
const REFRESH_LOCK_1M = 0x43444c01;
const REFRESH_LOCK_5M = 0x43444c05;

/** Rewrites up to `limit` marked 1m buckets and marks their 5m buckets; returns how many were taken. */
export async function refreshMarkedCandles(pool: PgPool, limit = 20_000): Promise<number> {
  return withTransaction(pool, async (client) => {
    await client.query(REFRESH_LOCK_SQL, [REFRESH_LOCK_1M]);
    const taken = await client.query<{ token_id: string; bucket: Date }>(TAKE_MARKED_SQL, [limit, 1]);
    if (taken.rows.length === 0) return 0;
    const keys = [taken.rows.map((r) => r.token_id), taken.rows.map((r) => r.bucket.toISOString())];
    await client.query(RECOMPUTE_1M_SQL, keys);
    await client.query(MARK_5M_SQL, keys);
    return taken.rows.length;
  });
}

/** Rewrites up to `limit` marked 5m buckets; returns how many were taken. */
export async function refreshMarkedFiveMinuteCandles(pool: PgPool, limit = 20_000): Promise<number> {
  return withTransaction(pool, async (client) => {
    await client.query(REFRESH_LOCK_SQL, [REFRESH_LOCK_5M]);
    const taken = await client.query<{ token_id: string; bucket: Date }>(TAKE_MARKED_SQL, [limit, 5]);
    if (taken.rows.length === 0) return 0;
    await client.query(RECOMPUTE_5M_SQL, [taken.rows.map((r) => r.token_id), taken.rows.map((r) => r.bucket.toISOString())]);
    return taken.rows.length;
  });
}

/** Rewrites every marked 1m bucket (repeats until none is left); their 5m buckets are left marked. */
export async function refreshMinuteCandles(pool: PgPool): Promise<number> {
  return drain(() => refreshMarkedCandles(pool));
}

/** Rewrites every marked 5m bucket. */
export async function refreshFiveMinuteCandles(pool: PgPool): Promise<number> {
  return drain(() => refreshMarkedFiveMinuteCandles(pool));
}

async function drain(step: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await step();
    total += count;
    if (count === 0) return total;
  }
}

/** Rewrites every marked bucket, 1m then 5m (at shutdown, and where candles must be current now). */
export async function refreshAllMarkedCandles(pool: PgPool): Promise<number> {
  return (await refreshMinuteCandles(pool)) + (await refreshFiveMinuteCandles(pool));
}
