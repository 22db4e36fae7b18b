/**
 * The thresholds of the scoring formulas and red flags (a plain object: the jobs build it from the
 * configuration with `scoringSettingsFromConfig`, src/analytics/jobs/settings-from-config.ts), and the
 * score version: the formula generation plus a short hash of these settings, so that rows scored with
 * other thresholds are told apart (the backtest reports per version). Pure.
 */
import { createHash } from 'node:crypto';

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

/** Formula generation + 6 hex of the settings, e.g. `v1-3fa9c2`. Same settings, same version. */
export function scoreVersionOf(settings: ScoringSettings): string {
  const canonical = JSON.stringify(Object.entries(settings).sort(([a], [b]) => a.localeCompare(b)));
  return `${FORMULA_VERSION}-${createHash('sha256').update(canonical).digest('hex').slice(0, 6)}`;
}
