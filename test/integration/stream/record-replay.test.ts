import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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
import { toGetTransactionResult } from '../../helpers/rpc-encodings.js';
import { createSyntheticMarket } from '../../../src/simulate/synthetic-market.js';
import { createPipeline } from '../../../src/pipeline/pipeline.js';
import { decodeTransaction } from '../../../src/decoders/index.js';
import { normalizeYellowstoneTransaction } from '../../../src/stream/normalize/from-yellowstone.js';
import { normalizeYellowstoneTransactionBytes } from '../../../src/stream/normalize/from-yellowstone-bytes.js';
import type { TransactionComputeBudget } from '../../../src/contracts/chain-transaction.js';
import type { Batch, BatchResult } from '../../../src/contracts/rows.js';
import type { QuarantineRecord } from '../../../src/contracts/quarantine.js';

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
    // The file that holds no transaction is quarantined and counted, not skipped.
    expect(counts).toEqual({ files: 3, transactions: 1 + 1_946, quarantined: 1, slots: 0 });
    const first = await queue.shift();
    expect(first && isTransactionItem(first) ? itemTransaction(first)!.signature.slice(0, 12) : first?.kind).toBe('trjspFNZZnmB');
    const items = queue.drain(10_000);
    expect(items.at(-1)).toMatchObject({ kind: 'quarantine', record: { stage: 'normalize', kind: 'normalize_failed', reason: `${path}: not a transaction input: an object with keys "hello"; expected an RPC getTransaction or getBlock result (json, jsonParsed, base64, base58, binary), a blockSubscribe or Yellowstone transaction, or a fixture shape of docs/decode-format.md` } });
  });

  it('quarantines and counts every input that is none of the formats, with the file and the reason, and replays the rest', async () => {
    const market = createSyntheticMarket({ seed: 4, tokensPerMinute: 120, tradesPerSecond: 20, startSlot: 420_000_000n, v1Share: 1 });
    const update = market.nextSlot().updates.find((u) => u.transaction)!.transaction!;
    const good = await tempFile('v1.rpc-json.json');
    await writeFile(good, JSON.stringify(toGetTransactionResult(update, 'json', 1, 1_790_000_000)));
    const bad: Record<string, string | Uint8Array> = {
      'garbage.json': '{"garbage":1}',
      'random.bin': Uint8Array.from({ length: 300 }, (_, i) => (i * 167 + 13) % 256),
      'empty.json': '',
      'idl.json': JSON.stringify({ address: 'x', metadata: { name: 'pump' }, instructions: [] }),
      'nothing.json': '[]',
      'not-found.json': JSON.stringify({ jsonrpc: '2.0', id: 1, result: null }),
      'refused.json': JSON.stringify({ jsonrpc: '2.0', id: 1, error: { code: -32015, message: 'Transaction version (1) is not supported by the requesting client' } }),
      'signatures-only.json': JSON.stringify({ blockhash: 'b', parentSlot: 1, blockTime: 2, signatures: ['s'] }),
    };
    const paths: string[] = [];
    for (const [name, content] of Object.entries(bad)) {
      const path = await tempFile(name);
      await writeFile(path, content);
      paths.push(path);
    }
    const emptyFolder = await tempFile('folder-without-json');
    await mkdir(emptyFolder);
    await writeFile(join(emptyFolder, 'README.txt'), 'notes');
    // A recording cut in the middle of its gzip stream: the frames before the cut are replayed.
    const recording = await tempFile('cut.bin.gz');
    const writer = createRecordingWriter(recording);
    for (const u of buildSlotRange(9_000n, 40, 5, { padBytes: 400 })) await writer.write(SubscribeUpdate.encode(u).finish());
    await writer.close();
    const whole = await readFile(recording);
    await writeFile(recording, whole.subarray(0, Math.floor(whole.length / 2)));

    const queue = createBoundedQueue<StreamItem>(10_000);
    const counts = await replayFiles([good, ...paths, emptyFolder, recording], { queue });
    queue.close();
    const items = queue.drain(10_000);
    const quarantined = items.flatMap((item) => (item.kind === 'quarantine' ? [item.record] : []));
    expect(counts.files).toBe(11);
    expect(counts.quarantined).toBe(10);
    expect(quarantined.map((q: QuarantineRecord) => [q.stage, q.kind])).toEqual(Array.from({ length: 10 }, () => ['normalize', 'normalize_failed']));
    const reasons = quarantined.map((q) => q.reason);
    expect(reasons.slice(0, 9)).toEqual([
      `${paths[0]}: not a transaction input: an object with keys "garbage"; expected an RPC getTransaction or getBlock result (json, jsonParsed, base64, base58, binary), a blockSubscribe or Yellowstone transaction, or a fixture shape of docs/decode-format.md`,
      `${paths[1]}: not JSON or NDJSON (binary data)`,
      `${paths[2]}: empty file`,
      `${paths[3]}: not a transaction input: an object with keys "address", "metadata", "instructions"; expected an RPC getTransaction or getBlock result (json, jsonParsed, base64, base58, binary), a blockSubscribe or Yellowstone transaction, or a fixture shape of docs/decode-format.md`,
      `${paths[4]}: holds no transaction`,
      `${paths[5]}: JSON-RPC result is null: the node has no such transaction or block`,
      `${paths[6]}: JSON-RPC error -32015: Transaction version (1) is not supported by the requesting client`,
      `${paths[7]}: getBlock result with signatures only: request transactionDetails "full"`,
      `${emptyFolder}: folder holds no .json, .ndjson or .jsonl file`,
    ]);
    expect(reasons[9]).toMatch(new RegExp(`^${recording.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: recording unreadable: `));
    // The good file's V1 transaction, with its budget, and the recording's frames before the cut.
    const transactions = items.filter(isTransactionItem).map((item) => itemTransaction(item)!);
    expect(transactions[0]?.computeBudget).toStrictEqual(normalizeYellowstoneTransaction(update).ok ? (normalizeYellowstoneTransaction(update) as { tx: { computeBudget: unknown } }).tx.computeBudget : null);
    expect(transactions.length).toBeGreaterThan(1);
    expect(counts.transactions).toBe(transactions.length);
  });

  it('the synthetic market, V1 included, served by the local Geyser server, recorded through the real client and replayed into the pipeline: every trade, every V1 budget', async () => {
    const market = createSyntheticMarket({ seed: 12, tokensPerMinute: 300, tradesPerSecond: 80, startSlot: 430_000_000n, startTime: 1_790_000_000, v1Share: 0.3 });
    const server = await startGeyserServer();
    const budgets = new Map<string, TransactionComputeBudget | undefined>();
    let updates = 0;
    for (const slot of market.slots(12)) {
      server.publish(slot.updates);
      updates += slot.updates.length;
      for (const u of slot.updates) {
        if (!u.transaction) continue;
        const r = normalizeYellowstoneTransaction(u.transaction);
        if (r.ok) budgets.set(r.tx.signature, r.tx.computeBudget);
      }
    }
    const path = await tempFile('market.bin.gz');
    const code = await runRecordCommand(['--out', path, '--from-slot', '430000000', '--max-updates', String(updates)], {
      endpoint: server.endpoint, commitment: 'confirmed', pingIntervalMs: 1_000, logger: createSilentLogger(), print: () => undefined,
    });
    await server.close();
    expect(code).toBe(0);

    const queue = createBoundedQueue<StreamItem>(64);
    const written: Batch[] = [];
    const seen = new Map<string, TransactionComputeBudget | undefined>();
    const pipeline = createPipeline({
      queue, stream: 'v1-replay-test', maxRows: 500, flushIntervalMs: 50, decode: decodeTransaction,
      normalize: (bytes, start, end) => {
        const r = normalizeYellowstoneTransactionBytes(bytes, start, end);
        if (r.ok) seen.set(r.tx.signature, r.tx.computeBudget);
        return r;
      },
      write: async (batch): Promise<BatchResult> => {
        written.push(batch);
        return { rejected: [], tradesInserted: batch.trades.length, durationMs: 0 };
      },
      retryDelayMs: () => null,
      logger: { warn: () => undefined, error: () => undefined, info: () => undefined, debug: () => undefined } as never,
    });
    const running = pipeline.run();
    const counts = await replayFiles([path], { queue });
    queue.close();
    await running;
    expect(counts).toMatchObject({ files: 1, quarantined: 0, transactions: budgets.size });
    expect(seen).toEqual(budgets);
    const v1 = [...seen.values()].filter((b) => b !== undefined);
    expect(v1.length).toBeGreaterThan(budgets.size / 5);
    expect(v1.length).toBeLessThan(budgets.size);
    const trades = written.flatMap((batch) => batch.trades);
    expect(trades.filter((t) => t.success).map((t) => `${t.signature}|${t.ixIndex}`).sort()).toEqual(market.truth.map((t) => `${t.signature}|${t.outerIndex}`).sort());
    expect(trades.filter((t) => !t.success).map((t) => t.signature).sort()).toEqual([...market.failed].sort());
    expect(written.flatMap((batch) => batch.quarantine)).toEqual([]);
  });
});
