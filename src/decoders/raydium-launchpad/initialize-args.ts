/**
 * Arguments of the LaunchLab instructions that create a pool (IDL v0.2.0: raydium-docs f0c2e1a 2025-08-08,
 * vixen dca7d1dc; MAINNET-2026 §1.7). Fields in IDL order, each layout the one before it plus trailing
 * fields, so data is read as far as it goes:
 *   initialize                 (`afaf6d1f0d989bed`, deprecated 2025-08-21): MintParams, CurveParams, VestingParams;
 *   initialize_v2              (`4399af27da102620`): + amm_fee_on AmmFeeOn u8;
 *   initialize_with_token_2022 (`25be7ede2c9aab11`): + amm_fee_on, + transfer_fee_extension_param
 *     Option<TransferFeeExtensionParams { transfer_fee_basis_points u16 (≤ 500), maximum_fee u64 }>.
 * A trailing argument may be left out of the data entirely (MAINNET-2026 §1.1): then it reads as null.
 * Bytes after the last known field are counted, not rejected. Real initialize_with_token_2022 data of 2026-10
 * carries 10 of them after a None: the SDK writes the option's u16 + u64 body even then, as zeros
 * (@raydium-io/raydium-sdk-v2 0.2.73 `launchpad/instrument.ts`), and the program ignores them.
 */
import { BorshReader } from '../../shared/borsh-reader.js';
import { DecodeError } from '../../shared/errors.js';
import type { LaunchpadLaunch } from '../../contracts/decoded-event.js';
import { readAmmFeeOn, readLaunchParams, type LaunchParams } from './launch-params.js';

export interface InitializeArgs extends LaunchParams {
  ammFeeOn: LaunchpadLaunch['ammFeeOn'];
  transferFee: LaunchpadLaunch['transferFee'];
  /** Bytes after the last field this instruction has. */
  trailingBytes: number;
}

/** Reads the arguments of `instruction` (one of the three above) from its data, discriminator included. */
export function readInitializeArgs(data: Uint8Array, instruction: string): InitializeArgs {
  const r = new BorshReader(data, 8);
  const params = readLaunchParams(r);
  const ammFeeOn = instruction === 'initialize' ? null : readAmmFeeOn(r);
  const transferFee = instruction === 'initialize_with_token_2022' ? readTransferFee(r) : null;
  return { ...params, ammFeeOn, transferFee, trailingBytes: r.remaining };
}

function readTransferFee(r: BorshReader): LaunchpadLaunch['transferFee'] {
  if (r.remaining < 1) return null;
  const at = r.offset;
  const tag = r.u8();
  if (tag === 0) return null;
  if (tag !== 1) throw new DecodeError(`Option tag ${tag} of transfer_fee_extension_param is neither 0 nor 1`, at);
  return { basisPoints: r.u16(), maximumFee: r.u64() };
}
