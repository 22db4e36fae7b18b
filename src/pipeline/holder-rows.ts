/**
 * Holder balances from the stream: every successful transaction reports the token balances of the
 * accounts it touched, before and after. For each account of a TRACKED mint (one the token registry
 * knows, i.e. a Pump.fun / LaunchLab launch) we keep its POST balance as an absolute value: absolute
 * values make a replay harmless (the same value again, and the database ignores positions it has
 * already applied), where deltas would double-count.
 *
 * Rules:
 * - failed transactions change no balance, so they add no row;
 * - an account in the pre balances but not in the post balances was closed: its balance is 0;
 * - the token account address is the balance's `account`, else `accountKeys[accountIndex]`; a balance
 *   without an owner (very old transactions) cannot be attributed and is skipped;
 * - the owner's total over all its token accounts is derived in SQL from the per-account rows
 *   (postgres/holders-repository.ts), so an account the transaction did not touch keeps its balance;
 * - owners that are not holders are classified (`classifyOwner`) and kept, never counted.
 * Pure given the registry: no I/O, no clock.
 */
import { PUMPFUN_PROGRAM_ID, PUMPSWAP_PROGRAM_ID, RAYDIUM_AMM_V4_PROGRAM_ID, RAYDIUM_CPMM_PROGRAM_ID, RAYDIUM_LAUNCHPAD_PROGRAM_ID } from '../contracts/programs.js';
import type { ChainTokenBalance, ChainTransaction } from '../contracts/chain-transaction.js';
import type { DecodedEvent } from '../contracts/decoded-event.js';
import type { Batch, HolderKind } from '../contracts/rows.js';
import type { TokenRegistry } from './token-registry.js';
import { isAmmVenue } from './amm-pools.js';

/** Owns the base and quote vaults of every LaunchLab pool. */
export const LAUNCHLAB_VAULT_AUTHORITY = 'WLHv2UAZm6z4KyaaELi5pjdbJh6RESMva1Rnn8pJVVh';

/** Owners that are program authorities, never holders: migration authority, AMM authorities, programs. */
export const PROGRAM_OWNERS: ReadonlySet<string> = new Set([
  '39azUYFWPz3VHgKCf3VChUwbpURdCHRxjWVowf5jUJjg', // Pump.fun migration authority
  '5Q544fKrFoe6tsEbD7S8EmxGTJYAKtTVhAW5Q5pge4j1', // Raydium AMM v4 authority
  'GpMZbSM2GgvTKHJirzeGfMFoaZ8UR2X7F4v8vHTvxFbL', // Raydium CPMM authority
  PUMPFUN_PROGRAM_ID,
  PUMPSWAP_PROGRAM_ID,
  RAYDIUM_LAUNCHPAD_PROGRAM_ID,
  RAYDIUM_AMM_V4_PROGRAM_ID,
  RAYDIUM_CPMM_PROGRAM_ID,
]);

/** What is known about a token's non-holder owners. */
export interface OwnerContext {
  /** The launch pool: Pump.fun bonding curve or LaunchLab pool state. */
  launchPool: string | null;
  /** AMM pools the token migrated to (seen in this transaction or stored). */
  ammPools: ReadonlySet<string>;
}

/** Classifies a token account's owner: only 'wallet' counts as a holder. */
export function classifyOwner(owner: string, context: OwnerContext): HolderKind {
  if (owner === context.launchPool || owner === LAUNCHLAB_VAULT_AUTHORITY) return 'curve';
  if (context.ammPools.has(owner)) return 'pool';
  if (PROGRAM_OWNERS.has(owner)) return 'program';
  return 'wallet';
}

interface AccountBalance {
  mint: string;
  owner: string;
  amount: bigint;
}

/** Adds the balances of tracked token accounts of a successful transaction to `batch.holderAccounts`. */
export function addHolderRows(batch: Batch, registry: TokenRegistry, tx: ChainTransaction, events: readonly DecodedEvent[], blockTime: Date): void {
  if (!tx.success || (tx.postTokenBalances.length === 0 && tx.preTokenBalances.length === 0)) return;
  const accounts = postBalancesByAccount(tx);
  if (accounts.size === 0) return;
  const ammPools = new Set<string>();
  for (const event of events) {
    if (event.kind === 'migrate' && event.success) ammPools.add(event.pool);
    // A trade on one of our AMM pools: the pool (a PumpSwap pool owns its vaults) is not a holder.
    else if (event.kind === 'trade' && event.pool !== null && isAmmVenue(event.program)) ammPools.add(event.pool);
  }
  const txIndex = tx.txIndex ?? -1;
  for (const [account, balance] of accounts) {
    const info = registry.get(balance.mint);
    if (!info) continue;
    batch.holderAccounts.push({
      tokenId: info.tokenId,
      account,
      owner: balance.owner,
      balance: balance.amount,
      holderKind: classifyOwner(balance.owner, { launchPool: info.poolAddress, ammPools }),
      slot: tx.slot,
      txIndex,
      blockTime,
    });
  }
}

/** Post balance per token account; accounts only in the pre balances were closed (0). */
export function postBalancesByAccount(tx: ChainTransaction): Map<string, AccountBalance> {
  const out = new Map<string, AccountBalance>();
  for (const balance of tx.postTokenBalances) {
    const account = accountOf(tx, balance);
    if (account !== null && balance.owner !== null) out.set(account, { mint: balance.mint, owner: balance.owner, amount: balance.amount });
  }
  for (const balance of tx.preTokenBalances) {
    const account = accountOf(tx, balance);
    if (account !== null && balance.owner !== null && !out.has(account)) out.set(account, { mint: balance.mint, owner: balance.owner, amount: 0n });
  }
  return out;
}

function accountOf(tx: ChainTransaction, balance: ChainTokenBalance): string | null {
  return balance.account ?? tx.accountKeys[balance.accountIndex] ?? null;
}
