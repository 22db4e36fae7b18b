/**
 * The project's list of real fixture transactions (test/fixture-signatures.json): well formed, and true
 * of the real files in the folder the tests read (../shared/fixtures, or the copy fetched into
 * .fixtures/): each listed transaction reads with the listed signature, slot, block time and version, a
 * V1 with its inline compute budget.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTransactionsFromText } from '../../../src/stream/normalize/read-input.js';
import { FIXTURES_DIR, REAL_TRANSACTIONS_DIR, realTransactionsMissingReason } from '../../helpers/fixtures.js';
import { FIXTURE_LIST, fixturePath } from '../../helpers/fixture-signatures.js';

const BASE58_SIGNATURE = /^[1-9A-HJ-NP-Za-km-z]{86,88}$/;
const missing = realTransactionsMissingReason();
if (missing !== null) console.warn(missing);

describe('fixture signature list', () => {
  it('names every transaction once, by a signature that matches its file name, fetched in an RPC encoding', () => {
    const { transactions, blocks } = FIXTURE_LIST;
    expect({ transactions: transactions.length, blocks: blocks.length }).toEqual({ transactions: 53, blocks: 3 });
    expect(new Set(transactions.map((t) => t.path)).size).toBe(transactions.length);
    expect(new Set(transactions.map((t) => t.fetch.path)).size).toBe(transactions.length);
    for (const t of transactions) {
      const tag = /__([1-9A-HJ-NP-Za-km-z]{12})\./.exec(t.path)?.[1];
      expect(t.signature, t.path).toMatch(BASE58_SIGNATURE);
      expect(t.signature.startsWith(tag ?? '?'), t.path).toBe(true);
      const format = { json: 'rpc-json', jsonParsed: 'rpc-jsonparsed', base64: 'rpc-base64' }[t.fetch.encoding];
      expect(t.fetch.path, t.path).toBe(t.path.replace(/\.[a-z0-9-]+\.(json|txt)$/, `.${format}.json`));
      if (t.format.startsWith('rpc-')) expect(t.fetch.path).toBe(t.path);
    }
    expect(transactions.filter((t) => t.version === 1).map((t) => t.signature.slice(0, 5)).sort()).toEqual(['1Dnja', '26GAL', '26GAL', '33Kve', '36dHx', '4RUXQ', '4RUXQ', 'dLsNU']);
  });

  it.skipIf(missing !== null)('holds for the real files: signature, slot, block time and version as listed, V1 with its compute budget', () => {
    let read = 0;
    for (const entry of FIXTURE_LIST.transactions) {
      const path = fixturePath(entry);
      if (!existsSync(path) || path.endsWith('.txt')) continue; // not fetched, or a printout no reader parses
      const text = readFileSync(path, 'utf8');
      const [result] = readTransactionsFromText(text, { signature: entry.signature });
      if (result === undefined || !result.ok) throw new Error(`${entry.path}: ${result && !result.ok ? result.quarantine.reason : 'nothing read'}`);
      const tx = result.tx;
      expect(tx.signature, entry.path).toBe(entry.signature);
      // Files that are RPC results carry slot, block time and version; the other captures only what the list took from them.
      const rpcResult = FIXTURES_DIR === null || entry.format.startsWith('rpc-');
      if (rpcResult && entry.slot !== null) expect(tx.slot, entry.path).toBe(BigInt(entry.slot));
      if (rpcResult) expect(tx.blockTime, entry.path).toBe(entry.blockTime);
      if (entry.version !== null) {
        const root = JSON.parse(text) as Record<string, unknown>;
        expect(('jsonrpc' in root ? (root.result as Record<string, unknown>) : root).version, entry.path).toBe(entry.version);
        expect(tx.computeBudget !== undefined, entry.path).toBe(entry.version === 1);
      }
      read += 1;
    }
    expect(read).toBeGreaterThan(REAL_TRANSACTIONS_DIR === FIXTURES_DIR ? 50 : 0);
  });
});
