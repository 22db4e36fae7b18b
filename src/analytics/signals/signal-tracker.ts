/**
 * Follows an open buy signal through the prices that came after it and decides its exit. Pure and
 * incremental: the state after a run is stored on the signal row (peak_price, peak_time, max_drawdown,
 * signal_metadata.trackedUntil), and the next run continues from there.
 *
 * Units: prices are whole quote units per whole token; realized_pnl and max_drawdown are percent.
 * - peak: highest price since the signal (the entry price counts).
 * - max drawdown: largest fall from the running peak to a later price, in percent of that peak.
 * - exit, first of: take profit (price ≥ entry × (1 + TP%)), stop loss (price ≤ entry × (1 − SL%)),
 *   time (the first price at or after signal time + max hold; with no price by then, the last price
 *   before it once that moment has passed), or a sell signal (closed by the caller at its price).
 */
import type { SignalSettings } from './signal-rules.js';

export interface PricePoint {
  time: Date;
  price: number;
}

export interface TrackingState {
  entryPrice: number;
  signalTime: Date;
  peakPrice: number;
  peakTime: Date;
  maxDrawdownPct: number;
  lastPrice: number;
  lastTime: Date;
}

export interface ExitDecision {
  reason: 'take_profit' | 'stop_loss' | 'time' | 'sell_signal';
  price: number;
  time: Date;
  realizedPnlPct: number;
}

export function startTracking(entryPrice: number, signalTime: Date): TrackingState {
  return { entryPrice, signalTime, peakPrice: entryPrice, peakTime: signalTime, maxDrawdownPct: 0, lastPrice: entryPrice, lastTime: signalTime };
}

/** Applies prices (in time order) until an exit; returns the new state and the exit, if any. */
export function trackPrices(state: TrackingState, prices: readonly PricePoint[], now: Date, s: SignalSettings): { state: TrackingState; exit: ExitDecision | null } {
  const next = { ...state };
  const deadline = new Date(state.signalTime.getTime() + s.maxHoldMinutes * 60_000);
  for (const point of prices) {
    if (point.time >= deadline) return { state: next, exit: exitAt(next, 'time', point.price, point.time) };
    apply(next, point);
    if (point.price >= next.entryPrice * (1 + s.takeProfitPct / 100)) return { state: next, exit: exitAt(next, 'take_profit', point.price, point.time) };
    if (point.price <= next.entryPrice * (1 - s.stopLossPct / 100)) return { state: next, exit: exitAt(next, 'stop_loss', point.price, point.time) };
  }
  if (now >= deadline) return { state: next, exit: exitAt(next, 'time', next.lastPrice, deadline) };
  return { state: next, exit: null };
}

function apply(state: TrackingState, point: PricePoint): void {
  if (point.price > state.peakPrice) {
    state.peakPrice = point.price;
    state.peakTime = point.time;
  }
  const drawdown = state.peakPrice > 0 ? ((state.peakPrice - point.price) / state.peakPrice) * 100 : 0;
  if (drawdown > state.maxDrawdownPct) state.maxDrawdownPct = drawdown;
  state.lastPrice = point.price;
  state.lastTime = point.time;
}

export function exitAt(state: TrackingState, reason: ExitDecision['reason'], price: number, time: Date): ExitDecision {
  return { reason, price, time, realizedPnlPct: pnlPct(state.entryPrice, price) };
}

/** Percent gain from entry to exit, two decimals, clamped to the column's range. */
export function pnlPct(entry: number, exit: number): number {
  if (entry <= 0) return 0;
  const value = Math.round(((exit - entry) / entry) * 10_000) / 100;
  return Math.max(-99_999_999.99, Math.min(99_999_999.99, value));
}
