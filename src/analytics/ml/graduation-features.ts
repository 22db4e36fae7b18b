/**
 * The graduation model's features: numbers known about a token at a moment, taken from the same
 * `ScoringInputs` the scores use (so training, live serving and the backtest see the same thing).
 * Counts and volumes enter as log1p (their effect is multiplicative), shares as 0-1.
 */
import type { ScoringInputs } from '../../contracts/scoring.js';

export const GRADUATION_FEATURES = [
  'age_hours', 'log_trades', 'log_unique_buyers', 'buy_volume_share', 'log_buy_volume', 'log_volume_5m',
  'curve_progress', 'top10_share', 'creator_share', 'launch_slot_share', 'cycling_share', 'creator_sold',
  'log_creator_launches', 'creator_graduation_rate', 'social_links',
] as const;

export type GraduationFeature = (typeof GRADUATION_FEATURES)[number];

/** Feature row in GRADUATION_FEATURES order. */
export function extractGraduationFeatures(inputs: ScoringInputs): number[] {
  const { trades, holders, creatorActivity, creatorHistory, social } = inputs;
  const volume = trades.buyVolumeQuote + trades.sellVolumeQuote;
  const values: Record<GraduationFeature, number> = {
    age_hours: (inputs.ageMinutes ?? 60) / 60,
    log_trades: Math.log1p(trades.trades),
    log_unique_buyers: Math.log1p(trades.uniqueBuyers),
    buy_volume_share: volume > 0 ? trades.buyVolumeQuote / volume : 0.5,
    log_buy_volume: Math.log1p(trades.buyVolumeQuote),
    log_volume_5m: Math.log1p(trades.volume5mQuote),
    curve_progress: (trades.curveProgressPct ?? 0) / 100,
    top10_share: holders.top10Pct / 100,
    creator_share: holders.creatorPct / 100,
    launch_slot_share: holders.launchSlotBoughtPct / 100,
    cycling_share: holders.cyclingVolumePct / 100,
    creator_sold: creatorActivity.creatorSells > 0 ? 1 : 0,
    log_creator_launches: Math.log1p(creatorHistory.earlierLaunches),
    creator_graduation_rate: (creatorHistory.earlierGraduated + 0.1) / (creatorHistory.earlierLaunches + 1),
    social_links: social ? Number(social.hasTwitter) + Number(social.hasTelegram) + Number(social.hasWebsite) : 0,
  };
  return GRADUATION_FEATURES.map((name) => values[name]);
}
