/**
 * Readers for the non-RPC shapes the fixtures use (MANIFEST.md): yellowstone-vixen serde JSON of a
 * `SubscribeUpdateTransaction` (byte arrays), vixen instruction fixtures, log snippets and self-CPI
 * payload lists. Synthetic transactions carry only what the file has (no balances, no fee).
 */
import type { SubscribeUpdateTransaction } from '@triton-one/yellowstone-grpc';
import { decodeBase58, encodeBase58 } from '../../shared/base58.js';
import type { ChainInstruction, ChainTransaction, NormalizeResult } from '../../contracts/chain-transaction.js';
import { normalizeYellowstoneTransaction } from './from-yellowstone.js';

type Json = Record<string, unknown>;
const asObject = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const toBytes = (v: unknown): Uint8Array =>
  typeof v === 'string' ? decodeBase58(v) : Uint8Array.from(asArray(v) as number[]);

/** Converts vixen's serde JSON (byte arrays, base58 signature) to the client's message and normalises it. */
export function normalizeYellowstoneJson(value: Json): NormalizeResult {
  const info = asObject(value.transaction);
  const tx = asObject(info.transaction);
  const message = asObject(tx.message);
  const meta = asObject(info.meta);
  const compiled = (ix: unknown) => {
    const o = asObject(ix);
    return { programIdIndex: Number(o.programIdIndex), accounts: toBytes(o.accounts), data: toBytes(o.data), stackHeight: o.stackHeight as number | undefined };
  };
  const errBytes = meta.err === null || meta.err === undefined ? undefined : { err: toBytes(asObject(meta.err).err ?? meta.err) };
  const update = {
    slot: String(value.slot),
    transaction: {
      signature: toBytes(info.signature),
      isVote: Boolean(info.isVote),
      index: String(info.index ?? ''),
      transaction: {
        signatures: asArray(tx.signatures).map(toBytes),
        message: {
          header: message.header, accountKeys: asArray(message.accountKeys).map(toBytes), recentBlockhash: new Uint8Array(32),
          instructions: asArray(message.instructions).map(compiled), versioned: Boolean(message.versioned), addressTableLookups: [],
          // A V1 transaction's inline compute budget, when the JSON carries it.
          config: typeof message.config === 'object' && message.config !== null ? message.config : undefined,
        },
      },
      meta: {
        err: errBytes, fee: String(meta.fee ?? 0),
        preBalances: asArray(meta.preBalances).map(String), postBalances: asArray(meta.postBalances).map(String),
        innerInstructions: asArray(meta.innerInstructions).map((g) => ({ index: Number(asObject(g).index), instructions: asArray(asObject(g).instructions).map(compiled) })),
        innerInstructionsNone: false, logMessages: asArray(meta.logMessages) as string[], logMessagesNone: false,
        preTokenBalances: asArray(meta.preTokenBalances), postTokenBalances: asArray(meta.postTokenBalances), rewards: [],
        loadedWritableAddresses: asArray(meta.loadedWritableAddresses).map(toBytes),
        loadedReadonlyAddresses: asArray(meta.loadedReadonlyAddresses).map(toBytes),
        returnData: undefined, returnDataNone: true,
      },
    },
  } as unknown as SubscribeUpdateTransaction;
  return normalizeYellowstoneTransaction(update);
}

function syntheticTransaction(signature: string, instructions: ChainInstruction[], logMessages: string[]): ChainTransaction {
  return {
    signature, slot: 0n, txIndex: null, blockTime: null, success: true, err: null, errorCode: null, fee: 0n,
    accountKeys: [...new Set(instructions.flatMap((ix) => [ix.programId, ...ix.accounts]))], instructions, logMessages,
    preTokenBalances: [], postTokenBalances: [], preBalances: [], postBalances: [],
  };
}

/** yellowstone-vixen instruction fixture: `{instructions: [{ix_index: [outer, inner], program, accounts, data}], log_messages}`. */
export function normalizeVixenIxFixture(value: Json, signature: string): NormalizeResult {
  const instructions = asArray(value.instructions).map((raw): ChainInstruction => {
    const o = asObject(raw);
    const [outer, inner] = asArray(o.ix_index) as [number, number];
    return {
      programId: encodeBase58(toBytes(o.program)), accounts: asArray(o.accounts).map((a) => encodeBase58(toBytes(a))),
      data: toBytes(o.data), stackHeight: inner === 0 ? 1 : 2, outerIndex: outer, innerIndex: inner === 0 ? null : inner - 1,
    };
  });
  return { ok: true, tx: syntheticTransaction(signature, instructions, asArray(value.log_messages) as string[]) };
}

/** Log snippet `{program, signature, logMessages}`: lines without an invoke line belong to `program`. */
export function normalizeLogSnippet(value: Json, fallbackSignature: string): NormalizeResult {
  const program = String(value.program ?? '');
  let logs = asArray(value.logMessages).filter((l): l is string => typeof l === 'string');
  if (!logs.some((l) => l.includes(' invoke ['))) logs = [`Program ${program} invoke [1]`, ...logs, `Program ${program} success`];
  const signature = typeof value.signature === 'string' ? value.signature : fallbackSignature;
  return { ok: true, tx: syntheticTransaction(signature, [], logs) };
}

/** Self-CPI payload list: one synthetic transaction per payload (they come from different transactions). */
export function normalizeSelfCpiPayloads(value: Json, fallbackSignature: string): NormalizeResult[] {
  const program = String(value.program ?? '');
  return Object.entries(asObject(value.innerInstructionDataBase58)).map(([name, data], n) => {
    const outer: ChainInstruction = { programId: program, accounts: [], data: new Uint8Array(0), stackHeight: 1, outerIndex: 0, innerIndex: null };
    const event: ChainInstruction = { programId: program, accounts: [], data: decodeBase58(String(data)), stackHeight: 2, outerIndex: 0, innerIndex: 0 };
    const result = syntheticTransaction(`${fallbackSignature}#${n}:${name}`, [outer, event], []);
    return { ok: true as const, tx: result };
  });
}
