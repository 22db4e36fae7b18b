/**
 * LaunchLab TradeEvent (`bddb7fd34ee661ee`, the same bytes as Pump.fun's: routed by program id first).
 * Layouts by payload length (discriminator included), oldest first; the newest layout the payload is long
 * enough for is read, and bytes after it are counted in `trailingBytes` (a layout newer than ours):
 *   v1             138 B  IDL v0.1.0 (vixen 6948c77a, chainstack f92f68f): 15 fields, no creator_fee;
 *   v2-no-exact-in 146 B  raydium-docs f22e0b6 / 708a777 (devnet only): creator_fee inserted before share_fee;
 *   v2             147 B  raydium-docs df7e7e4 / f0c2e1a, vixen dca7d1dc (newest public, §1.7): + exact_in.
 * The v1→v2 insertion breaks append-only, which is why the length decides (FACTS §7).
 * The event has no mint, quote mint or trader: they come from the trade instruction's accounts
 * (instruction-accounts.ts), with the launch's platform_config, its brand, and the fee vaults.
 */
import { BorshReader } from '../../shared/borsh-reader.js';
import { DecodeError } from '../../shared/errors.js';
import { RAYDIUM_LAUNCHPAD_PROGRAM_ID, TOKEN_2022_PROGRAM_ID } from '../../contracts/programs.js';
import type { ChainTransaction } from '../../contracts/chain-transaction.js';
import type { TradeEvent } from '../../contracts/decoded-event.js';
import { buildTradeEvent } from '../event-objects.js';
import type { EventContext } from '../program-decoder.js';
import { TRADE_ACCOUNTS, TRADE_FIXED_ACCOUNTS } from './instruction-accounts.js';
import { launchpadBrandOf } from './platforms.js';

interface TradeLayout {
  name: string;
  bytes: number;
  creatorFee: boolean;
  exactIn: boolean;
}

/** Oldest first: the last one whose size the payload reaches is read. */
export const LAUNCHPAD_TRADE_LAYOUTS: readonly TradeLayout[] = [
  { name: 'launchpad.TradeEvent.v1', bytes: 138, creatorFee: false, exactIn: false },
  { name: 'launchpad.TradeEvent.v2-no-exact-in', bytes: 146, creatorFee: true, exactIn: false },
  { name: 'launchpad.TradeEvent.v2', bytes: 147, creatorFee: true, exactIn: true },
];

/** The trade instructions; an event under any other instruction gets no accounts (its mint stays unknown). */
export const LAUNCHPAD_TRADE_INSTRUCTIONS: ReadonlySet<string> = new Set(['buy_exact_in', 'buy_exact_out', 'sell_exact_in', 'sell_exact_out']);

function layoutOf(length: number): TradeLayout {
  let chosen: TradeLayout | null = null;
  for (const layout of LAUNCHPAD_TRADE_LAYOUTS) if (length >= layout.bytes) chosen = layout;
  if (chosen === null) throw new DecodeError(`TradeEvent has ${length} bytes, needs ${LAUNCHPAD_TRADE_LAYOUTS[0]!.bytes}`, length);
  return chosen;
}

/** Decodes a LaunchLab TradeEvent payload (discriminator included). */
export function decodeLaunchpadTradeEvent(payload: Uint8Array, ctx: EventContext, ixName: string | null): TradeEvent {
  const layout = layoutOf(payload.length);
  const r = new BorshReader(payload, 8);
  const poolState = r.pubkey();
  const totalBaseSell = r.u64();
  const virtualBase = r.u64();
  const virtualQuote = r.u64();
  const realBaseBefore = r.u64();
  const realQuoteBefore = r.u64();
  const realBaseAfter = r.u64();
  const realQuoteAfter = r.u64();
  const amountIn = r.u64();
  const amountOut = r.u64();
  const protocolFee = r.u64();
  const platformFee = r.u64();
  const creatorFee = layout.creatorFee ? r.u64() : null;
  const shareFee = r.u64();
  const direction = r.u8();
  const poolStatus = r.u8();
  const exactIn = layout.exactIn ? r.bool() : null;
  const isBuy = direction === 0;
  const accounts = ixName !== null && LAUNCHPAD_TRADE_INSTRUCTIONS.has(ixName) ? (ctx.invocation?.accounts ?? []) : [];
  const platformConfig = accounts[TRADE_ACCOUNTS.platformConfig] ?? null;
  const tokenAmount = isBuy ? amountOut : amountIn;
  const withVaults = accounts.length >= TRADE_FIXED_ACCOUNTS + 3;
  return buildTradeEvent(ctx, {
    layout: layout.name, trailingBytes: r.remaining, mint: accounts[TRADE_ACCOUNTS.mint] ?? '', user: accounts[TRADE_ACCOUNTS.user] ?? '',
    isBuy, solAmount: isBuy ? amountIn : amountOut, tokenAmount, quoteMint: accounts[TRADE_ACCOUNTS.quoteMint] ?? '',
    pool: poolState, timestamp: null, virtualSolReserves: virtualQuote, virtualTokenReserves: virtualBase, realSolReserves: realQuoteAfter,
    realTokenReserves: realBaseAfter, fee: protocolFee + platformFee + (creatorFee ?? 0n) + shareFee, creatorFee,
    protocolFee, platformFee, shareFee, ixName, poolState, amountIn, amountOut, poolStatus,
    extra: {
      totalBaseSell: totalBaseSell.toString(), realBaseBefore: realBaseBefore.toString(),
      realQuoteBefore: realQuoteBefore.toString(), tradeDirection: direction, exactIn,
      globalConfig: accounts[TRADE_ACCOUNTS.globalConfig] ?? null, platformConfig, brand: launchpadBrandOf(platformConfig),
      platformFeeVault: withVaults ? (accounts[accounts.length - 2] ?? null) : null,
      creatorFeeVault: withVaults ? (accounts[accounts.length - 1] ?? null) : null,
      baseTransferFee: accounts[TRADE_ACCOUNTS.baseTokenProgram] === TOKEN_2022_PROGRAM_ID ? withheldTransferFee(ctx.tx, accounts, isBuy, tokenAmount) : null,
    },
  });
}

/**
 * Token-2022 coins with a transfer fee (StonkFun reward coins): the event's base amount is the pool's side,
 * and the trader's token account moves by that amount less the fee withheld on the transfer. The fee is
 * read from the trader's token balances; null when they do not say (no balances, or another LaunchLab trade
 * of the transaction moves the same account), "0" when nothing was withheld.
 */
function withheldTransferFee(tx: ChainTransaction, accounts: readonly string[], isBuy: boolean, tokenAmount: bigint): string | null {
  const account = accounts[TRADE_ACCOUNTS.userBaseToken];
  if (account === undefined) return null;
  let pre: bigint | null = null;
  let post: bigint | null = null;
  for (const b of tx.preTokenBalances) if (b.account === account) pre = b.amount;
  for (const b of tx.postTokenBalances) if (b.account === account) post = b.amount;
  if (pre === null && post === null) return null;
  let uses = 0;
  for (const ix of tx.instructions) {
    if (ix.programId === RAYDIUM_LAUNCHPAD_PROGRAM_ID && ix.accounts.length >= TRADE_FIXED_ACCOUNTS && ix.accounts[TRADE_ACCOUNTS.userBaseToken] === account) uses += 1;
  }
  if (uses > 1) return null;
  const moved = isBuy ? (post ?? 0n) - (pre ?? 0n) : (pre ?? 0n) - (post ?? 0n);
  const withheld = isBuy ? tokenAmount - moved : moved - tokenAmount;
  return withheld > 0n ? withheld.toString() : '0';
}
