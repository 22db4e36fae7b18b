/**
 * Raydium CPMM (CPMMoo…P1C), where LaunchLab pools go with `migrate_to_cpswap`: its swaps as trades.
 * swap_base_input (amount_in, minimum_amount_out) and swap_base_output (max_amount_in, amount_out) carry
 * only limits, so the amounts are the pool vaults' token balance changes (vault-amounts.ts); a failed
 * transaction's swap is an attempt with the limits. Accounts (raydium-cp-swap `Swap` context, and the
 * SDK's instruction builders): payer 0, authority 1, amm_config 2, pool_state 3, input_token_account 4,
 * output_token_account 5, input_vault 6, output_vault 7, input/output token programs 8-9, input_token_mint
 * 10, output_token_mint 11, observation_state 12. The program's `Program data:` events (SwapEvent,
 * LpChangeEvent) are known and not read: the balances say what moved.
 */
import { BorshReader } from '../../shared/borsh-reader.js';
import { buildAmmSwapTrade } from '../amm-swap-trade.js';
import { discriminatorFromHex, readDiscriminator } from '../discriminator.js';
import type { EventContext, EventOutcome, ProgramDecoder } from '../program-decoder.js';
import { readVaultMovement, type VaultMovement } from '../vault-amounts.js';
import { RAYDIUM_CPMM_PROGRAM_ID } from '../../contracts/programs.js';
import type { ChainInstruction } from '../../contracts/chain-transaction.js';
import type { DecodedEvent, TradeEvent } from '../../contracts/decoded-event.js';

/** Instruction names by discriminator (raydium-cp-swap lib.rs; sha256("global:<name>")[..8], as the SDK's). */
const INSTRUCTIONS: ReadonlyMap<bigint, string> = new Map(
  (
    [
      ['close_permission_pda', '9c 54 20 76 45 87 46 7b'], ['collect_creator_fee', '14 16 56 7b c6 1c db 84'],
      ['collect_creator_fee_permissionless', 'ca ca 22 53 e2 7a 91 e5'], ['collect_fund_fee', 'a7 8a 4e 95 df c2 06 7e'],
      ['collect_protocol_fee', '88 88 fc dd c2 42 7e 59'], ['create_amm_config', '89 34 ed d4 d7 75 6c 68'],
      ['create_permission_pda', '87 88 02 d8 89 a9 b5 ca'], ['deposit', 'f2 23 c6 89 52 e1 f2 b6'],
      ['initialize', 'af af 6d 1f 0d 98 9b ed'], ['initialize_with_permission', '3f 37 fe 41 31 b2 59 79'],
      ['swap_base_input', '8f be 5a da c4 1e 33 de'], ['swap_base_output', '37 d9 62 56 a3 4a b4 ad'],
      ['update_amm_config', '31 3c ae 88 9a 1c 74 c8'], ['update_pool_status', '82 57 6c 06 2e e0 75 7b'],
      ['withdraw', 'b7 12 46 9c 94 6d a1 22'],
    ] as const
  ).map(([name, hex]) => [discriminatorFromHex(hex), name]),
);

/** SwapEvent and LpChangeEvent (sha256("event:<Name>")[..8]): written as log lines, not read. */
const KNOWN_EVENTS: ReadonlySet<bigint> = new Set(['40 c6 cd e8 26 08 71 e2', '79 a3 cd c9 39 da 75 3c'].map(discriminatorFromHex));

const ACCOUNTS = { payer: 0, pool: 3, inputVault: 6, outputVault: 7, inputMint: 10, outputMint: 11 };
const SWAPS: ReadonlySet<string> = new Set(['swap_base_input', 'swap_base_output']);

function instructionName(data: Uint8Array): string | null {
  const disc = readDiscriminator(data);
  return disc === null ? null : (INSTRUCTIONS.get(disc) ?? null);
}

function decodeEvent(payload: Uint8Array): EventOutcome {
  const disc = readDiscriminator(payload);
  if (disc !== null && KNOWN_EVENTS.has(disc)) return { type: 'ignored' };
  return { type: 'quarantine', kind: 'unknown_discriminator', offset: null, reason: 'unknown raydium_cpmm event discriminator' };
}

/** The swap of a successful transaction: amounts from the vaults (the limits, said so, when unknown). */
function swapEvents(ix: ChainInstruction, ctx: EventContext): DecodedEvent[] {
  const name = swapName(ix);
  if (name === null) return [];
  const a = ix.accounts;
  return [readSwap(ix, ctx, name, readVaultMovement(ctx.tx, ix, a[ACCOUNTS.inputVault]!, a[ACCOUNTS.outputVault]!))];
}

/** The swap a failed transaction attempted: amounts are the instruction's limits. */
function attemptedSwap(ix: ChainInstruction, ctx: EventContext): TradeEvent | null {
  const name = swapName(ix);
  return name === null ? null : readSwap(ix, ctx, name, null);
}

function swapName(ix: ChainInstruction): string | null {
  const name = instructionName(ix.data);
  return name !== null && SWAPS.has(name) && ix.accounts.length > ACCOUNTS.outputMint ? name : null;
}

function readSwap(ix: ChainInstruction, ctx: EventContext, name: string, moved: VaultMovement | null): TradeEvent {
  const [first, second] = readLimits(ix.data);
  const a = ix.accounts;
  const exactIn = name === 'swap_base_input';
  return buildAmmSwapTrade(ctx, {
    layout: `raydium_cpmm.instruction.${name}`, ixName: name, pool: a[ACCOUNTS.pool]!, user: a[ACCOUNTS.payer]!,
    inputMint: a[ACCOUNTS.inputMint]!, outputMint: a[ACCOUNTS.outputMint]!, amountIn: moved?.amountIn ?? first, amountOut: moved?.amountOut ?? second,
    inputVaultAfter: moved?.inputVaultAfter ?? null, outputVaultAfter: moved?.outputVaultAfter ?? null, fallbackBase: null,
    extra: moved === null
      ? { amountsAre: 'instruction_limits' }
      : exactIn
        ? { amountsFrom: moved.source, amountInArgument: first.toString(), minimumAmountOut: second.toString() }
        : { amountsFrom: moved.source, maxAmountIn: first.toString(), amountOutArgument: second.toString() },
  });
}

/** Both swaps take two u64 after the discriminator (exact side first for swap_base_input, limit first for swap_base_output). */
function readLimits(data: Uint8Array): [bigint, bigint] {
  const r = new BorshReader(data, 8);
  return [r.u64(), r.u64()];
}

/** The Raydium CPMM program decoder (swaps only). */
export const raydiumCpmmDecoder: ProgramDecoder = {
  name: 'raydium_cpmm',
  programId: RAYDIUM_CPMM_PROGRAM_ID,
  decodeEvent,
  instructionName,
  attemptedTrade: attemptedSwap,
  instructionEvents: swapEvents,
};
