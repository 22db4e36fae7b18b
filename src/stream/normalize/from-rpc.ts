/**
 * Solana JSON-RPC `getTransaction` / `getBlock` results and blockSubscribe transaction objects →
 * `ChainTransaction`, in every encoding: `json` and `jsonParsed` (a `message` object; a V1 message adds
 * `transactionConfig`), `base64` and `base58` (`[data, encoding]`), and the legacy `binary` (a bare base58
 * string); the wire bytes may be legacy, v0 or V1. Anything malformed becomes a quarantine record.
 */
import type { ChainTokenBalance, NormalizeResult, TransactionComputeBudget } from '../../contracts/chain-transaction.js';
import { decodeBase58 } from '../../shared/base58.js';
import { assembleTransaction, makeTokenBalance, type InnerGroup, type SourceInstruction } from './assemble.js';
import { computeBudgetFromConfig } from './compute-budget.js';
import { errorCodeFromJson } from './error-code.js';
import { parseWireTransaction } from './wire-transaction.js';
import { normalizeFailure } from './normalize-failure.js';

export interface RpcHints {
  slot?: bigint;
  blockTime?: number | null;
  txIndex?: number;
  signature?: string;
}

type Json = Record<string, unknown>;

const asObject = (v: unknown): Json | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : null);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Normalises a Solana RPC `getTransaction` result (json, jsonParsed or base64 encoding). */
export function normalizeRpcTransaction(json: unknown, hints: RpcHints = {}): NormalizeResult {
  try {
    return { ok: true, tx: buildFromRpc(json, hints) };
  } catch (error) {
    return normalizeFailure(error, hints.signature ?? null, hints.slot ?? null, json);
  }
}

/** Normalises every transaction of a `getBlock` result (transactionDetails `full`), in block order. */
export function normalizeRpcBlock(block: unknown, slot: bigint): NormalizeResult[] {
  const obj = asObject(block);
  if (obj === null) return [normalizeFailure(new Error('getBlock result is not an object'), null, slot, block)];
  if (!Array.isArray(obj.transactions)) {
    const why = Array.isArray(obj.signatures) ? 'signatures only' : 'no transactions';
    return [normalizeFailure(new Error(`getBlock result with ${why}: request transactionDetails "full"`), null, slot, { ...obj, signatures: undefined })];
  }
  const blockTime = typeof obj.blockTime === 'number' ? obj.blockTime : null;
  return obj.transactions.map((tx, txIndex) => normalizeRpcTransaction(tx, { slot, blockTime, txIndex }));
}

function buildFromRpc(json: unknown, hints: RpcHints) {
  const root = asObject(json);
  if (root === null) throw new Error('transaction is not an object');
  const meta = asObject(root.meta) ?? {};
  const { signature, keys, outer, computeBudget } = readMessage(root.transaction, meta);
  const err = meta.err ?? null;
  const slotValue = root.slot ?? null;
  const header = {
    signature: hints.signature ?? signature,
    slot: slotValue !== null ? BigInt(slotValue as number | string) : (hints.slot ?? 0n),
    txIndex: hints.txIndex ?? null,
    blockTime: typeof root.blockTime === 'number' ? root.blockTime : (hints.blockTime ?? null),
    success: err === null,
    err,
    errorCode: errorCodeFromJson(err),
    fee: meta.fee === null || meta.fee === undefined ? 0n : BigInt(meta.fee as number),
    accountKeys: keys,
    logMessages: asArray(meta.logMessages).filter((l): l is string => typeof l === 'string'),
    preTokenBalances: readTokenBalances(meta.preTokenBalances, keys),
    postTokenBalances: readTokenBalances(meta.postTokenBalances, keys),
    preBalances: asArray(meta.preBalances).map((b) => BigInt(b as number)),
    postBalances: asArray(meta.postBalances).map((b) => BigInt(b as number)),
    ...(computeBudget === undefined ? {} : { computeBudget }),
  };
  return assembleTransaction(header, outer, readInner(meta.innerInstructions));
}

interface RpcMessage {
  signature: string;
  keys: string[];
  outer: SourceInstruction[];
  computeBudget?: TransactionComputeBudget;
}

