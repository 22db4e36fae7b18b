/**
 * L2-regularised logistic regression fitted by Newton's method (IRLS), in plain TypeScript: no
 * dependency, deterministic, converges in a handful of iterations on the few dozen features we use.
 *
 *   p(y=1|x) = σ(b + w·z),  z = (x − mean) / std  (standardised with the training rows' statistics)
 *   minimise  −Σ [y log p + (1−y) log(1−p)] + (λ/2)‖w‖²   (the intercept is not penalised)
 *
 * Each Newton step solves (XᵀWX + λI') Δ = Xᵀ(y − p) − λw' by Cholesky; λ > 0 keeps the system
 * positive definite even when features are collinear or the classes separate.
 */

export interface LogisticModel {
  featureNames: string[];
  means: number[];
  stds: number[];
  intercept: number;
  /** Coefficients on standardised features (same order as featureNames). */
  coefficients: number[];
  l2: number;
  iterations: number;
}

export interface FitOptions {
  l2?: number;
  maxIterations?: number;
  /** Stop when the largest step is below this. */
  tolerance?: number;
  /** Per-row weights (default 1). */
  weights?: number[];
}

export function sigmoid(t: number): number {
  return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
}

/** Fits the model to rows `x` (each of featureNames.length numbers) and labels `y` (0/1). */
export function fitLogisticRegression(featureNames: string[], x: number[][], y: number[], options: FitOptions = {}): LogisticModel {
  const l2 = options.l2 ?? 1;
  const { means, stds } = standardisation(x, featureNames.length);
  const z = x.map((row) => [1, ...row.map((v, j) => (v - means[j]!) / stds[j]!)]);
  const k = featureNames.length + 1;
  let beta = new Array<number>(k).fill(0);
  let iterations = 0;
  for (; iterations < (options.maxIterations ?? 50); iterations++) {
    const step = newtonStep(z, y, beta, l2, options.weights);
    beta = beta.map((b, i) => b + step[i]!);
    if (Math.max(...step.map(Math.abs)) < (options.tolerance ?? 1e-8)) {
      iterations += 1;
      break;
    }
  }
  return { featureNames, means, stds, intercept: beta[0]!, coefficients: beta.slice(1), l2, iterations };
}

function newtonStep(z: number[][], y: number[], beta: number[], l2: number, weights?: number[]): number[] {
  const k = beta.length;
  const hessian = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const gradient = new Array<number>(k).fill(0);
  for (let r = 0; r < z.length; r++) {
    const row = z[r]!;
    const w = weights?.[r] ?? 1;
    const p = sigmoid(dot(row, beta));
    const residual = w * (y[r]! - p);
    const curvature = w * p * (1 - p);
    for (let i = 0; i < k; i++) {
      gradient[i]! += residual * row[i]!;
      for (let j = 0; j <= i; j++) hessian[i]![j]! += curvature * row[i]! * row[j]!;
    }
  }
  for (let i = 1; i < k; i++) {
    hessian[i]![i]! += l2;
    gradient[i]! -= l2 * beta[i]!;
  }
  for (let i = 0; i < k; i++) hessian[i]![i]! += 1e-9;
  return solveCholesky(hessian, gradient);
}

/** Solves A x = b for a symmetric positive-definite A given by its lower triangle. */
export function solveCholesky(a: number[][], b: number[]): number[] {
  const n = b.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i]![j]!;
      for (let m = 0; m < j; m++) sum -= l[i]![m]! * l[j]![m]!;
      l[i]![j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j]![j]!;
    }
  }
  const forward = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    for (let m = 0; m < i; m++) sum -= l[i]![m]! * forward[m]!;
    forward[i] = sum / l[i]![i]!;
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let sum = forward[i]!;
    for (let m = i + 1; m < n; m++) sum -= l[m]![i]! * x[m]!;
    x[i] = sum / l[i]![i]!;
  }
  return x;
}

function standardisation(x: number[][], width: number): { means: number[]; stds: number[] } {
  const means = new Array<number>(width).fill(0);
  const stds = new Array<number>(width).fill(0);
  for (const row of x) row.forEach((v, j) => (means[j]! += v / x.length));
  for (const row of x) row.forEach((v, j) => (stds[j]! += (v - means[j]!) ** 2 / x.length));
  return { means, stds: stds.map((s) => (s > 1e-12 ? Math.sqrt(s) : 1)) };
}

function dot(a: number[], b: number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** Probability of the positive class for one raw (unstandardised) feature row. */
export function predictProbability(model: LogisticModel, row: readonly number[]): number {
  let t = model.intercept;
  for (let j = 0; j < model.coefficients.length; j++) t += model.coefficients[j]! * ((row[j]! - model.means[j]!) / model.stds[j]!);
  return sigmoid(t);
}
