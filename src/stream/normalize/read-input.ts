/**
 * Input detection for the CLI and tests: a parsed JSON value or text → normalised
 * transactions. Shapes: RPC getTransaction (json, jsonParsed, base64; with or without the JSON-RPC
 * envelope), getBlock, blockSubscribe transaction objects, yellowstone-vixen JSON, vixen instruction
 * fixtures, log snippets, self-CPI payload lists, arrays and NDJSON of any of these. Anything else (IDLs,
 * account snapshots, *.expected.json) yields nothing. Pure: reading files is src/stream/transaction-files.ts.
 */
import type { NormalizeResult } from '../../contracts/chain-transaction.js';
import { normalizeRpcBlock, normalizeRpcTransaction, type RpcHints } from './from-rpc.js';

export type { RpcHints };
import { normalizeLogSnippet, normalizeSelfCpiPayloads, normalizeVixenIxFixture, normalizeYellowstoneJson } from './from-fixture-formats.js';
import { normalizeFailure } from './normalize-failure.js';

type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

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
