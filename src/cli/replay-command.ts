/**
 * `megatron replay [--stream NAME] FILE|FOLDER...`: recordings or RPC/Yellowstone JSON through the same
 * pipeline as the live stream, under their own checkpoint name (`--stream`, default `replay`) so they never
 * move the live one. Prints the pipeline's status as JSON when everything is committed.
 */
import { parseArgs } from 'node:util';
import { requireDatabaseUrl, type Command } from './command.js';
import { startApp } from '../app.js';
import { FatalError } from '../shared/errors.js';
import { replayFiles } from './replay-source.js';
import { createFiniteSource } from './finite-source.js';
import { runUntilDone } from './run-app.js';

export const replayCommand: Command = {
  summary: 'feed recordings or RPC/Yellowstone JSON files through the pipeline',
  usage: 'megatron replay [--stream NAME] FILE|FOLDER...',
  async run(args, ctx) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { stream: { type: 'string', default: 'replay' } } });
    if (positionals.length === 0) throw new FatalError('replay needs at least one file or folder', `usage: ${this.usage}`);
    const config = { ...ctx.config, STREAM_NAME: values.stream ?? 'replay' };
    const app = await startApp({
      config,
      logger: ctx.logger,
      databaseUrl: requireDatabaseUrl(ctx),
      http: false,
      coverage: false,
      createSource: createFiniteSource(async (push) => {
        const counts = await replayFiles(positionals, { queue: { push } });
        ctx.logger.info({ component: 'replay', ...counts }, 'replay read everything');
      }),
    });
    const code = await runUntilDone(app, ctx.logger, ctx.config.SHUTDOWN_TIMEOUT_MS);
    ctx.stdout.write(`${JSON.stringify({ replayed: app.pipeline.status() }, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}\n`);
    return code;
  },
};
