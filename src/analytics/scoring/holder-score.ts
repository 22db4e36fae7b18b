/**
 * Holder score, 0-333 = distribution (0-133) + quality (0-120) + activity (0-80). Holders are net
 * positions from trades (buys − sells per wallet), so the same numbers come out live and in a backtest.
 *
 * - distribution: 50 % log share of holders against `holdersFull`, 50 % spread of the top 10
 *   (top-10 share 10 % → full, 70 % → 0).
 * - quality: 120 × real-holder share (0.5 + 0.5 × real/holders) × (1 − penalty), penalty = 40 % ×
 *   creator share (20 % of supply = full penalty) + 30 % × launch-slot buying (40 % = full) + 30 % ×
 *   cycling volume (60 % = full).
 * - activity: 60 % log share of distinct buyers (100 = full) + 40 % trades in 5 min (50 = full).
 */
import { clamp, logShare, points, saturate } from './scale.js';
import type { HolderAggregates, TradeAggregates } from '../../contracts/scoring.js';
import type { ScoringSettings } from './scoring-settings.js';

export const DISTRIBUTION_MAX = 133;
export const QUALITY_MAX = 120;
export const ACTIVITY_MAX = 80;
const BUYERS_FULL = 100;
const TRADES_5M_FULL = 50;

export interface HolderScore {
  distribution: number;
  quality: number;
  activity: number;
  total: number;
}

export function scoreDistribution(holders: HolderAggregates, settings: ScoringSettings): number {
  if (holders.holders === 0) return 0;
  const count = logShare(holders.holders, settings.holdersFull);
  const spread = 1 - clamp((holders.top10Pct - 10) / 60);
  return points(DISTRIBUTION_MAX, 0.5 * count + 0.5 * spread);
}

export function scoreQuality(holders: HolderAggregates): number {
  if (holders.holders === 0) return 0;
  const creator = clamp((holders.creatorPct + (holders.devTaggedPct ?? 0)) / 20);
  const sniped = clamp(Math.max(holders.launchSlotBoughtPct, holders.sniperTaggedPct ?? 0) / 40);
  const cycling = clamp(holders.cyclingVolumePct / 60);
  const penalty = 0.4 * creator + 0.3 * sniped + 0.3 * cycling;
  const real = 0.5 + 0.5 * clamp(holders.realHolders / holders.holders);
  return points(QUALITY_MAX, real * (1 - penalty));
}

export function scoreActivity(trades: TradeAggregates): number {
  return points(ACTIVITY_MAX, 0.6 * logShare(trades.uniqueBuyers, BUYERS_FULL) + 0.4 * saturate(trades.trades5m, TRADES_5M_FULL));
}

export function scoreHolders(holders: HolderAggregates, trades: TradeAggregates, settings: ScoringSettings): HolderScore {
  const distribution = scoreDistribution(holders, settings);
  const quality = scoreQuality(holders);
  const activity = scoreActivity(trades);
  return { distribution, quality, activity, total: distribution + quality + activity };
}
