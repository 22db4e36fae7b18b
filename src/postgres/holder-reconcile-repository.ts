/**
 * Applies an RPC reading of a token's accounts to holder_token_accounts / holder_balances in one database
 * transaction. The reading is placed at (its slot, END_OF_SLOT_TX_INDEX): a stream balance from a later
 * slot stays (it is newer), one from that slot or before is replaced. With a COMPLETE reading, an account
 * we hold with a positive balance that the node no longer lists was emptied and closed: it becomes 0.
 */
import type { HolderKind } from '../contracts/rows.js';
import { withTransaction, type PgPool, type Queryable } from './pg-pool.js';
import { applyAccountBalances, END_OF_SLOT_TX_INDEX, type AccountBalanceInput } from './holders-repository.js';

export interface ReadingAccount {
  account: string;
  owner: string;
  balance: bigint;
  holderKind: HolderKind;
}

export interface HolderReading {
  tokenId: string;
  slot: bigint;
  seenAt: Date;
  accounts: readonly ReadingAccount[];
  complete: boolean;
}

export interface ReconcileOutcome {
  /** Accounts whose stored balance or owner differed from the reading (new accounts included). */
  corrected: number;
  /** Owners whose balance was recomputed (0 when the stream already had newer balances for all). */
  ownersUpdated: number;
}

/** What the launch and AMM pools of a token are, to classify the owners of an RPC reading. */
export async function readTokenPools(db: Queryable, tokenId: string): Promise<{ launchPool: string | null; ammPools: string[] }> {
  const { rows } = await db.query<{ bonding_curve_address: string | null; amm: string[] | null }>(
    `select t.bonding_curve_address, (select array_agg(p.pool_address) from pools p where p.token_id = t.id and p.pool_type = 'amm') as amm
     from tokens t where t.id = $1`, [tokenId]);
  return { launchPool: rows[0]?.bonding_curve_address ?? null, ammPools: rows[0]?.amm ?? [] };
}

export async function applyHolderReading(pool: PgPool, reading: HolderReading): Promise<ReconcileOutcome> {
  return withTransaction(pool, async (client) => {
    const { rows } = await client.query<{ account: string; owner: string; balance: string; holder_kind: HolderKind }>(
      'select account, owner, balance, holder_kind from holder_token_accounts where token_id = $1', [reading.tokenId]);
    const stored = new Map(rows.map((r) => [r.account, r]));
    const base = { tokenId: reading.tokenId, slot: reading.slot, txIndex: END_OF_SLOT_TX_INDEX, seenAt: reading.seenAt, source: 'rpc' as const };
    const inputs: AccountBalanceInput[] = reading.accounts.map((a) => ({ ...base, account: a.account, owner: a.owner, balance: a.balance, holderKind: a.holderKind }));
    let corrected = reading.accounts.filter((a) => stored.get(a.account)?.balance !== a.balance.toString() || stored.get(a.account)?.owner !== a.owner).length;
    if (reading.complete) {
      const listed = new Set(reading.accounts.map((a) => a.account));
      for (const row of rows) {
        if (listed.has(row.account) || row.balance === '0') continue;
        inputs.push({ ...base, account: row.account, owner: row.owner, balance: 0n, holderKind: row.holder_kind });
        corrected += 1;
      }
    }
    const ownersUpdated = await applyAccountBalances(client, inputs);
    return { corrected, ownersUpdated };
  });
}
