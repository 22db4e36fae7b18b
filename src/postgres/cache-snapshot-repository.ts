/**
 * Everything the Redis cache should hold, read back from PostgreSQL after a Redis outage (Redis is a
 * cache: it can always be rebuilt from here). Windows match the keys' TTLs: prices of tokens traded in
 * the last 10 minutes, hot scores from the last minute's trades, scores of the last 5 minutes, signals
 * of the last hour that have not exited.
 */
import type { ActiveSignalUpdate, HotScoreUpdate, PriceUpdate, RebuildSnapshot, TokenScoreUpdate } from '../contracts/cache-batch.js';
import type { Queryable } from './pg-pool.js';

const LATEST_PRICES_SQL = `
select distinct on (t.token_id) t.token_id, k.mint_address, t.price_quote_per_token::text as price, t.slot, t.tx_index,
  t.event_index, extract(epoch from t.block_time)::bigint as block_time, t.block_time as at
from tokens k
join transactions t on t.token_id = k.id and t.block_time >= now() - interval '10 minutes'
where k.last_trade_at >= now() - interval '10 minutes' and t.success and t.price_quote_per_token is not null
order by t.token_id, t.slot desc, t.tx_index desc nulls last, t.event_index desc`;

const HOT_BY_ACTIVITY_SQL = `
select token_id, count(*)::int as score, max(slot) as slot from transactions
where block_time >= now() - interval '1 minute' and success group by token_id`;

// The scoring job ranks by total score times its red-flag multiplier; the slot is the token's last
// trade, as the job writes it.
const HOT_BY_SCORE_SQL = `
select distinct on (s.token_id) s.token_id, round(s.total_score * coalesce(s.score_multiplier, 1))::int as score,
  coalesce(k.last_trade_slot, 0) as slot
from token_scores s join tokens k on k.id = s.token_id
where s.calculated_at >= now() - interval '5 minutes'
order by s.token_id, s.calculated_at desc`;

const SCORES_SQL = `
select distinct on (s.token_id) s.token_id, coalesce(k.last_trade_slot, 0) as slot, s.technical_score, s.holder_score,
  s.social_score, s.total_score, s.ml_graduation_probability::float8 as ml, s.calculated_at
from token_scores s join tokens k on k.id = s.token_id
where s.calculated_at >= now() - interval '5 minutes'
order by s.token_id, s.calculated_at desc`;

const SIGNALS_SQL = `
select distinct on (g.token_id) g.id, g.token_id, coalesce(k.last_trade_slot, 0) as slot, g.signal_type,
  g.price_at_signal::text as price, g.score_at_signal, g.signal_time
from trading_signals g join tokens k on k.id = g.token_id
where g.signal_time >= now() - interval '1 hour' and g.exit_time is null
order by g.token_id, g.signal_time desc`;

export async function rebuildCacheSnapshot(db: Queryable, options: { hotBy: 'activity' | 'score' } = { hotBy: 'activity' }): Promise<RebuildSnapshot> {
  const [prices, hot, scores, signals] = await Promise.all([
    db.query(LATEST_PRICES_SQL),
    db.query(options.hotBy === 'score' ? HOT_BY_SCORE_SQL : HOT_BY_ACTIVITY_SQL),
    db.query(SCORES_SQL),
    db.query(SIGNALS_SQL),
  ]);
  return {
    prices: prices.rows.map((r): PriceUpdate => ({
      tokenId: r.token_id, mint: r.mint_address, price: r.price, slot: BigInt(r.slot), txIndex: r.tx_index,
      eventIndex: r.event_index, blockTime: Number(r.block_time), lastTradeTime: new Date(r.at).toISOString(),
    })),
    hotScores: hot.rows.map((r): HotScoreUpdate => ({ tokenId: r.token_id, score: Number(r.score), slot: BigInt(r.slot) })),
    tokenScores: scores.rows.map((r): TokenScoreUpdate => ({
      tokenId: r.token_id, slot: BigInt(r.slot), technicalScore: r.technical_score, holderScore: r.holder_score,
      socialScore: r.social_score, totalScore: r.total_score, mlProbability: r.ml, calculatedAt: new Date(r.calculated_at).toISOString(),
    })),
    activeSignals: signals.rows.map((r): ActiveSignalUpdate => ({
      tokenId: r.token_id, slot: BigInt(r.slot), signalType: r.signal_type, price: r.price, score: r.score_at_signal,
      timestamp: new Date(r.signal_time).toISOString(), signalId: r.id,
    })),
  };
}
