/**
 * When a score becomes a trading signal. Pure, configurable (SIGNAL_* variables), evaluated on every
 * new score row; nothing is executed on chain.
 *
 * - buy: no buy open for the token, effective score ≥ buyMinScore, no red flag, and (when a model is
 *   served) graduation probability ≥ buyMinProbability. Strength: strong when the score is 150+ above
 *   the threshold and the probability 0.2+ above its own; weak when either is within 10 %; else moderate.
 * - sell: a buy is open and the effective score fell to sellMaxScore or below, or a red flag of the
 *   creator selling early or of a mint risk appeared. The sell closes the open buy.
 * - hold: a buy is open, the buy conditions no longer hold but no sell condition does; raised once per buy.
 */
import type { TokenScoreRow } from '../../contracts/scoring.js';

export interface SignalSettings {
  buyMinScore: number;
  buyMinProbability: number;
  sellMaxScore: number;
  takeProfitPct: number;
  stopLossPct: number;
  maxHoldMinutes: number;
}

export interface OpenPosition {
  /** Signal id of the open buy. */
  buyId: string;
  holdRaised: boolean;
}

export interface SignalDecision {
  signalType: 'buy' | 'sell' | 'hold';
  triggeredBy: string[];
  strength: 'strong' | 'moderate' | 'weak';
}

const SELL_FLAGS = ['creator_sold_early'];

export function decideSignal(row: TokenScoreRow, open: OpenPosition | null, s: SignalSettings): SignalDecision | null {
  const buyConditions = listBuyConditions(row, s);
  if (open === null) return buyConditions.met ? { signalType: 'buy', triggeredBy: buyConditions.reasons, strength: buyStrength(row, s) } : null;
  const sellReasons = listSellReasons(row, s);
  if (sellReasons.length > 0) return { signalType: 'sell', triggeredBy: sellReasons, strength: sellReasons.length > 1 ? 'strong' : 'moderate' };
  if (!buyConditions.met && !open.holdRaised) return { signalType: 'hold', triggeredBy: buyConditions.failed, strength: 'weak' };
  return null;
}

function listBuyConditions(row: TokenScoreRow, s: SignalSettings): { met: boolean; reasons: string[]; failed: string[] } {
  const checks: Array<[string, boolean]> = [
    [`effective_score>=${s.buyMinScore}`, row.effectiveScore >= s.buyMinScore],
    ['no_red_flags', !row.hasRedFlags],
  ];
  if (row.mlGraduationProbability !== null) checks.push([`ml_probability>=${s.buyMinProbability}`, row.mlGraduationProbability >= s.buyMinProbability]);
  return { met: checks.every(([, ok]) => ok), reasons: checks.map(([name]) => name), failed: checks.filter(([, ok]) => !ok).map(([name]) => `not:${name}`) };
}

function listSellReasons(row: TokenScoreRow, s: SignalSettings): string[] {
  const reasons: string[] = [];
  if (row.effectiveScore <= s.sellMaxScore) reasons.push(`effective_score<=${s.sellMaxScore}`);
  for (const flag of row.redFlags) if (SELL_FLAGS.includes(flag) || flag.startsWith('mint:')) reasons.push(`red_flag:${flag}`);
  return reasons;
}

function buyStrength(row: TokenScoreRow, s: SignalSettings): SignalDecision['strength'] {
  const scoreMargin = row.effectiveScore - s.buyMinScore;
  const probabilityMargin = row.mlGraduationProbability === null ? null : row.mlGraduationProbability - s.buyMinProbability;
  if (scoreMargin < s.buyMinScore * 0.1 || (probabilityMargin !== null && probabilityMargin < s.buyMinProbability * 0.1)) return 'weak';
  if (scoreMargin >= 150 && (probabilityMargin === null || probabilityMargin >= 0.2)) return 'strong';
  return 'moderate';
}
