/**
 * One open Yellowstone subscription: sends the request, answers the server's pings, sends our own
 * keep-alive ping every `pingIntervalMs`, and declares the connection dead when nothing (not even a
 * pong) arrived for three ping periods while we were reading.
 *
 * The watchdog (`silenceTimeoutMs`, STREAM_SILENCE_SECONDS) ends the stream with a `StreamSilenceError`
 * when no update and no server ping arrived for that long while we were reading. Pongs to our own pings
 * do not count: they show the connection is alive, not that the feed is (a stream has been seen to stay
 * open and answer for hours while sending nothing). A connection that sends nothing at all, not even a
 * pong, for three ping periods ends with a `StreamSilenceError` too, whichever limit comes first. Time
 * spent waiting for the consumer (backpressure) is never silence.
 *
 * It uses the client package's native layer (`@triton-one/yellowstone-grpc/napi`: the same Rust gRPC
 * client the package's `Client` wraps) and takes each `SubscribeUpdate` as the protobuf bytes the server
 * sent. The package's `Client` would decode every update into an object tree on the main thread; the
 * stream reads the few fields it needs straight from the bytes instead (decoders/transaction/
 * from-yellowstone-bytes.ts: ~30 % less CPU per transaction, measured by `npm run bench -- decode`).
 * At most one `read()` is ahead of the consumer, so a consumer that does not ask for the next update stops
 * the flow (HTTP/2 flow control then stops the server).
 */
import { GrpcClient, type DuplexStream, type JsChannelOptions } from '@triton-one/yellowstone-grpc/napi';
import { SubscribeRequest } from '@triton-one/yellowstone-grpc';
import { pingOrPong } from './update-envelope.js';
import { untilAborted } from '../shared/abort.js';
import { describeError } from '../shared/errors.js';
import type { StreamLogger } from './stream-logger.js';
import { buildSubscribeRequest, type CommitmentName } from './subscribe-request.js';

export interface SubscriptionOptions {
  endpoint: string;
  xToken?: string;
  channelOptions?: JsChannelOptions;
  commitment: CommitmentName;
  programs?: readonly string[];
  fromSlot: bigint | null;
  pingIntervalMs: number;
  logger: StreamLogger;
  onPong: () => void;
  /** End the stream with a `StreamSilenceError` after this long without an update or a server ping (unset = no watchdog). */
  silenceTimeoutMs?: number;
}

/**
 * The stream stayed open but went silent while we were reading: no update and no ping for `silentMs`
 * (the watchdog), or no message at all, not even a pong (the keep-alive check).
 */
export class StreamSilenceError extends Error {
  constructor(
    readonly silentMs: number,
    readonly limitMs: number,
    readonly missing: 'no update and no ping' | 'no message at all, not even a pong' = 'no update and no ping',
  ) {
    super(`stream silent for ${(silentMs / 1000).toFixed(1)} s: ${missing} (limit ${limitMs / 1000} s)`);
    this.name = 'StreamSilenceError';
  }
}

export interface Subscription {
  /** Data updates as protobuf bytes (pings and pongs are handled inside); ends when the stream ends or fails. */
  updates(): AsyncGenerator<Uint8Array>;
  /** Why the stream ended (the gRPC error), or null when it ended cleanly, is still open or we closed it. */
  endError(): unknown;
  close(): void;
}

const SILENT_PING_PERIODS = 3;
/** The watchdog looks this many times per silence limit (so it fires at most a quarter late), within these bounds. */
const WATCHDOG_CHECKS_PER_LIMIT = 4;
const WATCHDOG_MIN_CHECK_MS = 25;
const WATCHDOG_MAX_CHECK_MS = 1_000;

