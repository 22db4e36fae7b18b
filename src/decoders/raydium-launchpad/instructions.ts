/**
 * LaunchLab instructions: names (IDL v0.2.0, vixen dca7d1dc), attempted trades of failed transactions
 * (amounts = the instruction's limits) and migrations, which exist only as instructions
 * (migrate_to_amm: base 1, quote 2, amm_program 12, amm_pool 13, pool_state 23;
 *  migrate_to_cpswap: base 1, quote 2, cpswap_program 4, cpswap_pool 5, pool_state 17).
 */
import { BorshReader } from '../../shared/borsh-reader.js';
import { discriminatorFromHex, readDiscriminator } from '../discriminator.js';
import { buildMigrateEvent, buildTradeEvent } from '../event-objects.js';
import type { EventContext } from '../program-decoder.js';
import { WSOL_MINT, type ChainInstruction } from '../../contracts/chain-transaction.js';
import { type MigrateEvent, type TradeEvent } from '../../contracts/decoded-event.js';
import { TRADE_ACCOUNTS } from './instruction-accounts.js';
import { launchpadBrandOf } from './platforms.js';

const NAMES = new Map<bigint, string>(
  (
    [
      ['buy_exact_in', 'fa ea 0d 7b d5 9c 13 ec'], ['buy_exact_out', '18 d3 74 28 69 03 99 38'],
      ['claim_creator_fee', '1a 61 8a cb 84 ab 8d fc'], ['claim_platform_fee', '9c 27 d0 87 4c ed 3d 48'],
      ['claim_platform_fee_from_vault', '75 f1 c6 a8 f8 da 50 1d'], ['claim_vested_token', '31 21 68 1e bd 9d 4f 23'],
      ['collect_fee', '3c ad f7 67 04 5d 82 30'], ['collect_migrate_fee', 'ff ba 96 df eb 76 c9 ba'],
      ['create_config', 'c9 cf f3 72 4b 6f 2f bd'], ['create_platform_config', 'b0 5a c4 af fd 71 dc 14'],
      ['create_vesting_account', '81 b2 02 0d d9 ac e6 da'], ['initialize', 'af af 6d 1f 0d 98 9b ed'],
      ['initialize_v2', '43 99 af 27 da 10 26 20'], ['initialize_with_token_2022', '25 be 7e de 2c 9a ab 11'],
      ['migrate_to_amm', 'cf 52 c0 91 fe cf 91 df'], ['migrate_to_cpswap', '88 5c c8 67 1c da 90 8c'],
      ['remove_platform_curve_param', '1b 1e 3e a9 5d e0 18 91'], ['sell_exact_in', '95 27 de 9b d3 7c 98 1a'],
      ['sell_exact_out', '5f c8 47 22 08 09 0b a6'], ['update_config', '1d 9e fc bf 0a 53 db 63'],
      ['update_platform_config', 'c3 3c 4c 81 92 2d 43 8f'], ['update_platform_curve_param', '8a 90 8a fa dc 80 04 39'],
      ['create_platform_vesting_account', '92 47 ad 45 62 13 0f 6a'],
      ['create_platform_global_access', 'a2 5b 92 c7 5d 85 ea ed'], ['close_platform_global_access', '7b b4 b8 81 6f b9 bb 3b'],
    ] as const
  ).map(([name, hex]) => [discriminatorFromHex(hex), name]),
);

/** The LaunchLab instruction name of `data`, or null. */
export function launchpadInstructionName(data: Uint8Array): string | null {
  const disc = readDiscriminator(data);
  return disc === null ? null : (NAMES.get(disc) ?? null);
}

/** isBuy, and whether the first u64 argument is the quote side. */
const TRADES: Record<string, { isBuy: boolean; firstIsQuote: boolean }> = {
  buy_exact_in: { isBuy: true, firstIsQuote: true },
  buy_exact_out: { isBuy: true, firstIsQuote: false },
  sell_exact_in: { isBuy: false, firstIsQuote: false },
  sell_exact_out: { isBuy: false, firstIsQuote: true },
};

/** The trade a LaunchLab instruction attempted, or null when it is not a trade instruction. */
export function readLaunchpadAttemptedTrade(ix: ChainInstruction, ctx: EventContext): TradeEvent | null {
  const name = launchpadInstructionName(ix.data);
  const spec = name === null ? undefined : TRADES[name];
  if (spec === undefined || name === null) return null;
  const r = new BorshReader(ix.data, 8);
  const first = r.u64();
  const second = r.u64();
  const a = TRADE_ACCOUNTS;
  const platformConfig = ix.accounts[a.platformConfig] ?? null;
  const poolState = ix.accounts[a.poolState] ?? null;
  return buildTradeEvent(ctx, {
    layout: `launchpad.instruction.${name}`, trailingBytes: r.remaining,
    mint: ix.accounts[a.mint] ?? '', user: ix.accounts[a.user] ?? '', isBuy: spec.isBuy,
    solAmount: spec.firstIsQuote ? first : second, tokenAmount: spec.firstIsQuote ? second : first,
    quoteMint: ix.accounts[a.quoteMint] ?? '', pool: poolState, timestamp: null, virtualSolReserves: null,
    virtualTokenReserves: null, realSolReserves: null, realTokenReserves: null, fee: null, creatorFee: null,
    protocolFee: null, platformFee: null, shareFee: null, ixName: name, poolState, amountIn: first,
    amountOut: second, poolStatus: null,
    extra: { amountsAre: 'instruction_limits', platformConfig, brand: launchpadBrandOf(platformConfig) },
  });
}

const MIGRATIONS: Record<string, { program: number; pool: number; poolState: number }> = {
  migrate_to_amm: { program: 12, pool: 13, poolState: 23 },
  migrate_to_cpswap: { program: 4, pool: 5, poolState: 17 },
};

/** A `migrate` event from a migrate_to_amm / migrate_to_cpswap instruction (no event exists on chain). */
export function readLaunchpadMigration(ix: ChainInstruction, ctx: EventContext): MigrateEvent[] {
  const name = launchpadInstructionName(ix.data);
  const spec = name === null ? undefined : MIGRATIONS[name];
  const pool = spec === undefined ? undefined : ix.accounts[spec.pool];
  const mint = ix.accounts[1];
  if (spec === undefined || pool === undefined || mint === undefined) return [];
  // The envelope's source is already 'instruction': the transaction decoder read this candidate from one.
  return [buildMigrateEvent(ctx, {
    layout: `launchpad.instruction.${name}`, trailingBytes: 0, mint, pool, ammProgram: ix.accounts[spec.program] ?? null, quoteMint: ix.accounts[2] ?? WSOL_MINT,
    bondingCurve: ix.accounts[spec.poolState] ?? null, user: ix.accounts[0] ?? null, solAmount: null, tokenAmount: null,
    timestamp: null,
  })];
}
