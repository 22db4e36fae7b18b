/**
 * The live source: a Yellowstone gRPC subscription that loses nothing across drops and restarts.
 *
 * Reconnect loop (one connection at a time):
 *
 *   start() ─► CONNECTING ──ok──► STREAMING ──stream ends / errors──► WAITING ──backoff──► CONNECTING
 *                  │                  │  │                                ▲
 *                  └──error───────────┼──┼────────────────────────────────┤
 *                                     │  └─silent: no update, no ping for silenceTimeoutMs (watchdog), or
 *                                     │    nothing at all for 3 ping periods → onSilence, counted, logged ─┘
 *                                     └─OUT_OF_RANGE "broadcast from X is not available, last available: Y"
 *                                         → onGap([X, Y-1]) → CONNECTING at once, from Y
 *   stop() from any state ─► STOPPED
 *
 * CONNECTING loads the committed checkpoint C and subscribes with `from_slot = C + 1` (the server replays
 * everything after the last committed slot); updates at or below C are skipped, and a per-slot signature
 * set skips transactions this process already enqueued. Without a checkpoint it starts at `startSlot`,
 * at the first slot this process saw, or at the live head. The client's own auto-reconnect is disabled:
 * it resumes at the live head when the stream drops early, losing the slot in progress.
 * Backpressure: each item is awaited into the bounded queue before the next update is read; while the
 * queue is full nothing reads from the native client and HTTP/2 flow control stops the server.
 * Updates arrive as protobuf bytes and are read without the generated decoder (see subscription.ts).
 */
import type { ChannelOptions } from '@triton-one/yellowstone-grpc';
import type { BoundedQueue } from '../shared/bounded-queue.js';
import { computeBackoffDelayMs } from '../shared/backoff.js';
import { openSubscription, StreamSilenceError, type Subscription } from './subscription.js';
import { describeErrorChain, parseReplayUnavailable } from './out-of-range.js';
import { untilAborted } from '../shared/abort.js';
import { withTimeout } from '../shared/time.js';
import { createSignatureDedupe } from './signature-dedupe.js';
import type { StreamItem } from '../contracts/stream-item.js';
import type { StreamLogger } from './stream-logger.js';
import type { CommitmentName } from './subscribe-request.js';
import { mapSubscribeUpdate } from './update-mapper.js';

/** Slots the server could not replay (both ends inclusive), reported to the coverage ledger. */
export interface SlotGap {
  fromSlot: bigint;
  toSlot: bigint;
  reason: string;
}

export interface YellowstoneSourceOptions {
  /** `http://host:port` (plaintext h2c) or `https://...` (TLS). */
  endpoint: string;
  xToken?: string;
  commitment: CommitmentName;
  /** Program ids to subscribe to; defaults to the decoder registry. */
  programs?: readonly string[];
  /** Last fully committed slot (written by the sink in the same transaction as its rows). */
  loadCheckpoint: () => Promise<bigint | null>;
  /**
   * The checkpoint this process committed last, read whenever a new slot starts: the duplicate filter
   * forgets every slot at or below it (a reconnect resumes after it), so it holds only the slots in
   * flight instead of growing to `dedupeMaxSlots` (~2 million signatures at 2,000 trades/s).
   */
  committedSlot?: () => bigint | null;
  /** Called once per range the server could not replay, before resuming after it. */
  onGap: (gap: SlotGap) => Promise<void> | void;
  queue: BoundedQueue<StreamItem>;
  logger: StreamLogger;
  /** Our own keep-alive ping period; the connection is considered dead after 3 silent periods. */
  pingIntervalMs: number;
  /** First slot when there is no checkpoint yet; null/undefined = live head. */
  startSlot?: bigint | null;
  /**
   * Watchdog: a stream that sends no update and no ping for this long (while we are reading) is closed and
   * reopened from the checkpoint, like any drop (default 60 s: STREAM_SILENCE_SECONDS). Slot updates arrive
   * every ~400 ms on a live chain, so a healthy stream is never that quiet.
   */
  silenceTimeoutMs?: number;
  /** Told each time the watchdog closed a silent stream (before the reconnect): the metric. */
  onSilence?: (silentMs: number) => void;
  /** Longest wait for the connection and the subscription to open (default 10 s). */
  connectTimeoutMs?: number;
  reconnectInitialDelayMs?: number;
  reconnectMaxDelayMs?: number;
  /** Slots remembered for duplicate suppression across reconnects (default 3,000). */
  dedupeMaxSlots?: number;
  channelOptions?: ChannelOptions;
  random?: () => number;
}

