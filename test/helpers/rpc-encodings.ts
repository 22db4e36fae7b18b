/**
 * Solana RPC shapes for tests, built from a Yellowstone transaction update (the synthetic market's, or
 * any `buildTransactionUpdate` one): the wire transaction in legacy, v0 or V1 form (our own encoder,
 * written from the layouts in MAINNET-2026 §7 and the Solana docs; the real fixtures check the parser
 * against bytes nobody here wrote), and `getTransaction` / `getBlock` results in every encoding a node
 * answers: json, jsonParsed, base64, base58 and the legacy binary (a bare base58 string).
 */
import type { SubscribeUpdate } from '@triton-one/yellowstone-grpc';
import bs58 from 'bs58';
import { errFromBincode } from '../../src/stream/normalize/error-code.js';

type TransactionUpdate = NonNullable<SubscribeUpdate['transaction']>;
type Message = NonNullable<NonNullable<NonNullable<TransactionUpdate['transaction']>['transaction']>['message']>;
type Meta = NonNullable<NonNullable<TransactionUpdate['transaction']>['meta']>;

export type WireVersion = 'legacy' | 0 | 1;
export type RpcEncoding = 'json' | 'jsonParsed' | 'base64' | 'base58' | 'binary';
export const RPC_ENCODINGS: readonly RpcEncoding[] = ['json', 'jsonParsed', 'base64', 'base58', 'binary'];

function shortVec(n: number): number[] {
  const out: number[] = [];
  let value = n;
  for (;;) {
    const low = value & 0x7f;
    value >>>= 7;
    if (value === 0) return [...out, low];
    out.push(low | 0x80);
  }
}

const u16 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff];
const u32 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const u64 = (n: bigint): number[] => Array.from({ length: 8 }, (_, i) => Number((n >> BigInt(8 * i)) & 0xffn));

/** The V1 `TransactionConfigMask` and its values (priority fee bits 0–1 as a u64, then one u32 per bit 2–4). */
function v1Config(config: Message['config']): { mask: number; values: number[] } {
  let mask = 0;
  const values: number[] = [];
  if (config?.priorityFee !== undefined) {
    mask |= 0b11;
    values.push(...u64(BigInt(config.priorityFee)));
  }
  for (const [bit, value] of [[2, config?.computeUnitLimit], [3, config?.loadedAccountsDataSizeLimit], [4, config?.heapSize]] as const) {
    if (value === undefined) continue;
    mask |= 1 << bit;
    values.push(...u32(value));
  }
  return { mask, values };
}

/** Serialises the update's transaction in the given wire form (V1 needs no lookup tables; none are used). */
export function encodeWireTransaction(update: TransactionUpdate, version: WireVersion): Uint8Array {
  const info = update.transaction!;
  const message = info.transaction!.message!;
  const signatures = info.transaction!.signatures.length > 0 ? info.transaction!.signatures : [info.signature];
  const header = [message.header!.numRequiredSignatures, message.header!.numReadonlySignedAccounts, message.header!.numReadonlyUnsignedAccounts];
  const keys = message.accountKeys.flatMap((k) => [...k]);
  const blockhash = [...message.recentBlockhash];
  if (version === 1) {
    const { mask, values } = v1Config(message.config);
    const heads = message.instructions.flatMap((ix) => [ix.programIdIndex, ix.accounts.length, ...u16(ix.data.length)]);
    const payloads = message.instructions.flatMap((ix) => [...ix.accounts, ...ix.data]);
    return Uint8Array.from([0x81, ...header, ...u32(mask), ...blockhash, message.instructions.length, message.accountKeys.length, ...keys, ...values, ...heads, ...payloads, ...signatures.flatMap((s) => [...s])]);
  }
  const instructions = message.instructions.flatMap((ix) => [ix.programIdIndex, ...shortVec(ix.accounts.length), ...ix.accounts, ...shortVec(ix.data.length), ...ix.data]);
  const body = [...header, ...shortVec(message.accountKeys.length), ...keys, ...blockhash, ...shortVec(message.instructions.length), ...instructions];
  const sigs = [...shortVec(signatures.length), ...signatures.flatMap((s) => [...s])];
  return Uint8Array.from(version === 0 ? [...sigs, 0x80, ...body, ...shortVec(0)] : [...sigs, ...body]);
}

