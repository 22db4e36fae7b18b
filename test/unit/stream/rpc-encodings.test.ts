/**
 * Every RPC shape of a transaction reads to the same ChainTransaction: getTransaction and getBlock in
 * json, jsonParsed, base64, base58 and the legacy binary encoding, with legacy, v0 and Transaction V1
 * wire forms, against the live-stream normaliser of the same synthetic transactions. A V1's inline
 * compute budget is kept; malformed V1 bytes and unknown encodings are quarantined with a reason, never
 * read as something else or dropped.
 */
import type { SubscribeUpdate } from '@triton-one/yellowstone-grpc';
import { describe, expect, it } from 'vitest';
import type { ChainTransaction, NormalizeResult } from '../../../src/contracts/chain-transaction.js';
import { normalizeRpcBlock, normalizeRpcTransaction } from '../../../src/stream/normalize/from-rpc.js';
import { normalizeYellowstoneTransaction } from '../../../src/stream/normalize/from-yellowstone.js';
import { readTransactionsFromText } from '../../../src/stream/normalize/read-input.js';
import { parseWireTransaction } from '../../../src/stream/normalize/wire-transaction.js';
import { createSyntheticMarket } from '../../../src/simulate/synthetic-market.js';
import { encodeWireTransaction, RPC_ENCODINGS, toGetBlockResult, toGetTransactionResult, type WireVersion } from '../../helpers/rpc-encodings.js';

type TransactionUpdate = NonNullable<SubscribeUpdate['transaction']>;

/** Instruction data as hex: views of a buffer and copies compare equal. */
function comparable(tx: ChainTransaction): unknown {
  return { ...tx, instructions: tx.instructions.map((ix) => ({ ...ix, data: Buffer.from(ix.data).toString('hex') })) };
}

function ok(result: NormalizeResult | undefined): ChainTransaction {
  if (result === undefined) throw new Error('no result');
  if (!result.ok) throw new Error(`quarantined: ${result.quarantine.reason}`);
  return result.tx;
}

/** The synthetic market's slots: transaction updates with their block time (V1 ones carry `config`). */
function marketSlots(slots: number): Array<{ slot: bigint; blockTime: number; updates: TransactionUpdate[] }> {
  const market = createSyntheticMarket({ seed: 11, tokensPerMinute: 300, tradesPerSecond: 60, startSlot: 410_000_000n, startTime: 1_790_000_000, v1Share: 0.4 });
  return [...market.slots(slots)].map((s) => ({ slot: s.slot, blockTime: s.blockTime, updates: s.updates.flatMap((u) => (u.transaction ? [u.transaction] : [])) }));
}

/** V1 when the update carries a config; otherwise legacy and v0 in turn. */
const versionOf = (update: TransactionUpdate): WireVersion => (update.transaction?.transaction?.message?.config ? 1 : Number(update.transaction?.index ?? 0) % 2 === 0 ? 'legacy' : 0);

describe('RPC encodings', () => {
  const slots = marketSlots(12);
  const updates = slots.flatMap((s) => s.updates.map((update) => ({ update, blockTime: s.blockTime })));

  it('reads getTransaction in json, jsonParsed, base64, base58 and binary, legacy / v0 / V1, as the stream reads the same transaction', () => {
    const seen = { legacy: 0, v0: 0, v1: 0, failed: 0 };
    for (const { update, blockTime } of updates) {
      const version = versionOf(update);
      const expected = { ...ok(normalizeYellowstoneTransaction(update)), blockTime, txIndex: null };
      for (const encoding of RPC_ENCODINGS) {
        const result = toGetTransactionResult(update, encoding, version, blockTime);
        const tx = ok(normalizeRpcTransaction(JSON.parse(JSON.stringify(result))));
        expect(comparable(tx), `${encoding} ${String(version)}`).toStrictEqual(comparable(expected));
      }
      seen[version === 'legacy' ? 'legacy' : version === 0 ? 'v0' : 'v1'] += 1;
      if (!expected.success) seen.failed += 1;
      if (version === 1) expect(expected.computeBudget?.computeUnitLimit).toBeGreaterThan(0);
      else expect(expected.computeBudget).toBeUndefined();
    }
    expect(Object.values(seen).every((n) => n > 0)).toBe(true);
    expect(seen.v1).toBeGreaterThan(50);
  });

  it('reads getBlock in every encoding (bare and in the JSON-RPC envelope): every transaction, in block order, with its position and block time', () => {
    for (const { slot, blockTime, updates: inBlock } of slots.slice(0, 4)) {
      const expected = inBlock.map((u, txIndex) => comparable({ ...ok(normalizeYellowstoneTransaction(u)), blockTime, txIndex }));
      expect(inBlock.some((u) => versionOf(u) === 1)).toBe(true);
      for (const encoding of RPC_ENCODINGS) {
        const block = toGetBlockResult(inBlock, encoding, versionOf, slot, blockTime);
        const direct = normalizeRpcBlock(JSON.parse(JSON.stringify(block)), slot).map((r) => comparable(ok(r)));
        expect(direct, encoding).toStrictEqual(expected);
        const envelope = JSON.stringify({ jsonrpc: '2.0', id: 1, result: block });
        const fromText = readTransactionsFromText(envelope, { slot }).map((r) => comparable(ok(r)));
        expect(fromText, `${encoding} in an envelope`).toStrictEqual(expected);
      }
    }
  });

  it('quarantines, with a reason, an encoding it does not know, base58 data that is not base58 and base64 data that is not base64', () => {
    const { update, blockTime } = updates[0]!;
    const base58 = toGetTransactionResult(update, 'base58', 'legacy', blockTime);
    const base64 = toGetTransactionResult(update, 'base64', 'legacy', blockTime);
    const reasons = [
      { ...base58, transaction: [(base58.transaction as string[])[0], 'base32'] },
      { ...base58, transaction: [`${(base58.transaction as string[])[0]}0OIl`, 'base58'] },
      { ...base64, transaction: [`${(base64.transaction as string[])[0]}!`, 'base64'] },
      { ...base64, transaction: ['', 'base64'] },
      { ...base58, transaction: 'not+base58/' },
    ].map((json) => {
      const r = normalizeRpcTransaction(json);
      return r.ok ? 'read' : `${r.quarantine.stage}/${r.quarantine.kind}: ${r.quarantine.reason}`;
    });
    expect(reasons).toEqual([
      'normalize/normalize_failed: transaction encoding "base32" is not one we read (json, jsonParsed, base64, base58, binary)',
      'normalize/normalize_failed: base58 transaction is not valid base58',
      'normalize/normalize_failed: base64 transaction is not valid base64',
      'normalize/normalize_failed: base64 transaction is empty',
      'normalize/normalize_failed: binary transaction is not valid base58',
    ]);
  });

  it('says why a getBlock without transactions cannot be read instead of reading nothing', () => {
    const results = readTransactionsFromText(JSON.stringify({ blockhash: 'x', parentSlot: 9, blockTime: 1, signatures: ['a', 'b'] }));
    expect(results.map((r) => (r.ok ? 'read' : r.quarantine.reason))).toEqual(['getBlock result with signatures only: request transactionDetails "full"']);
  });
});

