/**
 * `megatron ingest` (the default command): the live service. Subscribes to Yellowstone gRPC from the
 * last committed checkpoint and runs the whole pipeline until SIGINT/SIGTERM.
 */
import type { Command } from './command.js';
import { startApp } from '../app.js';
import { FatalError } from '../shared/errors.js';
import { createYellowstoneSource } from '../stream/yellowstone-source.js';
import { checkYellowstoneEndpoint, describeEndpoint } from '../stream/endpoint-check.js';
import { recordCoverage } from '../postgres/slot-coverage-repository.js';
import { SECOND } from '../shared/time.js';
import { runUntilDone } from './run-app.js';

export const ingestCommand: Command = {
  summary: 'run the service: stream from Yellowstone gRPC into PostgreSQL and Redis (default)',
  usage: 'megatron ingest',
  async run(_args, { config, logger }) {
    if (!config.DATABASE_URL) throw new FatalError('DATABASE_URL is not set', 'Set DATABASE_URL (see .env.example), or try `npm run demo`.');
    const app = await startApp({
      config,
      logger,
      databaseUrl: config.DATABASE_URL,
      // An unreachable endpoint or a rejected x-token stops start-up with the fix (the loop would retry for ever).
      checkSource: async () => {
        const { refusal } = await checkYellowstoneEndpoint({ endpoint: config.GRPC_ENDPOINT, ...(config.GRPC_X_TOKEN ? { xToken: config.GRPC_X_TOKEN } : {}) });
        if (refusal) logger.warn({ component: 'stream', endpoint: describeEndpoint(config.GRPC_ENDPOINT), err: refusal }, 'Yellowstone refused the test subscription: starting anyway, the stream retries with back-off');
      },
      createSource: (ctx) =>
        createYellowstoneSource({
          endpoint: config.GRPC_ENDPOINT,
          ...(config.GRPC_X_TOKEN ? { xToken: config.GRPC_X_TOKEN } : {}),
          commitment: config.GRPC_COMMITMENT,
          loadCheckpoint: ctx.loadCheckpoint,
          committedSlot: ctx.committedSlot,
          onGap: async (gap) => {
            await recordCoverage(ctx.pool, config.STREAM_NAME, gap.fromSlot, gap.toSlot, 'gap', gap.reason);
          },
          queue: ctx.queue,
          logger: ctx.logger,
          pingIntervalMs: config.GRPC_PING_INTERVAL_MS,
          silenceTimeoutMs: config.STREAM_SILENCE_SECONDS * SECOND,
          onSilence: () => ctx.metrics.streamSilenceReconnects.inc(),
          reconnectMaxDelayMs: config.GRPC_RECONNECT_MAX_DELAY_MS,
          startSlot: config.STREAM_START_SLOT ?? null,
        }),
    });
    return runUntilDone(app, logger, config.SHUTDOWN_TIMEOUT_MS);
  },
};