export type SourceState = 'idle' | 'connecting' | 'streaming' | 'waiting' | 'stopped';

export interface YellowstoneSourceStatus {
  state: SourceState;
  connected: boolean;
  lastSlotSeen: bigint | null;
  /** Connections opened after the first one. */
  reconnects: number;
  /** Streams the watchdog closed because they were silent (each one followed by a reconnect). */
  silenceReconnects: number;
  gapsReported: number;
  transactionsEnqueued: number;
  quarantined: number;
  duplicatesSkipped: number;
  /** Slots the duplicate filter remembers (bounded by the commits, see `committedSlot`). */
  dedupeSlots: number;
  pongsReceived: number;
  lastError: string | null;
}

export interface YellowstoneSource {
  /** Starts the reconnect loop in the background; resolves once it is running. */
  start(): Promise<void>;
  /** Stops the loop, closes the stream; resolves when the loop has exited. */
  stop(): Promise<void>;
  status(): YellowstoneSourceStatus;
}

const DEFAULT_DEDUPE_MAX_SLOTS = 3_000;
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
const DEFAULT_SILENCE_TIMEOUT_MS = 60_000;

/** Creates the source; nothing connects until `start()`. */
export function createYellowstoneSource(options: YellowstoneSourceOptions): YellowstoneSource {
  const logger = options.logger.child({ component: 'yellowstone-source' });
  const dedupe = createSignatureDedupe(options.dedupeMaxSlots ?? DEFAULT_DEDUPE_MAX_SLOTS);
  const abort = new AbortController();
  const status: YellowstoneSourceStatus = {
    state: 'idle', connected: false, lastSlotSeen: null, reconnects: 0, silenceReconnects: 0, gapsReported: 0,
    transactionsEnqueued: 0, quarantined: 0, duplicatesSkipped: 0, dedupeSlots: 0, pongsReceived: 0, lastError: null,
  };
  let firstSlotSeen: bigint | null = null;
  let floorSlot: bigint | null = null;
  let current: Subscription | null = null;
  let loop: Promise<void> | null = null;

  async function chooseFromSlot(): Promise<{ committed: bigint | null; fromSlot: bigint | null }> {
    const committed = await options.loadCheckpoint();
    if (committed !== null) dedupe.forgetThrough(committed);
    let fromSlot = committed !== null ? committed + 1n : (firstSlotSeen ?? options.startSlot ?? null);
    if (floorSlot !== null && (fromSlot === null || fromSlot < floorSlot)) fromSlot = floorSlot;
    return { committed, fromSlot };
  }

  async function runOnce(): Promise<{ delivered: boolean; error: unknown }> {
    status.state = 'connecting';
    let delivered = false;
    try {
      const { committed, fromSlot } = await chooseFromSlot();
      logger.info({ fromSlot: fromSlot?.toString() ?? 'live', committed: committed?.toString() ?? null }, 'subscribing');
      const silenceTimeoutMs = options.silenceTimeoutMs ?? DEFAULT_SILENCE_TIMEOUT_MS;
      const opening = openSubscription({ ...options, fromSlot, logger, silenceTimeoutMs, onPong: () => (status.pongsReceived += 1) });
      const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
      current = await withTimeout(opening, connectTimeoutMs, () => new Error(`no subscription after ${connectTimeoutMs} ms`), (late) => late.close());
      status.state = 'streaming';
      status.connected = true;
      for await (const update of current.updates()) {
        delivered = true;
        await handleUpdate(update, committed);
        if (abort.signal.aborted) break;
      }
      return { delivered, error: current.endError() };
    } catch (error) {
      return { delivered, error };
    } finally {
      status.connected = false;
      current?.close();
      current = null;
    }
  }

  async function handleUpdate(update: Uint8Array, committed: bigint | null): Promise<void> {
    const outcome = mapSubscribeUpdate(update, { dedupe, committedSlot: committed });
    if ('skipped' in outcome) {
      if (outcome.skipped !== 'other') status.duplicatesSkipped += 1;
      return;
    }
    const item = outcome.item;
    const slot = item.kind === 'quarantine' ? item.record.slot : item.slot;
    if (slot !== null) {
      if (status.lastSlotSeen === null || slot > status.lastSlotSeen) {
        status.lastSlotSeen = slot;
        const committedNow = options.committedSlot?.() ?? null;
        if (committedNow !== null) dedupe.forgetThrough(committedNow);
      }
      if (firstSlotSeen === null) firstSlotSeen = slot;
    }
    await pushUnlessStopped(item);
    if (item.kind === 'transaction_bytes') status.transactionsEnqueued += 1;
    if (item.kind === 'quarantine') status.quarantined += 1;
  }

  /** Enqueues, or gives up when the source is stopped while the queue is full. */
  async function pushUnlessStopped(item: StreamItem): Promise<void> {
    if (options.queue.tryPush(item)) return;
    await untilAborted(options.queue.push(item), abort.signal);
  }

  async function handleEnd(result: { delivered: boolean; error: unknown }, attempt: number): Promise<number> {
    const message = result.error === null || result.error === undefined ? 'stream ended' : describe(result.error);
    status.lastError = message;
    if (result.error instanceof StreamSilenceError) {
      status.silenceReconnects += 1;
      options.onSilence?.(result.error.silentMs);
      logger.warn({ silentMs: result.error.silentMs, limitMs: result.error.limitMs, missing: result.error.missing, lastSlotSeen: status.lastSlotSeen?.toString() ?? null }, 'stream silent (no update, no ping): reconnecting from the checkpoint');
    }
    const refused = parseReplayUnavailable(message);
    if (refused) {
      const gap: SlotGap = { fromSlot: refused.fromSlot, toSlot: refused.availableSlot - 1n, reason: message };
      logger.warn({ fromSlot: gap.fromSlot.toString(), toSlot: gap.toSlot.toString() }, 'slots not replayable: gap reported');
      if (gap.toSlot >= gap.fromSlot) {
        await options.onGap(gap);
        status.gapsReported += 1;
      }
      floorSlot = refused.availableSlot;
      return 0;
    }
    const nextAttempt = result.delivered ? 0 : attempt + 1;
    const delayMs = computeBackoffDelayMs(nextAttempt, {
      initialDelayMs: options.reconnectInitialDelayMs ?? 250,
      maxDelayMs: options.reconnectMaxDelayMs ?? 30_000,
      random: options.random,
    });
    logger.warn({ error: message, delayMs, attempt: nextAttempt }, 'stream closed: reconnecting after back-off');
    status.state = 'waiting';
    await sleepUnlessStopped(delayMs);
    return nextAttempt;
  }

  async function runLoop(): Promise<void> {
    let attempt = 0;
    let opened = 0;
    while (!abort.signal.aborted && !options.queue.closed) {
      if (opened > 0) status.reconnects += 1;
      opened += 1;
      const result = await runOnce();
      if (abort.signal.aborted) break;
      try {
        attempt = await handleEnd(result, attempt);
      } catch (error) {
        logger.error({ error: describe(error) }, 'gap callback failed: retrying after back-off');
        await sleepUnlessStopped(options.reconnectMaxDelayMs ?? 30_000);
      }
    }
    status.state = 'stopped';
  }

  function sleepUnlessStopped(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      abort.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });
  }

  return {
    async start() {
      if (loop) return;
      loop = runLoop().catch((error: unknown) => {
        status.state = 'stopped';
        status.lastError = describe(error);
        logger.error({ error: describe(error) }, 'source loop failed');
      });
    },
    async stop() {
      abort.abort();
      current?.close();
      await loop;
      status.state = 'stopped';
    },
    status: () => ({ ...status, dedupeSlots: dedupe.slotCount }),
  };
}

const describe = describeErrorChain;
