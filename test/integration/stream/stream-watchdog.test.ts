/**
 * The stream watchdog (STREAM_SILENCE_SECONDS) against the local Geyser server's stall modes: a stream
 * that stays open but sends nothing is closed and reopened from the checkpoint, counted and logged, and
 * every transaction still arrives exactly once. Pongs to our own pings do not keep a stalled feed alive,
 * and a consumer that stops reading (backpressure) is not silence.
 */
import bs58 from 'bs58';
import { afterEach, describe, expect, it } from 'vitest';
import { createBoundedQueue, type BoundedQueue } from '../../../src/shared/bounded-queue.js';
import type { StreamItem } from '../../../src/contracts/stream-item.js';
import { createSilentLogger, type StreamLogger } from '../../../src/stream/stream-logger.js';
import { createYellowstoneSource, type YellowstoneSource } from '../../../src/stream/yellowstone-source.js';
import { startGeyserServer, type GeyserServer } from '../../helpers/geyser-server.js';
import { buildSlotRange } from '../../helpers/stream-test-data.js';
import { itemTransaction } from '../../helpers/stream-items.js';
import { waitUntil } from '../../helpers/megatron-process.js';

const SILENCE_MS = 600;
const open: Array<{ close(): Promise<void> } | { stop(): Promise<void> }> = [];
afterEach(async () => {
  for (const resource of open.splice(0).reverse()) await ('stop' in resource ? resource.stop() : resource.close());
});

interface Checkpoint {
  slot: bigint | null;
}

/** A logger that keeps the messages of warn lines (the source logs each silence). */
function recordingLogger(warnings: string[]): StreamLogger {
  const logger: StreamLogger = {
    ...createSilentLogger(),
    warn: (_obj, msg) => void warnings.push(msg ?? ''),
    child: () => logger,
  };
  return logger;
}

async function startSource(server: GeyserServer, queue: BoundedQueue<StreamItem>, checkpoint: Checkpoint, options: { pingIntervalMs: number; silenceTimeoutMs?: number; warnings?: string[]; silences?: number[] }): Promise<YellowstoneSource> {
  const source = createYellowstoneSource({
    endpoint: server.endpoint, commitment: 'confirmed', queue, logger: options.warnings ? recordingLogger(options.warnings) : createSilentLogger(),
    loadCheckpoint: async () => checkpoint.slot, committedSlot: () => checkpoint.slot, onGap: () => undefined,
    pingIntervalMs: options.pingIntervalMs, reconnectInitialDelayMs: 20, reconnectMaxDelayMs: 200,
    silenceTimeoutMs: options.silenceTimeoutMs ?? SILENCE_MS, onSilence: (silentMs) => options.silences?.push(silentMs),
  });
  open.push(source);
  await source.start();
  return source;
}

/**
 * Reads the queue like the pipeline: counts signatures, and on each confirmed slot commits the
 * checkpoint two slots behind it (batches in flight), so every reconnect replays slots already delivered.
 */
async function consume(queue: BoundedQueue<StreamItem>, checkpoint: Checkpoint, seen: Map<string, number>, untilSlot: bigint): Promise<void> {
  let lastConfirmed: bigint | null = null;
  while (lastConfirmed === null || lastConfirmed < untilSlot) {
    const item = await Promise.race([queue.shift(), new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 20_000))]);
    if (item === 'timeout' || item === undefined) throw new Error(`consumer starved after ${seen.size} transactions`);
    if (item.kind === 'quarantine') throw new Error(`quarantined: ${item.record.reason}`);
    const tx = itemTransaction(item);
    if (tx) seen.set(tx.signature, (seen.get(tx.signature) ?? 0) + 1);
    if (item.kind === 'slot' && item.status === 'confirmed') {
      lastConfirmed = item.slot;
      checkpoint.slot = item.slot - 2n;
    }
  }
}

function signaturesOf(first: bigint, slots: number, perSlot: number): string[] {
  return buildSlotRange(first, slots, perSlot).flatMap((u) => (u.transaction ? [bs58.encode(u.transaction.transaction!.signature)] : []));
}

