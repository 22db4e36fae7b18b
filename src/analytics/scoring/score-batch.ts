/**
 * Scores a batch of tokens from their inputs (the same code live and in the backtest) and builds what
 * the Redis cache learns from it: `token:score:{id}` (5 min), `tokens:hot` ranked by effective score
 * (1 min), each carrying the slot of the newest trade the score saw and the time it was calculated.
 */
import type { RedisBatch } from '../../contracts/cache-batch.js';
import { predictGraduation, type GraduationModel } from '../ml/graduation-model.js';
import type { ScoringInputs, TokenScoreRow } from '../../contracts/scoring.js';
import { scoreToken } from './score-token.js';
import type { ScoringSettings } from './scoring-settings.js';

export function scoreInputs(inputs: readonly ScoringInputs[], settings: ScoringSettings, model: GraduationModel | null): TokenScoreRow[] {
  return inputs.map((i) => scoreToken(i, settings, model ? predictGraduation(model, i) : null));
}

export function buildScoreCacheBatch(rows: readonly TokenScoreRow[]): RedisBatch {
  return {
    tokenScores: rows.map((r) => ({
      tokenId: r.tokenId, slot: r.slot, technicalScore: r.technicalScore, holderScore: r.holderScore, socialScore: r.socialScore,
      totalScore: r.totalScore, mlProbability: r.mlGraduationProbability, calculatedAt: r.calculatedAt.toISOString(),
    })),
    hotScores: rows.filter((r) => r.slot > 0n).map((r) => ({ tokenId: r.tokenId, score: r.effectiveScore, slot: r.slot })),
  };
}
