import type { ChainTransaction } from '../../src/contracts/chain-transaction.js';
import { isTransactionItem, type StreamItem } from '../../src/contracts/stream-item.js';
import { normalizeYellowstoneTransactionBytes } from '../../src/stream/normalize/from-yellowstone-bytes.js';

/** The transaction a stream item carries, normalised as the pipeline would (null for other items); throws if it would be quarantined. */
export function itemTransaction(item: StreamItem | undefined): ChainTransaction | null {
  if (!item || !isTransactionItem(item)) return null;
  const result = item.kind === 'transaction' ? { ok: true as const, tx: item.tx } : normalizeYellowstoneTransactionBytes(item.bytes, item.start, item.end);
  if (!result.ok) throw new Error(`transaction quarantined: ${result.quarantine.reason}`);
  return result.tx;
}
