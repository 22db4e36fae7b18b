/**
 * Pump.fun TradeEvent, every era (FACTS §4). Fields are append-only: read what the payload has.
 *  v0 113 B (legacy IDL 2024-09) · v1 129 B +real reserves (IDL df5013e) · v2 225 B +fees, creator (e2b66e4)
 *  v3 258 B +volume fields (0c64400) · v4 +ix_name (3359025) · v5 +mayhem_mode (f0ef005)
 *  v6 +cashback (82dacac) · v7 +buyback, shareholders, quote_mint/amount/reserves (91db680)
 * A later step that does not fit stops the walk: the rest is trailing bytes.
 *  v8 +holder_rewards_bps, holder_rewards (pump-sdk 2.0.0, 2026-09: 34 fields)
 *  v9 +creator_fee_unclaimed (2026-10, TRADE_V3.md / SWEEP_FEES.md; the 2026-10-08 trades carry it)
 * The bonding curve is not in the event: it comes from the invoking instruction's accounts (v1, _v2 and _v3
 * orders), else it is derived from the mint (a curve hop of PumpSwap's multi_hop_swap, a bare log line).
 * fee_recipient = the all-ones address means the fee was kept on the curve: it is still this trade's fee.
 */
import { BorshReader } from '../../shared/borsh-reader.js';
import { DecodeError } from '../../shared/errors.js';
import { buildTradeEvent } from '../event-objects.js';
import type { EventContext } from '../program-decoder.js';
import { WSOL_MINT } from '../../contracts/chain-transaction.js';
import { type TradeEvent } from '../../contracts/decoded-event.js';
import { bondingCurveOfMint } from './bonding-curve-address.js';

const DEFAULT_PUBKEY = '11111111111111111111111111111111';
const MAX_IX_NAME_BYTES = 64;
const MAX_SHAREHOLDERS = 64;
/**
 * Account indexes of the trade instructions: the buy/sell family, the quote-paired _v2 family (IDL 91db680)
 * and the 17-account _v3 family (TRADE_V3.md: global, base_mint, quote_mint, two token programs, bonding_curve,
 * ..., user at 8).
 */
const V1_ACCOUNTS = { mint: 2, bondingCurve: 3, user: 6 };
const V2_ACCOUNTS = { mint: 1, bondingCurve: 10, user: 13 };
const V3_ACCOUNTS = { mint: 1, bondingCurve: 5, user: 8 };
const V1_TRADES: ReadonlySet<string> = new Set(['buy', 'sell', 'buy_exact_sol_in']);

type Extra = TradeEvent['extra'];

/** Decodes a TradeEvent payload (discriminator included); throws DecodeError below 113 bytes. */
export function decodePumpTradeEvent(payload: Uint8Array, ctx: EventContext, ixName: string | null): TradeEvent {
  const pool = bondingCurveOf(ctx, ixName);
  const r = new BorshReader(payload, 8);
  const mint = r.pubkey();
  const solAmount = r.u64();
  const tokenAmount = r.u64();
  const isBuy = r.bool();
  const user = r.pubkey();
  const timestamp = r.i64();
  const virtualSolReserves = r.u64();
  const virtualTokenReserves = r.u64();
  const event = buildTradeEvent(ctx, {
    layout: 'pump.TradeEvent.v0', trailingBytes: 0, mint, user, isBuy, solAmount, tokenAmount, quoteMint: WSOL_MINT,
    pool: pool ?? bondingCurveOfMint(mint), timestamp, virtualSolReserves, virtualTokenReserves,
    realSolReserves: null, realTokenReserves: null, fee: null, creatorFee: null, protocolFee: null,
    platformFee: null, shareFee: null, ixName, poolState: null, amountIn: null, amountOut: null,
    poolStatus: null, extra: {},
  });
  readAppendedFields(r, event);
  event.trailingBytes = r.remaining;
  return event;
}

/** Walks the eras in order; a step runs only when its bytes are there, a step that does not fit stops. */
function readAppendedFields(r: BorshReader, e: TradeEvent): void {
  if (r.remaining < 16) return;
  e.realSolReserves = r.u64();
  e.realTokenReserves = r.u64();
  e.layout = 'pump.TradeEvent.v1';
  if (r.remaining < 96) return;
  readFeeFields(r, e);
  e.layout = 'pump.TradeEvent.v2';
  if (r.remaining < 33) return;
  readVolumeFields(r, e.extra);
  e.layout = 'pump.TradeEvent.v3';
  if (r.remaining < 5 || !readIxName(r, e)) return;
  e.layout = 'pump.TradeEvent.v4';
  if (r.remaining < 1) return;
  e.extra.mayhemMode = r.bool();
  e.layout = 'pump.TradeEvent.v5';
  if (r.remaining < 16) return;
  e.extra.cashbackFeeBasisPoints = r.u64().toString();
  e.extra.cashback = r.u64().toString();
  e.layout = 'pump.TradeEvent.v6';
  if (r.remaining < 76 || !tryStep(r, () => readQuoteFields(r, e))) return;
  e.layout = 'pump.TradeEvent.v7';
  if (r.remaining < 16) return;
  e.holderRewardsBps = r.u64();
  e.holderRewards = r.u64();
  e.layout = 'pump.TradeEvent.v8';
  if (r.remaining < 8) return;
  e.creatorFeeUnclaimed = r.u64();
  e.layout = 'pump.TradeEvent.v9';
}

