/**
 * `megatron demo` (`npm run demo`): the whole system on a machine with only Node. It starts an
 * embedded PostgreSQL when DATABASE_URL is unset, migrates, serves the synthetic market through the
 * local Geyser server, and ingests it with the real Yellowstone client into the full pipeline, serving
 * /health and /metrics. Redis is used when REDIS_URL is set and skipped with a notice otherwise.
 */
import type { Command } from './command.js';
import { startApp } from '../app.js';
import { runMigrations } from '../postgres/migrate.js';
import { checkDatabase } from '../postgres/startup-checks.js';
import { createYellowstoneSource } from '../stream/yellowstone-source.js';
import { startGeyserServer } from '../simulate/geyser-server.js';
import { startMarketFeed } from '../simulate/market-feed.js';
import { startEmbeddedPostgresDetached, type EmbeddedDatabase } from '../simulate/embedded-postgres.js';
import { redactUrl } from '../shared/logger.js';
import { sleep, SECOND } from '../shared/time.js';
import { runUntilDone } from './run-app.js';

const DEMO_START_SLOT = 380_000_000n;
const SUMMARY_INTERVAL_MS = 10 * SECOND;

export const demoCommand: Command = {
  summary: 'run everything on a synthetic market (embedded PostgreSQL when DATABASE_URL is unset)',
  usage: 'megatron demo',
  async run(_args, context) {
    const { logger } = context;
    // The synthetic market exists on no chain: reading its mints or token accounts over RPC would only fail.
    const config = { ...context.config, SCORING_MINT_RPC: false, HOLDER_RECONCILE_MAX_TOKENS: 0 };
    const log = logger.child({ component: 'demo' });
    let embedded: EmbeddedDatabase | null = null;
    if (!config.DATABASE_URL) {
      log.info('DATABASE_URL is not set: starting an embedded PostgreSQL');
      embedded = await startEmbeddedPostgresDetached((msg) => log.warn(msg));
    }
    // A DATABASE_URL of the user's: it must answer and exist (the demo migrates it itself).
    if (config.DATABASE_URL) await checkDatabase(config.DATABASE_URL, { migrated: false });
    const databaseUrl = config.DATABASE_URL ?? embedded!.url;
    const server = await startGeyserServer();
    const feed = startMarketFeed(server, { seed: 42, tradesPerSecond: config.DEMO_TRADES_PER_SECOND, tokensPerMinute: 120, startSlot: DEMO_START_SLOT });
    try {
      await runMigrations({ databaseUrl, log: (msg) => log.debug(msg) });
      const app = await startApp({
        config,
        logger,
        databaseUrl,
        createSource: (ctx) =>
          createYellowstoneSource({
            endpoint: server.endpoint,
            commitment: config.GRPC_COMMITMENT,
            loadCheckpoint: ctx.loadCheckpoint,
            committedSlot: ctx.committedSlot,
            onGap: (gap) => log.warn({ gap: { from: gap.fromSlot.toString(), to: gap.toSlot.toString() } }, 'gap reported'),
            queue: ctx.queue,
            logger: ctx.logger,
            pingIntervalMs: config.GRPC_PING_INTERVAL_MS,
            silenceTimeoutMs: config.STREAM_SILENCE_SECONDS * SECOND,
            onSilence: () => ctx.metrics.streamSilenceReconnects.inc(),
            startSlot: DEMO_START_SLOT,
          }),
      });
      log.info({ database: redactUrl(databaseUrl), geyser: server.endpoint, health: `http://127.0.0.1:${app.httpPort}/health`, metrics: `http://127.0.0.1:${app.httpPort}/metrics` }, 'demo running; Ctrl-C to stop');
      const summary = setInterval(() => log.info({ slotsPublished: feed.slotsPublished(), ...app.pipeline.status() }, 'demo progress'), SUMMARY_INTERVAL_MS);
      summary.unref();
      const limit = config.DEMO_DURATION_SECONDS > 0 ? sleep(config.DEMO_DURATION_SECONDS * SECOND) : undefined;
      try {
        return await runUntilDone(app, logger, config.SHUTDOWN_TIMEOUT_MS, limit);
      } finally {
        clearInterval(summary);
      }
    } finally {
      feed.stop();
      await server.close();
      await embedded?.stop();
    }
  },
};