describe('Transaction V1 wire form', () => {
  const v1 = marketSlots(6).flatMap((s) => s.updates).filter((u) => versionOf(u) === 1);

  it('reads signatures, keys, instructions and every combination of config fields', () => {
    const budgets = new Set<string>();
    for (const update of v1) {
      const wire = parseWireTransaction(encodeWireTransaction(update, 1));
      const message = update.transaction!.transaction!.message!;
      const config = message.config!;
      expect({
        version: wire.version, lookups: wire.lookupCount, keys: wire.staticKeys.length, instructions: wire.instructions.map((ix) => [ix.programIdIndex, Array.from(ix.accounts), Buffer.from(ix.data).toString('hex')]),
        budget: wire.computeBudget,
      }).toStrictEqual({
        version: 1, lookups: 0, keys: message.accountKeys.length, instructions: message.instructions.map((ix) => [ix.programIdIndex, [...ix.accounts], Buffer.from(ix.data).toString('hex')]),
        budget: {
          priorityFeeLamports: config.priorityFee === undefined ? null : BigInt(config.priorityFee), computeUnitLimit: config.computeUnitLimit ?? null,
          loadedAccountsDataSizeLimit: config.loadedAccountsDataSizeLimit ?? null, heapSize: config.heapSize ?? null,
        },
      });
      budgets.add(`${config.loadedAccountsDataSizeLimit !== undefined}/${config.heapSize !== undefined}`);
    }
    expect(v1.length).toBeGreaterThan(20);
    expect([...budgets].sort()).toEqual(['false/false', 'false/true', 'true/false', 'true/true']);
  });

  it('throws a DecodeError with the offset for every truncation, and for bytes after the signatures', () => {
    const bytes = encodeWireTransaction(v1[0]!, 1);
    for (let cut = 0; cut < bytes.length; cut += 1) {
      expect(() => parseWireTransaction(bytes.subarray(0, cut)), `cut at ${cut}`).toThrowError(/truncated at \d+|not a V1/);
    }
    expect(() => parseWireTransaction(Uint8Array.from([...bytes, 0]))).toThrowError(`V1 transaction has 1 bytes after its signatures`);
  });

  it('rejects a priority fee announced by one of its two mask bits, and skips the slots of mask bits it does not know', () => {
    const bytes = encodeWireTransaction(v1[0]!, 1);
    const mask = new DataView(bytes.buffer, bytes.byteOffset + 4, 4);
    const halfFee = Uint8Array.from(bytes);
    new DataView(halfFee.buffer, 4, 4).setUint32(0, mask.getUint32(0, true) & ~0b10, true);
    expect(() => parseWireTransaction(halfFee)).toThrowError(/priority fee needs both bits 0 and 1/);
    // Bit 5 set with one more 4-byte value after the known ones: read as before, the unknown value skipped.
    // version, header, mask, blockhash (40 bytes), instruction count, address count, addresses, values
    const keyCount = bytes[41] as number;
    const known = 4 * [0, 1, 2, 3, 4].filter((bit) => (mask.getUint32(0, true) & (1 << bit)) !== 0).length;
    const valuesEnd = 42 + keyCount * 32 + known;
    const withBit5 = Uint8Array.from([...bytes.subarray(0, valuesEnd), 9, 9, 9, 9, ...bytes.subarray(valuesEnd)]);
    new DataView(withBit5.buffer, 4, 4).setUint32(0, mask.getUint32(0, true) | (1 << 5), true);
    const plain = parseWireTransaction(bytes);
    expect(parseWireTransaction(withBit5)).toStrictEqual(plain);
  });

  it('quarantines a message version after the signatures other than v0', () => {
    const v0 = encodeWireTransaction(v1[0]!, 0);
    const at = 1 + 64; // one signature
    expect(v0[at]).toBe(0x80);
    const v5 = Uint8Array.from(v0);
    v5[at] = 0x85;
    expect(() => parseWireTransaction(v5)).toThrowError('message version 5 after the signatures: not a legacy, v0 or V1 transaction');
  });
});