function readMessage(transaction: unknown, meta: Json): RpcMessage {
  const loaded = asObject(meta.loadedAddresses);
  const loadedKeys = [...asArray(loaded?.writable), ...asArray(loaded?.readonly)] as string[];
  if (Array.isArray(transaction) || typeof transaction === 'string') {
    const wire = parseWireTransaction(readEncodedTransaction(transaction));
    const message: RpcMessage = { signature: wire.signatures[0] ?? '', keys: [...wire.staticKeys, ...loadedKeys], outer: wire.instructions };
    if (wire.computeBudget !== undefined) message.computeBudget = wire.computeBudget;
    return message;
  }
  const tx = asObject(transaction);
  const message = asObject(tx?.message);
  if (tx === null || message === null) throw new Error('transaction.message missing');
  const rawKeys = asArray(message.accountKeys);
  const parsedKeys = rawKeys.length > 0 && typeof rawKeys[0] === 'object';
  const keys = parsedKeys ? rawKeys.map((k) => String(asObject(k)?.pubkey ?? '')) : [...(rawKeys as string[]), ...loadedKeys];
  const signature = String(asArray(tx.signatures)[0] ?? '');
  const read: RpcMessage = { signature, keys, outer: asArray(message.instructions).map(readInstruction) };
  const config = asObject(message.transactionConfig);
  if (config !== null) read.computeBudget = computeBudgetFromConfig(config);
  return read;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The wire bytes of an encoded transaction: `[data, "base64"]` or `[data, "base58"]` (a missing encoding
 * name is base64, as in blockSubscribe), or a bare string, which is the legacy `binary` encoding (base58).
 */
function readEncodedTransaction(value: string | unknown[]): Uint8Array {
  if (typeof value === 'string') return decodeEncoded(value, 'base58', 'binary');
  const [data, encoding = 'base64'] = value;
  if (typeof data !== 'string') throw new Error('encoded transaction: the data is not a string');
  if (encoding === 'base64' || encoding === 'base58') return decodeEncoded(data, encoding, encoding);
  throw new Error(`transaction encoding ${JSON.stringify(encoding)} is not one we read (json, jsonParsed, base64, base58, binary)`);
}

function decodeEncoded(data: string, alphabet: 'base64' | 'base58', name: string): Uint8Array {
  if (data.length === 0) throw new Error(`${name} transaction is empty`);
  if (alphabet === 'base64') {
    if (data.length % 4 !== 0 || !BASE64.test(data)) throw new Error('base64 transaction is not valid base64');
    return Buffer.from(data, 'base64');
  }
  try {
    return decodeBase58(data);
  } catch (error) {
    throw new Error(`${name} transaction is not valid base58`, { cause: error });
  }
}

function readInstruction(value: unknown): SourceInstruction {
  const ix = asObject(value) ?? {};
  const stackHeight = typeof ix.stackHeight === 'number' ? ix.stackHeight : null;
  const data = typeof ix.data === 'string' ? decodeBase58(ix.data) : new Uint8Array(0);
  if (typeof ix.programId === 'string') {
    // jsonParsed: keys resolved; parsed instructions (system, token) carry no raw data.
    const accounts = asArray(ix.accounts).filter((a): a is string => typeof a === 'string');
    return { programId: ix.programId, accounts, data, stackHeight };
  }
  return { programIdIndex: Number(ix.programIdIndex), accounts: asArray(ix.accounts) as number[], data, stackHeight };
}

function readInner(value: unknown): InnerGroup[] {
  return asArray(value).map((g) => {
    const group = asObject(g) ?? {};
    return { index: Number(group.index), instructions: asArray(group.instructions).map(readInstruction) };
  });
}

function readTokenBalances(value: unknown, keys: string[]): ChainTokenBalance[] {
  return asArray(value).map((b) => {
    const bal = asObject(b) ?? {};
    const ui = asObject(bal.uiTokenAmount) ?? {};
    const index = Number(bal.accountIndex);
    const owner = typeof bal.owner === 'string' ? bal.owner : null;
    const programId = typeof bal.programId === 'string' ? bal.programId : null;
    return makeTokenBalance(keys, index, String(bal.mint), owner, programId, BigInt(String(ui.amount ?? '0')), Number(ui.decimals ?? 0));
  });
}
