/**
 * LaunchLab PoolCreateEvent (`97d7e20976a173ae`): pool_state, creator, config, then the launch parameters
 * (launch-params.ts). Layouts by length: v1 ends after vesting_param (raydium-docs IDL, all versions; real
 * events of 2025-06); v2 adds amm_fee_on u8 (vixen dca7d1dc; real events since 2025-10). Bytes after it are
 * counted in `trailingBytes`.
 * The event has no base mint, quote mint or platform config: they come from the initialize* instruction
 * that emitted it (instruction-accounts.ts), and so do the instruction-only arguments (the Token-2022 launch's
 * transfer fee; initialize-args.ts). An event under any other instruction names no mint and is malformed.
 */
import { BorshReader } from '../../shared/borsh-reader.js';
import { DecodeError } from '../../shared/errors.js';
import type { LaunchpadLaunch, PoolCreateEvent } from '../../contracts/decoded-event.js';
import { buildPoolCreateEvent } from '../event-objects.js';
import type { EventContext } from '../program-decoder.js';
import { readInitializeArgs } from './initialize-args.js';
import { INIT_ACCOUNTS, INITIALIZE_INSTRUCTIONS, initTokenProgramIndex } from './instruction-accounts.js';
import { readAmmFeeOn, readLaunchParams } from './launch-params.js';
import { launchpadBrandOf } from './platforms.js';

/** Decodes a LaunchLab PoolCreateEvent payload (discriminator included) with its instruction's accounts and arguments. */
export function decodeLaunchpadPoolCreateEvent(payload: Uint8Array, ctx: EventContext, ixName: string | null): PoolCreateEvent {
  if (ixName === null || !INITIALIZE_INSTRUCTIONS.has(ixName) || ctx.invocation === null) {
    throw new DecodeError(`PoolCreateEvent under ${ixName ?? 'no known instruction'}: only an initialize instruction lists its mints`, null);
  }
  const accounts = ctx.invocation.accounts;
  if (accounts.length <= INIT_ACCOUNTS.quoteVault) throw new DecodeError(`${ixName} lists ${accounts.length} accounts, needs ${INIT_ACCOUNTS.quoteVault + 1}`, null);
  const r = new BorshReader(payload, 8);
  const poolState = r.pubkey();
  const creator = r.pubkey();
  const config = r.pubkey();
  const params = readLaunchParams(r);
  const eventAmmFeeOn = readAmmFeeOn(r);
  const args = readInitializeArgs(ctx.invocation.data, ixName);
  const platformConfig = accounts[INIT_ACCOUNTS.platformConfig] ?? null;
  const launch: LaunchpadLaunch = {
    instruction: ixName, brand: launchpadBrandOf(platformConfig), vesting: params.vesting,
    ammFeeOn: eventAmmFeeOn ?? args.ammFeeOn, transferFee: args.transferFee,
  };
  const event = buildPoolCreateEvent(ctx, {
    layout: eventAmmFeeOn === null ? 'launchpad.PoolCreateEvent.v1' : 'launchpad.PoolCreateEvent.v2',
    trailingBytes: r.remaining, poolState, mint: accounts[INIT_ACCOUNTS.mint] ?? '', quoteMint: accounts[INIT_ACCOUNTS.quoteMint] ?? '',
    creator, config, platformConfig, name: params.name, symbol: params.symbol, uri: params.uri, decimals: params.decimals,
    baseVault: accounts[INIT_ACCOUNTS.baseVault] ?? null, quoteVault: accounts[INIT_ACCOUNTS.quoteVault] ?? null,
    tokenProgram: accounts[initTokenProgramIndex(ixName)] ?? null, curveType: params.curveType, supply: params.supply,
    totalBaseSell: params.totalBaseSell, totalQuoteFundRaising: params.totalQuoteFundRaising, migrateType: params.migrateType,
  });
  // LaunchLab-only: set after the shared builder (pool creations are rare; their shape is not on a hot path).
  event.launch = launch;
  return event;
}
