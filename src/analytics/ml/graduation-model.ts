/**
 * A stored graduation model (one `ml_models` row) and how it is served: the probability that a token
 * graduates, a confidence, and the model version.
 *
 * Confidence (0-1) = model skill × data: skill is the held-out Brier skill (1 − brier / baseline,
 * clamped to 0..1) and data grows with the token's trades (20 trades = full) and age up to the
 * earliest snapshot the model was trained at.
 */
import { predictProbability, type LogisticModel } from './logistic-regression.js';
import type { Evaluation } from './evaluation.js';
import { extractGraduationFeatures } from './graduation-features.js';
import type { ScoringInputs } from '../../contracts/scoring.js';

export const GRADUATION_MODEL_NAME = 'graduation';
const FULL_DATA_TRADES = 20;

export interface TrainingReport {
  trainedAt: string;
  snapshotMinutes: number[];
  /** Creation-time split: rows of tokens launched before `splitAt` train, the rest test. */
  splitAt: string;
  train: { tokens: number; rows: number; positives: number };
  test: Evaluation & { tokens: number };
  /** Per-feature coefficients on standardised features, largest effect first. */
  coefficients: Array<{ feature: string; coefficient: number }>;
}

export interface GraduationModel {
  version: string;
  trainedAt: Date;
  model: LogisticModel;
  snapshotMinutes: number[];
  report: TrainingReport;
}

export interface GraduationPrediction {
  probability: number;
  confidence: number;
  modelVersion: string;
}

/** Model version from its training time: `gm-YYYYMMDDHHMMSS` (17 characters; the column holds 20). */
export function modelVersionOf(trainedAt: Date): string {
  return `gm-${trainedAt.toISOString().replace(/[-:T]/g, '').slice(0, 14)}`;
}

export function predictGraduation(model: GraduationModel, inputs: ScoringInputs): GraduationPrediction {
  if (inputs.isGraduated) return { probability: 1, confidence: 1, modelVersion: model.version };
  const probability = predictProbability(model.model, extractGraduationFeatures(inputs));
  const skill = Math.min(1, Math.max(0, 1 - model.report.test.brier / Math.max(model.report.test.baselineBrier, 1e-9)));
  const earliest = Math.min(...model.snapshotMinutes);
  const data = Math.min(1, inputs.trades.trades / FULL_DATA_TRADES) * Math.min(1, (inputs.ageMinutes ?? earliest) / earliest);
  return { probability: round4(probability), confidence: round4(skill * data), modelVersion: model.version };
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** Rebuilds a served model from its `ml_models` row (model JSON as `trainGraduationModel` stored it). */
export function graduationModelFromStored(row: { version: string; trainedAt: Date; model: unknown; report: unknown }): GraduationModel {
  const stored = row.model as LogisticModel & { snapshotMinutes: number[] };
  return { version: row.version, trainedAt: row.trainedAt, model: stored, snapshotMinutes: stored.snapshotMinutes, report: row.report as TrainingReport };
}
