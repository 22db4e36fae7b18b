/** `ml_models` reads and writes, and the list of launches the graduation model learns from. */
import type { Queryable } from './pg-pool.js';
import { toJson } from './sql-values.js';

export interface StoredModelRow {
  name: string;
  version: string;
  trainedAt: Date;
  features: string[];
  model: unknown;
  report: unknown;
  isActive: boolean;
}

const INSERT_MODEL_SQL = `
insert into ml_models (name, version, trained_at, features, model, report, is_active)
values ($1, $2, $3, $4, $5, $6, $7)
on conflict (name, version) do update set model = excluded.model, report = excluded.report, is_active = excluded.is_active`;

/** Stores a trained model; an active one deactivates the others of its name (same transaction required by the caller if it matters). */
export async function insertModel(db: Queryable, row: StoredModelRow): Promise<void> {
  if (row.isActive) await db.query(DEACTIVATE_MODELS_SQL, [row.name]);
  await db.query(INSERT_MODEL_SQL, [row.name, row.version, row.trainedAt.toISOString(), row.features, toJson(row.model), toJson(row.report), row.isActive]);
}

const DEACTIVATE_MODELS_SQL = `update ml_models set is_active = false where name = $1 and is_active`;

const READ_ACTIVE_MODEL_SQL = `
select name, version, trained_at, features, model, report, is_active from ml_models
where name = $1 and is_active order by trained_at desc limit 1`;

/** The active model of `name`, or null. */
export async function readActiveModel(db: Queryable, name: string): Promise<StoredModelRow | null> {
  const { rows } = await db.query(READ_ACTIVE_MODEL_SQL, [name]);
  const r = rows[0];
  if (!r) return null;
  return { name: r.name, version: r.version, trainedAt: new Date(r.trained_at), features: r.features, model: r.model, report: r.report, isActive: r.is_active };
}

const TRAINING_LAUNCHES_SQL = `
select id, creation_timestamp, coalesce(is_graduated, false) as is_graduated, graduation_timestamp
from tokens
where creation_timestamp >= $1 and creation_timestamp < $2
  and (coalesce(is_graduated, false) or creation_timestamp < $3::timestamptz - $4::interval)
order by creation_timestamp, id`;

export interface TrainingLaunch {
  tokenId: string;
  creationTime: Date;
  graduated: boolean;
  graduationTime: Date | null;
}

/**
 * Launches in [from, to) whose outcome is known at `now`: graduated, or older than `labelHorizonMinutes`
 * (a launch that has not graduated by then is counted as not graduating).
 */
export async function listTrainingLaunches(db: Queryable, from: Date, to: Date, now: Date, labelHorizonMinutes: number): Promise<TrainingLaunch[]> {
  const { rows } = await db.query(TRAINING_LAUNCHES_SQL, [from.toISOString(), to.toISOString(), now.toISOString(), `${labelHorizonMinutes} minutes`]);
  return rows.map((r) => ({ tokenId: r.id, creationTime: new Date(r.creation_timestamp), graduated: r.is_graduated, graduationTime: r.graduation_timestamp ? new Date(r.graduation_timestamp) : null }));
}
