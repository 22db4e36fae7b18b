/**
 * Raydium AMM v4 (675kPX…1Mp8), where LaunchLab pools go with `migrate_to_amm`: its swaps as trades.
 * A native program: the first data byte is the instruction (raydium-amm `instruction.rs`). Swaps:
 * SwapBaseIn 9 / SwapBaseInV2 16 (amount_in, minimum_amount_out) and SwapBaseOut 11 / SwapBaseOutV2 17
 * (max_amount_in, amount_out), limits only: the amounts are the vaults' token balance changes
 * (vault-amounts.ts), the mints those of the vaults' balances. Accounts: token program 0, amm 1,
 * authority 2, then for SwapBaseIn/Out open_orders 3, the optional target_orders 4 (18 accounts with it,
 * 17 without), coin vault, pc vault, the seven market accounts, user source, user destination, user
 * owner; for the V2 forms (8 accounts) coin vault 3, pc vault 4, user source 5, destination 6, owner 7.
 * The coin side is the base unless the mints say otherwise (amm-swap-trade.ts). A failed swap is an
 * attempt with the limits, oriented by the mint of the user's source account.
 */
import { buildAmmSwapTrade } from '../amm-swap-trade.js';
import type { EventContext, EventOutcome, ProgramDecoder } from '../program-decoder.js';
import { mintOf, readVaultMovement } from '../vault-amounts.js';
import { RAYDIUM_AMM_V4_PROGRAM_ID } from '../../contracts/programs.js';
import { DecodeError } from '../../shared/errors.js';
import type { ChainInstruction } from '../../contracts/chain-transaction.js';
import type { DecodedEvent, TradeEvent } from '../../contracts/decoded-event.js';

/** Every instruction tag the program has had (instruction.rs; 0, 2, 5, 8, 10, 12, 13 are retired). */
const NAMES: readonly string[] = [
  'initialize', 'initialize2', 'monitor_step', 'deposit', 'withdraw', 'migrate_to_open_book', 'set_params',
  'withdraw_pnl', 'withdraw_srm', 'swap_base_in', 'pre_initialize', 'swap_base_out', 'simulate_info',
  'admin_cancel_orders', 'create_config_account', 'update_config_account', 'swap_base_in_v2', 'swap_base_out_v2',
];

interface SwapAccounts {
  coinVault: number;
  pcVault: number;
  userSource: number;
  owner: number;
}

/** Account positions of a swap by its account count; null when the count fits no layout. */
function swapAccounts(name: string, count: number): SwapAccounts | null {
  if (name.endsWith('_v2')) return count >= 8 ? { coinVault: 3, pcVault: 4, userSource: 5, owner: 7 } : null;
  if (count >= 18) return { coinVault: 5, pcVault: 6, userSource: 15, owner: 17 };
  if (count === 17) return { coinVault: 4, pcVault: 5, userSource: 14, owner: 16 };
  return null;
}

function instructionName(data: Uint8Array): string | null {
  return data.length === 0 ? null : (NAMES[data[0] as number] ?? null);
}

/** The program writes `ray_log` lines, never `Program data:`: any payload routed here is unknown. */
function decodeEvent(): EventOutcome {
  return { type: 'quarantine', kind: 'unknown_discriminator', offset: null, reason: 'raydium_amm_v4 writes no events' };
}

function isSwap(name: string | null): name is string {
  return name !== null && name.startsWith('swap_base_');
}

/** Both swaps take two u64 after the tag; a shorter payload is malformed. */
function readLimits(data: Uint8Array): [bigint, bigint] {
  if (data.length < 17) throw new DecodeError(`swap arguments need 16 bytes, has ${data.length - 1}`, 1);
  const view = new DataView(data.buffer, data.byteOffset, data.length);
  return [view.getBigUint64(1, true), view.getBigUint64(9, true)];
}

/** The swap of a successful transaction: amounts from the vaults (the limits, said so, when unknown). */
function swapEvents(ix: ChainInstruction, ctx: EventContext): DecodedEvent[] {
  const swap = swapOf(ix);
  return swap === null ? [] : [readSwap(ix, ctx, swap, true)];
}

/** The swap a failed transaction attempted (limits as amounts). */
function attemptedSwap(ix: ChainInstruction, ctx: EventContext): TradeEvent | null {
  const swap = swapOf(ix);
  return swap === null ? null : readSwap(ix, ctx, swap, false);
}

function swapOf(ix: ChainInstruction): { name: string; at: SwapAccounts } | null {
  const name = instructionName(ix.data);
  const at = isSwap(name) ? swapAccounts(name, ix.accounts.length) : null;
  return isSwap(name) && at !== null ? { name, at } : null;
}

/**
 * The trade of one swap. Its input side is the mint of the user's source account (else, in a successful
 * transaction, the vault that grew); without the vaults' mints (no token balances) the mints stay empty
 * and the amounts are the limits, flagged, so that nothing of it is stored for a pool of ours.
 */
function readSwap(ix: ChainInstruction, ctx: EventContext, swap: { name: string; at: SwapAccounts }, effective: boolean): TradeEvent {
  const { name, at } = swap;
  const [first, second] = readLimits(ix.data);
  const a = ix.accounts;
  const tx = ctx.tx;
  const coinVault = a[at.coinVault]!;
  const pcVault = a[at.pcVault]!;
  const coinMint = mintOf(tx, coinVault) ?? '';
  const pcMint = mintOf(tx, pcVault) ?? '';
  const sourceMint = mintOf(tx, a[at.userSource]!);
  const coinGrew = effective && sourceMint === null ? readVaultMovement(tx, ix, coinVault, pcVault) : null;
  const coinIn = sourceMint !== null ? sourceMint === coinMint : coinGrew !== null && coinGrew.amountIn > 0n;
  const moved = !effective ? null : coinIn ? (coinGrew ?? readVaultMovement(tx, ix, coinVault, pcVault)) : readVaultMovement(tx, ix, pcVault, coinVault);
  const exactIn = name.startsWith('swap_base_in');
  return buildAmmSwapTrade(ctx, {
    layout: `raydium_amm_v4.instruction.${name}`, ixName: name, pool: a[1]!, user: a[at.owner]!,
    inputMint: coinIn ? coinMint : pcMint, outputMint: coinIn ? pcMint : coinMint, amountIn: moved?.amountIn ?? first, amountOut: moved?.amountOut ?? second,
    inputVaultAfter: moved?.inputVaultAfter ?? null, outputVaultAfter: moved?.outputVaultAfter ?? null, fallbackBase: coinMint,
    extra: moved === null
      ? { amountsAre: 'instruction_limits' }
      : exactIn
        ? { amountsFrom: moved.source, amountInArgument: first.toString(), minimumAmountOut: second.toString() }
        : { amountsFrom: moved.source, maxAmountIn: first.toString(), amountOutArgument: second.toString() },
  });
}

/** The Raydium AMM v4 program decoder (swaps only). */
export const raydiumAmmV4Decoder: ProgramDecoder = {
  name: 'raydium_amm_v4',
  programId: RAYDIUM_AMM_V4_PROGRAM_ID,
  decodeEvent,
  instructionName,
  attemptedTrade: attemptedSwap,
  instructionEvents: swapEvents,
};
