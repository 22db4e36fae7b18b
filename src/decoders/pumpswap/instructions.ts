/**
 * The trade a PumpSwap instruction of a failed transaction attempted: amounts are the instruction's
 * arguments (limits), accounts as in trade-accounts.ts. buy / buy_v2: base_amount_out, max_quote_amount_in;
 * buy_exact_quote_in(_v2): spendable_quote_in, min_base_amount_out; sell / sell_v2: base_amount_in,
 * min_quote_amount_out (pump_amm IDL, `PUMP_SWAP_TRADE_V2.md`). A failed `multi_hop_swap` says nothing
 * about the amount of each hop, so it is not an attempt of ours.
 */
import { BorshReader } from '../../shared/borsh-reader.js';
import { buildTradeEvent } from '../event-objects.js';
import type { EventContext } from '../program-decoder.js';
import type { ChainInstruction } from '../../contracts/chain-transaction.js';
import type { TradeEvent } from '../../contracts/decoded-event.js';
import { PUMPSWAP_TRADE_ACCOUNTS as A } from './trade-accounts.js';

/** isBuy, and whether the first u64 argument is the quote side. */
const TRADES: Readonly<Record<string, { isBuy: boolean; firstIsQuote: boolean }>> = {
  buy: { isBuy: true, firstIsQuote: false },
  buy_v2: { isBuy: true, firstIsQuote: false },
  buy_exact_quote_in: { isBuy: true, firstIsQuote: true },
  buy_exact_quote_in_v2: { isBuy: true, firstIsQuote: true },
  sell: { isBuy: false, firstIsQuote: false },
  sell_v2: { isBuy: false, firstIsQuote: false },
};

/** The attempted trade of `ix` (named `name`), or null when it is not a single-pool trade instruction. */
export function readPumpSwapAttemptedTrade(ix: ChainInstruction, name: string | null, ctx: EventContext): TradeEvent | null {
  const spec = name === null ? undefined : TRADES[name];
  if (spec === undefined) return null;
  const r = new BorshReader(ix.data, 8);
  const first = r.u64();
  const second = r.u64();
  return buildTradeEvent(ctx, {
    layout: `pumpswap.instruction.${name}`, trailingBytes: r.remaining,
    mint: ix.accounts[A.baseMint] ?? '', user: ix.accounts[A.user] ?? '', isBuy: spec.isBuy,
    solAmount: spec.firstIsQuote ? first : second, tokenAmount: spec.firstIsQuote ? second : first,
    quoteMint: ix.accounts[A.quoteMint] ?? '', pool: ix.accounts[A.pool] ?? null, timestamp: null,
    virtualSolReserves: null, virtualTokenReserves: null, realSolReserves: null, realTokenReserves: null,
    fee: null, creatorFee: null, protocolFee: null, platformFee: null, shareFee: null, ixName: name,
    poolState: null, amountIn: null, amountOut: null, poolStatus: null, extra: { amountsAre: 'instruction_limits' },
  });
}
