/**
 * The slot-coverage ledger (`slot_coverage`): inclusive slot ranges per stream with a status —
 * `ingested`, `gap` (the stream could not replay it), `backfilled`, `backfill_failed`. Ranges of one
 * stream never overlap: `recordCoverage` writes only the part of a range not yet covered, and a
 * backfill changes a gap's status in place, splitting the row when it covers only part of it.
 */
import type { Queryable } from './pg-pool.js';

export type CoverageStatus = 'ingested' | 'gap' | 'backfilled' | 'backfill_failed';

/** One ledger row (both ends inclusive). */
export interface CoverageRange {
  fromSlot: bigint;
  toSlot: bigint;
  status: CoverageStatus;
  reason: string | null;
}

interface CoverageRow {
  from_slot: string;
  to_slot: string;
  status: CoverageStatus;
  reason: string | null;
}

const toRange = (row: CoverageRow): CoverageRange => ({ fromSlot: BigInt(row.from_slot), toSlot: BigInt(row.to_slot), status: row.status, reason: row.reason });

export const LIST_OVERLAPS_SQL = `
select from_slot, to_slot, status, reason from slot_coverage
where stream = $1 and from_slot <= $3::bigint and to_slot >= $2::bigint order by from_slot`;

// `on conflict do nothing` (no target) also covers the exclusion constraint, when the database has it.
export const INSERT_COVERAGE_SQL = `
insert into slot_coverage (stream, from_slot, to_slot, status, reason)
values ($1, $2::bigint, $3::bigint, $4, $5) on conflict do nothing`;

/**
 * Records [from, to] with `status`, skipping the slots another row already covers.
 * @returns the ranges actually written.
 */
export async function recordCoverage(db: Queryable, stream: string, from: bigint, to: bigint, status: CoverageStatus, reason: string | null): Promise<CoverageRange[]> {
  if (to < from) return [];
  const overlaps = (await db.query<CoverageRow>(LIST_OVERLAPS_SQL, [stream, from.toString(), to.toString()])).rows.map(toRange);
  const written: CoverageRange[] = [];
  let cursor = from;
  for (const piece of [...overlaps, { fromSlot: to + 1n, toSlot: to + 1n }]) {
    if (piece.fromSlot > cursor) {
      const end = piece.fromSlot - 1n < to ? piece.fromSlot - 1n : to;
      await db.query(INSERT_COVERAGE_SQL, [stream, cursor.toString(), end.toString(), status, reason]);
      written.push({ fromSlot: cursor, toSlot: end, status, reason });
    }
    if (piece.toSlot + 1n > cursor) cursor = piece.toSlot + 1n;
  }
  return written;
}

export const LIST_GAPS_SQL = `
select from_slot, to_slot, status, reason from slot_coverage
where stream = $1 and status in ('gap', 'backfill_failed') order by from_slot`;

/** Open gaps of `stream` (never backfilled, or whose backfill failed), oldest first. */
export async function listGaps(db: Queryable, stream: string): Promise<CoverageRange[]> {
  return (await db.query<CoverageRow>(LIST_GAPS_SQL, [stream])).rows.map(toRange);
}

export const LIST_COVERAGE_SQL = `select from_slot, to_slot, status, reason from slot_coverage where stream = $1 order by from_slot`;

/** Every ledger row of `stream`, in slot order. */
export async function listCoverage(db: Queryable, stream: string): Promise<CoverageRange[]> {
  return (await db.query<CoverageRow>(LIST_COVERAGE_SQL, [stream])).rows.map(toRange);
}

// One statement: delete the open gap containing [$2, $3] and write it back as up to three rows
// (the gap before, the backfilled part, the gap after). The insert reads the deleted row, so the delete
// runs first and the ranges never overlap.
export const MARK_GAP_SQL = `
with target as (
  delete from slot_coverage where id = (
    select id from slot_coverage
    where stream = $1 and status in ('gap', 'backfill_failed') and from_slot <= $2::bigint and to_slot >= $3::bigint
    order by from_slot limit 1)
  returning stream, from_slot, to_slot, status, reason
), pieces as (
  select stream, from_slot, $2::bigint - 1 as to_slot, status, reason from target where from_slot < $2::bigint
  union all select stream, $2::bigint, $3::bigint, $4::text, $5::text from target
  union all select stream, $3::bigint + 1, to_slot, status, reason from target where to_slot > $3::bigint
)
insert into slot_coverage (stream, from_slot, to_slot, status, reason)
select stream, from_slot, to_slot, status, reason from pieces`;

/**
 * Marks [from, to] (inside one open gap) as `backfilled` or `backfill_failed` with a reason.
 * @returns false when no open gap contains the range.
 */
export async function markGapBackfilled(db: Queryable, stream: string, from: bigint, to: bigint, status: 'backfilled' | 'backfill_failed' = 'backfilled', reason: string | null = null): Promise<boolean> {
  const result = await db.query(MARK_GAP_SQL, [stream, from.toString(), to.toString(), status, reason]);
  return (result.rowCount ?? 0) > 0;
}
