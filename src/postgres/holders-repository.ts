/**
 * Holder balances, written in the batch's own database transaction:
 * 1. `holder_token_accounts`: each token account's absolute balance, applied only when its (slot,
 *    tx_index) is strictly newer than the stored one (a replay applies nothing);
 * 2. `holder_balances`: for every (token, owner) whose accounts changed in step 1, the owner's balance is
 *    recomputed as the SUM over all its token accounts of that mint (accounts the transaction did not
 *    touch keep their stored balance). The owner's kind is the least "wallet-like" of its accounts'
 *    kinds (alphabetically curve < pool < program < wallet), so a pool account never counts as a holder.
 * `first_seen` of an owner is when its balance last went from 0 (or nothing) to positive: the start of
 * its current holding period (diamond hands read it).
 */
import type { HolderAccountRow } from '../contracts/rows.js';
import type { Queryable } from './pg-pool.js';
import { columnsOf, toIso } from './sql-values.js';

/** Written by an RPC reading: after every transaction of its slot. */
export const END_OF_SLOT_TX_INDEX = 2_147_483_647;

// One statement (one round trip, nothing sent back but a count):
// 1. `applied`: each incoming account balance upserted, only when strictly newer by (slot, tx_index);
// 2. `touched`: the (token, owner) pairs to recompute — the new owner of every applied row, and the previous
//    owner when an account changed hands (SetAuthority), with the applied position;
// 3. `owned`: every account of those owners as it is AFTER step 1. A statement's reads do not see its own
//    writes, so this is the stored accounts not in `applied` (old state, untouched) plus the `applied`
//    rows themselves (new state); an account that moved away is in `applied` under its new owner only;
// 4. the owners' balances upserted from their sums (kind: the least wallet-like of their accounts).
// Measured in the paced ingest benchmark (2,000 trades/s, 775 accounts per batch, median): 31-33 ms for
// this statement against 19 + 21 ms for the former two (upsert ... returning the touched keys to Node,
// then the sums from those keys), runs of the same day.
// The stored accounts are read through LATERAL subqueries fenced with OFFSET 0, so each incoming or touched
// row is one index lookup whatever the planner thinks of the CTEs' sizes: joined plainly, the planner
// hash-joined them against a sequential scan of the whole table, a cost that grows with every account ever
// seen (`npm run bench -- holders`, 850 accounts against 1,000,000 stored: 700 ms with 10 accounts per
// owner, 105 ms with one; fenced: 80 and 70 ms).
export const APPLY_ACCOUNTS_SQL = `
with incoming as (
  select * from unnest($1::uuid[], $2::text[], $3::text[], $4::numeric[], $5::text[], $6::bigint[], $7::int[], $8::timestamptz[], $9::text[])
    as i(token_id, account, owner, balance, holder_kind, slot, tx_index, seen_at, source)
),
previous as (
  select a.token_id, a.owner, i.slot, i.tx_index, i.seen_at
  from incoming i cross join lateral (
    select s.token_id, s.owner, s.last_slot, s.last_tx_index from holder_token_accounts s
    where s.token_id = i.token_id and s.account = i.account offset 0
  ) a
  where a.owner <> i.owner and (a.last_slot, a.last_tx_index) < (i.slot, i.tx_index)
),
applied as (
  insert into holder_token_accounts as a (token_id, account, owner, balance, holder_kind, first_seen, last_seen, last_slot, last_tx_index, source)
  select token_id, account, owner, balance, holder_kind, seen_at, seen_at, slot, tx_index, source from incoming
  on conflict (token_id, account) do update set
    owner = excluded.owner,
    balance = excluded.balance,
    holder_kind = excluded.holder_kind,
    last_seen = greatest(a.last_seen, excluded.last_seen),
    last_slot = excluded.last_slot,
    last_tx_index = excluded.last_tx_index,
    source = excluded.source
  where (a.last_slot, a.last_tx_index) < (excluded.last_slot, excluded.last_tx_index)
  returning token_id, account, owner, balance, holder_kind, last_slot as slot, last_tx_index as tx_index, last_seen as seen_at
),
touched as (
  select token_id, owner, max(slot) as slot, max(tx_index) as tx_index, max(seen_at) as seen_at
  from (select token_id, owner, slot, tx_index, seen_at from applied union all select token_id, owner, slot, tx_index, seen_at from previous) t
  group by token_id, owner
),
owned as (
  select a.token_id, a.owner, a.balance, a.holder_kind
  from touched k cross join lateral (
    select s.token_id, s.owner, s.account, s.balance, s.holder_kind from holder_token_accounts s
    where s.token_id = k.token_id and s.owner = k.owner offset 0
  ) a
  where not exists (select 1 from applied p where p.token_id = a.token_id and p.account = a.account)
  union all
  select token_id, owner, balance, holder_kind from applied
),
sums as (
  select k.token_id, k.owner, coalesce(sum(o.balance), 0) as balance, coalesce(min(o.holder_kind), 'wallet') as holder_kind,
    k.slot, k.tx_index, k.seen_at
  from touched k left join owned o on o.token_id = k.token_id and o.owner = k.owner
  group by k.token_id, k.owner, k.slot, k.tx_index, k.seen_at
),
written as (
  insert into holder_balances as h (token_id, owner, balance, holder_kind, first_seen, last_seen, last_slot, last_tx_index)
  select token_id, owner, balance, holder_kind, seen_at, seen_at, slot, tx_index from sums
  on conflict (token_id, owner) do update set
    balance = excluded.balance,
    holder_kind = excluded.holder_kind,
    first_seen = case when h.balance = 0 and excluded.balance > 0 then excluded.first_seen else h.first_seen end,
    last_seen = greatest(h.last_seen, excluded.last_seen),
    last_slot = case when (h.last_slot, h.last_tx_index) < (excluded.last_slot, excluded.last_tx_index) then excluded.last_slot else h.last_slot end,
    last_tx_index = case when (h.last_slot, h.last_tx_index) < (excluded.last_slot, excluded.last_tx_index) then excluded.last_tx_index else h.last_tx_index end
  where h.balance is distinct from excluded.balance or h.holder_kind is distinct from excluded.holder_kind
     or (h.last_slot, h.last_tx_index) < (excluded.last_slot, excluded.last_tx_index)
  returning 1
)
select (select count(*)::int from touched) as touched`;

