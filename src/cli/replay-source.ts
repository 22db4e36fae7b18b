/**
 * `megatron replay FILE...`: feeds recordings (gzip, see src/stream/recording.ts) and JSON inputs
 * (RPC getTransaction / getBlock results, Yellowstone JSON, fixture folders — whatever
 * `readTransactionFiles` understands) through the same bounded queue as the live stream.
 * Input that is none of these (not JSON, no transaction in it, a transaction that cannot be read, a
 * recording that breaks off corrupt) is quarantined (`normalize_failed`, the reason naming the file) and
 * counted in `quarantined`, never skipped in silence.
 */
import { open, stat } from 'node:fs/promises';
import { readTransactionFiles } from '../stream/transaction-files.js';
import type { BoundedQueue } from '../shared/bounded-queue.js';
import { GZIP_MAGIC, readRecording } from '../stream/recording.js';
import { createSignatureDedupe } from '../stream/signature-dedupe.js';
import { isTransactionItem, transactionItem, type StreamItem } from '../contracts/stream-item.js';
import { mapSubscribeUpdate } from '../stream/update-mapper.js';
import { normalizeFailure } from '../stream/normalize/normalize-failure.js';
import { describeError } from '../shared/errors.js';

/** What the files held, as read (the summary the command prints is the pipeline's own status). */
export interface ReplayCounts {
  files: number;
  /**
   * Transactions read. A recording's transactions are normalised later, by the pipeline (as on the live
   * stream): one that fails there is counted here and in the pipeline's `quarantined`.
   */
  transactions: number;
  /**
   * Inputs that could not be read (quarantined before the pipeline): a file that is not JSON or holds no
   * transaction, each transaction of a file that could not be normalised, a recording that breaks off.
   */
  quarantined: number;
  slots: number;
}

export interface ReplayOptions {
  /** Where items go: the bounded queue (waits while it is full), or any function with the same contract. */
  queue: Pick<BoundedQueue<StreamItem>, 'push'>;
}

/** Replays every path in order; resolves when the last item is in the queue (not when it is consumed). */
export async function replayFiles(paths: readonly string[], options: ReplayOptions): Promise<ReplayCounts> {
  const counts: ReplayCounts = { files: 0, transactions: 0, quarantined: 0, slots: 0 };
  const push = async (item: StreamItem): Promise<void> => {
    if (isTransactionItem(item)) counts.transactions += 1;
    else if (item.kind === 'quarantine') counts.quarantined += 1;
    else counts.slots += 1;
    await options.queue.push(item);
  };
  for (const path of paths) {
    counts.files += 1;
    if (await isRecording(path)) await replayRecording(path, push);
    else for (const file of await readTransactionFiles(path)) {
      for (const result of file.results) await push(result.ok ? transactionItem(result.tx) : { kind: 'quarantine', record: result.quarantine });
    }
  }
  return counts;
}

async function replayRecording(path: string, push: (item: StreamItem) => Promise<void>): Promise<void> {
  const context = { dedupe: createSignatureDedupe(3_000), committedSlot: null };
  try {
    for await (const update of readRecording(path)) {
      const outcome = mapSubscribeUpdate(update, context);
      if ('item' in outcome) await push(outcome.item);
    }
  } catch (error) {
    // What came before the corruption is replayed; the rest of the file cannot be read.
    const failure = normalizeFailure(new Error(`${path}: recording unreadable: ${describeError(error)}`), null, null, null);
    if (!failure.ok) await push({ kind: 'quarantine', record: failure.quarantine });
  }
}

/** True when the file starts with the gzip magic bytes. */
async function isRecording(path: string): Promise<boolean> {
  if ((await stat(path)).isDirectory()) return false;
  const handle = await open(path, 'r');
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === GZIP_MAGIC[0] && buffer[1] === GZIP_MAGIC[1];
  } finally {
    await handle.close();
  }
}
