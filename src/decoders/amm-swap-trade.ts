/**
 * A Raydium AMM swap (CPMM or AMM v4) as a `TradeEvent`: the user's input and output mints and amounts,
 * turned into base / quote. The base is the side that is not a usual quote mint (quote-side.ts); when
 * that does not decide (both or neither are), `fallbackBase` (AMM v4: the coin side) or else the output
 * mint. The pipeline corrects the orientation against the pool's known base mint.
 */
import { buildTradeEvent } from './event-objects.js';
import type { EventContext } from './program-decoder.js';
import { isQuoteMint } from './quote-side.js';
import type { TradeEvent } from '../contracts/decoded-event.js';

export interface AmmSwap {
  layout: string;
  ixName: string;
  pool: string;
  user: string;
  inputMint: string;
  outputMint: string;
  amountIn: bigint;
  amountOut: bigint;
  /** Vault balances after the transaction (null when unknown: failed attempts, amounts from transfers). */
  inputVaultAfter: bigint | null;
  outputVaultAfter: bigint | null;
  fallbackBase: string | null;
  extra: TradeEvent['extra'];
}

/** The trade of one swap; `solAmount` / `tokenAmount` are the quote and base amounts it moved. */
export function buildAmmSwapTrade(ctx: EventContext, s: AmmSwap): TradeEvent {
  const isBuy = outputIsBase(s);
  const baseAfter = isBuy ? s.outputVaultAfter : s.inputVaultAfter;
  const quoteAfter = isBuy ? s.inputVaultAfter : s.outputVaultAfter;
  return buildTradeEvent(ctx, {
    layout: s.layout, trailingBytes: 0, mint: isBuy ? s.outputMint : s.inputMint, user: s.user, isBuy,
    solAmount: isBuy ? s.amountIn : s.amountOut, tokenAmount: isBuy ? s.amountOut : s.amountIn,
    quoteMint: isBuy ? s.inputMint : s.outputMint, pool: s.pool, timestamp: null,
    virtualSolReserves: quoteAfter, virtualTokenReserves: baseAfter, realSolReserves: quoteAfter, realTokenReserves: baseAfter,
    fee: null, creatorFee: null, protocolFee: null, platformFee: null, shareFee: null, ixName: s.ixName,
    poolState: null, amountIn: null, amountOut: null, poolStatus: null, extra: s.extra,
  });
}

function outputIsBase(s: AmmSwap): boolean {
  const inQuote = isQuoteMint(s.inputMint);
  const outQuote = isQuoteMint(s.outputMint);
  if (inQuote !== outQuote) return inQuote;
  return s.fallbackBase === null ? true : s.fallbackBase === s.outputMint;
}