/** The meta of a getTransaction result (json shape; jsonParsed resolves the inner instructions' keys). */
function rpcMeta(meta: Meta, keys: string[], parsed: boolean): Record<string, unknown> {
  const instruction = (ix: { programIdIndex: number; accounts: Uint8Array; data: Uint8Array; stackHeight?: number | undefined }) => parsed
    ? { programId: keys[ix.programIdIndex], accounts: [...ix.accounts].map((a) => keys[a]), data: bs58.encode(ix.data), stackHeight: ix.stackHeight ?? null }
    : { programIdIndex: ix.programIdIndex, accounts: [...ix.accounts], data: bs58.encode(ix.data), stackHeight: ix.stackHeight ?? null };
  const balance = (b: Meta['preTokenBalances'][number]) => ({
    accountIndex: b.accountIndex, mint: b.mint, owner: b.owner, programId: b.programId,
    uiTokenAmount: { amount: b.uiTokenAmount!.amount, decimals: b.uiTokenAmount!.decimals, uiAmount: b.uiTokenAmount!.uiAmount, uiAmountString: b.uiTokenAmount!.uiAmountString },
  });
  return {
    err: meta.err ? errFromBincode(meta.err.err) : null,
    status: meta.err ? { Err: errFromBincode(meta.err.err) } : { Ok: null },
    fee: Number(meta.fee),
    preBalances: meta.preBalances.map(Number),
    postBalances: meta.postBalances.map(Number),
    innerInstructions: meta.innerInstructions.map((g) => ({ index: g.index, instructions: g.instructions.map(instruction) })),
    logMessages: meta.logMessages,
    preTokenBalances: meta.preTokenBalances.map(balance),
    postTokenBalances: meta.postTokenBalances.map(balance),
    rewards: [],
    loadedAddresses: { writable: meta.loadedWritableAddresses.map((k) => bs58.encode(k)), readonly: meta.loadedReadonlyAddresses.map((k) => bs58.encode(k)) },
    computeUnitsConsumed: Number(meta.computeUnitsConsumed ?? 0),
  };
}

/** `message.transactionConfig` as a node renders it for a V1 transaction (unset fields null). */
function transactionConfig(config: NonNullable<Message['config']>): Record<string, unknown> {
  return {
    priorityFee: config.priorityFee === undefined ? null : Number(config.priorityFee),
    computeUnitLimit: config.computeUnitLimit ?? null,
    loadedAccountsDataSizeLimit: config.loadedAccountsDataSizeLimit ?? null,
    heapSize: config.heapSize ?? null,
  };
}

/** The json / jsonParsed `transaction` object. */
function rpcTransactionObject(update: TransactionUpdate, version: WireVersion, parsed: boolean): Record<string, unknown> {
  const info = update.transaction!;
  const message = info.transaction!.message!;
  const keys = message.accountKeys.map((k) => bs58.encode(k));
  const header = message.header!;
  const signerCount = header.numRequiredSignatures;
  const writable = (i: number): boolean => (i < signerCount ? i < signerCount - header.numReadonlySignedAccounts : i < keys.length - header.numReadonlyUnsignedAccounts);
  const instructions = message.instructions.map((ix) => parsed
    ? { programId: keys[ix.programIdIndex], accounts: [...ix.accounts].map((a) => keys[a]), data: bs58.encode(ix.data), stackHeight: null }
    : { programIdIndex: ix.programIdIndex, accounts: [...ix.accounts], data: bs58.encode(ix.data), stackHeight: null });
  const out: Record<string, unknown> = {
    header,
    accountKeys: parsed ? keys.map((pubkey, i) => ({ pubkey, signer: i < signerCount, writable: writable(i), source: 'transaction' })) : keys,
    recentBlockhash: bs58.encode(message.recentBlockhash),
    instructions,
  };
  if (version === 0) out.addressTableLookups = [];
  if (version === 1 && message.config) out.transactionConfig = transactionConfig(message.config);
  return { signatures: [bs58.encode(info.signature)], message: out };
}

/** A `getTransaction` result for the update, in `encoding`, the transaction in wire form `version`. */
export function toGetTransactionResult(update: TransactionUpdate, encoding: RpcEncoding, version: WireVersion, blockTime: number | null): Record<string, unknown> {
  const meta = update.transaction!.meta!;
  const keys = update.transaction!.transaction!.message!.accountKeys.map((k) => bs58.encode(k));
  const parsed = encoding === 'jsonParsed';
  let transaction: unknown;
  if (encoding === 'json' || parsed) transaction = rpcTransactionObject(update, version, parsed);
  else {
    const wire = encodeWireTransaction(update, version);
    transaction = encoding === 'base64' ? [Buffer.from(wire).toString('base64'), 'base64'] : encoding === 'base58' ? [bs58.encode(wire), 'base58'] : bs58.encode(wire);
  }
  return { slot: Number(update.slot), blockTime, meta: rpcMeta(meta, keys, parsed), transaction, version: version === 'legacy' ? 'legacy' : version };
}

/** A `getBlock` result (transactionDetails full) holding the updates, in `encoding`. */
export function toGetBlockResult(updates: TransactionUpdate[], encoding: RpcEncoding, versionOf: (update: TransactionUpdate) => WireVersion, slot: bigint, blockTime: number): Record<string, unknown> {
  return {
    blockhash: bs58.encode(new Uint8Array(32).fill(3)), previousBlockhash: bs58.encode(new Uint8Array(32).fill(2)), parentSlot: Number(slot) - 1,
    blockTime, blockHeight: Number(slot) - 20_000_000,
    transactions: updates.map((u) => {
      const { slot: _slot, blockTime: _time, ...inBlock } = toGetTransactionResult(u, encoding, versionOf(u), blockTime);
      return inBlock;
    }),
  };
}
