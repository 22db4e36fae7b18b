/**
 * `megatron record --out FILE [--from-slot N] [--max-updates N] [--duration-seconds N]`: subscribes with
 * the same request as ingest and writes every raw update to a recording until a limit is reached, the
 * signal aborts (Ctrl-C) or the stream ends. No reconnect: a recording is one continuous capture.
 */
import { parseArgs } from 'node:util';
import type { Command } from './command.js';
import { waitForShutdownSignal } from '../shared/shutdown.js';
import { createRecordingWriter } from '../stream/recording.js';
import type { StreamLogger } from '../stream/stream-logger.js';
import type { CommitmentName } from '../stream/subscribe-request.js';
import { openSubscription } from '../stream/subscription.js';
import { describeErrorChain } from '../stream/out-of-range.js';

export interface RecordCommandDeps {
  endpoint: string;
  xToken?: string;
  commitment: CommitmentName;
  pingIntervalMs: number;
  logger: StreamLogger;
  print(line: string): void;
  /** Aborting ends the recording cleanly (the file is flushed). */
  signal?: AbortSignal;
}

export const RECORD_USAGE = 'megatron record --out FILE [--from-slot N] [--max-updates N] [--duration-seconds N]';

/** Records; returns the exit code (0 when the file was written and closed). */
export async function runRecordCommand(args: string[], deps: RecordCommandDeps): Promise<number> {
  let values;
  try {
    values = parseArgs({ args, options: { out: { type: 'string' }, 'from-slot': { type: 'string' }, 'max-updates': { type: 'string' }, 'duration-seconds': { type: 'string' } } }).values;
  } catch (error) {
    deps.print(`${describeErrorChain(error)}\nusage: ${RECORD_USAGE}`);
    return 2;
  }
  const numeric = [values['from-slot'], values['max-updates'], values['duration-seconds']].every((v) => v === undefined || /^\d+$/.test(v));
  if (!values.out || !numeric) {
    deps.print(`--out is required; numbers must be whole numbers\nusage: ${RECORD_USAGE}`);
    return 2;
  }
  const maxUpdates = values['max-updates'] === undefined ? Infinity : Number(values['max-updates']);
  const subscription = await openSubscription({
    endpoint: deps.endpoint, ...(deps.xToken ? { xToken: deps.xToken } : {}), commitment: deps.commitment, pingIntervalMs: deps.pingIntervalMs, logger: deps.logger, onPong: () => undefined,
    fromSlot: values['from-slot'] === undefined ? null : BigInt(values['from-slot']),
  });
  const stop = (): void => subscription.close();
  deps.signal?.addEventListener('abort', stop, { once: true });
  const timer = values['duration-seconds'] === undefined ? null : setTimeout(stop, Number(values['duration-seconds']) * 1_000);
  const writer = createRecordingWriter(values.out);
  try {
    for await (const update of subscription.updates()) {
      await writer.write(update);
      if (writer.updatesWritten >= maxUpdates) break;
    }
  } finally {
    if (timer) clearTimeout(timer);
    subscription.close();
    await writer.close();
  }
  const error = subscription.endError();
  deps.print(`recorded ${writer.updatesWritten} updates to ${values.out}${error ? ` (stream ended: ${describeErrorChain(error)})` : ''}`);
  return 0;
}

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
