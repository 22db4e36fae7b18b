/**
 * One open Yellowstone subscription: sends the request, answers the server's pings, sends our own
 * keep-alive ping every `pingIntervalMs`, and declares the connection dead when nothing (not even a
 * pong) arrived for three ping periods while we were reading. Updates are pulled one at a time, so a
 * consumer that does not ask for the next update stops the flow (see `ClientDuplexStream._read`).
 */
import type { YellowstoneClient } from './yellowstone-client.js';
import type { ClientDuplexStream, SubscribeRequest, SubscribeUpdate } from '@triton-one/yellowstone-grpc';
import type { StreamLogger } from './stream-logger.js';
import { buildSubscribeRequest, type CommitmentName } from './subscribe-request.js';

export interface SubscriptionOptions {
  commitment: CommitmentName;
  programs?: readonly string[];
  fromSlot: bigint | null;
  pingIntervalMs: number;
  logger: StreamLogger;
  onPong: () => void;
}

export interface Subscription {
  /** Data updates (pings and pongs are handled inside); ends when the stream ends or fails. */
  updates(): AsyncGenerator<SubscribeUpdate>;
  /** Why the stream ended (the gRPC error), or null when it ended cleanly, is still open or we closed it. */
  endError(): unknown;
  close(): void;
}

const SILENT_PING_PERIODS = 3;

/** Connects the client and opens the subscription stream. */
export async function openSubscription(client: YellowstoneClient, options: SubscriptionOptions): Promise<Subscription> {
  await client.connect();
  const request = buildSubscribeRequest(options);
  const stream = await client.subscribe(request);
  let endError: unknown = null;
  let lastActivityMs = Date.now();
  let consumerBusy = false;
  let pingId = 0;
  let closedByUs = false;
  stream.on('error', (error: unknown) => (endError ??= error));

  const sendPing = (): void => {
    pingId = (pingId % 2_000_000_000) + 1;
    writeRequest(stream, buildSubscribeRequest({ ...options, fromSlot: null, pingId }), options.logger);
  };
  const timer = setInterval(() => {
    const silentMs = Date.now() - lastActivityMs;
    if (!consumerBusy && silentMs > SILENT_PING_PERIODS * options.pingIntervalMs) {
      stream.destroy(new Error(`no message from the server for ${silentMs} ms`));
      return;
    }
    sendPing();
  }, options.pingIntervalMs);
  timer.unref();

  async function* updates(): AsyncGenerator<SubscribeUpdate> {
    try {
      for await (const update of stream as AsyncIterable<SubscribeUpdate>) {
        lastActivityMs = Date.now();
        if (update.ping) {
          sendPing();
          continue;
        }
        if (update.pong) {
          options.onPong();
          continue;
        }
        consumerBusy = true;
        yield update;
        consumerBusy = false;
        lastActivityMs = Date.now();
      }
    } catch (error) {
      endError ??= error;
    } finally {
      clearInterval(timer);
    }
  }

  return {
    updates,
    endError: () => (closedByUs ? null : endError),
    close() {
      closedByUs = true;
      clearInterval(timer);
      if (!stream.destroyed) stream.destroy();
    },
  };
}

/** Writes a request unless the stream is already gone (a late ping must not throw). */
function writeRequest(stream: ClientDuplexStream, request: SubscribeRequest, logger: StreamLogger): void {
  if (stream.destroyed || stream.writableEnded) return;
  stream.write(request, (error: Error | null | undefined) => {
    if (error) logger.debug({ error: error.message }, 'keep-alive ping not sent');
  });
}
