/**
 * Transaction files: a file or a folder of RPC / Yellowstone JSON (any shape `readTransactionsFromJson`
 * detects) read from disk and normalised, for `decode`, `replay` and the tests. The I/O half of
 * src/stream/normalize/read-input.ts.
 *
 * A file named on its own is always read, whatever its name. Inside a folder (walked recursively, sorted),
 * `.json`, `.ndjson` and `.jsonl` files are read and `*.expected.json` sidecars skipped. Nothing is left
 * out in silence: a file that is not JSON, holds no transaction or holds one that cannot be read gives
 * `normalize_failed` records whose reasons start with its path, and so does a folder with no file to read.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { NormalizeResult } from '../contracts/chain-transaction.js';
import { isObject, readTransactionsFromText, type RpcHints } from './normalize/read-input.js';
import { normalizeFailure } from './normalize/normalize-failure.js';

const BLOCK_FILE_SLOT = /block[_-](\d+)/;
const TRANSACTION_FILE = /\.(json|ndjson|jsonl)$/;

/** One file's transactions, in file order. `bad` counts its failed results (0: every transaction read). */
export interface TransactionFile {
  path: string;
  results: NormalizeResult[];
  bad: number;
}

/** Reads a file or a folder into one entry per file read (a folder without any readable file is one entry). */
export async function readTransactionFiles(path: string): Promise<TransactionFile[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [await readOneFile(path)];
  const files = await listFolder(path);
  if (files.length === 0) {
    const failure = normalizeFailure(new Error(`${path}: folder holds no .json, .ndjson or .jsonl file`), null, null, null);
    return [{ path, results: [failure], bad: 1 }];
  }
  const out: TransactionFile[] = [];
  for (const file of files) out.push(await readOneFile(file));
  return out;
}

/** Every transaction of a file or folder, flattened (failures included, as quarantine results). */
export async function readTransactionsFromPath(path: string): Promise<NormalizeResult[]> {
  return (await readTransactionFiles(path)).flatMap((file) => file.results);
}

/** What is wrong with a file, in one line without its path (null when nothing is). */
export function describeBadFile(file: TransactionFile): string | null {
  if (file.bad === 0) return null;
  const first = file.results.find((r) => !r.ok);
  const full = first && !first.ok ? first.quarantine.reason : 'unreadable';
  const reason = full.startsWith(`${file.path}: `) ? full.slice(file.path.length + 2) : full;
  if (file.results.length === 1) return reason;
  return `${file.bad} of ${file.results.length} inputs could not be read; first: ${reason}`;
}

async function listFolder(path: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await readdir(path)).sort()) {
    const child = join(path, name);
    if ((await stat(child)).isDirectory()) out.push(...(await listFolder(child)));
    else if (TRANSACTION_FILE.test(name) && !name.endsWith('.expected.json')) out.push(child);
  }
  return out;
}

async function readOneFile(path: string): Promise<TransactionFile> {
  const text = await readFile(path, 'utf8');
  let results = readTransactionsFromText(text, await hintsFor(path, basename(path)));
  if (results.length === 0) results = [normalizeFailure(new Error(text.trim() === '' ? 'empty file' : 'holds no transaction'), null, null, text.slice(0, 200))];
  let bad = 0;
  for (const result of results) {
    if (result.ok) continue;
    bad += 1;
    result.quarantine.reason = `${path}: ${result.quarantine.reason}`;
  }
  return { path, results, bad };
}

async function hintsFor(path: string, name: string): Promise<RpcHints> {
  const hints: RpcHints = {};
  const slot = BLOCK_FILE_SLOT.exec(name);
  if (slot !== null) hints.slot = BigInt(slot[1] as string);
  const expected = path.replace(/\.json$/, '.expected.json');
  if (expected === path) return hints;
  try {
    const exp = JSON.parse(await readFile(expected, 'utf8')) as unknown;
    if (isObject(exp) && typeof exp.signature === 'string') hints.signature = exp.signature;
  } catch {
    // no expectation next to the file: no hint
  }
  return hints;
}
