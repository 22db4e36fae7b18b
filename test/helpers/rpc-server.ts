/**
 * A local Solana JSON-RPC 2.0 stand-in (node:http) for backfill tests. It serves
 * getSignaturesForAddress (newest first, `before` / `until` / `limit`), getTransaction (the stored result
 * in the requested encoding when one was stored in it, else the one captured first), getBlock (stored
 * blocks, or one assembled from the stored transactions of that slot), getSlot and getHealth. Like a
 * real node it answers -32015 when a transaction (or a transaction of the block) has a version above the
 * request's `maxSupportedTransactionVersion` (v0 and V1 need it set). The store is loaded from real fixture files
 * (getTransaction results with a slot, getBlock captures named `block_<slot>`) or from given objects.
 * Accounts (`setAccount`) are served by getAccountInfo, getMultipleAccounts, getProgramAccounts (owner
 * program, dataSize and base58 memcmp filters, with or without context) and getTokenLargestAccounts
 * (the 20 largest token accounts of a mint, read from their SPL layout); `disableMethod` makes a method
 * answer "method not found", as nodes that refuse getProgramAccounts do.
 * It counts requests per method and, on command, answers HTTP 429 with a `Retry-After` header.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import bs58 from 'bs58';
import { normalizeRpcTransaction } from '../../src/stream/normalize/from-rpc.js';

interface StoredTransaction {
  signature: string;
  slot: bigint;
  blockTime: number | null;
  err: unknown;
  accountKeys: Set<string>;
  /** `legacy`, 0 or 1, from the result's `version`. */
  version: 'legacy' | number;
  /** The getTransaction result as first captured. */
  result: Record<string, unknown>;
  /** The result in each encoding it was stored in (json, jsonParsed, base64, base58, binary). */
  byEncoding: Map<string, Record<string, unknown>>;
}

/** The encoding a getTransaction result was requested in, read from its shape. */
export function encodingOfResult(result: Record<string, unknown>): string {
  const transaction = result['transaction'];
  if (typeof transaction === 'string') return 'binary';
  if (Array.isArray(transaction)) return String(transaction[1] ?? 'base64');
  const keys = ((transaction as { message?: { accountKeys?: unknown[] } } | undefined)?.message?.accountKeys ?? []);
  return typeof keys[0] === 'object' ? 'jsonParsed' : 'json';
}

function versionOf(result: Record<string, unknown>): 'legacy' | number {
  const version = result['version'];
  return typeof version === 'number' ? version : 'legacy';
}

/** Throws the node's -32015 answer when `version` is above what the request supports. */
function checkVersion(version: 'legacy' | number, config: { maxSupportedTransactionVersion?: number }): void {
  if (version === 'legacy') return;
  const max = config.maxSupportedTransactionVersion;
  if (max !== undefined && version <= max) return;
  throw Object.assign(new Error(`Transaction version (${version}) is not supported by the requesting client. Please try the request again with the following configuration parameter: "maxSupportedTransactionVersion": ${version}`), { code: -32015 });
}

interface ReadConfig {
  encoding?: string;
  maxSupportedTransactionVersion?: number;
}

export interface RpcServer {
  readonly url: string;
  /** Requests per JSON-RPC method (429 answers included). */
  readonly requestCounts: Map<string, number>;
  readonly totalRequests: number;
  /** Adds a getTransaction result (must carry `slot`, or give it). */
  addTransaction(result: Record<string, unknown>, slot?: bigint): void;
  /** Adds a getBlock result for `slot`; its transactions become searchable by address too. */
  addBlock(slot: bigint, block: Record<string, unknown>): void;
  /** Loads fixture files: getTransaction results with a slot, and `block_<slot>.getblock.json`. */
  loadFixtureFiles(paths: string[]): Promise<number>;
  /** The next `count` requests are answered 429 with `Retry-After: retryAfterSeconds`. */
  rateLimitNext(count: number, retryAfterSeconds: number): void;
  /** Stores (or replaces) an account: its owning program, data and lamports. */
  setAccount(address: string, account: { owner: string; data: Uint8Array; lamports?: number }): void;
  removeAccount(address: string): void;
  /** The slot reported in every response context of the account methods (default 1). */
  setContextSlot(slot: number): void;
  /** The method answers -32601 "method not found" from now on. */
  disableMethod(method: string): void;
  /** Signatures stored for the slot range (inclusive), in slot order. */
  signaturesInRange(fromSlot: bigint, toSlot: bigint, address?: string): string[];
  close(): Promise<void>;
}