/** Runs a variable-size step that reads all its fields before assigning any; rewinds when it fails. */
function tryStep(r: BorshReader, read: () => void): boolean {
  const start = r.offset;
  try {
    read();
    return true;
  } catch {
    r.offset = start;
    return false;
  }
}

function readFeeFields(r: BorshReader, e: TradeEvent): void {
  // Fixed size, guarded by the step's byte count: cannot fail half-way.
  e.extra.feeRecipient = r.pubkey();
  e.extra.feeBasisPoints = r.u64().toString();
  e.fee = r.u64();
  e.extra.creator = r.pubkey();
  e.extra.creatorFeeBasisPoints = r.u64().toString();
  e.creatorFee = r.u64();
}

/** Volume-incentive fields: only track_volume is kept (the counters are per-user reward state). */
function readVolumeFields(r: BorshReader, extra: Extra): void {
  extra.trackVolume = r.bool();
  r.skip(32); // total_unclaimed_tokens, total_claimed_tokens, current_sol_volume, last_update_timestamp
}

/** ix_name (v4): a short snake_case string; anything else means a layout we do not know (rewind). */
function readIxName(r: BorshReader, e: TradeEvent): boolean {
  const start = r.offset;
  const len = r.u32();
  if (len === 0 || len > MAX_IX_NAME_BYTES || r.remaining < len) {
    r.offset = start;
    return false;
  }
  let name = '';
  for (let i = r.offset; i < r.offset + len; i += 1) {
    const c = r.bytes[i] as number;
    const ok = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
    if (!ok) {
      r.offset = start;
      return false;
    }
    name += String.fromCharCode(c);
  }
  r.skip(len);
  e.ixName = name;
  return true;
}

function readQuoteFields(r: BorshReader, e: TradeEvent): void {
  const buybackFeeBasisPoints = r.u64();
  const buybackFee = r.u64();
  const holders = r.u32();
  if (holders > MAX_SHAREHOLDERS) throw new DecodeError(`implausible shareholder count ${holders}`, r.offset - 4);
  r.skip(holders * 34);
  const quoteMint = r.pubkey();
  const quoteAmount = r.u64();
  const virtualQuote = r.u64();
  const realQuote = r.u64();
  if (quoteMint !== DEFAULT_PUBKEY) {
    // Quote-paired coin (USDC): the SOL fields are 0, the amounts live in the quote fields.
    e.quoteMint = quoteMint;
    e.solAmount = quoteAmount;
    e.virtualSolReserves = virtualQuote;
    e.realSolReserves = realQuote;
  }
  e.extra.buybackFeeBasisPoints = buybackFeeBasisPoints.toString();
  e.extra.buybackFee = buybackFee.toString();
  e.extra.shareholders = holders;
  e.extra.quoteAmount = quoteAmount.toString();
}

/** Account layout of a pump trade instruction, or null when the instruction is no trade of ours. */
export function tradeAccountsOf(ixName: string | null): typeof V1_ACCOUNTS | null {
  if (ixName === null) return null;
  if (ixName.endsWith('_v3')) return V3_ACCOUNTS;
  if (ixName.endsWith('_v2')) return V2_ACCOUNTS;
  return V1_TRADES.has(ixName) ? V1_ACCOUNTS : null;
}

/** The bonding curve from the invoking trade instruction's accounts; null when it lists none. */
function bondingCurveOf(ctx: EventContext, ixName: string | null): string | null {
  const ix = ctx.invocation;
  const layout = tradeAccountsOf(ixName);
  if (ix === null || layout === null) return null;
  return ix.accounts[layout.bondingCurve] ?? null;
}

export { V1_ACCOUNTS as PUMP_TRADE_V1_ACCOUNTS, V2_ACCOUNTS as PUMP_TRADE_V2_ACCOUNTS, V3_ACCOUNTS as PUMP_TRADE_V3_ACCOUNTS };
