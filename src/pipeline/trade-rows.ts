/**
 * A decoded trade as a `transactions` row, and the launch pool's state after it.
 * Amounts: buy = quote in, tokens out; sell = tokens in, quote out. Raw values stay bigint; the
 * normalised amounts and prices are exact decimal strings (see decimal.ts).
 */
import type { ReservesResetEvent, TradeEvent } from '../contracts/decoded-event.js';
import { divideToDecimal, priceQuotePerToken, priceRawPerRaw, scaleAmount } from './decimal.js';
import type { PoolStateRow, TradeRow } from '../contracts/rows.js';
import type { TokenInfo } from './token-registry.js';

/** Tokens a Pump.fun curve sells before it completes (793.1 M with 6 decimals). */
export const PUMP_INITIAL_REAL_TOKEN_RESERVES = 793_100_000_000_000n;

export function tradeRow(event: TradeEvent, info: TokenInfo, transactionFee: bigint, blockTime: Date): TradeRow {
  const quote = event.solAmount;
  const tokens = event.tokenAmount;
  const isBuy = event.isBuy;
  return {
    signature: event.signature,
    ixIndex: event.position.outerIndex,
    innerIxIndex: event.position.innerIndex ?? -1,
    eventIndex: event.position.eventIndex,
    blockTime,
    slot: event.slot,
    txIndex: event.txIndex,
    poolId: info.poolId!,
    tokenId: info.tokenId,
    mint: info.mint,
    type: isBuy ? 'buy' : 'sell',
    user: event.user,
    quoteMint: info.quoteMint,
    amountIn: event.amountIn ?? (isBuy ? quote : tokens),
    amountInDecimals: isBuy ? info.quoteDecimals : info.decimals,
    amountOut: event.amountOut ?? (isBuy ? tokens : quote),
    amountOutDecimals: isBuy ? info.decimals : info.quoteDecimals,
    // Unknown decimals (no create, no token balance named the mint) leave these null until the
    // token-metadata job reads them; the raw amounts and the raw price are always stored.
    solAmount: info.quoteDecimals === null ? null : scaleAmount(quote, info.quoteDecimals),
    tokenAmount: info.decimals === null ? null : scaleAmount(tokens, info.decimals),
    pricePerToken: priceRawPerRaw(quote, tokens),
    priceQuotePerToken: info.quoteDecimals === null || info.decimals === null ? null : priceQuotePerToken(quote, tokens, info.quoteDecimals, info.decimals),
    protocolFee: event.protocolFee ?? event.fee,
    platformFee: event.platformFee,
    shareFee: event.shareFee,
    creatorFee: event.creatorFee,
    transactionFee,
    ...reservesAfter(event),
    success: event.success,
    errorCode: event.errorCode,
    rawData: rawDataOf(event),
    holderRewards: event.holderRewards ?? null,
    creatorFeeUnclaimed: event.creatorFeeUnclaimed ?? null,
  };
}

/** The launch pool's reserves and progress after a successful trade; null when the event has none. */
export function tradeState(event: TradeEvent, info: TokenInfo): PoolStateRow | null {
  if (event.realTokenReserves === null && event.virtualTokenReserves === null) return null;
  const progress = progressOf(event, info);
  return {
    poolId: info.poolId!,
    slot: event.slot,
    txIndex: event.txIndex ?? 0,
    eventIndex: event.position.eventIndex,
    ...reservesAfter(event),
    progress,
    status: progress === '100' ? 'complete' : 'active',
  };
}

/**
 * `raw_data` keeps what the columns cannot say, and only when there is something to say: a layout newer
 * than ours (trailing bytes), or a failed attempt whose amounts are the instruction's limits. Writing
 * the event's layout name and extras for every trade cost ~40 % of the trade insert rate (measured:
 * 18,000 vs 29,000 rows/s), for data the columns and `megatron decode` already give.
 */
function rawDataOf(event: TradeEvent): Record<string, unknown> | null {
  if (event.trailingBytes === 0 && event.success) return null;
  return { layout: event.layout, source: event.source, ixName: event.ixName, trailingBytes: event.trailingBytes, ...event.extra };
}

