/**
 * Trains the graduation model on this database's own history and stores it with its report.
 *
 * Dataset: every launch of the last `trainingDays` whose outcome is known. For each snapshot N in
 * `snapshotMinutes` at which the launch was still on its curve, one row: the features read as of
 * launch + N minutes (same statement as live scoring: nothing after that moment is seen), label =
 * graduated at any time later. Split by launch time (time-ordered, no shuffling): the earliest 80 % of
 * launches train, the latest 20 % are held out for the report (AUC, Brier, reliability table).
 * The model is activated only when it beats the base rate on the held-out launches (Brier skill > 0).
 */
import type { Queryable } from '../../postgres/pg-pool.js';
import { insertModel, listTrainingLaunches, type TrainingLaunch } from '../../postgres/models-repository.js';
import { readScoringInputs } from '../../postgres/scores-repository.js';
import { UNKNOWN_MINT_FACTS } from '../scoring/mint-facts.js';
import { evaluateProbabilities } from '../ml/evaluation.js';
import { extractGraduationFeatures, GRADUATION_FEATURES } from '../ml/graduation-features.js';
import { GRADUATION_MODEL_NAME, modelVersionOf, type GraduationModel, type TrainingReport } from '../ml/graduation-model.js';
import { fitLogisticRegression, predictProbability } from '../ml/logistic-regression.js';

/** A launch that has not graduated within this many minutes is labelled "did not graduate". */
export const LABEL_HORIZON_MINUTES = 6 * 60;
const TEST_SHARE = 0.2;
const READ_CHUNK = 500;
const L2 = 1;

export interface TrainOptions {
  db: Queryable;
  now: Date;
  trainingDays: number;
  snapshotMinutes: number[];
  minTokens: number;
}

export type TrainResult = { status: 'trained'; model: GraduationModel; activated: boolean } | { status: 'skipped'; reason: string };

interface Sample { launch: TrainingLaunch; features: number[]; label: number }

export async function trainGraduationModel(options: TrainOptions): Promise<TrainResult> {
  const from = new Date(options.now.getTime() - options.trainingDays * 86_400_000);
  const launches = await listTrainingLaunches(options.db, from, options.now, options.now, LABEL_HORIZON_MINUTES);
  if (launches.length < options.minTokens) return { status: 'skipped', reason: `${launches.length} launches with a known outcome; ${options.minTokens} needed` };
  const splitIndex = Math.floor(launches.length * (1 - TEST_SHARE));
  const splitAt = launches[splitIndex]!.creationTime;
  const samples = await readSamples(options, launches);
  const train = samples.filter((s) => s.launch.creationTime < splitAt);
  const test = samples.filter((s) => s.launch.creationTime >= splitAt);
  const positives = train.reduce((n, s) => n + s.label, 0);
  if (positives === 0 || positives === train.length || test.length === 0) return { status: 'skipped', reason: 'the training rows hold one class only, or no held-out rows' };
  const model = fitLogisticRegression([...GRADUATION_FEATURES], train.map((s) => s.features), train.map((s) => s.label), { l2: L2 });
  const evaluation = evaluateProbabilities(test.map((s) => predictProbability(model, s.features)), test.map((s) => s.label));
  const report: TrainingReport = {
    trainedAt: options.now.toISOString(), snapshotMinutes: options.snapshotMinutes, splitAt: splitAt.toISOString(),
    train: { tokens: splitIndex, rows: train.length, positives },
    test: { ...evaluation, tokens: launches.length - splitIndex },
    coefficients: model.featureNames.map((feature, i) => ({ feature, coefficient: Math.round(model.coefficients[i]! * 10_000) / 10_000 }))
      .sort((a, b) => Math.abs(b.coefficient) - Math.abs(a.coefficient)),
  };
  const graduation: GraduationModel = { version: modelVersionOf(options.now), trainedAt: options.now, model, snapshotMinutes: options.snapshotMinutes, report };
  const activated = evaluation.brier < evaluation.baselineBrier;
  await insertModel(options.db, { name: GRADUATION_MODEL_NAME, version: graduation.version, trainedAt: options.now, features: model.featureNames, model: { ...model, snapshotMinutes: options.snapshotMinutes }, report, isActive: activated });
  return { status: 'trained', model: graduation, activated };
}

async function readSamples(options: TrainOptions, launches: TrainingLaunch[]): Promise<Sample[]> {
  const requests: Array<{ launch: TrainingLaunch; asOf: Date }> = [];
  for (const launch of launches) {
    for (const minutes of options.snapshotMinutes) {
      const asOf = new Date(launch.creationTime.getTime() + minutes * 60_000);
      if (asOf > options.now) continue;
      if (launch.graduationTime && launch.graduationTime <= asOf) continue;
      requests.push({ launch, asOf });
    }
  }
  const samples: Sample[] = [];
  for (let i = 0; i < requests.length; i += READ_CHUNK) {
    const chunk = requests.slice(i, i + READ_CHUNK);
    const inputs = await readScoringInputs(options.db, chunk.map((r) => ({ tokenId: r.launch.tokenId, asOf: r.asOf })), { useWalletTags: false });
    const launchOf = new Map(chunk.map((r) => [`${r.launch.tokenId}|${r.asOf.getTime()}`, r.launch]));
    inputs.forEach((input) => {
      const launch = launchOf.get(`${input.tokenId}|${input.asOf.getTime()}`);
      if (!launch) return;
      samples.push({ launch, features: extractGraduationFeatures({ ...input, mintFacts: UNKNOWN_MINT_FACTS }), label: launch.graduated ? 1 : 0 });
    });
  }
  return samples;
}
