/** Builders of scoring inputs for the pure formula tests (not a test file). */
import { UNKNOWN_MINT_FACTS } from '../../src/analytics/scoring/mint-facts.js';
import type { ScoringInputs, TradeAggregates, HolderAggregates } from '../../src/contracts/scoring.js';
import type { ScoringSettings } from '../../src/analytics/scoring/scoring-settings.js';

export const SETTINGS: ScoringSettings = {
  liquidityFullQuote: 85, volumeFullQuote5m: 50, holdersFull: 300, creatorMaxPct: 10, top10MaxPct: 45, snipedMaxPct: 20,
  creatorSellMinutes: 30, minHolders: 15, washMaxPct: 40, deadLaunches: 3,
};

export function trades(over: Partial<TradeAggregates> = {}): TradeAggregates {
  return {
    trades: 100, buys: 70, sells: 30, failedAttempts: 2, uniqueBuyers: 60, uniqueSellers: 20, buyVolumeQuote: 40, sellVolumeQuote: 10,
    trades5m: 25, volume5mQuote: 12, traders5m: 15, firstPrice: 2.8e-8, lastPrice: 5.6e-8, maxPrice: 6e-8, lastPriceText: '0.000000056',
    lastSlot: 1000n, realQuoteReserves: 30, curveProgressPct: 35, ...over,
  };
}

export function holders(over: Partial<HolderAggregates> = {}): HolderAggregates {
  return {
    holders: 80, realHolders: 60, top10Pct: 25, creatorPct: 2, launchSlotBoughtPct: 5, createTxBoughtPct: 2, cyclingVolumePct: 5,
    devTaggedPct: null, sniperTaggedPct: null, botTaggedPct: null, ...over,
  };
}

export function inputs(over: Partial<ScoringInputs> = {}): ScoringInputs {
  return {
    tokenId: '00000000-0000-5000-8000-000000000001', mint: 'Mint1111111111111111111111111111111111pump', platform: 'pumpfun',
    asOf: new Date('2026-01-01T12:30:00Z'), creationTime: new Date('2026-01-01T12:00:00Z'), ageMinutes: 30, creator: 'Creator11111111111111111111111111111111111',
    isGraduated: false, supply: 1e9, trades: trades(), holders: holders(),
    creatorActivity: { creatorSells: 0, firstSellMinutes: null, soldOfBoughtPct: 0 },
    creatorHistory: { earlierLaunches: 0, earlierGraduated: 0, earlierDead: 0 },
    mintFacts: { ...UNKNOWN_MINT_FACTS, source: 'create_instruction', tokenProgram: 'spl_token' }, social: null, ...over,
  };
}
