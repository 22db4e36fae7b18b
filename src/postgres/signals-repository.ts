/** `trading_signals` writes and reads: new signals, open buys, prices to follow them, tracking updates, executions. */
import type { NewSignalRow } from '../contracts/signals.js';
import type { Queryable } from './pg-pool.js';
import { columnsOf, toJson } from './sql-values.js';

const INSERT_SIGNALS_SQL = `
insert into trading_signals (id, token_id, signal_time, signal_type, score_at_signal, price_at_signal, market_cap_at_signal,
  ml_probability_at_signal, triggered_by, signal_strength, peak_price, peak_time, max_drawdown, signal_metadata)
select u.id, u.token_id, u.signal_time, u.signal_type, u.score, u.price, u.market_cap, u.probability,
  array(select jsonb_array_elements_text(u.triggered_by)), u.strength,
  case when u.signal_type = 'buy' then u.price end, case when u.signal_type = 'buy' then u.signal_time end,
  case when u.signal_type = 'buy' then 0 end, u.metadata
from unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::text[], $5::int[], $6::numeric[], $7::numeric[], $8::numeric[],
  $9::jsonb[], $10::text[], $11::jsonb[])
  as u (id, token_id, signal_time, signal_type, score, price, market_cap, probability, triggered_by, strength, metadata)
on conflict (id) do nothing`;

const SIGNAL_COLUMNS: ReadonlyArray<(r: NewSignalRow) => unknown> = [
  (r) => r.id, (r) => r.tokenId, (r) => r.signalTime.toISOString(), (r) => r.signalType, (r) => r.scoreAtSignal, (r) => r.priceAtSignal,
  (r) => (r.marketCapAtSignal === null ? null : Math.min(r.marketCapAtSignal, 9e17).toFixed(2)), (r) => r.mlProbabilityAtSignal,
  (r) => JSON.stringify(r.triggeredBy), (r) => r.signalStrength, (r) => toJson(r.signalMetadata),
];

export async function insertSignals(db: Queryable, rows: readonly NewSignalRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(INSERT_SIGNALS_SQL, columnsOf(rows, SIGNAL_COLUMNS));
}

/** The open buys (listOpenBuys); exported so a test can count how often a run reads them. */
export const OPEN_BUYS_SQL = `
select b.id, b.token_id, b.signal_time, b.price_at_signal::float8 as entry, b.peak_price::float8 as peak_price, b.peak_time,
  coalesce(b.max_drawdown, 0)::float8 as max_drawdown, b.signal_metadata,
  exists (select 1 from trading_signals h where h.token_id = b.token_id and h.signal_type = 'hold' and h.signal_time >= b.signal_time) as hold_raised
from trading_signals b
where b.signal_type = 'buy' and b.exit_time is null`;

export interface OpenBuyRow {
  id: string;
  tokenId: string;
  signalTime: Date;
  entryPrice: number;
  peakPrice: number;
  peakTime: Date;
  maxDrawdownPct: number;
  /** Prices up to this time have been applied. */
  trackedUntil: Date;
  lastPrice: number;
  holdRaised: boolean;
}

/** Every buy signal without an exit. */
export async function listOpenBuys(db: Queryable): Promise<OpenBuyRow[]> {
  const { rows } = await db.query(OPEN_BUYS_SQL);
  return rows.map((r) => {
    const tracking = (r.signal_metadata?.tracking ?? {}) as { trackedUntil?: string; lastPrice?: number };
    const signalTime = new Date(r.signal_time);
    return {
      id: r.id, tokenId: r.token_id, signalTime, entryPrice: r.entry, peakPrice: r.peak_price ?? r.entry, peakTime: r.peak_time ? new Date(r.peak_time) : signalTime,
      maxDrawdownPct: r.max_drawdown, trackedUntil: tracking.trackedUntil ? new Date(tracking.trackedUntil) : signalTime,
      lastPrice: tracking.lastPrice ?? r.entry, holdRaised: r.hold_raised,
    };
  });
}

const PRICES_SINCE_SQL = `
select r.id, t.block_time, t.price_quote_per_token::float8 as price
from unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) as r (id, token_id, since)
join transactions t on t.token_id = r.token_id and t.success and t.block_time > r.since and t.block_time <= $4::timestamptz
  and t.price_quote_per_token is not null
order by r.id, t.block_time, t.slot, t.tx_index nulls first, t.event_index`;

/** Successful trade prices after each signal's `since` up to `until`, in chain order, by signal id. */
export async function readPricesSince(db: Queryable, requests: ReadonlyArray<{ id: string; tokenId: string; since: Date }>, until: Date): Promise<Map<string, Array<{ time: Date; price: number }>>> {
  const out = new Map<string, Array<{ time: Date; price: number }>>();
  if (requests.length === 0) return out;
  const { rows } = await db.query(PRICES_SINCE_SQL, [requests.map((r) => r.id), requests.map((r) => r.tokenId), requests.map((r) => r.since.toISOString()), until.toISOString()]);
  for (const r of rows) {
    const list = out.get(r.id) ?? [];
    list.push({ time: new Date(r.block_time), price: r.price });
    out.set(r.id, list);
  }
  return out;
}

export interface TrackingUpdateRow {
  id: string;
  peakPrice: number;
  peakTime: Date;
  maxDrawdownPct: number;
  exitPrice: number | null;
  exitTime: Date | null;
  realizedPnlPct: number | null;
  tracking: Record<string, unknown>;
}

const UPDATE_TRACKING_SQL = `
update trading_signals s set peak_price = u.peak_price, peak_time = u.peak_time, max_drawdown = u.max_drawdown,
  exit_price = u.exit_price, exit_time = u.exit_time, realized_pnl = u.pnl,
  signal_metadata = coalesce(s.signal_metadata, '{}'::jsonb) || jsonb_build_object('tracking', u.tracking), updated_at = now()
from unnest($1::uuid[], $2::numeric[], $3::timestamptz[], $4::numeric[], $5::numeric[], $6::timestamptz[], $7::numeric[], $8::jsonb[])
  as u (id, peak_price, peak_time, max_drawdown, exit_price, exit_time, pnl, tracking)
where s.id = u.id and s.exit_time is null`;

const TRACKING_COLUMNS: ReadonlyArray<(r: TrackingUpdateRow) => unknown> = [
  (r) => r.id, (r) => r.peakPrice, (r) => r.peakTime.toISOString(), (r) => Math.min(99_999_999, r.maxDrawdownPct).toFixed(2),
  (r) => r.exitPrice, (r) => r.exitTime?.toISOString() ?? null, (r) => r.realizedPnlPct?.toFixed(2) ?? null, (r) => toJson(r.tracking),
];

/** Writes the tracking state (and the exit, when there is one) of open signals. */
export async function updateSignalTracking(db: Queryable, rows: readonly TrackingUpdateRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(UPDATE_TRACKING_SQL, columnsOf(rows, TRACKING_COLUMNS));
}

const RECORD_EXECUTION_SQL = `
update trading_signals set was_executed = true, execution_time = $2, execution_price = $3, execution_signature = $4, updated_at = now()
where id = $1
returning id, token_id, signal_type, was_executed, execution_time, execution_price::text as execution_price, execution_signature`;

/** Records that a user's executor acted on a signal; null when the signal does not exist. */
export async function recordSignalExecution(db: Queryable, id: string, execution: { time: Date; price: string; signature: string | null }): Promise<Record<string, unknown> | null> {
  const { rows } = await db.query(RECORD_EXECUTION_SQL, [id, execution.time.toISOString(), execution.price, execution.signature]);
  return rows[0] ?? null;
}
