import type { NormalizeResult } from '../types.js';

/** Detects the shape of a parsed JSON value (tx, envelope, block, yellowstone-json...) and normalises it. */
export function readTransactionsFromJson(value: unknown, hints?: { slot?: bigint; blockTime?: number | null; txIndex?: number; signature?: string }): NormalizeResult[] {
  void value; void hints;
  return [];
}

/** Reads a file or a folder (recursively), skipping expectations and non-transaction files. */
export async function readTransactionsFromPath(path: string): Promise<NormalizeResult[]> {
  void path;
  return [];
}
