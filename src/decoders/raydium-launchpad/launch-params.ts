/**
 * The launch parameters LaunchLab writes both into its PoolCreateEvent and into the arguments of the
 * initialize* instruction (IDL v0.2.0, vixen dca7d1dc; MAINNET-2026 §1.7):
 *   MintParams { decimals u8, name string, symbol string, uri string },
 *   CurveParams enum { 0 Constant { supply u64, total_base_sell u64, total_quote_fund_raising u64, migrate_type u8 },
 *                      1 Fixed { supply, total_quote_fund_raising, migrate_type }, 2 Linear { same as Fixed } },
 *   VestingParams { total_locked_amount u64, cliff_period u64, unlock_period u64 },
 * then, in newer layouts, AmmCreatorFeeOn enum u8 { 0 QuoteToken, 1 BothToken }.
 */
import type { BorshReader } from '../../shared/borsh-reader.js';
import { DecodeError } from '../../shared/errors.js';
import type { LaunchpadLaunch } from '../../contracts/decoded-event.js';
import { sanitizeText } from '../sanitize-text.js';

const CURVES = ['constant', 'fixed', 'linear'] as const;
const AMM_FEE_ON = ['quote_token', 'both_tokens'] as const;

export interface LaunchParams {
  decimals: number;
  name: string;
  symbol: string;
  uri: string;
  curveType: (typeof CURVES)[number];
  supply: bigint;
  /** Constant curves only. */
  totalBaseSell: bigint | null;
  totalQuoteFundRaising: bigint;
  migrateType: number;
  vesting: NonNullable<LaunchpadLaunch['vesting']>;
}

/** Reads MintParams, CurveParams and VestingParams at the reader's cursor. */
export function readLaunchParams(r: BorshReader): LaunchParams {
  const decimals = r.u8();
  const name = sanitizeText(r.string());
  const symbol = sanitizeText(r.string());
  const uri = sanitizeText(r.string());
  const curveAt = r.offset;
  const variant = r.u8();
  const curveType = CURVES[variant];
  if (curveType === undefined) throw new DecodeError(`unknown CurveParams variant ${variant}`, curveAt);
  const supply = r.u64();
  const totalBaseSell = curveType === 'constant' ? r.u64() : null;
  const totalQuoteFundRaising = r.u64();
  const migrateType = r.u8();
  const vesting = { totalLockedAmount: r.u64(), cliffPeriod: r.u64(), unlockPeriod: r.u64() };
  return { decimals, name, symbol, uri, curveType, supply, totalBaseSell, totalQuoteFundRaising, migrateType, vesting };
}

/** AmmCreatorFeeOn at the cursor when one more byte is there (older layouts end before it), else null. */
export function readAmmFeeOn(r: BorshReader): LaunchpadLaunch['ammFeeOn'] {
  if (r.remaining < 1) return null;
  const at = r.offset;
  const value = AMM_FEE_ON[r.u8()];
  if (value === undefined) throw new DecodeError(`unknown AmmCreatorFeeOn variant ${r.bytes[at] as number}`, at);
  return value;
}
