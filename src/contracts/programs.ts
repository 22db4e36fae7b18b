import type { ProgramName } from './decoded-event.js';

/** Pump.fun bonding-curve program. */
export const PUMPFUN_PROGRAM_ID = '6EF8rrecthR5Dkzon8Nwu78hRvfCKubJ14M5uBEwF6P';
/** Raydium LaunchLab (Launchpad) program. */
export const RAYDIUM_LAUNCHPAD_PROGRAM_ID = 'LanMV9sAd7wArD4vJFi2qDdfnVhFxYSUg6eADduJ3uj';
/** PumpSwap (pump_amm) program, where Pump.fun curves migrate to. */
export const PUMPSWAP_PROGRAM_ID = 'pAMMBay6oceH9fJKBRHGP5D4bD4sWpmSwMn52FMfXEA';
/** Raydium AMM v4 and CPMM: targets of LaunchLab migrations. */
export const RAYDIUM_AMM_V4_PROGRAM_ID = '675kPX9MHTjS2zt1qfr1NYHuzeLXfQM9H24wFSUt1Mp8';
export const RAYDIUM_CPMM_PROGRAM_ID = 'CPMMoo8L3F4NbTegBCKVNunggL7H1ZpdTHKxQB5qKP1C';
export const TOKEN_PROGRAM_ID = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA';
export const TOKEN_2022_PROGRAM_ID = 'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb';

/** The programs the decoders understand; the stream builds its `accountInclude` filter from it. */
export const DECODER_PROGRAMS: ReadonlyArray<{ name: ProgramName; programId: string }> = [
  { name: 'pumpfun', programId: PUMPFUN_PROGRAM_ID },
  { name: 'raydium_launchpad', programId: RAYDIUM_LAUNCHPAD_PROGRAM_ID },
  { name: 'pumpswap', programId: PUMPSWAP_PROGRAM_ID },
  { name: 'raydium_cpmm', programId: RAYDIUM_CPMM_PROGRAM_ID },
  { name: 'raydium_amm_v4', programId: RAYDIUM_AMM_V4_PROGRAM_ID },
];
