/**
 * How good a probability model is on held-out rows: discrimination (ROC AUC: the chance that a random
 * positive is ranked above a random negative) and calibration (Brier score, and a reliability table
 * comparing predicted and observed rates in probability bins). Pure.
 */

export interface ReliabilityBin {
  /** Bin bounds [from, to) of the predicted probability (the last bin includes 1). */
  from: number;
  to: number;
  count: number;
  meanPredicted: number | null;
  observedRate: number | null;
}

export interface Evaluation {
  rows: number;
  positives: number;
  auc: number | null;
  brier: number;
  /** Brier score of always predicting the base rate; skill = 1 − brier / baseline. */
  baselineBrier: number;
  logLoss: number;
  reliability: ReliabilityBin[];
}

/** ROC AUC by ranks (ties get their average rank); null when one class is missing. */
export function computeAuc(probabilities: readonly number[], labels: readonly number[]): number | null {
  const order = probabilities.map((p, i) => ({ p, y: labels[i]! })).sort((a, b) => a.p - b.p);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j]!.p === order[i]!.p) j++;
    const averageRank = (i + 1 + j) / 2;
    for (let m = i; m < j; m++) if (order[m]!.y === 1) {
      positives += 1;
      rankSum += averageRank;
    }
    i = j;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export function computeBrier(probabilities: readonly number[], labels: readonly number[]): number {
  if (probabilities.length === 0) return 0;
  return probabilities.reduce((sum, p, i) => sum + (p - labels[i]!) ** 2, 0) / probabilities.length;
}

export function buildReliabilityTable(probabilities: readonly number[], labels: readonly number[], bins = 10): ReliabilityBin[] {
  const table = Array.from({ length: bins }, (_, b) => ({ from: b / bins, to: (b + 1) / bins, count: 0, sumP: 0, sumY: 0 }));
  probabilities.forEach((p, i) => {
    const bin = table[Math.min(bins - 1, Math.floor(p * bins))]!;
    bin.count += 1;
    bin.sumP += p;
    bin.sumY += labels[i]!;
  });
  return table.map((b) => ({
    from: b.from, to: b.to, count: b.count,
    meanPredicted: b.count ? round4(b.sumP / b.count) : null,
    observedRate: b.count ? round4(b.sumY / b.count) : null,
  }));
}

export function evaluateProbabilities(probabilities: readonly number[], labels: readonly number[]): Evaluation {
  const positives = labels.reduce((s, y) => s + y, 0);
  const rate = labels.length ? positives / labels.length : 0;
  const eps = 1e-12;
  const logLoss = labels.length ? -labels.reduce((s, y, i) => s + (y ? Math.log(probabilities[i]! + eps) : Math.log(1 - probabilities[i]! + eps)), 0) / labels.length : 0;
  const auc = computeAuc(probabilities, labels);
  return {
    rows: labels.length,
    positives,
    auc: auc === null ? null : round4(auc),
    brier: round4(computeBrier(probabilities, labels)),
    baselineBrier: round4(rate * (1 - rate)),
    logLoss: round4(logLoss),
    reliability: buildReliabilityTable(probabilities, labels),
  };
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
