import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SubscribeUpdate } from '@triton-one/yellowstone-grpc';
import bs58 from 'bs58';
import { afterAll, describe, expect, it } from 'vitest';
import { runRecordCommand } from '../../../src/cli/record-command.js';
import { replayFiles } from '../../../src/cli/replay-source.js';
import { createBoundedQueue } from '../../../src/shared/bounded-queue.js';
import { createRecordingWriter, readRecording } from '../../../src/stream/recording.js';
import { isTransactionItem, type StreamItem } from '../../../src/contracts/stream-item.js';
import { createSilentLogger } from '../../../src/stream/stream-logger.js';
import { FIXTURES_DIR } from '../../helpers/fixtures.js';
import { startGeyserServer } from '../../helpers/geyser-server.js';
import { buildSlotRange } from '../../helpers/stream-test-data.js';
import { itemTransaction } from '../../helpers/stream-items.js';

describe('record and replay', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });
  const tempFile = async (name: string): Promise<string> => {
    const dir = await mkdtemp(join(tmpdir(), 'megatron-rec-'));
    dirs.push(dir);
    return join(dir, name);
  };

  it('a recording round-trips the updates byte for byte', async () => {
    const path = await tempFile('round-trip.bin.gz');
    const updates = buildSlotRange(7_000n, 50, 4, { padBytes: 300 });
    const writer = createRecordingWriter(path);
    for (const update of updates) await writer.write(SubscribeUpdate.encode(update).finish());
    await writer.close();
    const encode = (update: SubscribeUpdate): string => Buffer.from(SubscribeUpdate.encode(update).finish()).toString('base64');
    const read: string[] = [];
    for await (const bytes of readRecording(path)) read.push(Buffer.from(bytes).toString('base64'));
    expect(read).toEqual(updates.map(encode));
  });

  it('record captures a live subscription through the real client; replay feeds it to the queue', async () => {
    const server = await startGeyserServer();
    server.publish(buildSlotRange(8_000n, 10, 3));
    const path = await tempFile('live.bin.gz');
    const lines: string[] = [];
    const code = await runRecordCommand(['--out', path, '--from-slot', '8000', '--max-updates', '40'], {
      endpoint: server.endpoint, commitment: 'confirmed', pingIntervalMs: 1_000, logger: createSilentLogger(), print: (line) => lines.push(line),
    });
    await server.close();
    expect({ code, lines }).toEqual({ code: 0, lines: [`recorded 40 updates to ${path}`] });

    const queue = createBoundedQueue<StreamItem>(8);
    const items: StreamItem[] = [];
    const consumer = (async () => {
      for (let item = await queue.shift(); item; item = await queue.shift()) items.push(item);
    })();
    const counts = await replayFiles([path], { queue });
    queue.close();
    await consumer;
    expect(counts).toEqual({ files: 1, transactions: 30, quarantined: 0, slots: 10 });
    const expectedOrder = buildSlotRange(8_000n, 10, 3).map((u) => (u.transaction ? bs58.encode(u.transaction.transaction!.signature) : `slot ${u.slot?.slot}`));
    expect(items.map((item) => (isTransactionItem(item) ? itemTransaction(item)!.signature : item.kind === 'slot' ? `slot ${item.slot}` : 'quarantine'))).toEqual(expectedOrder);
  });

  it.skipIf(FIXTURES_DIR === null)('replays RPC JSON files and getBlock captures through the same queue', async () => {
    const queue = createBoundedQueue<StreamItem>(10_000);
    const path = await tempFile('not-a-transaction.json');
    await writeFile(path, '{"hello": "world"}');
    const counts = await replayFiles([join(FIXTURES_DIR as string, 'transactions/pump/sell__trjspFNZZnmB.rpc-json.json'), join(FIXTURES_DIR as string, 'blocks/block_318124628.getblock.json'), path], { queue });
    expect(counts).toEqual({ files: 3, transactions: 1 + 1_946, quarantined: 0, slots: 0 });
    const first = await queue.shift();
    expect(first && isTransactionItem(first) ? itemTransaction(first)!.signature.slice(0, 12) : first?.kind).toBe('trjspFNZZnmB');
  });
});
