/**
 * `megatron backtest --from T1 --to T2 [--step-minutes N] [--variant NAME=VALUE,...]... [--no-model]`:
 * replays stored history through scoring and signals; prints the report per score version as JSON.
 * Each --variant overrides scoring variables (e.g. RED_FLAG_TOP10_MAX_PCT=60) for one more version.
 */
import { parseArgs } from 'node:util';
import { parseTimeOption, printJson, withPool, type Command } from './command.js';
import { FatalError } from '../shared/errors.js';
import { loadConfig } from '../config.js';
import { runBacktest } from '../analytics/jobs/backtest.js';
import { signalSettingsFromConfig, scoringSettingsFromConfig } from '../analytics/jobs/settings-from-config.js';
import { createMintFactsReader } from '../analytics/jobs/mint-facts-reader.js';
import { loadGraduationModel } from '../analytics/jobs/scoring-run.js';

export const backtestCommand: Command = {
  summary: 'replay stored history through scoring and signals; report per score version',
  usage: 'megatron backtest --from ISO-TIME --to ISO-TIME [--step-minutes N] [--variant NAME=VALUE,...]... [--no-model]',
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { from: { type: 'string' }, to: { type: 'string' }, 'step-minutes': { type: 'string' }, variant: { type: 'string', multiple: true }, 'no-model': { type: 'boolean' } } });
    const from = parseTimeOption(values.from, 'from');
    const to = parseTimeOption(values.to, 'to');
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
