/**
 * The thresholds of the scoring formulas, red flags and signals, taken from the configuration, and
 * the score version: the formula generation plus a short hash of these settings, so that rows scored
 * with other thresholds are told apart (the backtest reports per version).
 */
import { createHash } from 'node:crypto';
import type { Config } from '../../config.js';

/** Bump when a formula changes. */
export const FORMULA_VERSION = 'v1';

export interface ScoringSettings {
  liquidityFullQuote: number;
  volumeFullQuote5m: number;
  holdersFull: number;
  creatorMaxPct: number;
  top10MaxPct: number;
  snipedMaxPct: number;
  creatorSellMinutes: number;
  minHolders: number;
  washMaxPct: number;
  deadLaunches: number;
}

export function scoringSettingsFromConfig(config: Config): ScoringSettings {
  return {
    liquidityFullQuote: config.SCORE_LIQUIDITY_FULL_QUOTE,
    volumeFullQuote5m: config.SCORE_VOLUME_FULL_QUOTE_5M,
    holdersFull: config.SCORE_HOLDERS_FULL,
    creatorMaxPct: config.RED_FLAG_CREATOR_MAX_PCT,
    top10MaxPct: config.RED_FLAG_TOP10_MAX_PCT,
    snipedMaxPct: config.RED_FLAG_SNIPED_MAX_PCT,
    creatorSellMinutes: config.RED_FLAG_CREATOR_SELL_MINUTES,
    minHolders: config.RED_FLAG_MIN_HOLDERS,
    washMaxPct: config.RED_FLAG_WASH_MAX_PCT,
    deadLaunches: config.RED_FLAG_DEAD_LAUNCHES,
  };
}

/** Formula generation + 6 hex of the settings, e.g. `v1-3fa9c2`. Same settings, same version. */
export function scoreVersionOf(settings: ScoringSettings): string {
  const canonical = JSON.stringify(Object.entries(settings).sort(([a], [b]) => a.localeCompare(b)));
  return `${FORMULA_VERSION}-${createHash('sha256').update(canonical).digest('hex').slice(0, 6)}`;
}
