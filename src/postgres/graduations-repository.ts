/**
 * Graduations: the token is marked graduated with the EARLIEST evidence (CompleteEvent or migration,
 * by block time), the curve becomes 'complete' or 'migrated', and a migration links the curve to its
 * new AMM pool. Replays change nothing.
 */
import type { GraduationRow } from '../contracts/rows.js';
import type { Queryable } from './pg-pool.js';
import { toIso } from './sql-values.js';

const GRADUATE_TOKENS_SQL = `
update tokens as t set
  is_graduated = true,
  graduation_timestamp = g.at,
  graduation_signature = g.signature,
  updated_at = now()
from unnest($1::uuid[], $2::timestamptz[], $3::text[]) as g(token_id, at, signature)
where t.id = g.token_id
  and (t.graduation_timestamp is null or g.at < t.graduation_timestamp
       or (g.at = t.graduation_timestamp and g.signature < t.graduation_signature))`;

const MARK_CURVES_SQL = `
update pools as p set
  status = case when g.amm_pool_id is not null then 'migrated' when p.status = 'active' then 'complete' else p.status end,
  migrated_to_pool_id = coalesce(p.migrated_to_pool_id, g.amm_pool_id),
  bonding_curve_progress = case when p.pool_type = 'bonding_curve' then 100 else p.bonding_curve_progress end,
  updated_at = now()
from unnest($1::uuid[], $2::uuid[]) as g(curve_id, amm_pool_id)
where p.id = g.curve_id
  and (p.status <> case when g.amm_pool_id is not null then 'migrated' when p.status = 'active' then 'complete' else p.status end
       or p.migrated_to_pool_id is distinct from coalesce(p.migrated_to_pool_id, g.amm_pool_id))`;

export async function applyGraduations(db: Queryable, rows: readonly GraduationRow[]): Promise<void> {
  if (rows.length === 0) return;
  const earliest = new Map<string, GraduationRow>();
  for (const row of rows) {
    const seen = earliest.get(row.tokenId);
    if (!seen || row.blockTime < seen.blockTime) earliest.set(row.tokenId, row);
  }
  const tokens = [...earliest.values()];
  await db.query(GRADUATE_TOKENS_SQL, [tokens.map((r) => r.tokenId), tokens.map((r) => toIso(r.blockTime)), tokens.map((r) => r.signature)]);
  const curves = new Map<string, string | null>();
  for (const row of rows) {
    if (row.curvePoolId === null) continue;
    const amm = row.ammPool?.id ?? null;
    if (!curves.has(row.curvePoolId) || amm !== null) curves.set(row.curvePoolId, amm);
  }
  if (curves.size === 0) return;
  await db.query(MARK_CURVES_SQL, [[...curves.keys()], [...curves.values()]]);
}