/** Starts the stand-in on an ephemeral loopback port. */
export async function startRpcServer(): Promise<RpcServer> {
  const transactions: StoredTransaction[] = [];
  const bySignature = new Map<string, StoredTransaction>();
  const blocks = new Map<bigint, Record<string, unknown>>();
  const requestCounts = new Map<string, number>();
  let totalRequests = 0;
  let limited = { count: 0, retryAfterSeconds: 0 };
  const accounts = new Map<string, { owner: string; data: Uint8Array; lamports: number }>();
  const disabled = new Set<string>();
  let contextSlot = 1;

  function store(result: Record<string, unknown>, slot: bigint, hints: { blockTime?: number | null; txIndex?: number } = {}): void {
    const normalized = normalizeRpcTransaction(result, { slot, ...hints });
    if (!normalized.ok) return;
    const tx = normalized.tx;
    const rendered = { ...result, slot: Number(slot), blockTime: tx.blockTime };
    const known = bySignature.get(tx.signature);
    if (known) {
      if (!known.byEncoding.has(encodingOfResult(result))) known.byEncoding.set(encodingOfResult(result), rendered);
      return;
    }
    const entry: StoredTransaction = {
      signature: tx.signature, slot, blockTime: tx.blockTime, err: tx.err, accountKeys: new Set(tx.accountKeys), version: versionOf(result),
      result: rendered, byEncoding: new Map([[encodingOfResult(result), rendered]]),
    };
    transactions.push(entry);
    bySignature.set(tx.signature, entry);
    transactions.sort((a, b) => (a.slot === b.slot ? 0 : a.slot < b.slot ? -1 : 1));
  }

  const methods: Record<string, (params: unknown[]) => unknown> = {
    getSlot: () => Number(transactions.reduce((max, tx) => (tx.slot > max ? tx.slot : max), 0n)),
    getHealth: () => 'ok',
    getTransaction: (params) => readTransaction(String(params[0]), (params[1] ?? {}) as ReadConfig),
    getSignaturesForAddress: (params) => listSignatures(String(params[0]), (params[1] ?? {}) as { before?: string; until?: string; limit?: number }),
    getBlock: (params) => readBlock(BigInt(params[0] as number), (params[1] ?? {}) as ReadConfig),
    getAccountInfo: (params) => ({ context: { slot: contextSlot }, value: renderAccount(String(params[0])) }),
    getMultipleAccounts: (params) => ({ context: { slot: contextSlot }, value: (params[0] as string[]).map(renderAccount) }),
    getProgramAccounts: (params) => listProgramAccounts(String(params[0]), (params[1] ?? {}) as ProgramAccountsConfig),
    getTokenLargestAccounts: (params) => ({ context: { slot: contextSlot }, value: largestTokenAccounts(String(params[0])) }),
  };

  interface ProgramAccountsConfig {
    withContext?: boolean;
    filters?: Array<{ dataSize?: number; memcmp?: { offset: number; bytes: string } }>;
  }

  function renderAccount(address: string): unknown {
    const account = accounts.get(address);
    if (!account) return null;
    return { data: [Buffer.from(account.data).toString('base64'), 'base64'], executable: false, lamports: account.lamports, owner: account.owner, rentEpoch: 0, space: account.data.length };
  }

  function matches(data: Uint8Array, filter: { dataSize?: number; memcmp?: { offset: number; bytes: string } }): boolean {
    if (filter.dataSize !== undefined) return data.length === filter.dataSize;
    if (!filter.memcmp) return true;
    const expected = bs58.decode(filter.memcmp.bytes);
    return expected.every((byte, i) => data[filter.memcmp!.offset + i] === byte);
  }

  function listProgramAccounts(program: string, config: ProgramAccountsConfig): unknown {
    const value = [...accounts.entries()]
      .filter(([, a]) => a.owner === program && (config.filters ?? []).every((f) => matches(a.data, f)))
      .map(([pubkey]) => ({ pubkey, account: renderAccount(pubkey) }));
    return config.withContext ? { context: { slot: contextSlot }, value } : value;
  }

  function largestTokenAccounts(mint: string): unknown[] {
    const mintBytes = bs58.decode(mint);
    const held = [...accounts.entries()]
      .filter(([, a]) => a.data.length >= 165 && mintBytes.every((byte, i) => a.data[i] === byte))
      .map(([address, a]) => ({ address, amount: Buffer.from(a.data).readBigUInt64LE(64) }))
      .sort((x, y) => (x.amount === y.amount ? 0 : x.amount > y.amount ? -1 : 1))
      .slice(0, 20);
    return held.map((h) => ({ address: h.address, amount: h.amount.toString(), decimals: 6, uiAmount: null, uiAmountString: h.amount.toString() }));
  }

  function listSignatures(address: string, options: { before?: string; until?: string; limit?: number }): unknown[] {
    const newestFirst = transactions.filter((tx) => tx.accountKeys.has(address)).reverse();
    let start = 0;
    if (options.before) start = newestFirst.findIndex((tx) => tx.signature === options.before) + 1;
    const out: unknown[] = [];
    for (const tx of newestFirst.slice(start)) {
      if (tx.signature === options.until || out.length >= (options.limit ?? 1_000)) break;
      out.push({ signature: tx.signature, slot: Number(tx.slot), err: tx.err ?? null, memo: null, blockTime: tx.blockTime, confirmationStatus: 'finalized' });
    }
    return out;
  }

  function readTransaction(signature: string, config: ReadConfig): unknown {
    const stored = bySignature.get(signature);
    if (!stored) return null;
    checkVersion(stored.version, config);
    return stored.byEncoding.get(config.encoding ?? 'json') ?? stored.result;
  }

  function readBlock(slot: bigint, config: ReadConfig): unknown {
    const stored = blocks.get(slot);
    if (stored) {
      for (const tx of (stored['transactions'] as Array<Record<string, unknown>> | undefined) ?? []) checkVersion(versionOf(tx), config);
      return stored;
    }
    const inSlot = transactions.filter((tx) => tx.slot === slot);
    if (inSlot.length === 0) throw Object.assign(new Error(`Slot ${slot} was skipped, or missing in long-term storage`), { code: -32009 });
    for (const tx of inSlot) checkVersion(tx.version, config);
    const rendered = inSlot.map((tx) => tx.byEncoding.get(config.encoding ?? 'json') ?? tx.result);
    return { blockhash: null, parentSlot: Number(slot) - 1, blockTime: inSlot[0]?.blockTime ?? null, blockHeight: null, transactions: rendered };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: unknown; method: string; params?: unknown[] } | Array<{ id: unknown; method: string; params?: unknown[] }>;
    const calls = Array.isArray(body) ? body : [body];
    for (const call of calls) requestCounts.set(call.method, (requestCounts.get(call.method) ?? 0) + 1);
    totalRequests += 1;
    if (limited.count > 0) {
      limited.count -= 1;
      response.writeHead(429, { 'retry-after': String(limited.retryAfterSeconds), 'content-type': 'application/json' });
      response.end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: 429, message: 'Too many requests' } }));
      return;
    }
    const answers = calls.map((call) => answer(call));
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(Array.isArray(body) ? answers : answers[0]));
  }

  function answer(call: { id: unknown; method: string; params?: unknown[] }): unknown {
    const method = disabled.has(call.method) ? undefined : methods[call.method];
    if (!method) return { jsonrpc: '2.0', id: call.id, error: { code: -32601, message: `Method not found: ${call.method}` } };
    try {
      return { jsonrpc: '2.0', id: call.id, result: method(call.params ?? []) };
    } catch (error) {
      const { code, message } = error as { code?: number; message: string };
      return { jsonrpc: '2.0', id: call.id, error: { code: code ?? -32603, message } };
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const api: RpcServer = {
    url: `http://127.0.0.1:${port}`,
    requestCounts,
    get totalRequests() { return totalRequests; },
    addTransaction(result, slot) {
      const resolved = slot ?? (typeof result['slot'] === 'number' ? BigInt(result['slot']) : null);
      if (resolved === null) throw new Error('addTransaction: the result has no slot; pass one');
      store(result, resolved);
    },
    addBlock(slot, block) {
      blocks.set(slot, block);
      const blockTime = typeof block['blockTime'] === 'number' ? block['blockTime'] : null;
      (block['transactions'] as Array<Record<string, unknown>>).forEach((tx, txIndex) => store(tx, slot, { blockTime, txIndex }));
    },
    async loadFixtureFiles(paths) {
      let loaded = 0;
      for (const path of paths) {
        const parsed = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
        const value = ('jsonrpc' in parsed ? parsed['result'] : parsed) as Record<string, unknown>;
        const blockSlot = /block_(\d+)/.exec(basename(path))?.[1];
        if (blockSlot) api.addBlock(BigInt(blockSlot), value);
        else if (typeof value['slot'] === 'number') api.addTransaction(value);
        else continue;
        loaded += 1;
      }
      return loaded;
    },
    rateLimitNext(count, retryAfterSeconds) {
      limited = { count, retryAfterSeconds };
    },
    setAccount(address, account) {
      accounts.set(address, { owner: account.owner, data: account.data, lamports: account.lamports ?? 2_039_280 });
    },
    removeAccount(address) {
      accounts.delete(address);
    },
    setContextSlot(slot) {
      contextSlot = slot;
    },
    disableMethod(method) {
      disabled.add(method);
    },
    signaturesInRange(fromSlot, toSlot, address) {
      return transactions.filter((tx) => tx.slot >= fromSlot && tx.slot <= toSlot && (!address || tx.accountKeys.has(address))).map((tx) => tx.signature);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return api;
}

