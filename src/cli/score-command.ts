/** `megatron score --mint MINT`: scores one token now and prints the row (nothing is written). */
import { parseArgs } from 'node:util';
import { printJson, withPool, type Command } from './command.js';
import { FatalError } from '../shared/errors.js';
import { createMintFactsReader } from '../analytics/jobs/mint-facts-reader.js';
import { loadGraduationModel, readInputs } from '../analytics/jobs/scoring-run.js';
import { scoreInputs } from '../analytics/scoring/score-batch.js';
import { scoringSettingsFromConfig } from '../analytics/jobs/settings-from-config.js';
import { tokenIdOf } from '../pipeline/ids.js';

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
