/**
 * Rows of the Pump.fun events of 2026 that are not plain trades:
 * - post_complete_buy (synthetic migration): the completing buyer's total is the TradeEvent plus this
 *   event, so its amounts and fees are added into the completing buy's row: one row per trade instruction
 *   (the trade key is the instruction position), volume and candles count every token and lamport once,
 *   holder balances come from the token balances anyway, and graduation stays the CompleteEvent's. The
 *   row's raw_data keeps the split (curve part, pool part with the pool reserves), so nothing is lost.
 * - fee_payout (sweeps): a `fee_payouts` row, never a trade fee.
 * - creator_change: a `token_creator_changes` row; the sink points tokens.creator_address at the newest.
 * Pure: the caller resolves tokens (and adds their rows) through `resolveToken`.
 */
import type { ChainTransaction } from '../contracts/chain-transaction.js';
import type { CreatorChangeEvent, DecodedEvent, FeePayoutEvent, PostCompleteBuyEvent, TradeEvent } from '../contracts/decoded-event.js';
import type { Batch, TradeRow } from '../contracts/rows.js';
import { poolIdOf } from './ids.js';
import type { TokenInfo } from './token-registry.js';
import { tradeRow } from './trade-rows.js';

/** The token of `mint` (with `pool` as its launch pool when first seen), its rows added to the batch. */
export type ResolveToken = (mint: string, pool: string | null, quoteMint: string | null) => TokenInfo;

/**
 * Adds a PostCompleteBuyEvent into the row of the buy it completes (same invocation, same buyer and mint,
 * earlier in the transaction). Without that buy in the batch (its event missing or quarantined) the pool
 * part becomes a row of its own, at the buy's position.
 */
export function addPostCompleteBuy(batch: Batch, tx: ChainTransaction, events: readonly DecodedEvent[], event: PostCompleteBuyEvent, blockTime: Date, resolveToken: ResolveToken): void {
  const info = resolveToken(event.mint, event.bondingCurve, event.quoteMint);
  if (info.poolId === null) return;
  const trade = completedBuyOf(events, event);
  const at = trade === null ? -1 : rowIndexOf(batch.trades, trade);
  const base = trade !== null && at >= 0 ? trade : null;
  const merged = mergedTrade(base, event);
  const row = tradeRow(merged, info, tx.fee, blockTime);
  row.rawData = { ...(at >= 0 ? (batch.trades[at] as TradeRow).rawData : null), postCompleteBuy: postCompleteFacts(base, event) };
  if (at >= 0) batch.trades[at] = row;
  else batch.trades.push(row);
}

/** The TradeEvent this PostCompleteBuyEvent follows: same invocation, buyer and mint. */
function completedBuyOf(events: readonly DecodedEvent[], event: PostCompleteBuyEvent): TradeEvent | null {
  for (let i = event.position.eventIndex - 1; i >= 0; i -= 1) {
    const e = events[i];
    if (e === undefined || e.kind !== 'trade' || e.program !== 'pumpfun') continue;
    if (e.position.outerIndex !== event.position.outerIndex || e.position.innerIndex !== event.position.innerIndex) continue;
    if (e.isBuy && e.mint === event.mint && e.user === event.user) return e;
  }
  return null;
}

function rowIndexOf(rows: readonly TradeRow[], trade: TradeEvent): number {
  for (let i = rows.length - 1; i >= 0; i -= 1) {
    const row = rows[i] as TradeRow;
    if (row.signature !== trade.signature) return -1;
    if (row.eventIndex === trade.position.eventIndex) return i;
  }
  return -1;
}