/** One account balance to apply: a stream row, or an RPC reading, with when it was seen. */
export type AccountBalanceInput = Omit<HolderAccountRow, 'blockTime'> & { seenAt: Date; source: 'stream' | 'rpc' };

const ACCOUNT_COLUMNS: ReadonlyArray<(r: AccountBalanceInput) => unknown> = [
  (r) => r.tokenId,
  (r) => r.account,
  (r) => r.owner,
  (r) => r.balance.toString(),
  (r) => r.holderKind,
  (r) => r.slot.toString(),
  (r) => r.txIndex,
  (r) => toIso(r.seenAt),
  (r) => r.source,
];

/** Applies a batch's token-account balances and the owners' sums; returns how many accounts changed. */
export async function applyHolderAccounts(db: Queryable, rows: readonly HolderAccountRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const newest = newestPerAccount(rows);
  const inputs = new Array<AccountBalanceInput>(newest.length);
  for (let i = 0; i < newest.length; i++) {
    const r = newest[i]!;
    inputs[i] = { tokenId: r.tokenId, account: r.account, owner: r.owner, balance: r.balance, holderKind: r.holderKind, slot: r.slot, txIndex: r.txIndex, seenAt: r.blockTime, source: 'stream' };
  }
  return applyAccountBalances(db, inputs);
}

/** Applies account balances (one row per account) and recomputes the touched owners' balances; returns how many owners were touched. */
export async function applyAccountBalances(db: Queryable, inputs: readonly AccountBalanceInput[]): Promise<number> {
  if (inputs.length === 0) return 0;
  const { rows } = await db.query<{ touched: number }>(APPLY_ACCOUNTS_SQL, accountBalanceParams(inputs));
  return rows[0]?.touched ?? 0;
}

/** APPLY_ACCOUNTS_SQL's parameters for these inputs. */
export function accountBalanceParams(inputs: readonly AccountBalanceInput[]): unknown[] {
  return columnsOf(inputs, ACCOUNT_COLUMNS);
}

/**
 * One row per (token, account): the newest by (slot, txIndex); on a tie (a source without positions)
 * the later one in stream order wins.
 */
export function newestPerAccount(rows: readonly HolderAccountRow[]): HolderAccountRow[] {
  // Keyed by account, then token: no composite string per row (2-3 % of the main thread at full speed).
  // An account holds one mint, so the inner map has one entry unless an address was reused.
  const newest = new Map<string, Map<string, HolderAccountRow>>();
  let count = 0;
  for (const row of rows) {
    let byToken = newest.get(row.account);
    if (byToken === undefined) newest.set(row.account, (byToken = new Map()));
    const seen = byToken.get(row.tokenId);
    if (seen === undefined) count++;
    if (!seen || row.slot > seen.slot || (row.slot === seen.slot && row.txIndex >= seen.txIndex)) byToken.set(row.tokenId, row);
  }
  const out = new Array<HolderAccountRow>(count);
  let i = 0;
  for (const byToken of newest.values()) for (const row of byToken.values()) out[i++] = row;
  return out;
}
