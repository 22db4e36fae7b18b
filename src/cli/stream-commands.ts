/**
 * The stream's on-demand commands, wired to the app:
 * - `replay FILE...`: recordings or RPC/Yellowstone JSON through the same pipeline as the live stream,
 *   under their own checkpoint name (`--stream`, default `replay`) so they never move the live one.
 * - `backfill --from-slot A --to-slot B | --gaps`: fills slots from Solana RPC; ledger gaps are marked
 *   `backfilled` only after every row of the range has committed.
 * - `record --out FILE`: writes the raw updates of the live subscription to a recording.
 */
import { parseArgs } from 'node:util';
import type { Command, CommandContext } from '../cli.js';
import { startApp } from '../app.js';
import { FatalError } from '../shared/errors.js';
import { waitForShutdownSignal } from '../shared/shutdown.js';
import { createPgPool } from '../postgres/pg-pool.js';
import { listGaps, markGapBackfilled } from '../postgres/slot-coverage-repository.js';
import { replayFiles } from './replay-source.js';
import { BACKFILL_USAGE, runBackfillCommand } from './backfill-command.js';
import { RECORD_USAGE, runRecordCommand } from './record-command.js';
import { createFiniteSource } from './finite-source.js';
import { runUntilDone } from './run-app.js';

function requireDatabase(ctx: CommandContext): string {
  if (!ctx.config.DATABASE_URL) throw new FatalError('DATABASE_URL is not set', 'Set DATABASE_URL to the database to write into.');
  return ctx.config.DATABASE_URL;
}

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
      databaseUrl: requireDatabase(ctx),
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

export const backfillCommand: Command = {
  summary: 'fill slots from Solana RPC (a range, or every open gap of the ledger)',
  usage: BACKFILL_USAGE,
  async run(args, ctx) {
    const databaseUrl = requireDatabase(ctx);
    const ledgerPool = createPgPool({ connectionString: databaseUrl, max: 2 });
    const marks: Array<[bigint, bigint, 'backfilled' | 'backfill_failed', string | null]> = [];
    let code = 0;
    try {
      const app = await startApp({
        config: { ...ctx.config, STREAM_NAME: 'backfill' },
        logger: ctx.logger,
        databaseUrl,
        http: false,
        coverage: false,
        createSource: createFiniteSource(async (push) => {
          code = await runBackfillCommand(args, {
            rpcUrl: ctx.config.RPC_URL,
            requestsPerSecond: ctx.config.RPC_REQUESTS_PER_SECOND,
            onTransaction: push,
            ledger: {
              listGaps: () => listGaps(ledgerPool, ctx.config.STREAM_NAME),
              // Recorded once every row has committed (below), never before.
              markGap: async (from, to, status, reason) => (marks.push([from, to, status, reason]), true),
            },
            logger: ctx.logger.child({ component: 'backfill' }),
            print: (line) => ctx.stdout.write(`${line}\n`),
          });
        }),
      });
      await runUntilDone(app, ctx.logger, ctx.config.SHUTDOWN_TIMEOUT_MS);
      for (const [from, to, status, reason] of marks) await markGapBackfilled(ledgerPool, ctx.config.STREAM_NAME, from, to, status, reason);
    } finally {
      await ledgerPool.end();
    }
    return code;
  },
};

export const recordCommand: Command = {
  summary: 'record the raw updates of the live subscription to a file',
  usage: RECORD_USAGE,
  async run(args, ctx) {
    const shutdown = waitForShutdownSignal();
    const abort = new AbortController();
    void shutdown.signal.then(() => abort.abort());
    try {
      return await runRecordCommand(args, {
        endpoint: ctx.config.GRPC_ENDPOINT,
        ...(ctx.config.GRPC_X_TOKEN ? { xToken: ctx.config.GRPC_X_TOKEN } : {}),
        commitment: ctx.config.GRPC_COMMITMENT,
        pingIntervalMs: ctx.config.GRPC_PING_INTERVAL_MS,
        logger: ctx.logger.child({ component: 'record' }),
        print: (line) => ctx.stdout.write(`${line}\n`),
        signal: abort.signal,
      });
    } finally {
      shutdown.dispose();
    }
  },
};
