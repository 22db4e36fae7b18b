/**
 * Which tokens the holder jobs work on.
 * Snapshots: a token is DUE when it traded since its last snapshot (or has none) and its last snapshot is
 * older than its interval: the young interval while it is young (created < youngMinutes ago) and active
 * (traded in the last activeMinutes), the normal interval otherwise. Most recently traded first. Only
 * tokens that traded in the last day are looked at (index on tokens.last_trade_at).
 * Reconciliation: active tokens whose curve is past the progress threshold (about to graduate), then the
 * most traded tokens of the active window (hot).
 */
import type { Queryable } from './pg-pool.js';

export interface ScheduleSettings {
  youngIntervalMs: number;
  intervalMs: number;
  youngMinutes: number;
  activeMinutes: number;
  limit: number;
}

const DUE_SNAPSHOTS_SQL = `
select t.id from tokens t
left join lateral (select s.snapshot_time from holder_snapshots s where s.token_id = t.id order by s.snapshot_time desc limit 1) s on true
where t.last_trade_at > $1::timestamptz - interval '1 day'
  and (s.snapshot_time is null or (
    t.last_trade_at > s.snapshot_time
    and s.snapshot_time <= $1::timestamptz - case
      when t.creation_timestamp > $1::timestamptz - make_interval(mins => $4) and t.last_trade_at > $1::timestamptz - make_interval(mins => $5)
      then make_interval(secs => $2::float8 / 1000) else make_interval(secs => $3::float8 / 1000) end))
order by t.last_trade_at desc
limit $6`;

export async function readTokensDueForSnapshot(db: Queryable, now: Date, s: ScheduleSettings): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(DUE_SNAPSHOTS_SQL, [now.toISOString(), s.youngIntervalMs, s.intervalMs, s.youngMinutes, s.activeMinutes, s.limit]);
  return rows.map((r) => r.id);
}

const RECONCILE_CANDIDATES_SQL = `
(select t.id, 0 as rank from tokens t join pools p on p.token_id = t.id and p.pool_type <> 'amm'
  where t.last_trade_at > $1::timestamptz - make_interval(mins => $2) and p.status = 'active' and p.bonding_curve_progress > $3
  order by p.bonding_curve_progress desc limit $4)
union all
(select x.token_id, 1 from transactions x
  where x.block_time > $1::timestamptz - make_interval(mins => $2) and x.success
  group by x.token_id order by count(*) desc limit $4)`;

/** Token ids to reconcile, about-to-graduate first, then hot; without duplicates, at most `limit`. */
export async function readTokensToReconcile(db: Queryable, now: Date, activeMinutes: number, progressPct: number, limit: number): Promise<string[]> {
  if (limit <= 0) return [];
  const { rows } = await db.query<{ id: string }>(RECONCILE_CANDIDATES_SQL, [now.toISOString(), activeMinutes, progressPct, limit]);
  return [...new Set(rows.map((r) => r.id))].slice(0, limit);
}
