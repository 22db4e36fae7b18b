import type { ChainTransaction } from '../../src/contracts/chain-transaction.js';
import { isTransactionItem, type StreamItem } from '../../src/contracts/stream-item.js';
import { materializeTransaction } from '../../src/stream/update-mapper.js';

/** The transaction a stream item carries, normalised as the pipeline would (null for other items); throws if it would be quarantined. */
export function itemTransaction(item: StreamItem | undefined): ChainTransaction | null {
  if (!item || !isTransactionItem(item)) return null;
  const result = materializeTransaction(item);
  if (!result.ok) throw new Error(`transaction quarantined: ${result.quarantine.reason}`);
  return result.tx;
}
