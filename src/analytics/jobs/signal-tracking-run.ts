/**
 * One run of signal tracking: every open buy is moved forward through the trade prices since it was
 * last tracked, and closed when an exit rule fires (`trackPrices`). Buys closed by a sell signal are
 * closed at the sell's price.
 */
import type { Queryable } from '../../postgres/pg-pool.js';
import { listOpenBuys, readPricesSince, updateSignalTracking, type OpenBuyRow, type TrackingUpdateRow } from '../../postgres/signals-repository.js';
import type { SignalSettings } from '../signals/signal-rules.js';
import { exitAt, trackPrices, type TrackingState } from '../signals/signal-tracker.js';

export async function runSignalTracking(db: Queryable, settings: SignalSettings, now: Date): Promise<{ tracked: number; exited: number }> {
  const open = await listOpenBuys(db);
  const prices = await readPricesSince(db, open.map((o) => ({ id: o.id, tokenId: o.tokenId, since: o.trackedUntil })), now);
  const updates = open.map((o) => {
    const { state, exit } = trackPrices(stateOf(o), prices.get(o.id) ?? [], now, settings);
    return trackingUpdate(o.id, state, exit, now);
  });
  await updateSignalTracking(db, updates);
  return { tracked: updates.length, exited: updates.filter((u) => u.exitTime !== null).length };
}

/**
 * Closes open buys at the given prices (a sell signal). `open` is the caller's reading of the open buys
 * by buy id (`listOpenBuys`): a scoring run reads them once and passes the same reading to every chunk.
 * A close whose buy is not in it is skipped; a buy already closed is left as it is (the update only
 * touches rows without an exit).
 */
export async function closeBuys(db: Queryable, open: ReadonlyMap<string, OpenBuyRow>, closes: ReadonlyArray<{ buyId: string; price: number; time: Date }>): Promise<void> {
  if (closes.length === 0) return;
  const updates: TrackingUpdateRow[] = [];
  for (const close of closes) {
    const row = open.get(close.buyId);
    if (!row) continue;
    const state = stateOf(row);
    updates.push(trackingUpdate(row.id, state, exitAt(state, 'sell_signal', close.price, close.time), close.time));
  }
  await updateSignalTracking(db, updates);
}

function stateOf(o: OpenBuyRow): TrackingState {
  return { entryPrice: o.entryPrice, signalTime: o.signalTime, peakPrice: o.peakPrice, peakTime: o.peakTime, maxDrawdownPct: o.maxDrawdownPct, lastPrice: o.lastPrice, lastTime: o.trackedUntil };
}

export function trackingUpdate(id: string, state: TrackingState, exit: ReturnType<typeof trackPrices>['exit'], now: Date): TrackingUpdateRow {
  return {
    id, peakPrice: state.peakPrice, peakTime: state.peakTime, maxDrawdownPct: Math.round(state.maxDrawdownPct * 100) / 100,
    exitPrice: exit?.price ?? null, exitTime: exit?.time ?? null, realizedPnlPct: exit?.realizedPnlPct ?? null,
    tracking: { trackedUntil: (exit ? exit.time : state.lastTime).toISOString(), checkedAt: now.toISOString(), lastPrice: state.lastPrice, exitReason: exit?.reason ?? null },
  };
}
