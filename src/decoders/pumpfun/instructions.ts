/**
 * Pump.fun trade instructions read as attempts: a failed transaction emits no event, so the trade is
 * recorded from the instruction's arguments (limits, not fills) and accounts (IDL 3c6721a orders).
 */
import { BorshReader } from '../../shared/borsh-reader.js';
import { buildTradeEvent } from '../event-objects.js';
import type { EventContext } from '../program-decoder.js';
import { WSOL_MINT, type ChainInstruction } from '../../contracts/chain-transaction.js';
import { type TradeEvent } from '../../contracts/decoded-event.js';
import { PUMP_TRADE_V1_ACCOUNTS, PUMP_TRADE_V2_ACCOUNTS } from './trade-event.js';

/** Per instruction: is it a buy, and which argument is the token side (first or second u64). */
const TRADE_INSTRUCTIONS: Record<string, { isBuy: boolean; tokenFirst: boolean; v2: boolean }> = {
  buy: { isBuy: true, tokenFirst: true, v2: false },
  buy_exact_sol_in: { isBuy: true, tokenFirst: false, v2: false },
  sell: { isBuy: false, tokenFirst: true, v2: false },
  buy_v2: { isBuy: true, tokenFirst: true, v2: true },
  sell_v2: { isBuy: false, tokenFirst: true, v2: true },
  buy_exact_quote_in_v2: { isBuy: true, tokenFirst: false, v2: true },
};

/** The trade a pump instruction attempted, or null when it is not a trade instruction. */
export function readPumpAttemptedTrade(ix: ChainInstruction, name: string | null, ctx: EventContext): TradeEvent | null {
  const spec = name === null ? undefined : TRADE_INSTRUCTIONS[name];
  if (spec === undefined || name === null) return null;
  const r = new BorshReader(ix.data, 8);
  const first = r.u64();
  const second = r.u64();
  const accounts = spec.v2 ? PUMP_TRADE_V2_ACCOUNTS : PUMP_TRADE_V1_ACCOUNTS;
  const quoteMint = spec.v2 ? (ix.accounts[2] ?? WSOL_MINT) : WSOL_MINT;
  return buildTradeEvent(ctx, {
    layout: `pump.instruction.${name}`, trailingBytes: r.remaining,
    mint: ix.accounts[accounts.mint] ?? '', user: ix.accounts[accounts.user] ?? '', isBuy: spec.isBuy,
    solAmount: spec.tokenFirst ? second : first, tokenAmount: spec.tokenFirst ? first : second, quoteMint,
    pool: ix.accounts[accounts.bondingCurve] ?? null, timestamp: null, virtualSolReserves: null,
    virtualTokenReserves: null, realSolReserves: null, realTokenReserves: null, fee: null, creatorFee: null,
    protocolFee: null, platformFee: null, shareFee: null, ixName: name, poolState: null, amountIn: null,
    amountOut: null, poolStatus: null, extra: { amountsAre: 'instruction_limits' },
  });
}
