/**
 * What a batch commits besides its rows: the stream checkpoint, and the `ingested` range of the
 * slot-coverage ledger from the previous checkpoint + 1 to the new one. The ledger grows by extending
 * the newest `ingested` row while ranges are contiguous, so it holds a row per interruption, not per
 * batch. Runs inside the batch's database transaction.
 */
import type { Checkpoint } from '../contracts/rows.js';
import type { Queryable } from './pg-pool.js';
import { saveCheckpoint } from './checkpoint-repository.js';
import { LIST_OVERLAPS_SQL, recordCoverage } from './slot-coverage-repository.js';

const LOCK_CHECKPOINT_SQL = `select last_committed_slot from stream_checkpoints where stream = $1 for update`;

const EXTEND_INGESTED_SQL = `
update slot_coverage set to_slot = $3::bigint, updated_at = now()
where stream = $1 and status = 'ingested' and to_slot = $2::bigint - 1`;

/** Saves the checkpoint and extends the coverage ledger; a checkpoint that does not advance is a no-op. */
export async function commitStreamProgress(db: Queryable, checkpoint: Checkpoint, coverage = true): Promise<void> {
  const { rows } = await db.query<{ last_committed_slot: bigint }>(LOCK_CHECKPOINT_SQL, [checkpoint.stream]);
  const previous = rows[0]?.last_committed_slot ?? null;
  if (previous !== null && BigInt(previous) >= checkpoint.slot) return;
  const from = previous === null ? checkpoint.slot : BigInt(previous) + 1n;
  await saveCheckpoint(db, checkpoint.stream, checkpoint.slot);
  if (!coverage) return;
  const overlaps = await db.query(LIST_OVERLAPS_SQL, [checkpoint.stream, from.toString(), checkpoint.slot.toString()]);
  if (overlaps.rowCount === 0) {
    const extended = await db.query(EXTEND_INGESTED_SQL, [checkpoint.stream, from.toString(), checkpoint.slot.toString()]);
    if ((extended.rowCount ?? 0) > 0) return;
  }
  await recordCoverage(db, checkpoint.stream, from, checkpoint.slot, 'ingested', null);
}
