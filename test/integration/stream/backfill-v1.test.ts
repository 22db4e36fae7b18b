/**
 * RPC backfill of a range that holds Transaction V1: the local JSON-RPC stand-in answers -32015 to a
 * request whose maxSupportedTransactionVersion is below a transaction's version, as a real node does, and
 * the backfill (both strategies) asks for version 1 and hands on every transaction — V1 with its inline
 * compute budget — exactly as the live stream normalises it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubscribeUpdate } from '@triton-one/yellowstone-grpc';
import type { ChainTransaction } from '../../../src/contracts/chain-transaction.js';
import type { StreamItem } from '../../../src/contracts/stream-item.js';
import { createRpcClient, RpcError } from '../../../src/rpc/rpc-client.js';
import { createSyntheticMarket } from '../../../src/simulate/synthetic-market.js';
import { runBackfill } from '../../../src/stream/backfill.js';
import { normalizeYellowstoneTransaction } from '../../../src/stream/normalize/from-yellowstone.js';
import { startRpcServer, type RpcServer } from '../../helpers/rpc-server.js';
import { toGetTransactionResult, type WireVersion } from '../../helpers/rpc-encodings.js';

type TransactionUpdate = NonNullable<SubscribeUpdate['transaction']>;
const START = 450_000_000n;
const PUMP = '6EF8rrecthR5Dkzon8Nwu78hRvfCKubJ14M5uBEwF6P';

const versionOf = (u: TransactionUpdate): WireVersion => (u.transaction?.transaction?.message?.config ? 1 : Number(u.transaction?.index ?? 0) % 2 === 0 ? 'legacy' : 0);
const comparable = (tx: ChainTransaction): unknown => ({ ...tx, instructions: tx.instructions.map((ix) => ({ ...ix, data: Buffer.from(ix.data).toString('hex') })) });

describe('backfill of Transaction V1', () => {
  let rpc: RpcServer;
  const expected = new Map<string, unknown>();
  let v1Signature = '';

  beforeAll(async () => {
    rpc = await startRpcServer();
    const market = createSyntheticMarket({ seed: 13, tokensPerMinute: 200, tradesPerSecond: 25, startSlot: START, startTime: 1_790_000_000, v1Share: 0.5 });
    for (const slot of market.slots(4)) {
      for (const update of slot.updates) {
        if (!update.transaction) continue;
        const version = versionOf(update.transaction);
        const normalized = normalizeYellowstoneTransaction(update.transaction);
        if (!normalized.ok) throw new Error(normalized.quarantine.reason);
        // json for the signatures strategy, base64 too (getBlock assembles from what it has).
        rpc.addTransaction(toGetTransactionResult(update.transaction, 'json', version, slot.blockTime));
        expected.set(normalized.tx.signature, comparable({ ...normalized.tx, blockTime: slot.blockTime, txIndex: null }));
        if (version === 1) v1Signature = normalized.tx.signature;
      }
    }
  });
  afterAll(async () => {
    await rpc?.close();
  });

  it('the stand-in refuses V1 to a client that supports version 0 only, as a node does', async () => {
    const client = createRpcClient({ rpcUrl: rpc.url, requestsPerSecond: 100 });
    const refused = await client.callRaw('getTransaction', [v1Signature, { encoding: 'json', maxSupportedTransactionVersion: 0 }]).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RpcError);
    expect((refused as RpcError).code).toBe(-32015);
    const block = await client.callRaw('getBlock', [Number(START), { encoding: 'json', maxSupportedTransactionVersion: 0, transactionDetails: 'full' }]).catch((error: unknown) => error);
    expect((block as RpcError).code).toBe(-32015);
  });

  for (const strategy of ['signatures', 'blocks'] as const) {
    it(`${strategy}: every transaction of the range, V1 with its compute budget, as the stream reads it`, async () => {
      const delivered: StreamItem[] = [];
      const result = await runBackfill({ rpcUrl: rpc.url, fromSlot: START, toSlot: START + 3n, strategy, programs: [PUMP, 'LanMV9sAd7wArD4vJFi2qDdfnVhFxYSUg6eADduJ3uj'], requestsPerSecond: 500, onTransaction: async (item) => void delivered.push(item) });
      expect({ quarantined: result.quarantined, missing: result.missing }).toEqual({ quarantined: 0, missing: [] });
      const txs = delivered.map((item) => (item.kind === 'transaction' ? item.tx : null)).filter((tx): tx is ChainTransaction => tx !== null);
      expect(txs.length).toBe(expected.size);
      for (const tx of txs) expect(comparable({ ...tx, txIndex: null }), tx.signature).toStrictEqual(expected.get(tx.signature));
      const v1 = txs.filter((tx) => tx.computeBudget !== undefined);
      expect(v1.length).toBeGreaterThan(5);
      expect(v1.length).toBeLessThan(txs.length);
    });
  }
});
