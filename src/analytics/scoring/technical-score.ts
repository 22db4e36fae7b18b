/**
 * Technical score, 0-333 = liquidity (0-133) + trading (0-120) + contract (0-80).
 *
 * - liquidity: 70 % log share of the pool's quote reserves against `liquidityFullQuote` (85 SOL ≈ a
 *   graduating Pump.fun curve) + 30 % bonding-curve progress.
 * - trading: 45 % log share of the last 5 minutes' quote volume against `volumeFullQuote5m`, 30 % buy
 *   pressure (buy volume share: 30 % → 0, 80 % → full), 25 % breadth (distinct traders in 5 min, 30 = full).
 * - contract: 80 when the mint is known to be safe; each risky authority or extension takes points
 *   (`CONTRACT_PENALTIES`); an unknown mint gets half (40).
 */
import { listMintRisks } from './mint-facts.js';
import type { MintFacts, TradeAggregates } from '../../contracts/scoring.js';
import { clamp, logShare, points, saturate } from './scale.js';
import type { ScoringSettings } from './scoring-settings.js';

export const LIQUIDITY_MAX = 133;
export const TRADING_MAX = 120;
export const CONTRACT_MAX = 80;
const BREADTH_FULL_TRADERS_5M = 30;

/** Points each mint risk takes from the contract score. */
export const CONTRACT_PENALTIES: Readonly<Record<string, number>> = {
  mint_authority: 40, freeze_authority: 40, transfer_fee: 30, transfer_hook: 40, permanent_delegate: 60,
  default_frozen: 60, pausable: 40, non_transferable: 80,
};

export interface TechnicalScore {
  liquidity: number;
  trading: number;
  contract: number;
  total: number;
}

export function scoreLiquidity(trades: TradeAggregates, settings: ScoringSettings): number {
  const reserves = logShare(trades.realQuoteReserves ?? 0, settings.liquidityFullQuote);
  const progress = clamp((trades.curveProgressPct ?? 0) / 100);
  return points(LIQUIDITY_MAX, 0.7 * reserves + 0.3 * progress);
}

/** Buy share of quote volume mapped to 0..1 (0.3 → 0, 0.8 → 1); 0.5 when there was no volume. */
export function buyPressure(trades: TradeAggregates): number {
  const total = trades.buyVolumeQuote + trades.sellVolumeQuote;
  const share = total > 0 ? trades.buyVolumeQuote / total : 0.5;
  return clamp((share - 0.3) / 0.5);
}

export function scoreTrading(trades: TradeAggregates, settings: ScoringSettings): number {
  const volume = logShare(trades.volume5mQuote, settings.volumeFullQuote5m);
  const breadth = saturate(trades.traders5m, BREADTH_FULL_TRADERS_5M);
  return points(TRADING_MAX, 0.45 * volume + 0.3 * buyPressure(trades) + 0.25 * breadth);
}

export function scoreContract(facts: MintFacts): number {
  if (facts.source === 'unknown') return CONTRACT_MAX / 2;
  const penalty = listMintRisks(facts).reduce((sum, risk) => sum + (CONTRACT_PENALTIES[risk] ?? 0), 0);
  return Math.max(0, CONTRACT_MAX - penalty);
}

export function scoreTechnical(trades: TradeAggregates, facts: MintFacts, settings: ScoringSettings): TechnicalScore {
  const liquidity = scoreLiquidity(trades, settings);
  const trading = scoreTrading(trades, settings);
  const contract = scoreContract(facts);
  return { liquidity, trading, contract, total: liquidity + trading + contract };
}
