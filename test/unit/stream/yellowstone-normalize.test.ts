/**
 * normalizeYellowstoneTransaction (cached base58, reused bigints) against a plain reference written with
 * bs58 and BigInt on every value: whole ChainTransaction objects must be equal. The bytes normaliser (what
 * the live stream runs) must give exactly what the object one gives from the same bytes decoded by the
 * client package's generated code — on random messages, on the synthetic market (both programs, failed
 * transactions, Transaction V1 with its `Message.config` compute budget, block meta, slots), and never
 * throw on corrupt bytes.
 */
import bs58 from 'bs58';
import { SubscribeUpdate, type SubscribeUpdateTransaction } from '@triton-one/yellowstone-grpc';
import { describe, expect, it } from 'vitest';
import { normalizeYellowstoneTransaction } from '../../../src/stream/normalize/from-yellowstone.js';
import { normalizeYellowstoneTransactionBytes } from '../../../src/stream/normalize/from-yellowstone-bytes.js';
import { readUpdateEnvelope } from '../../../src/stream/update-envelope.js';
import { createSyntheticMarket } from '../../../src/simulate/synthetic-market.js';
import type { ChainInstruction, ChainTransaction } from '../../../src/contracts/chain-transaction.js';

interface Ix { programIdIndex: number; accounts: Uint8Array; data: Uint8Array; stackHeight?: number }

function makeRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
}

function buildUpdate(n: number): SubscribeUpdateTransaction {
  const next = makeRandom(1000 + n);
  const key = (i: number) => {
    const k = Uint8Array.from({ length: 32 }, () => next() & 0xff);
    if (i % 5 === 0) k.fill(0, 0, (n + i) % 4); // leading zero bytes
    return k;
  };
  const staticKeys = Array.from({ length: 6 + (n % 5) }, (_, i) => key(i));
  const writable = Array.from({ length: n % 3 }, (_, i) => key(i + 40));
  const readonly = Array.from({ length: n % 2 }, (_, i) => key(i + 80));
  const total = staticKeys.length + writable.length + readonly.length;
  const ix = (): Ix => ({ programIdIndex: next() % total, accounts: Uint8Array.from({ length: next() % 6 }, () => next() % total), data: Uint8Array.from({ length: next() % 20 }, () => next() & 0xff) });
  const outer = Array.from({ length: 1 + (n % 4) }, ix);
  const inner = [{ index: 0, instructions: [{ ...ix(), stackHeight: 2 }, ix()] }];
  // Every third message is a Transaction V1: a config with each field present or not (u64 above 2^53 too).
  const config = n % 3 === 0 ? {
    priorityFee: n % 2 === 0 ? String(BigInt(next()) * 4_294_967_296n + BigInt(next())) : undefined,
    computeUnitLimit: n % 4 === 0 ? undefined : next() % 1_400_001, loadedAccountsDataSizeLimit: n % 5 === 0 ? next() : undefined, heapSize: n % 7 === 0 ? 262_144 : undefined,
  } : undefined;
  const pre = Array.from({ length: total }, () => String(next()));
  const post = pre.map((b, i) => (i % 3 === 0 ? String(next()) : String(b)));
  const tokenBalance = (i: number) => ({ accountIndex: i % (total + 1), mint: bs58.encode(key(i)), owner: i % 2 === 0 ? '' : bs58.encode(key(i + 1)), programId: '', uiTokenAmount: { uiAmount: 1, decimals: 6, amount: String(next()) + '000000000', uiAmountString: '1' } });
  return {
    slot: String(300_000_000 + n),
    transaction: {
      signature: Uint8Array.from({ length: 64 }, (_, i) => (i < n % 3 ? 0 : next() & 0xff)), isVote: false, index: String(n),
      transaction: { signatures: [], message: { header: undefined, accountKeys: staticKeys, recentBlockhash: new Uint8Array(32), instructions: outer, versioned: true, addressTableLookups: [], config } },
      meta: {
        err: undefined, fee: String(5000 + n), preBalances: pre, postBalances: post, innerInstructions: inner, innerInstructionsNone: false,
        logMessages: [`log ${n}`], logMessagesNone: false, preTokenBalances: [tokenBalance(1)], postTokenBalances: [tokenBalance(2), tokenBalance(3)],
        rewards: [], loadedWritableAddresses: writable, loadedReadonlyAddresses: readonly, returnData: undefined, returnDataNone: true,
      },
    },
  } as unknown as SubscribeUpdateTransaction;
}

