/**
 * Token balances of the synthetic market's transactions, shaped as the runtime reports them: the user's
 * token account (owner = the user) and the launch pool's token vault (owner = the Pump.fun bonding curve,
 * or the LaunchLab vault authority), before and after. A token account address is derived from
 * (owner, mint) like an associated token account: the same wallet keeps the same account per mint.
 */
import { createHash } from 'node:crypto';
import bs58 from 'bs58';
import type { SimTokenBalance } from './transaction-update.js';
import { TOKEN_PROGRAM_ID } from '../contracts/programs.js';

export const SIM_TOKEN_DECIMALS = 6;
export const SIM_TOKEN_PROGRAM = TOKEN_PROGRAM_ID;

const accounts = new Map<string, string>();
const ACCOUNT_CACHE_MAX_ENTRIES = 100_000;

/** Deterministic token account of `owner` for `mint` (not the real ATA derivation: a stand-in). */
export function tokenAccountOf(owner: string, mint: string): string {
  const key = `${owner}:${mint}`;
  const hit = accounts.get(key);
  if (hit !== undefined) return hit;
  const address = bs58.encode(createHash('sha256').update('megatron-sim-ata').update(key).digest());
  if (accounts.size >= ACCOUNT_CACHE_MAX_ENTRIES) accounts.clear();
  accounts.set(key, address);
  return address;
}

/** One token balance entry of `mint` held in `account` by `owner`. */
export function simTokenBalance(account: string, mint: string, owner: string, amount: bigint): SimTokenBalance {
  return { account, mint, owner, programId: SIM_TOKEN_PROGRAM, amount, decimals: SIM_TOKEN_DECIMALS };
}

/** What a token's balances look like to one user at one moment. */
export interface LaunchBalances {
  mint: string;
  vault: string;
  vaultOwner: string;
  vaultBalance: bigint;
  /** The user's balance, or null when the user has no token account for the mint yet. */
  userBalance: bigint | null;
}

/** The user's account (when it exists) and the vault, in that order. */
export function launchBalances(state: LaunchBalances, user: string): SimTokenBalance[] {
  const out: SimTokenBalance[] = [];
  if (state.userBalance !== null) out.push(simTokenBalance(tokenAccountOf(user, state.mint), state.mint, user, state.userBalance));
  out.push(simTokenBalance(state.vault, state.mint, state.vaultOwner, state.vaultBalance));
  return out;
}
