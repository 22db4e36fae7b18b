/** The backtest's figures per score version: signals raised, hit rate, PnL distribution, drawdowns, exits. Pure. */
import { pnlPct, type ExitDecision, type TrackingState } from './signal-tracker.js';

export interface ClosedTrade {
  tokenId: string;
  entryPrice: number;
  exit: ExitDecision;
  maxDrawdownPct: number;
}

export interface Distribution {
  count: number;
  mean: number | null;
  min: number | null;
  p10: number | null;
  median: number | null;
  p90: number | null;
  max: number | null;
}

export interface BacktestReport {
  scoreVersion: string;
  signals: Record<'buy' | 'sell' | 'hold', number>;
  closed: number;
  /** Share of closed buys with a positive realized PnL (null when none closed). */
  hitRate: number | null;
  realizedPnlPct: Distribution;
  maxDrawdownPct: Distribution;
  exits: Record<string, number>;
  /** Buys still open at the end, valued at their last price. */
  open: { count: number; unrealizedPnlPct: Distribution };
}

export function summarizeBacktest(scoreVersion: string, signals: BacktestReport['signals'], closed: readonly ClosedTrade[], open: readonly TrackingState[]): BacktestReport {
  const exits: Record<string, number> = {};
  for (const c of closed) exits[c.exit.reason] = (exits[c.exit.reason] ?? 0) + 1;
  return {
    scoreVersion, signals, closed: closed.length,
    hitRate: closed.length ? round(closed.filter((c) => c.exit.realizedPnlPct > 0).length / closed.length, 4) : null,
    realizedPnlPct: distributionOf(closed.map((c) => c.exit.realizedPnlPct)),
    maxDrawdownPct: distributionOf(closed.map((c) => c.maxDrawdownPct)),
    exits,
    open: { count: open.length, unrealizedPnlPct: distributionOf(open.map((s) => pnlPct(s.entryPrice, s.lastPrice))) },
  };
}

export function distributionOf(values: readonly number[]): Distribution {
  if (values.length === 0) return { count: 0, mean: null, min: null, p10: null, median: null, p90: null, max: null };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!, 2);
  return { count: values.length, mean: round(values.reduce((s, v) => s + v, 0) / values.length, 2), min: round(sorted[0]!, 2), p10: at(0.1), median: at(0.5), p90: at(0.9), max: round(sorted[sorted.length - 1]!, 2) };
}

function round(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}
