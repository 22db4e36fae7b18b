/**
 * `megatron decode <file or folder ...|->`: reads transactions in any supported shape (docs/decode-format.md)
 * and prints one JSON object per decoded event (NDJSON), in transaction order. With `--quarantine`,
 * normalisation and decode failures are printed too, as `{"quarantine": true, ...}` lines.
 * Bad input is never skipped in silence: each file that cannot be read, is not JSON, holds no transaction
 * or holds one that cannot be normalised gets one line on stderr (`megatron decode: <file>: <reason>`);
 * the other files are still decoded. Exit code: 0 when every input was read, 1 on a usage error or when
 * any input was bad.
 */
import type { Command } from './command.js';
import { decodeTransaction } from '../decoders/index.js';
import { eventToJson } from '../decoders/event-json.js';
import type { NormalizeResult } from '../contracts/chain-transaction.js';
import type { QuarantineRecord } from '../contracts/quarantine.js';
import { describeError } from '../shared/errors.js';
import { readTransactionsFromText } from '../stream/normalize/read-input.js';
import { describeBadFile, readTransactionFiles, type TransactionFile } from '../stream/transaction-files.js';

const USAGE = 'usage: megatron decode [--quarantine] <file|folder|-> ...';
const STDIN_NAME = 'stdin';

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function quarantineToJson(q: QuarantineRecord): Record<string, unknown> {
  return {
    quarantine: true, stage: q.stage, program: q.program, discriminator: q.discriminator, reason: q.reason,
    signature: q.signature, slot: q.slot === null ? null : Number(q.slot), position: q.position,
    raw: Buffer.from(q.raw).toString('hex'),
  };
}

function writeResults(results: NormalizeResult[], out: NodeJS.WritableStream, showQuarantine: boolean): void {
  for (const r of results) {
    if (!r.ok) {
      if (showQuarantine) out.write(`${JSON.stringify(quarantineToJson(r.quarantine))}\n`);
      continue;
    }
    const decoded = decodeTransaction(r.tx);
    for (const e of decoded.events) out.write(`${JSON.stringify(eventToJson(e))}\n`);
    if (showQuarantine) for (const q of decoded.quarantine) out.write(`${JSON.stringify(quarantineToJson(q))}\n`);
  }
}

/** The input's files; a path that cannot be read at all is one bad entry. */
async function readInput(input: string, stdin: NodeJS.ReadableStream): Promise<TransactionFile[] | { path: string; error: string }> {
  try {
    if (input !== '-') return await readTransactionFiles(input);
    const results = readTransactionsFromText(await readStream(stdin));
    const bad = results.filter((r) => !r.ok).length;
    return [{ path: STDIN_NAME, results, bad: results.length === 0 ? 1 : bad }];
  } catch (error) {
    return { path: input, error: `cannot read: ${describeError(error)}` };
  }
}

/** Runs the decode command; returns the process exit code. Problems with inputs go to `err`, one line each. */
export async function runDecodeCommand(args: string[], out: NodeJS.WritableStream, stdin: NodeJS.ReadableStream, err: NodeJS.WritableStream): Promise<number> {
  const showQuarantine = args.includes('--quarantine');
  const inputs = args.filter((a) => a !== '--quarantine');
  if (inputs.length === 0 || inputs.includes('--help') || inputs.includes('-h')) {
    out.write(`${USAGE}\n`);
    return inputs.length === 0 ? 1 : 0;
  }
  let exitCode = 0;
  const report = (path: string, reason: string): void => {
    err.write(`megatron decode: ${path}: ${reason}\n`);
    exitCode = 1;
  };
  for (const input of inputs) {
    const files = await readInput(input, stdin);
    if (!Array.isArray(files)) {
      report(files.path, files.error);
      continue;
    }
    for (const file of files) {
      writeResults(file.results, out, showQuarantine);
      const problem = file.results.length === 0 ? 'holds no transaction' : describeBadFile(file);
      if (problem !== null) report(file.path, problem);
    }
  }
  return exitCode;
}

export const decodeCommand: Command = {
  summary: 'decode transactions or blocks from files, folders or stdin (-) and print NDJSON events',
  usage: 'megatron decode [--quarantine] <file|folder|-> ...',
  run: (args, { stdout, stdin, stderr }) => runDecodeCommand(args, stdout, stdin, stderr),
};
