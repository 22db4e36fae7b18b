/**
 * One token's score row: the three scores of 0-333 with their breakdowns, red flags and multiplier,
 * the graduation prediction, and score_details holding every input and the score version. Pure.
 *
 * The stored scores are the formulas' raw points (the breakdowns add up to them, and total_score is
 * their sum); the multiplier is applied to give the effective score used for ranking (tokens:hot) and
 * for signals: effective = round(total × multiplier).
 */
import type { GraduationPrediction } from '../ml/graduation-model.js';
import { scoreHolders } from './holder-score.js';
import { detectRedFlags } from './red-flags.js';
import type { ScoringInputs, TokenScoreRow } from '../../contracts/scoring.js';
import { scoreVersionOf, type ScoringSettings } from './scoring-settings.js';
import { scoreSocial } from './social-score.js';
import { scoreTechnical } from './technical-score.js';

export function scoreToken(inputs: ScoringInputs, settings: ScoringSettings, prediction: GraduationPrediction | null): TokenScoreRow {
  const technical = scoreTechnical(inputs.trades, inputs.mintFacts, settings);
  const holder = scoreHolders(inputs.holders, inputs.trades, settings);
  const social = scoreSocial(inputs.social);
  const flags = detectRedFlags(inputs, settings);
  const total = technical.total + holder.total + social.total;
  return {
    tokenId: inputs.tokenId,
    calculatedAt: inputs.asOf,
    technicalScore: technical.total, holderScore: holder.total, socialScore: social.total,
    liquidityScore: technical.liquidity, tradingScore: technical.trading, contractScore: technical.contract,
    distributionScore: holder.distribution, qualityScore: holder.quality, activityScore: holder.activity,
    twitterScore: social.twitter, communityScore: social.community, viralityScore: social.virality,
    scoreMultiplier: flags.multiplier,
    hasRedFlags: flags.flags.length > 0,
    redFlags: flags.flags,
    mlGraduationProbability: prediction?.probability ?? null,
    mlConfidenceScore: prediction?.confidence ?? null,
    mlModelVersion: prediction?.modelVersion ?? null,
    scoreDetails: {
      scoreVersion: scoreVersionOf(settings),
      effectiveScore: Math.round(total * flags.multiplier),
      settings,
      redFlagEvidence: flags.evidence,
      socialConfidence: inputs.social?.confidence ?? 0,
      inputs: describeInputs(inputs),
    },
    effectiveScore: Math.round(total * flags.multiplier),
    totalScore: total,
    slot: inputs.trades.lastSlot ?? 0n,
  };
}

/** The inputs as plain JSON (bigints as text). */
function describeInputs(inputs: ScoringInputs): Record<string, unknown> {
  return {
    mint: inputs.mint, platform: inputs.platform, asOf: inputs.asOf.toISOString(), ageMinutes: inputs.ageMinutes,
    creator: inputs.creator, isGraduated: inputs.isGraduated,
    trades: { ...inputs.trades, lastSlot: inputs.trades.lastSlot?.toString() ?? null },
    holders: inputs.holders, creatorActivity: inputs.creatorActivity, creatorHistory: inputs.creatorHistory,
    mintFacts: inputs.mintFacts, social: inputs.social,
  };
}
