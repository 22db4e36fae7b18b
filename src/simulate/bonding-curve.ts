/**
 * Pump.fun bonding-curve arithmetic (constant product on virtual reserves), exact in bigint.
 * Initial state from FACTS.md §6: 30 SOL and 1,073,000,000.000000 tokens virtual, 793,100,000.000000
 * real tokens, total supply 1e15 raw (6 decimals). The curve completes when real tokens reach 0.
 */
export const INITIAL_VIRTUAL_SOL_LAMPORTS = 30_000_000_000n;
export const INITIAL_VIRTUAL_TOKEN_RAW = 1_073_000_000_000_000n;
export const INITIAL_REAL_TOKEN_RAW = 793_100_000_000_000n;
export const TOKEN_TOTAL_SUPPLY_RAW = 1_000_000_000_000_000n;
export const PROTOCOL_FEE_BPS = 95n;
export const CREATOR_FEE_BPS = 5n;

export interface CurveState {
  virtualSol: bigint;
  virtualToken: bigint;
  realSol: bigint;
  realToken: bigint;
  complete: boolean;
}

/** A fresh curve. */
export function createCurve(): CurveState {
  return { virtualSol: INITIAL_VIRTUAL_SOL_LAMPORTS, virtualToken: INITIAL_VIRTUAL_TOKEN_RAW, realSol: 0n, realToken: INITIAL_REAL_TOKEN_RAW, complete: false };
}

/** Outcome of one trade: amounts moved (fees excluded) and the fees charged on the SOL side. */
export interface CurveTrade {
  solAmount: bigint;
  tokenAmount: bigint;
  fee: bigint;
  creatorFee: bigint;
  completes: boolean;
}

const feeOf = (lamports: bigint, bps: bigint): bigint => (lamports * bps + 9_999n) / 10_000n;

/** Buys with `solIn` lamports entering the curve; capped at the real tokens left (then the curve completes). */
export function buyOnCurve(curve: CurveState, solIn: bigint): CurveTrade {
  const k = curve.virtualSol * curve.virtualToken;
  let tokenAmount = curve.virtualToken - k / (curve.virtualSol + solIn) - 1n;
  let solAmount = solIn;
  if (tokenAmount >= curve.realToken) {
    tokenAmount = curve.realToken;
    solAmount = k / (curve.virtualToken - tokenAmount) + 1n - curve.virtualSol;
  }
  if (tokenAmount < 0n) tokenAmount = 0n;
  curve.virtualSol += solAmount;
  curve.virtualToken -= tokenAmount;
  curve.realSol += solAmount;
  curve.realToken -= tokenAmount;
  curve.complete = curve.realToken === 0n;
  return { solAmount, tokenAmount, fee: feeOf(solAmount, PROTOCOL_FEE_BPS), creatorFee: feeOf(solAmount, CREATOR_FEE_BPS), completes: curve.complete };
}

/** Sells `tokenIn` raw tokens back to the curve (gross SOL out, before fees). */
export function sellOnCurve(curve: CurveState, tokenIn: bigint): CurveTrade {
  const k = curve.virtualSol * curve.virtualToken;
  let solAmount = curve.virtualSol - (k + curve.virtualToken + tokenIn - 1n) / (curve.virtualToken + tokenIn);
  if (solAmount > curve.realSol) solAmount = curve.realSol;
  curve.virtualSol -= solAmount;
  curve.virtualToken += tokenIn;
  curve.realSol -= solAmount;
  curve.realToken += tokenIn;
  return { solAmount, tokenAmount: tokenIn, fee: feeOf(solAmount, PROTOCOL_FEE_BPS), creatorFee: feeOf(solAmount, CREATOR_FEE_BPS), completes: false };
}
