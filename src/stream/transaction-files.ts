/**
 * Transaction files: a file or a folder of RPC / Yellowstone JSON (any shape `readTransactionsFromJson`
 * detects) read from disk and normalised, for `decode`, `replay` and the tests. The I/O half of
 * src/decoders/transaction/read-input.ts.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { NormalizeResult } from '../contracts/chain-transaction.js';
import { isObject, readTransactionsFromText, type RpcHints } from './normalize/read-input.js';

const BLOCK_FILE_SLOT = /block[_-](\d+)/;

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
