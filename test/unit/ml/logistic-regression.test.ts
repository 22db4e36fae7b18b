import { describe, expect, it } from 'vitest';
import { fitLogisticRegression, predictProbability, sigmoid, solveCholesky } from '../../../src/analytics/ml/logistic-regression.js';
import { computeAuc, computeBrier, buildReliabilityTable, evaluateProbabilities } from '../../../src/analytics/ml/evaluation.js';
import { createPrng } from '../../../src/simulate/prng.js';

function normal(random: { next(): number }): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}

/** Rows whose label follows σ(−0.5 + 2·x0 − 1.5·x1 + 0·x2) exactly. */
function dataset(seed: number, n: number): { x: number[][]; y: number[] } {
  const random = createPrng(seed);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = [normal(random), normal(random), normal(random)];
    x.push(row);
    y.push(random.next() < sigmoid(-0.5 + 2 * row[0]! - 1.5 * row[1]!) ? 1 : 0);
  }
  return { x, y };
}

describe('fitLogisticRegression', () => {
  it('recovers known coefficients (signs and sizes) and discriminates held-out rows', () => {
    const train = dataset(1, 4_000);
    const model = fitLogisticRegression(['a', 'b', 'noise'], train.x, train.y, { l2: 1 });
    // coefficients are on standardised features; the generating features have std ≈ 1
    expect(model.coefficients[0]).toBeGreaterThan(1.7);
    expect(model.coefficients[0]).toBeLessThan(2.3);
    expect(model.coefficients[1]).toBeLessThan(-1.2);
    expect(model.coefficients[1]).toBeGreaterThan(-1.8);
    expect(Math.abs(model.coefficients[2]!)).toBeLessThan(0.15);
    expect(model.iterations).toBeLessThan(15);
    const test = dataset(2, 2_000);
    const evaluation = evaluateProbabilities(test.x.map((r) => predictProbability(model, r)), test.y);
    expect(evaluation.auc).toBeGreaterThan(0.85);
    expect(evaluation.brier).toBeLessThan(evaluation.baselineBrier * 0.7);
  });

  it('stays finite on perfectly separable data (the L2 term bounds the weights)', () => {
    const x = [[0], [1], [2], [3], [4], [5]];
    const y = [0, 0, 0, 1, 1, 1];
    const model = fitLogisticRegression(['x'], x, y, { l2: 1 });
    expect(Number.isFinite(model.coefficients[0])).toBe(true);
    expect(predictProbability(model, [5])).toBeGreaterThan(0.8);
    expect(predictProbability(model, [0])).toBeLessThan(0.2);
  });

  it('ignores a constant feature instead of dividing by zero', () => {
    const model = fitLogisticRegression(['c', 'x'], [[1, 0], [1, 1], [1, 2], [1, 3]], [0, 0, 1, 1]);
    expect(model.stds[0]).toBe(1);
    expect(model.coefficients[0]).toBeCloseTo(0, 6);
  });
});

describe('solveCholesky', () => {
  it('solves a symmetric positive-definite system from its lower triangle', () => {
    const x = solveCholesky([[4, 0, 0], [2, 3, 0], [0.5, 1, 2]], [1, 2, 3]);
    // check A x = b with the full symmetric matrix
    const a = [[4, 2, 0.5], [2, 3, 1], [0.5, 1, 2]];
    a.forEach((row, i) => expect(row.reduce((s, v, j) => s + v * x[j]!, 0)).toBeCloseTo([1, 2, 3][i]!, 10));
  });
});

describe('evaluation', () => {
  it('computes AUC by ranks with ties, Brier, and the reliability table', () => {
    expect(computeAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    expect(computeAuc([0.5, 0.5], [0, 1])).toBe(0.5);
    expect(computeAuc([0.2, 0.3], [1, 1])).toBeNull();
    expect(computeBrier([0.1, 0.9], [0, 1])).toBeCloseTo(0.01, 12);
    const table = buildReliabilityTable([0.05, 0.15, 0.12, 0.95, 1], [0, 1, 0, 1, 1], 10);
    expect(table[0]).toEqual({ from: 0, to: 0.1, count: 1, meanPredicted: 0.05, observedRate: 0 });
    expect(table[1]).toEqual({ from: 0.1, to: 0.2, count: 2, meanPredicted: 0.135, observedRate: 0.5 });
    expect(table[9]).toEqual({ from: 0.9, to: 1, count: 2, meanPredicted: 0.975, observedRate: 1 });
    expect(table.reduce((n, b) => n + b.count, 0)).toBe(5);
  });
});