interface Reserves {
  virtualSolReserves: bigint | null;
  virtualTokenReserves: bigint | null;
  realSolReserves: bigint | null;
  realTokenReserves: bigint | null;
}

/**
 * Reserves after the trade, with one meaning on both launchpads: virtual = the curve's effective
 * constant-product reserves now (price = virtual quote / virtual tokens), real = quote actually held
 * and tokens still for sale. Pump.fun events carry exactly that. LaunchLab events carry the curve's
 * fixed virtual parameters and the base SOLD so far, so they are converted: virtual base - real base,
 * virtual quote + real quote, and total base to sell - real base.
 */
function reservesAfter(event: TradeEvent): Reserves {
  if (event.program !== 'raydium_launchpad') {
    return { virtualSolReserves: event.virtualSolReserves, virtualTokenReserves: event.virtualTokenReserves, realSolReserves: event.realSolReserves, realTokenReserves: event.realTokenReserves };
  }
  const sold = event.realTokenReserves;
  const raised = event.realSolReserves;
  const totalSell = bigintExtra(event, 'totalBaseSell');
  return {
    virtualSolReserves: event.virtualSolReserves !== null && raised !== null ? event.virtualSolReserves + raised : null,
    virtualTokenReserves: event.virtualTokenReserves !== null && sold !== null ? event.virtualTokenReserves - sold : null,
    realSolReserves: raised,
    realTokenReserves: totalSell !== null && sold !== null ? totalSell - sold : null,
  };
}

/**
 * A Pump.fun curve after its virtual reserves were reset (mayhem coins): the new virtual reserves, the real
 * ones as the event states them, and the progress from those live real reserves (a reset moves the price,
 * not what is left to sell).
 */
export function curveStateAfterReset(event: ReservesResetEvent, info: TokenInfo): PoolStateRow {
  const progress = pumpCurveProgress(event.realTokenReserves, info);
  return {
    poolId: info.poolId!,
    slot: event.slot,
    txIndex: event.txIndex ?? 0,
    eventIndex: event.position.eventIndex,
    virtualSolReserves: event.virtualSolReserves,
    virtualTokenReserves: event.virtualTokenReserves,
    realSolReserves: event.realSolReserves,
    realTokenReserves: event.realTokenReserves,
    progress,
    status: progress === '100' ? 'complete' : 'active',
  };
}

/**
 * Percent of a Pump.fun curve's sellable tokens that are sold, from the live real token reserves: (for sale -
 * left) / for sale, where "for sale" is the curve's own real token reserves at its creation (its CreateEvent)
 * and, for a token first seen mid-life, the program's default 793.1 M. Never from virtual reserves, which a
 * mayhem reset moves.
 */
function pumpCurveProgress(realTokenReserves: bigint, info: TokenInfo): string {
  const forSale = info.curveTokensForSale ?? PUMP_INITIAL_REAL_TOKEN_RESERVES;
  return forSale === 0n ? '100' : percent(forSale - realTokenReserves, forSale);
}

/**
 * Percent of the curve's sellable supply that is sold: Pump.fun (for sale - real token reserves) / for sale
 * (pumpCurveProgress); LaunchLab real base sold / total base to sell. Two decimals, clamped to 0..100.
 */
function progressOf(event: TradeEvent, info: TokenInfo): string | null {
  const totalSell = bigintExtra(event, 'totalBaseSell');
  if (event.program === 'raydium_launchpad') {
    const sold = event.realTokenReserves;
    if (sold === null || totalSell === null || totalSell === 0n) return null;
    return percent(sold, totalSell);
  }
  if (event.realTokenReserves === null) return null;
  if (totalSell !== null) return percent(totalSell - event.realTokenReserves, totalSell);
  return pumpCurveProgress(event.realTokenReserves, info);
}

function percent(part: bigint, whole: bigint): string {
  const clamped = part < 0n ? 0n : part > whole ? whole : part;
  const value = divideToDecimal(clamped * 100n, whole, 2) ?? '0';
  return value;
}

function bigintExtra(event: TradeEvent, key: string): bigint | null {
  const value = event.extra[key];
  if (typeof value === 'string' && /^\d+$/.test(value)) return BigInt(value);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  return null;
}
