/**
 * Decimals of the quote mints the launchpads pair against, and how to learn a mint's decimals from a
 * transaction's own token balances when it is not one of them.
 */
import { WSOL_MINT, type ChainTransaction } from '../contracts/chain-transaction.js';

const KNOWN_DECIMALS: ReadonlyMap<string, number> = new Map([
  [WSOL_MINT, 9],
  ['EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v', 6], // USDC
  ['USD1ttGY1N17NEEHLmELoaybftRBUSErhqYiQzvEmuB', 6], // USD1
  ['Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB', 6], // USDT
]);

/** Launchpad tokens are minted with 6 decimals; used when nothing in the transaction says otherwise. */
export const DEFAULT_TOKEN_DECIMALS = 6;

/** Decimals of `mint`: a known quote mint, else the transaction's token balances, else `fallback`. */
export function decimalsOf(mint: string, tx: ChainTransaction | null, fallback: number): number {
  const known = KNOWN_DECIMALS.get(mint);
  if (known !== undefined) return known;
  if (tx) {
    for (const balance of tx.postTokenBalances) if (balance.mint === mint) return balance.decimals;
    for (const balance of tx.preTokenBalances) if (balance.mint === mint) return balance.decimals;
  }
  return fallback;
}
