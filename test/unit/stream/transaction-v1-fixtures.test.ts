/**
 * Transaction V1 on real mainnet data (../shared/fixtures/2026-12, or its fetched copy): every V1 result
 * reads to a ChainTransaction with its inline compute budget; each base64 result and its json twin (same
 * signature, captured by the same source) read to the same whole ChainTransaction and the same events,
 * V1 and not; and the real V1 bytes read the same again in the base58 and binary encodings and inside a
 * getBlock result of each encoding.
 */
import { readFileSync } from 'node:fs';
import bs58 from 'bs58';
import { describe, expect, it } from 'vitest';
import type { ChainTransaction, NormalizeResult } from '../../../src/contracts/chain-transaction.js';
import { decodeTransaction } from '../../../src/decoders/index.js';
import { eventToJson } from '../../../src/decoders/event-json.js';
import { normalizeRpcBlock } from '../../../src/stream/normalize/from-rpc.js';
import { readTransactionsFromText } from '../../../src/stream/normalize/read-input.js';
import { realTransactionsMissingReason } from '../../helpers/fixtures.js';
import { FIXTURE_LIST, fixturePath, relativeFixturePath } from '../../helpers/fixture-signatures.js';

type Json = Record<string, unknown>;

const recent = FIXTURE_LIST.transactions.filter((t) => t.path.startsWith('2026-12/'));
const v1 = recent.filter((t) => t.version === 1);
const missing = realTransactionsMissingReason(...recent.map(relativeFixturePath));
if (missing !== null) console.warn(missing);

function readFile(entry: (typeof recent)[number]): { json: Json; result: NormalizeResult } {
  const text = readFileSync(fixturePath(entry), 'utf8');
  const parsed = JSON.parse(text) as Json;
  const [result] = readTransactionsFromText(text);
  if (result === undefined) throw new Error(`${entry.path}: nothing read`);
  return { json: ('jsonrpc' in parsed ? parsed.result : parsed) as Json, result };
}

function ok(result: NormalizeResult, what: string): ChainTransaction {
  if (!result.ok) throw new Error(`${what}: quarantined: ${result.quarantine.reason}`);
  return result.tx;
}

const comparable = (tx: ChainTransaction): unknown => ({ ...tx, instructions: tx.instructions.map((ix) => ({ ...ix, data: Buffer.from(ix.data).toString('hex') })) });
const events = (tx: ChainTransaction): unknown => JSON.parse(JSON.stringify(decodeTransaction(tx).events.map(eventToJson)));

/** `transactionConfig` of a json result as our budget type. */
function budgetOf(json: Json): unknown {
  const config = ((json.transaction as Json).message as Json).transactionConfig as Json;
  return {
    priorityFeeLamports: config.priorityFee === null ? null : BigInt(config.priorityFee as number), computeUnitLimit: config.computeUnitLimit,
    loadedAccountsDataSizeLimit: config.loadedAccountsDataSizeLimit, heapSize: config.heapSize,
  };
}

describe.skipIf(missing !== null)('Transaction V1 on real mainnet data (2026-12)', () => {
  it('reads every V1 result (base64 wire form starting 0x81, json with transactionConfig) with its signature, slot and inline budget', () => {
    // Five base64 results and three json ones, six signatures: 4RUXQ and 26GAL come in both encodings.
    expect({ files: v1.length, signatures: new Set(v1.map((t) => t.signature)).size }).toEqual({ files: 8, signatures: 6 });
    for (const entry of v1) {
      const { json, result } = readFile(entry);
      const tx = ok(result, entry.path);
      expect({ signature: tx.signature, slot: tx.slot, blockTime: tx.blockTime }).toEqual({ signature: entry.signature, slot: BigInt(entry.slot!), blockTime: entry.blockTime });
      if (entry.fetch.encoding === 'base64') expect(Buffer.from((json.transaction as string[])[0]!, 'base64')[0]).toBe(0x81);
      else expect(tx.computeBudget).toStrictEqual(budgetOf(json));
      expect(tx.computeBudget?.computeUnitLimit).toBeGreaterThan(0);
      expect(tx.computeBudget?.priorityFeeLamports).toBeGreaterThan(0n);
      // The budget is in the message: no ComputeBudget instruction.
      expect(tx.instructions.filter((ix) => ix.programId === 'ComputeBudget111111111111111111111111111111')).toEqual([]);
      expect(tx.accountKeys.length).toBeGreaterThan(0);
    }
  });

  it('reads each base64 result and its json twin to the same ChainTransaction (accounts, instructions, budget, balances, logs) and the same events', () => {
    const twins = recent.filter((t) => t.fetch.encoding === 'base64' && recent.some((j) => j.signature === t.signature && j.fetch.encoding === 'json'));
    expect(twins.map((t) => `${t.signature.slice(0, 5)} ${String(t.version)}`).sort()).toEqual(['26GAL 1', '27HoM 0', '3KBJW legacy', '4RUXQ 1']);
    for (const base64 of twins) {
      const json = recent.find((j) => j.signature === base64.signature && j.fetch.encoding === 'json')!;
      const fromBase64 = ok(readFile(base64).result, base64.path);
      const fromJson = ok(readFile(json).result, json.path);
      expect(comparable(fromBase64), base64.path).toStrictEqual(comparable(fromJson));
      expect(events(fromBase64)).toStrictEqual(events(fromJson));
      if (base64.version === 1) expect(fromBase64.computeBudget).toStrictEqual(budgetOf(readFile(json).json));
    }
  });

  it('reads the real V1 bytes the same in the base58 and binary encodings, alone and in getBlock results of every encoding', () => {
    const wires = v1.filter((t) => t.fetch.encoding === 'base64').map((entry) => ({ entry, ...readFile(entry) }));
    expect(wires).toHaveLength(5);
    const expected = wires.map(({ entry, result }) => comparable(ok(result, entry.path)));
    const reencode = (json: Json, encoding: 'base64' | 'base58' | 'binary'): Json => {
      const bytes = Buffer.from((json.transaction as string[])[0]!, 'base64');
      const transaction = encoding === 'base64' ? [bytes.toString('base64'), 'base64'] : encoding === 'base58' ? [bs58.encode(bytes), 'base58'] : bs58.encode(bytes);
      return { ...json, transaction };
    };
    for (const encoding of ['base64', 'base58', 'binary'] as const) {
      const alone = wires.map(({ json }) => comparable(ok(readTransactionsFromText(JSON.stringify(reencode(json, encoding)))[0]!, encoding)));
      expect(alone, encoding).toStrictEqual(expected);
      // One block holding them all (a test block: their slots differ, the block's slot and time win).
      const block = { blockhash: 'test', parentSlot: 1, blockTime: 1_791_000_000, transactions: wires.map(({ json }) => { const { slot: _s, blockTime: _t, ...tx } = reencode(json, encoding); return tx; }) };
      const inBlock = normalizeRpcBlock(JSON.parse(JSON.stringify(block)), 2n).map((r, txIndex) => ok(r, `${encoding} block #${txIndex}`));
      expect(inBlock.map((tx) => ({ ...(comparable(tx) as Json), slot: 0n, blockTime: 0, txIndex: null }))).toStrictEqual(expected.map((tx) => ({ ...(tx as Json), slot: 0n, blockTime: 0, txIndex: null })));
      expect(inBlock.map((tx) => [tx.slot, tx.blockTime, tx.txIndex])).toEqual(wires.map((_, i) => [2n, 1_791_000_000, i]));
    }
  });
});
