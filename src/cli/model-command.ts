/**
 * `megatron model train [--now ISO]`: trains the graduation model on the database's history, stores it
 * (ml_models) with its held-out report and prints the report as JSON. `model show`: the active model's report.
 */
import { parseArgs } from 'node:util';
import { parseTimeOption, printJson, withPool, type Command } from './command.js';
import { FatalError } from '../shared/errors.js';
import { readActiveModel } from '../postgres/models-repository.js';
import { trainGraduationModel } from '../analytics/jobs/train-graduation-model.js';
import { GRADUATION_MODEL_NAME } from '../analytics/ml/graduation-model.js';

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
      const now = values.now ? parseTimeOption(values.now, 'now') : new Date();
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