describe('stream watchdog', () => {
  it('reconnects from the checkpoint when the server goes silent (no updates, no pongs) and loses nothing', async () => {
    const server = await startGeyserServer();
    open.push(server);
    server.publish(buildSlotRange(1_000n, 20, 5));
    const queue = createBoundedQueue<StreamItem>(64);
    const checkpoint: Checkpoint = { slot: 999n };
    const warnings: string[] = [];
    const silences: number[] = [];
    // Keep-alive pings far apart: the connection-dead check (3 ping periods) must not be what fires.
    const source = await startSource(server, queue, checkpoint, { pingIntervalMs: 10_000, warnings, silences });
    const seen = new Map<string, number>();
    await consume(queue, checkpoint, seen, 1_019n);

    server.stall(true, { silent: true });
    server.publish(buildSlotRange(1_020n, 20, 5));
    // Every connection opened while the server is silent is silent too: the watchdog closes each one.
    await waitUntil(async () => source.status().silenceReconnects >= 2, 10_000, () => JSON.stringify(source.status(), (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
    server.stall(false);
    await consume(queue, checkpoint, seen, 1_039n);

    const expected = signaturesOf(1_000n, 40, 5);
    expect({ distinct: seen.size, repeats: [...seen.values()].filter((n) => n !== 1).length }).toEqual({ distinct: 200, repeats: 0 });
    expect([...seen.keys()].sort()).toEqual([...expected].sort());
    const status = source.status();
    expect(status.silenceReconnects).toBeGreaterThanOrEqual(2);
    expect(status.reconnects).toBe(status.silenceReconnects);
    // The callback (the metric) saw each one, each after at least the limit.
    expect(silences).toHaveLength(status.silenceReconnects);
    expect(silences.every((ms) => ms >= SILENCE_MS)).toBe(true);
    expect(warnings.filter((w) => w === 'stream silent (no update, no ping): reconnecting from the checkpoint')).toHaveLength(status.silenceReconnects);
    // Each reconnect resumed after the checkpoint the consumer had committed (two slots behind what it had seen).
    const resumedFrom = server.requests.filter((r) => r.ping === undefined).map((r) => r.fromSlot);
    expect(resumedFrom[0]).toBe('1000');
    expect(resumedFrom.slice(1).every((slot) => slot === '1018')).toBe(true);
    // The replays re-sent slots 1018-1019, which the source had delivered already: skipped, not repeated.
    expect(status.duplicatesSkipped).toBeGreaterThan(0);
  });

  it('does not count pongs as life: a server that answers pings but sends no updates is reconnected too', async () => {
    const server = await startGeyserServer();
    open.push(server);
    server.publish(buildSlotRange(2_000n, 10, 4));
    const queue = createBoundedQueue<StreamItem>(64);
    const checkpoint: Checkpoint = { slot: 1_999n };
    // Pings every 100 ms, answered throughout: the connection-dead check (which counts pongs) stays quiet.
    const source = await startSource(server, queue, checkpoint, { pingIntervalMs: 100 });
    const seen = new Map<string, number>();
    await consume(queue, checkpoint, seen, 2_009n);
    server.stall(true);
    server.publish(buildSlotRange(2_010n, 10, 4));
    const pongsBefore = source.status().pongsReceived;
    await waitUntil(async () => source.status().silenceReconnects >= 1, 10_000, () => `silence reconnects ${source.status().silenceReconnects}`);
    server.stall(false);
    await consume(queue, checkpoint, seen, 2_019n);
    expect(source.status().pongsReceived).toBeGreaterThan(pongsBefore);
    expect({ distinct: seen.size, repeats: [...seen.values()].filter((n) => n !== 1).length }).toEqual({ distinct: 80, repeats: 0 });
  });

  it('counts a connection that sends nothing at all, not even pongs, for 3 ping periods as a silence too, before a longer watchdog limit', async () => {
    const server = await startGeyserServer();
    open.push(server);
    server.publish(buildSlotRange(4_000n, 10, 4));
    const queue = createBoundedQueue<StreamItem>(64);
    const checkpoint: Checkpoint = { slot: 3_999n };
    const silences: number[] = [];
    const source = await startSource(server, queue, checkpoint, { pingIntervalMs: 200, silenceTimeoutMs: 60_000, silences });
    const seen = new Map<string, number>();
    await consume(queue, checkpoint, seen, 4_009n);
    server.stall(true, { silent: true });
    server.publish(buildSlotRange(4_010n, 10, 4));
    await waitUntil(async () => source.status().silenceReconnects >= 1, 10_000, () => `silence reconnects ${source.status().silenceReconnects}`);
    server.stall(false);
    await consume(queue, checkpoint, seen, 4_019n);
    expect(silences.every((ms) => ms > 600 && ms < 60_000)).toBe(true);
    expect({ distinct: seen.size, repeats: [...seen.values()].filter((n) => n !== 1).length }).toEqual({ distinct: 80, repeats: 0 });
  });

  it('does not treat backpressure as silence: a consumer that stops reading for 3 limits causes no reconnect', async () => {
    const server = await startGeyserServer();
    open.push(server);
    server.publish(buildSlotRange(3_000n, 40, 5));
    const queue = createBoundedQueue<StreamItem>(10);
    const checkpoint: Checkpoint = { slot: 2_999n };
    const source = await startSource(server, queue, checkpoint, { pingIntervalMs: 10_000 });
    await waitUntil(async () => queue.size === 10, 10_000, () => `queue holds ${queue.size}`);
    await new Promise((resolve) => setTimeout(resolve, 3 * SILENCE_MS));
    const seen = new Map<string, number>();
    await consume(queue, checkpoint, seen, 3_039n);
    expect(seen.size).toBe(200);
    expect(source.status()).toMatchObject({ silenceReconnects: 0, reconnects: 0 });
  });
});
