/**
 * Quarantine writes: undecodable input and rows the database rejected, with raw bytes and reason.
 * The table's content key makes a replay bump `count` instead of adding a row.
 */
import type { QuarantineRecord } from '../contracts/quarantine.js';
import type { Queryable } from './pg-pool.js';

const UPSERT_QUARANTINE_SQL = `
insert into quarantine as q (stage, program, discriminator, raw, reason, signature, slot, outer_index, inner_index, count)
select stage, program, discriminator, decode(raw, 'hex'), reason, signature, slot, outer_index, inner_index, n
from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::int[], $9::int[], $10::bigint[])
  as r(stage, program, discriminator, raw, reason, signature, slot, outer_index, inner_index, n)
on conflict (content_key) do update set
  count = q.count + excluded.count, last_seen = now(), reason = excluded.reason`;

/** Upserts quarantine records (duplicates within the call are folded into one row with a count). */
export async function upsertQuarantine(db: Queryable, records: readonly QuarantineRecord[]): Promise<void> {
  if (records.length === 0) return;
  const folded = new Map<string, { record: QuarantineRecord; raw: string; count: number }>();
  for (const record of records) {
    const raw = Buffer.from(record.raw).toString('hex');
    const key = [record.stage, record.program, record.discriminator, record.signature, record.slot, record.position.outerIndex, record.position.innerIndex, raw].join('|');
    const seen = folded.get(key);
    if (seen) seen.count += 1;
    else folded.set(key, { record, raw, count: 1 });
  }
  const rows = [...folded.values()];
  await db.query(UPSERT_QUARANTINE_SQL, [
    rows.map((r) => r.record.stage),
    rows.map((r) => r.record.program),
    rows.map((r) => r.record.discriminator),
    rows.map((r) => r.raw),
    rows.map((r) => r.record.reason),
    rows.map((r) => r.record.signature),
    rows.map((r) => r.record.slot?.toString() ?? null),
    rows.map((r) => r.record.position.outerIndex),
    rows.map((r) => r.record.position.innerIndex),
    rows.map((r) => r.count),
  ]);
}
