/**
 * Pump.fun trade instructions read as attempts: a failed transaction emits no event, so the trade is
 * recorded from the instruction's arguments (limits, not fills) and accounts (IDL 3c6721a orders; the v3
 * trades' 17 accounts from TRADE_V3.md). Trailing optional arguments (track_volume, partial_fill) may be
 * left out of the data: an attempt without them is still read (instruction-args.ts).
 */
import { BorshReader } from '../../shared/borsh-reader.js';
import { buildTradeEvent } from '../event-objects.js';
import type { EventContext } from '../program-decoder.js';
import { WSOL_MINT, type ChainInstruction } from '../../contracts/chain-transaction.js';
import { type TradeEvent } from '../../contracts/decoded-event.js';
import { readPumpInstructionArgs } from './instruction-args.js';
import { bondingCurveOfMint } from './bonding-curve-address.js';
import { tradeAccountsOf } from './trade-event.js';

/** Per instruction: is it a buy, which argument is the token side (first or second u64), quote mint account. */
const TRADE_INSTRUCTIONS: Record<string, { isBuy: boolean; tokenFirst: boolean; quoteMintAccount: number | null }> = {
  buy: { isBuy: true, tokenFirst: true, quoteMintAccount: null },
  buy_exact_sol_in: { isBuy: true, tokenFirst: false, quoteMintAccount: null },
  sell: { isBuy: false, tokenFirst: true, quoteMintAccount: null },
  buy_v2: { isBuy: true, tokenFirst: true, quoteMintAccount: 2 },
  sell_v2: { isBuy: false, tokenFirst: true, quoteMintAccount: 2 },
  buy_exact_quote_in_v2: { isBuy: true, tokenFirst: false, quoteMintAccount: 2 },
  buy_v3: { isBuy: true, tokenFirst: true, quoteMintAccount: 2 },
  sell_v3: { isBuy: false, tokenFirst: true, quoteMintAccount: 2 },
  buy_exact_quote_in_v3: { isBuy: true, tokenFirst: false, quoteMintAccount: 2 },
};

/** The trade a pump instruction attempted, or null when it is not a trade instruction. */
export function readPumpAttemptedTrade(ix: ChainInstruction, name: string | null, ctx: EventContext): TradeEvent | null {
  const spec = name === null ? undefined : TRADE_INSTRUCTIONS[name];
  if (spec === undefined || name === null) return null;
  const r = new BorshReader(ix.data, 8);
  const first = r.u64();
  const second = r.u64();
  const args = readPumpInstructionArgs(name, ix.data);
  const accounts = tradeAccountsOf(name) ?? { mint: 2, bondingCurve: 3, user: 6 };
  const quoteMint = spec.quoteMintAccount === null ? WSOL_MINT : (ix.accounts[spec.quoteMintAccount] ?? WSOL_MINT);
  const mint = ix.accounts[accounts.mint] ?? '';
  return buildTradeEvent(ctx, {
    layout: `pump.instruction.${name}`, trailingBytes: args?.trailingBytes ?? r.remaining,
    mint, user: ix.accounts[accounts.user] ?? '', isBuy: spec.isBuy,
    solAmount: spec.tokenFirst ? second : first, tokenAmount: spec.tokenFirst ? first : second, quoteMint,
    pool: ix.accounts[accounts.bondingCurve] ?? (mint === '' ? null : bondingCurveOfMint(mint)), timestamp: null, virtualSolReserves: null,
    virtualTokenReserves: null, realSolReserves: null, realTokenReserves: null, fee: null, creatorFee: null,
    protocolFee: null, platformFee: null, shareFee: null, ixName: name, poolState: null, amountIn: null,
    amountOut: null, poolStatus: null, extra: { amountsAre: 'instruction_limits' },
  });
}
