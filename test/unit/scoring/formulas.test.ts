import { describe, expect, it } from 'vitest';
import { scoreTechnical, scoreContract, buyPressure } from '../../../src/analytics/scoring/technical-score.js';
import { scoreHolders } from '../../../src/analytics/scoring/holder-score.js';
import { scoreSocial } from '../../../src/analytics/scoring/social-score.js';
import { UNKNOWN_MINT_FACTS } from '../../../src/analytics/scoring/mint-facts.js';
import { scoreToken } from '../../../src/analytics/scoring/score-token.js';
import { scoreVersionOf } from '../../../src/analytics/scoring/scoring-settings.js';
import { SETTINGS, holders, inputs, trades } from '../../helpers/scoring-fixtures.js';

const SAFE = { ...UNKNOWN_MINT_FACTS, source: 'create_instruction' as const, tokenProgram: 'spl_token' as const };

describe('technical score', () => {
  it('gives the documented points for a typical young token', () => {
    // liquidity: 0.7 × ln(31)/ln(86) + 0.3 × 0.35 = 0.6428 → 85.5 ≈ 86 of 133
    // trading: 0.45 × ln(13)/ln(51) + 0.3 × (0.8 − 0.3)/0.5 + 0.25 × 15/30 = 0.7186 → 86 of 120
    expect(scoreTechnical(trades(), SAFE, SETTINGS)).toEqual({ liquidity: 86, trading: 86, contract: 80, total: 252 });
  });

  it('is zero on liquidity and trading for a token without trades, and stays within 0..333', () => {
    const empty = trades({ trades: 0, buys: 0, sells: 0, buyVolumeQuote: 0, sellVolumeQuote: 0, trades5m: 0, volume5mQuote: 0, traders5m: 0, realQuoteReserves: null, curveProgressPct: null });
    // buy pressure without volume is neutral (0.5 → 0.4 of the 30 %)
    expect(scoreTechnical(empty, SAFE, SETTINGS)).toEqual({ liquidity: 0, trading: 14, contract: 80, total: 94 });
    const huge = trades({ realQuoteReserves: 1e6, curveProgressPct: 100, volume5mQuote: 1e6, traders5m: 1e4, buyVolumeQuote: 100, sellVolumeQuote: 0 });
    expect(scoreTechnical(huge, SAFE, SETTINGS)).toEqual({ liquidity: 133, trading: 120, contract: 80, total: 333 });
  });

  it('maps buy share 30 % → 0 and 80 % → 1', () => {
    expect([buyPressure(trades({ buyVolumeQuote: 3, sellVolumeQuote: 7 })), buyPressure(trades({ buyVolumeQuote: 8, sellVolumeQuote: 2 }))]).toEqual([0, 1]);
  });

  it('takes contract points for each risky authority or extension; unknown is neutral', () => {
    expect(scoreContract(UNKNOWN_MINT_FACTS)).toBe(40);
    expect(scoreContract({ ...SAFE, source: 'rpc', mintAuthority: 'A', freezeAuthority: 'B' })).toBe(0);
    expect(scoreContract({ ...SAFE, source: 'rpc', transferFeeBps: 100 })).toBe(50);
    expect(scoreContract({ ...SAFE, source: 'rpc', transferFeeBps: 0 })).toBe(80);
  });
});

describe('holder score', () => {
  it('rewards spread and real holders, penalises creator, launch-slot and cycling shares', () => {
    // distribution: 0.5 × ln(81)/ln(301) + 0.5 × (1 − 15/60) = 0.760 → 101
    // quality: (0.5 + 0.5 × 60/80) × (1 − (0.4 × 2/20 + 0.3 × 5/40 + 0.3 × 5/60)) = 0.785 → 94
    // activity: 0.6 × ln(61)/ln(101) + 0.4 × 25/50 = 0.734 → 59
    expect(scoreHolders(holders(), trades(), SETTINGS)).toEqual({ distribution: 101, quality: 94, activity: 59, total: 254 });
    const bad = holders({ top10Pct: 90, creatorPct: 30, launchSlotBoughtPct: 50, cyclingVolumePct: 80, realHolders: 5, holders: 10 });
    expect(scoreHolders(bad, trades(), SETTINGS)).toEqual({ distribution: 28, quality: 0, activity: 59, total: 87 }); // 0.5 × ln(11)/ln(301) → 28
  });

  it('scores no holders as zero distribution and quality', () => {
    expect(scoreHolders(holders({ holders: 0, realHolders: 0 }), trades({ uniqueBuyers: 0, trades5m: 0 }), SETTINGS)).toEqual({ distribution: 0, quality: 0, activity: 0, total: 0 });
  });
});

describe('social score', () => {
  it('is zero without social data and counts links, followers, members and growth', () => {
    expect(scoreSocial(null)).toEqual({ twitter: 0, community: 0, virality: 0, total: 0 });
    const social = { hasTwitter: true, hasTelegram: true, hasWebsite: true, twitterFollowers: 10_000, twitterAccountScore: 500, telegramMembers: 5_000, growthRate1hPct: 50, confidence: 1 };
    // twitter 30 + 103 × (0.5 × 1 + 0.5 × 0.5) = 107; community 50 + 70; virality 80 × 0.5
    expect(scoreSocial(social)).toEqual({ twitter: 107, community: 120, virality: 40, total: 267 });
  });
});

describe('scoreToken', () => {
  it('builds the whole row: scores, breakdowns, flags, multiplier, ML columns, details with the version', () => {
    const row = scoreToken(inputs(), SETTINGS, { probability: 0.42, confidence: 0.6, modelVersion: 'gm-20260101000000' });
    expect(row).toMatchObject({
      technicalScore: 252, holderScore: 254, socialScore: 0, totalScore: 506, liquidityScore: 86, tradingScore: 86, contractScore: 80,
      distributionScore: 101, qualityScore: 94, activityScore: 59, twitterScore: 0, communityScore: 0, viralityScore: 0,
      scoreMultiplier: 1, hasRedFlags: false, redFlags: [], mlGraduationProbability: 0.42, mlConfidenceScore: 0.6,
      mlModelVersion: 'gm-20260101000000', effectiveScore: 506, slot: 1000n,
    });
    expect(row.scoreDetails).toMatchObject({ scoreVersion: scoreVersionOf(SETTINGS), effectiveScore: 506, settings: SETTINGS });
    expect(row.scoreDetails['inputs']).toMatchObject({ trades: { lastSlot: '1000', trades: 100 }, holders: { top10Pct: 25 } });
  });

  it('changes the score version when a threshold changes', () => {
    expect(scoreVersionOf(SETTINGS)).toMatch(/^v1-[0-9a-f]{6}$/);
    expect(scoreVersionOf({ ...SETTINGS, top10MaxPct: 50 })).not.toBe(scoreVersionOf(SETTINGS));
  });
});
