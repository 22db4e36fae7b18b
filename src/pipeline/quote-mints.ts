/**
 * Where a mint's decimals come from in the pipeline. Never assumed: a mint whose decimals are fixed public
 * facts (wrapped SOL is the native mint, 9; USDC, USDT and USD1, 6), else what the transaction's own token
 * balances state (every token account a transaction touches is listed there with its mint's decimals), else
 * null. The create instruction's decimals, when there is one, are passed in by the caller and win; a null
 * is filled later by the token-metadata job's RPC read of the mint (analytics/jobs/token-metadata-job.ts),
 * and until then the trade's normalised amounts and price stay null.
 */
import { WSOL_MINT, type ChainTransaction } from '../contracts/chain-transaction.js';

const KNOWN_DECIMALS: ReadonlyMap<string, number> = new Map([
  [WSOL_MINT, 9],
  ['EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v', 6], // USDC
  ['USD1ttGY1N17NEEHLmELoaybftRBUSErhqYiQzvEmuB', 6], // USD1
  ['Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB', 6], // USDT
]);

/** Decimals of every mint the Pump.fun program creates (create and create_v2): a program rule. */
export const PUMP_MINT_DECIMALS = 6;

/** Decimals of `mint`: a known quote mint, else the transaction's token balances, else null (unknown). */
export function decimalsOf(mint: string, tx: ChainTransaction | null): number | null {
  const known = KNOWN_DECIMALS.get(mint);
  if (known !== undefined) return known;
  if (tx) {
    for (const balance of tx.postTokenBalances) if (balance.mint === mint) return balance.decimals;
    for (const balance of tx.preTokenBalances) if (balance.mint === mint) return balance.decimals;
  }
  return null;
}