/** The buyer's whole fill: curve part (the TradeEvent, when there) plus pool part; reserves stay the curve's. */
function mergedTrade(trade: TradeEvent | null, p: PostCompleteBuyEvent): TradeEvent {
  if (trade !== null) {
    return {
      ...trade, solAmount: trade.solAmount + p.quoteIn, tokenAmount: trade.tokenAmount + p.baseOut,
      fee: (trade.fee ?? 0n) + p.fee, creatorFee: (trade.creatorFee ?? 0n) + p.creatorFee,
    };
  }
  return {
    program: p.program, source: p.source, signature: p.signature, slot: p.slot, txIndex: p.txIndex, blockTime: p.blockTime,
    success: p.success, errorCode: p.errorCode, position: p.position, kind: 'trade', layout: p.layout, trailingBytes: p.trailingBytes,
    mint: p.mint, user: p.user, isBuy: true, solAmount: p.quoteIn, tokenAmount: p.baseOut, quoteMint: p.quoteMint, pool: p.bondingCurve,
    timestamp: p.timestamp, virtualSolReserves: null, virtualTokenReserves: null, realSolReserves: null, realTokenReserves: null,
    fee: p.fee, creatorFee: p.creatorFee, protocolFee: null, platformFee: null, shareFee: null, ixName: 'post_complete_buy',
    poolState: null, amountIn: null, amountOut: null, poolStatus: null, extra: {},
  };
}

/** What raw_data keeps of the split: both parts' amounts and the pool part's reserves and fees. */
function postCompleteFacts(trade: TradeEvent | null, p: PostCompleteBuyEvent): Record<string, unknown> {
  return {
    curve: trade === null ? null : { quote: trade.solAmount.toString(), tokens: trade.tokenAmount.toString(), fee: trade.fee?.toString() ?? null, creatorFee: trade.creatorFee?.toString() ?? null },
    pool: {
      quote: p.quoteIn.toString(), tokens: p.baseOut.toString(), fee: p.fee.toString(), creatorFee: p.creatorFee.toString(),
      buybackFee: p.buybackFee.toString(), baseReservesBefore: p.poolBaseReservesBefore.toString(),
      quoteReservesBefore: p.poolQuoteReservesBefore.toString(), baseReservesAfter: p.poolBaseReservesAfter.toString(),
      quoteReservesAfter: p.poolQuoteReservesAfter.toString(),
    },
  };
}

/** A sweep: a payout row for the token whose curve (or pool) kept the fee. */
export function addFeePayout(batch: Batch, event: FeePayoutEvent, blockTime: Date, resolveToken: ResolveToken): void {
  if (!event.success) return;
  const info = resolveToken(event.mint, event.venue, event.quoteMint);
  batch.feePayouts.push({
    signature: event.signature, ixIndex: event.position.outerIndex, innerIxIndex: event.position.innerIndex ?? -1,
    eventIndex: event.position.eventIndex, blockTime, slot: event.slot, txIndex: event.txIndex, tokenId: info.tokenId,
    poolId: poolIdOf(event.venue), venueAddress: event.venue, program: event.program, quoteMint: event.quoteMint,
    recipient: event.recipient, amount: event.amount, bucket: event.bucket,
  });
}

/** The creator an earlier change of this batch left (the sink falls back to the stored creator). */
function previousCreator(batch: Batch, tokenId: string): string | null {
  for (let i = batch.creatorChanges.length - 1; i >= 0; i -= 1) {
    const change = batch.creatorChanges[i];
    if (change !== undefined && change.tokenId === tokenId) return change.newCreator;
  }
  return null;
}

/** A creator change: a history row (the sink moves tokens.creator_address to the newest). */
export function addCreatorChange(batch: Batch, event: CreatorChangeEvent, blockTime: Date, resolveToken: ResolveToken): void {
  if (!event.success) return;
  const info = resolveToken(event.mint, event.bondingCurve, null);
  const details = event.changeSource === 'admin_cto'
    ? { isHolderReward: event.isHolderReward, oldCreatorFeeBps: event.oldCreatorFeeBps?.toString() ?? null, newCreatorFeeBps: event.newCreatorFeeBps?.toString() ?? null }
    : null;
  batch.creatorChanges.push({
    tokenId: info.tokenId, signature: event.signature, ixIndex: event.position.outerIndex, innerIxIndex: event.position.innerIndex ?? -1,
    eventIndex: event.position.eventIndex, blockTime, slot: event.slot, txIndex: event.txIndex, changeSource: event.changeSource,
    oldCreator: event.oldCreator ?? previousCreator(batch, info.tokenId), newCreator: event.newCreator, authority: event.authority, details,
  });
}
