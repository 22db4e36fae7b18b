/**
 * Which side of an AMM pair is the quote, as far as a decoder can tell from the mints alone: the quote
 * mints launchpads pair against (wrapped SOL, USDC, USD1, USDT). Raydium CPMM orders its two mints by
 * address, so a swap names only an input and an output mint; the decoder guesses with this list and the
 * pipeline, which knows each of our pools' base mint, turns a trade round when the guess was wrong.
 */
import { WSOL_MINT } from '../contracts/chain-transaction.js';

const QUOTE_MINTS: ReadonlySet<string> = new Set([
  WSOL_MINT,
  'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v', // USDC
  'USD1ttGY1N17NEEHLmELoaybftRBUSErhqYiQzvEmuB', // USD1
  'Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB', // USDT
]);

/** True when `mint` is one of the usual quote mints. */
export function isQuoteMint(mint: string): boolean {
  return QUOTE_MINTS.has(mint);
}
