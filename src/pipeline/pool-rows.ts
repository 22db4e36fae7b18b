/**
 * Pool rows: the launch pool of a token (Pump.fun bonding curve, LaunchLab pool state) and the AMM
 * pool it graduates to (PumpSwap, Raydium AMM v4, Raydium CPMM).
 */
import type { MigrateEvent } from '../contracts/decoded-event.js';
import { PUMPFUN_PROGRAM_ID, PUMPSWAP_PROGRAM_ID, RAYDIUM_AMM_V4_PROGRAM_ID, RAYDIUM_CPMM_PROGRAM_ID, RAYDIUM_LAUNCHPAD_PROGRAM_ID } from '../contracts/programs.js';
import { priceQuotePerToken } from './decimal.js';
import { poolIdOf } from './ids.js';
import type { PoolPlatform, PoolRow } from '../contracts/rows.js';
import type { TokenInfo } from './token-registry.js';

/** What a create event tells about the launch pool beyond the token. */
export interface LaunchPoolFacts {
  programId?: string;
  virtualSolReserves?: bigint | null;
  virtualTokenReserves?: bigint | null;
  baseVault?: string | null;
  quoteVault?: string | null;
  initialPrice?: string | null;
}

/** The token's launch pool; unknown facts stay null and are filled by later rows. */
export function launchPoolRow(info: TokenInfo, facts: LaunchPoolFacts): PoolRow {
  const isPump = info.platform === 'pumpfun';
  const vSol = facts.virtualSolReserves ?? null;
  const vToken = facts.virtualTokenReserves ?? null;
  const price = facts.initialPrice ?? (vSol !== null && vToken !== null ? scaledPrice(vSol, vToken, info) : null);
  return {
    id: info.poolId!,
    address: info.poolAddress!,
    tokenId: info.tokenId,
    baseMint: info.mint,
    quoteMint: info.quoteMint,
    platform: info.platform,
    poolType: isPump ? 'bonding_curve' : 'launchpad',
    programId: facts.programId ?? (isPump ? PUMPFUN_PROGRAM_ID : RAYDIUM_LAUNCHPAD_PROGRAM_ID),
    initialPrice: price,
    initialBaseLiquidity: vToken,
    initialQuoteLiquidity: vSol,
    bondingCurve: isPump ? info.poolAddress : null,
    baseVault: facts.baseVault ?? null,
    quoteVault: facts.quoteVault ?? null,
    status: 'active',
  };
}

const AMM_PLATFORMS: Record<string, PoolPlatform> = {
  [PUMPSWAP_PROGRAM_ID]: 'pumpswap',
  [RAYDIUM_AMM_V4_PROGRAM_ID]: 'raydium_amm_v4',
  [RAYDIUM_CPMM_PROGRAM_ID]: 'raydium_cpmm',
};

/** The AMM pool a migration created. */
export function ammPoolRow(info: TokenInfo, event: MigrateEvent): PoolRow {
  const programId = event.ammProgram ?? (info.platform === 'pumpfun' ? PUMPSWAP_PROGRAM_ID : RAYDIUM_CPMM_PROGRAM_ID);
  const platform = AMM_PLATFORMS[programId] ?? (info.platform === 'pumpfun' ? 'pumpswap' : 'raydium_cpmm');
  const price = event.solAmount !== null && event.tokenAmount !== null ? scaledPrice(event.solAmount, event.tokenAmount, info) : null;
  return {
    id: poolIdOf(event.pool),
    address: event.pool,
    tokenId: info.tokenId,
    baseMint: info.mint,
    quoteMint: event.quoteMint ?? info.quoteMint,
    platform,
    poolType: 'amm',
    programId,
    initialPrice: price,
    initialBaseLiquidity: event.tokenAmount,
    initialQuoteLiquidity: event.solAmount,
    bondingCurve: null,
    baseVault: null,
    quoteVault: null,
    status: 'active',
  };
}

/** Whole quote per whole token; null while either mint's decimals are unknown. */
function scaledPrice(quoteRaw: bigint, tokenRaw: bigint, info: TokenInfo): string | null {
  if (info.quoteDecimals === null || info.decimals === null) return null;
  return priceQuotePerToken(quoteRaw, tokenRaw, info.quoteDecimals, info.decimals);
}
