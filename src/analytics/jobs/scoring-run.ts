/**
 * One scoring run: read the inputs of the tokens to score (as of `asOf`), resolve their mint facts,
 * score them, write token_scores, turn the new scores into signals, and hand one RedisBatch per chunk
 * to `publish` (after the rows are committed: Redis only ever reflects what PostgreSQL holds).
 *
 * Tokens go in chunks of `CHUNK_TOKENS`. The open buys are read once per run, before the first chunk:
 * every chunk decides its signals against that reading and closes the buys its sells close from it.
 */
import type { Queryable } from '../../postgres/pg-pool.js';
import { readScoringInputs, insertTokenScores } from '../../postgres/scores-repository.js';
import { insertSignals, listOpenBuys } from '../../postgres/signals-repository.js';
import { readActiveModel } from '../../postgres/models-repository.js';
import type { RedisBatch } from '../../contracts/cache-batch.js';
import { GRADUATION_MODEL_NAME, graduationModelFromStored, type GraduationModel } from '../ml/graduation-model.js';
import { buildSignalCacheBatch, buildSignals } from '../signals/signal-batch.js';
import { closeBuys } from './signal-tracking-run.js';
import type { OpenPosition, SignalSettings } from '../signals/signal-rules.js';
import type { MintFactsReader } from './mint-facts-reader.js';
import { buildScoreCacheBatch, scoreInputs } from '../scoring/score-batch.js';
import type { ScoringInputs } from '../../contracts/scoring.js';
import type { ScoringSettings } from '../scoring/scoring-settings.js';

const CHUNK_TOKENS = 500;

export interface ScoringRunDeps {
  db: Queryable;
  settings: ScoringSettings;
  signalSettings: SignalSettings;
  mintReader: MintFactsReader;
  publish(batch: RedisBatch): Promise<void>;
}

export interface ScoringRunResult {
  scored: number;
  signals: number;
  modelVersion: string | null;
}

/** Loads the active graduation model (null when none has been trained and accepted yet). */
export async function loadGraduationModel(db: Queryable): Promise<GraduationModel | null> {
  const row = await readActiveModel(db, GRADUATION_MODEL_NAME);
  return row ? graduationModelFromStored(row) : null;
}

export async function runScoring(deps: ScoringRunDeps, tokenIds: readonly string[], asOf: Date): Promise<ScoringRunResult> {
  const model = await loadGraduationModel(deps.db);
  const openBuys = await listOpenBuys(deps.db);
  const open = new Map<string, OpenPosition>(openBuys.map((o) => [o.tokenId, { buyId: o.id, holdRaised: o.holdRaised }]));
  const openById = new Map(openBuys.map((o) => [o.id, o]));
  let scored = 0;
  let signals = 0;
  for (let i = 0; i < tokenIds.length; i += CHUNK_TOKENS) {
    const inputs = await readInputs(deps, tokenIds.slice(i, i + CHUNK_TOKENS), asOf);
    const rows = scoreInputs(inputs, deps.settings, model);
    await insertTokenScores(deps.db, rows);
    const batch = buildSignals(rows, new Map(inputs.map((x) => [x.tokenId, x])), open, deps.signalSettings);
    await insertSignals(deps.db, batch.signals);
    await closeBuys(deps.db, openById, batch.closedBuys);
    const scoresCache = buildScoreCacheBatch(rows);
    await deps.publish({ ...scoresCache, ...buildSignalCacheBatch(batch.signals) });
    scored += rows.length;
    signals += batch.signals.length;
  }
  return { scored, signals, modelVersion: model?.version ?? null };
}

/** Inputs of the tokens with their mint facts resolved. */
export async function readInputs(deps: Pick<ScoringRunDeps, 'db' | 'mintReader'>, tokenIds: readonly string[], asOf: Date, useWalletTags = true): Promise<ScoringInputs[]> {
  const partial = await readScoringInputs(deps.db, tokenIds.map((tokenId) => ({ tokenId, asOf })), { useWalletTags });
  const facts = await deps.mintReader.resolve(partial);
  return partial.map(({ tokenProgram: _program, ...rest }) => ({ ...rest, mintFacts: facts.get(rest.tokenId)! }));
}
