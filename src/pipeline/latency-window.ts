/**
 * Receipt-to-commit latencies of the current reporting window (the `system_metrics` minute): keeps a
 * bounded reservoir so the average and p99 cost little memory at thousands of trades per second.
 */
const RESERVOIR_SIZE = 8_192;

export interface LatencySummary {
  count: number;
  avgMs: number | null;
  p50Ms: number | null;
  p99Ms: number | null;
}

export class LatencyWindow {
  private readonly sample: number[] = [];
  private count = 0;
  private sumMs = 0;

  record(ms: number): void {
    this.count += 1;
    this.sumMs += ms;
    if (this.sample.length < RESERVOIR_SIZE) this.sample.push(ms);
    else {
      const slot = Math.floor(Math.random() * this.count);
      if (slot < RESERVOIR_SIZE) this.sample[slot] = ms;
    }
  }

  /** Summarises the window and starts a new one. */
  take(): LatencySummary {
    const sorted = [...this.sample].sort((a, b) => a - b);
    const summary: LatencySummary = {
      count: this.count,
      avgMs: this.count ? this.sumMs / this.count : null,
      p50Ms: percentile(sorted, 0.5),
      p99Ms: percentile(sorted, 0.99),
    };
    this.sample.length = 0;
    this.count = 0;
    this.sumMs = 0;
    return summary;
  }
}

function percentile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}
