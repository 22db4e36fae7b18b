/**
 * Corrects a token's stream-derived balances from an RPC reading of its accounts. Why it is needed:
 * transfers between wallets (and sells on other venues) do not pass through the launchpad programs, so
 * the stream never sees them; the reading catches them up. Owners are classified as in the pipeline.
 */
import { classifyOwner } from '../../pipeline/holder-rows.js';
import type { PgPool } from '../../postgres/pg-pool.js';
import { applyHolderReading, readTokenPools, type ReconcileOutcome } from '../../postgres/holder-reconcile-repository.js';
import { readHolderTokenFacts } from '../../postgres/holder-snapshots-repository.js';
import type { HolderAccountsReader } from './holder-accounts-rpc.js';

export interface ReconcileResult extends ReconcileOutcome {
  mint: string;
  slot: bigint;
  accountsRead: number;
  complete: boolean;
}

/** Reads the token's accounts over RPC and applies them; null when the token is not tracked. */
export async function reconcileToken(pool: PgPool, reader: HolderAccountsReader, idOrMint: string, at: Date = new Date()): Promise<ReconcileResult | null> {
  const token = await readHolderTokenFacts(pool, idOrMint);
  if (!token) return null;
  const reading = await reader.readMintAccounts(token.mint, token.tokenProgram);
  const pools = await readTokenPools(pool, token.id);
  const context = { launchPool: pools.launchPool, ammPools: new Set(pools.ammPools) };
  const outcome = await applyHolderReading(pool, {
    tokenId: token.id,
    slot: reading.slot,
    seenAt: at,
    complete: reading.complete,
    accounts: reading.accounts.map((a) => ({ account: a.account, owner: a.owner, balance: a.amount, holderKind: classifyOwner(a.owner, context) })),
  });
  return { ...outcome, mint: token.mint, slot: reading.slot, accountsRead: reading.accounts.length, complete: reading.complete };
}
