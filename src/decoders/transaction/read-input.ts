/**
 * Input detection for the CLI and tests: a parsed JSON value (or a file / folder) → normalised
 * transactions. Shapes: RPC getTransaction (json, jsonParsed, base64; with or without the JSON-RPC
 * envelope), getBlock, blockSubscribe transaction objects, yellowstone-vixen JSON, vixen instruction
 * fixtures, log snippets, self-CPI payload lists, arrays and NDJSON of any of these. Anything else (IDLs,
 * account snapshots, *.expected.json) yields nothing.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { NormalizeResult } from '../types.js';
import { normalizeRpcBlock, normalizeRpcTransaction, type RpcHints } from './from-rpc.js';
import { normalizeLogSnippet, normalizeSelfCpiPayloads, normalizeVixenIxFixture, normalizeYellowstoneJson } from './from-fixture-formats.js';
import { normalizeFailure } from './normalize-failure.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const BLOCK_FILE_SLOT = /block[_-](\d+)/;

/** Detects the shape of a parsed JSON value and normalises every transaction in it. */
export function readTransactionsFromJson(value: unknown, hints: RpcHints = {}): NormalizeResult[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => readTransactionsFromJson(v, { ...hints, txIndex: hints.txIndex ?? i }));
  if (!isObject(value)) return [];
  if ('jsonrpc' in value) return 'result' in value ? readTransactionsFromJson(value.result, hints) : [];
  if (Array.isArray(value.transactions) && ('blockTime' in value || 'blockhash' in value || 'parentSlot' in value)) {
    const slot = hints.slot ?? (typeof value.slot === 'number' ? BigInt(value.slot) : 0n);
    return normalizeRpcBlock(value, slot);
  }
  if (isObject(value.transaction) && isObject(value.transaction.meta) && 'signature' in value.transaction) {
    return [normalizeYellowstoneJson(value)];
  }
  if (Array.isArray(value.instructions) && Array.isArray(value.log_messages)) {
    return [normalizeVixenIxFixture(value, hints.signature ?? '')];
  }
  if (Array.isArray(value.logMessages) && typeof value.program === 'string' && !('meta' in value)) {
    return [normalizeLogSnippet(value, hints.signature ?? '')];
  }
  if (isObject(value.innerInstructionDataBase58)) return normalizeSelfCpiPayloads(value, hints.signature ?? '');
  if ('transaction' in value && 'meta' in value) return [normalizeRpcTransaction(value, hints)];
  return [];
}

/** Reads a file or a folder (recursively, sorted), skipping expectations and non-transaction files. */
export async function readTransactionsFromPath(path: string): Promise<NormalizeResult[]> {
  const info = await stat(path);
  if (info.isDirectory()) {
    const names = (await readdir(path)).sort();
    const out: NormalizeResult[] = [];
    for (const name of names) out.push(...(await readTransactionsFromPath(join(path, name))));
    return out;
  }
  const name = basename(path);
  if (name.endsWith('.expected.json') || !/\.(json|ndjson|jsonl)$/.test(name)) return [];
  const text = await readFile(path, 'utf8');
  return readTransactionsFromText(text, await hintsFor(path, name));
}

/** Parses JSON or NDJSON text; unparsable text becomes one quarantine record. */
export function readTransactionsFromText(text: string, hints: RpcHints = {}): NormalizeResult[] {
  try {
    return readTransactionsFromJson(JSON.parse(text), hints);
  } catch {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    try {
      return lines.flatMap((l) => readTransactionsFromJson(JSON.parse(l), hints));
    } catch (error) {
      return [normalizeFailure(error, null, null, text.slice(0, 200))];
    }
  }
}

async function hintsFor(path: string, name: string): Promise<RpcHints> {
  const hints: RpcHints = {};
  const slot = BLOCK_FILE_SLOT.exec(name);
  if (slot !== null) hints.slot = BigInt(slot[1] as string);
  const expected = path.replace(/\.json$/, '.expected.json');
  try {
    const exp = JSON.parse(await readFile(expected, 'utf8')) as unknown;
    if (isObject(exp) && typeof exp.signature === 'string') hints.signature = exp.signature;
  } catch {
    // no expectation next to the file: no hint
  }
  return hints;
}