/** Connects (the client's own auto-reconnect off: the caller resumes from its checkpoint) and opens the subscription. */
export async function openSubscription(options: SubscriptionOptions): Promise<Subscription> {
  const client = await GrpcClient.new(options.endpoint, options.xToken ?? null, options.channelOptions ?? null, { enabled: false });
  const request = encodeRequest(buildSubscribeRequest(options));
  const stream: DuplexStream = await client.subscribe(request);
  let endError: unknown = null;
  let lastActivityMs = Date.now();
  /** Last update or server ping (not pongs): what the watchdog measures silence from. */
  let lastFeedMs = lastActivityMs;
  let consumerBusy = false;
  let pingId = 0;
  let closed = false;
  let closedByUs = false;
  // A read pending when we close may never settle: waiting for it ends when this aborts.
  const closing = new AbortController();

  const close = (): void => {
    if (closed) return;
    closed = true;
    closing.abort();
    clearInterval(timer);
    if (watchdog) clearInterval(watchdog);
    try {
      stream.close();
    } catch {
      // already closed by the native side
    }
  };
  const sendPing = (): void => {
    if (closed) return;
    pingId = (pingId % 2_000_000_000) + 1;
    stream.writeRaw(encodeRequest(buildSubscribeRequest({ ...options, fromSlot: null, pingId }))).catch((error: unknown) => {
      options.logger.debug({ error: describeError(error) }, 'keep-alive ping not sent');
    });
  };
  const timer = setInterval(() => {
    const silentMs = Date.now() - lastActivityMs;
    if (!consumerBusy && silentMs > SILENT_PING_PERIODS * options.pingIntervalMs) {
      endError ??= new StreamSilenceError(silentMs, SILENT_PING_PERIODS * options.pingIntervalMs, 'no message at all, not even a pong');
      close();
      return;
    }
    sendPing();
  }, options.pingIntervalMs);
  timer.unref();
  const silenceTimeoutMs = options.silenceTimeoutMs;
  const watchdog = silenceTimeoutMs === undefined ? null : setInterval(() => {
    const silentMs = Date.now() - lastFeedMs;
    if (consumerBusy || silentMs < silenceTimeoutMs) return;
    endError ??= new StreamSilenceError(silentMs, silenceTimeoutMs);
    close();
  }, Math.min(WATCHDOG_MAX_CHECK_MS, Math.max(WATCHDOG_MIN_CHECK_MS, Math.floor(silenceTimeoutMs / WATCHDOG_CHECKS_PER_LIMIT))));
  watchdog?.unref();

  async function* updates(): AsyncGenerator<Uint8Array> {
    // One read always in flight (the native side allows one at a time): the next update crosses from the
    // native thread while this one is handled. Without it each update waits a full thread hop (measured:
    // 3,100 vs 5,500 updates/s in `bench stream`). A read left pending at close must not become an
    // unhandled rejection, and waiting for one must not outlive close (see shared/abort.ts).
    const readNext = (): Promise<Buffer | null | undefined> => {
      const read = stream.read();
      read.catch(() => undefined);
      return read;
    };
    try {
      let next = readNext();
      while (!closed) {
        const update = await untilAborted(next, closing.signal);
        if (update === null || update === undefined) return;
        next = readNext();
        lastActivityMs = Date.now();
        const control = pingOrPong(update);
        if (control === 'ping') {
          lastFeedMs = lastActivityMs;
          sendPing();
          continue;
        }
        if (control === 'pong') {
          options.onPong();
          continue;
        }
        lastFeedMs = lastActivityMs;
        consumerBusy = true;
        yield update;
        consumerBusy = false;
        lastActivityMs = Date.now();
        lastFeedMs = lastActivityMs;
      }
    } catch (error) {
      if (!closedByUs) endError ??= error;
    } finally {
      close();
    }
  }

  return {
    updates,
    endError: () => (closedByUs ? null : endError),
    close() {
      closedByUs = true;
      close();
    },
  };
}

function encodeRequest(request: SubscribeRequest): Buffer {
  const bytes = SubscribeRequest.encode(request).finish();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