/** The obvious version: every key through bs58, every balance through BigInt. */
function normalizeReference(update: SubscribeUpdateTransaction): ChainTransaction {
  const info = update.transaction!;
  const meta = info.meta!;
  const message = info.transaction!.message!;
  const keys = [...message.accountKeys, ...meta.loadedWritableAddresses, ...meta.loadedReadonlyAddresses].map((k) => bs58.encode(k));
  const resolve = (ix: Ix, outerIndex: number, innerIndex: number | null): ChainInstruction => ({
    programId: keys[ix.programIdIndex] ?? '', accounts: [...ix.accounts].map((a) => keys[a] ?? ''), data: ix.data,
    stackHeight: innerIndex === null ? 1 : (ix.stackHeight ?? 2), outerIndex, innerIndex,
  });
  const instructions = (message.instructions as Ix[]).flatMap((ix, o) => [resolve(ix, o, null),
    ...((meta.innerInstructions.find((g) => g.index === o)?.instructions ?? []) as Ix[]).map((inner, i) => resolve(inner, o, i))]);
  const balances = (list: typeof meta.preTokenBalances) => list.map((b) => ({
    accountIndex: b.accountIndex, account: keys[b.accountIndex] ?? null, mint: b.mint, owner: b.owner === '' ? null : b.owner,
    programId: b.programId === '' ? null : b.programId, amount: BigInt(b.uiTokenAmount!.amount), decimals: b.uiTokenAmount!.decimals,
  }));
  const config = message.config;
  return {
    signature: bs58.encode(info.signature), slot: BigInt(update.slot), txIndex: Number(info.index), blockTime: null, success: true,
    err: null, errorCode: null, fee: BigInt(meta.fee), accountKeys: keys, instructions, logMessages: meta.logMessages,
    preTokenBalances: balances(meta.preTokenBalances), postTokenBalances: balances(meta.postTokenBalances),
    preBalances: meta.preBalances.map((b) => BigInt(b)), postBalances: meta.postBalances.map((b) => BigInt(b)),
    ...(config ? { computeBudget: {
      priorityFeeLamports: config.priorityFee === undefined ? null : BigInt(config.priorityFee), computeUnitLimit: config.computeUnitLimit ?? null,
      loadedAccountsDataSizeLimit: config.loadedAccountsDataSizeLimit ?? null, heapSize: config.heapSize ?? null,
    } } : {}),
  };
}

describe('normalizeYellowstoneTransaction', () => {
  it('gives the same whole ChainTransaction as a plain bs58 / BigInt reference (twice: cache miss, then hit)', () => {
    const updates = Array.from({ length: 300 }, (_, n) => buildUpdate(n));
    for (let round = 0; round < 2; round += 1) {
      for (const update of updates) {
        const r = normalizeYellowstoneTransaction(update);
        expect(r.ok ? r.tx : r.quarantine).toStrictEqual(normalizeReference(update));
      }
    }
  });
});

/** The bytes path: envelope, then the transaction message inside it. */
function normalizeBytes(bytes: Uint8Array) {
  const envelope = readUpdateEnvelope(bytes);
  if (envelope.kind !== 'transaction') throw new Error(`not a transaction: ${envelope.kind}`);
  return normalizeYellowstoneTransactionBytes(bytes, envelope.start, envelope.end);
}

