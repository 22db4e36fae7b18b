/**
 * Input detection for the CLI and tests: a parsed JSON value or text → normalised
 * transactions. Shapes: RPC getTransaction (json, jsonParsed, base64, base58, binary; with or without the
 * JSON-RPC envelope), getBlock, blockSubscribe transaction objects, yellowstone-vixen JSON, vixen
 * instruction fixtures, log snippets, self-CPI payload lists, arrays and NDJSON of any of these.
 * Anything else is never dropped in silence: text that is not JSON, a JSON value of none of these shapes
 * (an IDL, an account snapshot, `{"garbage": 1}`), a JSON-RPC error or a null result each become a
 * `normalize_failed` record saying what was found. Pure: reading files is src/stream/transaction-files.ts.
 */
import type { NormalizeResult } from '../../contracts/chain-transaction.js';
import { normalizeRpcBlock, normalizeRpcTransaction, type RpcHints } from './from-rpc.js';

export type { RpcHints };
import { normalizeLogSnippet, normalizeSelfCpiPayloads, normalizeVixenIxFixture, normalizeYellowstoneJson } from './from-fixture-formats.js';
import { normalizeFailure } from './normalize-failure.js';
import { describeError } from '../../shared/errors.js';

type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Detects the shape of a parsed JSON value and normalises every transaction in it. */
export function readTransactionsFromJson(value: unknown, hints: RpcHints = {}): NormalizeResult[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => readTransactionsFromJson(v, { ...hints, txIndex: hints.txIndex ?? i }));
  if (!isObject(value)) return [notTransactionInput(value === null ? 'null' : `a JSON ${typeof value}`, value, hints)];
  if ('jsonrpc' in value) return readEnvelope(value, hints);
  const blockLike = 'blockTime' in value || 'blockhash' in value || 'parentSlot' in value;
  if (blockLike && (Array.isArray(value.transactions) || Array.isArray(value.signatures))) {
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
  const keys = Object.keys(value);
  const shown = keys.slice(0, 6).map((k) => JSON.stringify(k)).join(', ');
  return [notTransactionInput(keys.length === 0 ? 'an empty object' : `an object with keys ${shown}${keys.length > 6 ? ', …' : ''}`, value, hints)];
}

/** `{jsonrpc, result}` → what the result holds; an error answer or a null result says so. */
function readEnvelope(value: Json, hints: RpcHints): NormalizeResult[] {
  if (isObject(value.error)) {
    const { code, message } = value.error;
    return [normalizeFailure(new Error(`JSON-RPC error ${String(code)}: ${String(message)}`), hints.signature ?? null, hints.slot ?? null, value)];
  }
  if (value.result === null || value.result === undefined) {
    return [normalizeFailure(new Error('JSON-RPC result is null: the node has no such transaction or block'), hints.signature ?? null, hints.slot ?? null, value)];
  }
  return readTransactionsFromJson(value.result, hints);
}

/** Control characters (other than tab and line breaks) or undecodable bytes near the start: not text. */
function looksBinary(text: string): boolean {
  for (let i = 0; i < Math.min(text.length, 512); i += 1) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffd) return true;
  }
  return false;
}

function notTransactionInput(found: string, value: unknown, hints: RpcHints): NormalizeResult {
  const expected = 'an RPC getTransaction or getBlock result (json, jsonParsed, base64, base58, binary), a blockSubscribe or Yellowstone transaction, or a fixture shape of docs/decode-format.md';
  return normalizeFailure(new Error(`not a transaction input: ${found}; expected ${expected}`), hints.signature ?? null, hints.slot ?? null, value);
}

/** Parses JSON or NDJSON text; unparsable text becomes one quarantine record. Empty text yields nothing. */
export function readTransactionsFromText(text: string, hints: RpcHints = {}): NormalizeResult[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const lines = text.split('\n');
    const values: unknown[] = [];
    for (let n = 0; n < lines.length; n += 1) {
      const line = lines[n] as string;
      if (line.trim() === '') continue;
      try {
        values.push(JSON.parse(line));
      } catch (error) {
        const why = looksBinary(text) ? 'binary data' : `line ${n + 1}: ${JSON.stringify(describeError(error).slice(0, 120))}`;
        return [normalizeFailure(new Error(`not JSON or NDJSON (${why})`), null, null, text.slice(0, 200))];
      }
    }
    return values.flatMap((v) => readTransactionsFromJson(v, hints));
  }
  return readTransactionsFromJson(value, hints);
}
