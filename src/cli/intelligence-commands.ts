/**
 * Token-intelligence commands:
 * - `megatron model train [--now ISO]`: trains the graduation model on the database's history, stores it
 *   (ml_models) with its held-out report, prints the report as JSON. `model show`: the active model's report.
 * - `megatron backtest --from T1 --to T2 [--step-minutes N] [--variant NAME=VALUE,...]... [--no-model]`:
 *   replays stored history through scoring and signals; prints the report per score version as JSON.
 *   Each --variant overrides scoring variables (e.g. RED_FLAG_TOP10_MAX_PCT=60) for one more version.
 * - `megatron score --mint MINT`: scores one token now and prints the row (nothing is written).
 */
import { parseArgs } from 'node:util';
import type { Command, CommandContext } from '../cli.js';
import { loadConfig } from '../config.js';
import { FatalError } from '../shared/errors.js';
import { createPgPool, type PgPool } from '../postgres/pg-pool.js';
import { readActiveModel } from '../postgres/models-repository.js';
import { trainGraduationModel } from '../analytics/ml/train-graduation-model.js';
import { GRADUATION_MODEL_NAME } from '../analytics/ml/graduation-model.js';
import { runBacktest } from '../analytics/signals/backtest.js';
import { signalSettingsFromConfig } from '../analytics/signals/signal-settings.js';
import { createMintFactsReader } from '../analytics/scoring/mint-facts-reader.js';
import { loadGraduationModel, readInputs } from '../analytics/scoring/scoring-run.js';
import { scoreInputs } from '../analytics/scoring/score-batch.js';
import { scoringSettingsFromConfig } from '../analytics/scoring/scoring-settings.js';
import { tokenIdOf } from '../pipeline/ids.js';

async function withPool<T>(ctx: CommandContext, work: (pool: PgPool) => Promise<T>): Promise<T> {
  if (!ctx.config.DATABASE_URL) throw new FatalError('DATABASE_URL is not set', 'Set DATABASE_URL to the Megatron database.');
  const pool = createPgPool({ connectionString: ctx.config.DATABASE_URL, max: 2 });
  try {
    return await work(pool);
  } finally {
    await pool.end();
  }
}

function printJson(ctx: CommandContext, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`);
}

function parseTime(value: string | undefined, name: string): Date {
  const time = value ? new Date(value) : null;
  if (!time || Number.isNaN(time.getTime())) throw new FatalError(`--${name} must be an ISO-8601 time, got "${value ?? ''}"`);
  return time;
}

export const modelCommand: Command = {
  summary: 'train the graduation model (model train) or show the active one (model show)',
  usage: 'megatron model train [--now ISO-TIME] | megatron model show',
  async run(args, ctx) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { now: { type: 'string' } } });
    const sub = positionals[0];
    if (sub === 'show') return withPool(ctx, async (pool) => {
      printJson(ctx, await readActiveModel(pool, GRADUATION_MODEL_NAME));
      return 0;
    });
    if (sub !== 'train') throw new FatalError(`unknown model subcommand "${sub ?? ''}"`, 'Use "model train" or "model show".');
    return withPool(ctx, async (pool) => {
      const { config } = ctx;
      const now = values.now ? parseTime(values.now, 'now') : new Date();
      const result = await trainGraduationModel({ db: pool, now, trainingDays: config.ML_TRAINING_DAYS, snapshotMinutes: config.ML_SNAPSHOT_MINUTES, minTokens: config.ML_MIN_TRAINING_TOKENS });
      if (result.status === 'skipped') {
        ctx.stderr.write(`model not trained: ${result.reason}\n`);
        return 1;
      }
      printJson(ctx, { version: result.model.version, activated: result.activated, report: result.model.report });
      return 0;
    });
  },
};

export const backtestCommand: Command = {
  summary: 'replay stored history through scoring and signals; report per score version',
  usage: 'megatron backtest --from ISO-TIME --to ISO-TIME [--step-minutes N] [--variant NAME=VALUE,...]... [--no-model]',
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { from: { type: 'string' }, to: { type: 'string' }, 'step-minutes': { type: 'string' }, variant: { type: 'string', multiple: true }, 'no-model': { type: 'boolean' } } });
    const from = parseTime(values.from, 'from');
    const to = parseTime(values.to, 'to');
    if (to <= from) throw new FatalError('--to must be after --from');
    const stepMinutes = values['step-minutes'] ? Number(values['step-minutes']) : ctx.config.SCORING_INTERVAL_MS / 60_000;
    if (!(stepMinutes > 0)) throw new FatalError('--step-minutes must be a positive number');
    const variants = [scoringSettingsFromConfig(ctx.config), ...(values.variant ?? []).map((v) => scoringSettingsFromConfig(loadConfig({ ...ctx.env, ...parseVariant(v) })))];
    return withPool(ctx, async (pool) => {
      const reports = await runBacktest({
        db: pool, mintReader: createMintFactsReader({ db: pool, rpc: null }), from, to, stepMs: stepMinutes * 60_000,
        activeMinutes: ctx.config.SCORING_ACTIVE_MINUTES, variants, signalSettings: signalSettingsFromConfig(ctx.config),
        model: values['no-model'] ? null : await loadGraduationModel(pool),
      });
      printJson(ctx, reports);
      return 0;
    });
  },
};

function parseVariant(text: string): Record<string, string> {
  const pairs = text.split(',').map((p) => p.split('='));
  if (pairs.some((p) => p.length !== 2 || !p[0])) throw new FatalError(`--variant must be NAME=VALUE[,NAME=VALUE...], got "${text}"`);
  return Object.fromEntries(pairs as Array<[string, string]>);
}

export const scoreCommand: Command = {
  summary: 'score one token now and print the row (nothing is written)',
  usage: 'megatron score --mint MINT',
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { mint: { type: 'string' } } });
    if (!values.mint) throw new FatalError('--mint is required');
    return withPool(ctx, async (pool) => {
      const inputs = await readInputs({ db: pool, mintReader: createMintFactsReader({ db: pool, rpc: null }) }, [tokenIdOf(values.mint!)], new Date());
      if (inputs.length === 0) {
        ctx.stderr.write(`no token with mint ${values.mint}\n`);
        return 1;
      }
      printJson(ctx, scoreInputs(inputs, scoringSettingsFromConfig(ctx.config), await loadGraduationModel(pool))[0]);
      return 0;
    });
  },
};
