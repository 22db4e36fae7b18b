/**
 * Creator changes: every change into `token_creator_changes` (idempotent on the token and the
 * invocation), then `tokens.creator_address` set to the newest change's new creator by (slot, tx_index,
 * event_index), so batches in any order, and replays, end with the same creator. A change that does not
 * name the old creator takes the token's creator as it was before the batch's changes, when known.
 * Must run after the batch's tokens are upserted (the batch writer's order).
 */
import type { CreatorChangeRow } from '../contracts/rows.js';
import type { Queryable } from './pg-pool.js';
import { columnsOf, toIso, toJson } from './sql-values.js';

const INSERT_CHANGES_SQL = `
insert into token_creator_changes (token_id, signature, ix_index, inner_ix_index, event_index, block_time, slot,
  tx_index, change_source, old_creator, new_creator, authority, details)
select c.token_id, c.signature, c.ix_index, c.inner_ix_index, c.event_index, c.block_time, c.slot, c.tx_index,
  c.change_source, coalesce(c.old_creator, t.creator_address), c.new_creator, c.authority, c.details
from unnest($1::uuid[], $2::text[], $3::int[], $4::int[], $5::int[], $6::timestamptz[], $7::bigint[], $8::int[],
  $9::text[], $10::text[], $11::text[], $12::text[], $13::jsonb[])
  as c(token_id, signature, ix_index, inner_ix_index, event_index, block_time, slot, tx_index, change_source,
       old_creator, new_creator, authority, details)
left join tokens t on t.id = c.token_id
on conflict do nothing`;

const FOLLOW_NEWEST_SQL = `
update tokens as t set creator_address = newest.new_creator, updated_at = now()
from (
  select distinct on (token_id) token_id, new_creator
  from token_creator_changes
  where token_id = any($1::uuid[])
  order by token_id, slot desc, coalesce(tx_index, -1) desc, event_index desc
) as newest
where t.id = newest.token_id and t.creator_address is distinct from newest.new_creator`;

const COLUMNS: ReadonlyArray<(r: CreatorChangeRow) => unknown> = [
  (r) => r.tokenId,
  (r) => r.signature,
  (r) => r.ixIndex,
  (r) => r.innerIxIndex,
  (r) => r.eventIndex,
  (r) => toIso(r.blockTime),
  (r) => r.slot.toString(),
  (r) => r.txIndex,
  (r) => r.changeSource,
  (r) => r.oldCreator,
  (r) => r.newCreator,
  (r) => r.authority,
  (r) => toJson(r.details),
];

/** Records the changes and points each touched token at its newest creator. */
export async function applyCreatorChanges(db: Queryable, rows: readonly CreatorChangeRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(INSERT_CHANGES_SQL, columnsOf(rows, COLUMNS));
  await db.query(FOLLOW_NEWEST_SQL, [[...new Set(rows.map((r) => r.tokenId))]]);
}
