/**
 * Stream checkpoints: the last slot whose rows are fully committed, per stream. The sink writes it in
 * the same database transaction as the rows (`saveCheckpoint` takes the transaction's client), so after
 * a crash the checkpoint never claims more than what was stored. It never moves backwards.
 */
import type { Queryable } from './pg-pool.js';

export const LOAD_CHECKPOINT_SQL = `select last_committed_slot from stream_checkpoints where stream = $1`;

/** Last committed slot of `stream`, or null when the stream never committed anything. */
export async function loadCheckpoint(db: Queryable, stream: string): Promise<bigint | null> {
  const result = await db.query<{ last_committed_slot: string }>(LOAD_CHECKPOINT_SQL, [stream]);
  const row = result.rows[0];
  return row ? BigInt(row.last_committed_slot) : null;
}

export const SAVE_CHECKPOINT_SQL = `
insert into stream_checkpoints as c (stream, last_committed_slot) values ($1, $2::bigint)
on conflict (stream) do update set
  last_committed_slot = greatest(c.last_committed_slot, excluded.last_committed_slot),
  updated_at = now()`;

/**
 * Records `slot` as committed for `stream`. Call it with the client of the open transaction that
 * writes the slot's rows; a lower slot than the stored one leaves the checkpoint unchanged.
 */
export async function saveCheckpoint(client: Queryable, stream: string, slot: bigint): Promise<void> {
  await client.query(SAVE_CHECKPOINT_SQL, [stream, slot.toString()]);
}