describe('normalizeYellowstoneTransactionBytes', () => {
  it('gives the reference ChainTransaction from the encoded random messages', () => {
    for (let n = 0; n < 300; n += 1) {
      const update = buildUpdate(n);
      const bytes = SubscribeUpdate.encode({ filters: ['f'], transaction: update } as unknown as SubscribeUpdate).finish();
      const r = normalizeBytes(bytes);
      expect(r.ok ? r.tx : r.quarantine).toStrictEqual(normalizeReference(update));
    }
  });

  it('equals the object normaliser on every update of the synthetic market (V1 included), and reads slot and block-meta updates', () => {
    const market = createSyntheticMarket({ seed: 5, tokensPerMinute: 600, tradesPerSecond: 300, startSlot: 330_000_000n, startTime: 1_767_000_000, v1Share: 0.3 });
    const kinds = new Map<string, number>();
    let failed = 0;
    const budgets = { v1: 0, failedV1: 0, withHeap: 0, legacyOrV0: 0 };
    for (let s = 0; s < 60; s += 1) {
      for (const update of market.nextSlot().updates) {
        const bytes = SubscribeUpdate.encode(update).finish();
        const decoded = SubscribeUpdate.decode(bytes);
        const envelope = readUpdateEnvelope(bytes);
        kinds.set(envelope.kind, (kinds.get(envelope.kind) ?? 0) + 1);
        if (envelope.kind === 'transaction') {
          const viaObjects = normalizeYellowstoneTransaction(decoded.transaction!);
          const viaBytes = normalizeYellowstoneTransactionBytes(bytes, envelope.start, envelope.end);
          expect(viaBytes).toStrictEqual(viaObjects);
          expect(envelope.slot).toBe(BigInt(decoded.transaction!.slot));
          if (viaBytes.ok && !viaBytes.tx.success) failed += 1;
          const budget = viaBytes.ok ? viaBytes.tx.computeBudget : undefined;
          const config = decoded.transaction!.transaction!.transaction!.message!.config;
          expect(budget === undefined).toBe(config === undefined);
          if (budget === undefined) budgets.legacyOrV0 += 1;
          else {
            budgets.v1 += 1;
            expect(budget).toStrictEqual({ priorityFeeLamports: BigInt(config!.priorityFee!), computeUnitLimit: config!.computeUnitLimit, loadedAccountsDataSizeLimit: config!.loadedAccountsDataSizeLimit ?? null, heapSize: config!.heapSize ?? null });
            if (viaBytes.ok && !viaBytes.tx.success) budgets.failedV1 += 1;
            if (budget.heapSize !== null) budgets.withHeap += 1;
          }
        } else if (envelope.kind === 'slot') {
          expect(envelope).toEqual({ kind: 'slot', slot: BigInt(decoded.slot!.slot), status: decoded.slot!.status });
        } else if (envelope.kind === 'block_meta') {
          expect(envelope).toEqual({ kind: 'block_meta', slot: BigInt(decoded.blockMeta!.slot), blockTime: Number(decoded.blockMeta!.blockTime!.timestamp) });
        }
      }
    }
    expect(kinds.get('transaction')).toBeGreaterThan(1_000);
    expect(kinds.get('slot')).toBeGreaterThan(0);
    expect(kinds.get('block_meta')).toBe(60);
    expect(failed).toBeGreaterThan(0);
    expect(budgets.v1).toBeGreaterThan(200);
    expect(budgets.legacyOrV0).toBeGreaterThan(budgets.v1);
    expect(budgets.failedV1).toBeGreaterThan(0);
    expect(budgets.withHeap).toBeGreaterThan(0);
  });

  it('tells pings and pongs apart without decoding', () => {
    expect(readUpdateEnvelope(SubscribeUpdate.encode({ filters: ['a'], ping: {} } as unknown as SubscribeUpdate).finish())).toEqual({ kind: 'ping' });
    expect(readUpdateEnvelope(SubscribeUpdate.encode({ filters: [], pong: { id: 7 } } as unknown as SubscribeUpdate).finish())).toEqual({ kind: 'pong' });
    expect(readUpdateEnvelope(new Uint8Array(0))).toEqual({ kind: 'other' });
  });

  it('never throws on truncated or corrupted bytes: the transaction is either read or quarantined with its bytes', () => {
    const next = makeRandom(77);
    let quarantined = 0;
    for (let n = 0; n < 400; n += 1) {
      const bytes = SubscribeUpdate.encode({ filters: [], transaction: buildUpdate(n) } as unknown as SubscribeUpdate).finish().slice();
      const envelope = readUpdateEnvelope(bytes);
      if (envelope.kind !== 'transaction') throw new Error('expected a transaction');
      const cut = n % 2 === 0 ? envelope.start + (next() % (envelope.end - envelope.start)) : envelope.end;
      if (n % 2 === 1) for (let k = 0; k < 4; k += 1) bytes[envelope.start + (next() % (envelope.end - envelope.start))] = next() & 0xff;
      const result = normalizeYellowstoneTransactionBytes(bytes, envelope.start, cut);
      if (!result.ok) {
        quarantined += 1;
        expect(result.quarantine.stage).toBe('normalize');
        expect(result.quarantine.raw.length).toBeGreaterThan(0);
        expect(result.quarantine.reason.length).toBeGreaterThan(0);
      }
    }
    expect(quarantined).toBeGreaterThan(100);
  });
});
