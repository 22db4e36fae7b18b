/**
 * `megatron decode <file or folder ...|->`: reads transactions in any supported shape (docs/decode-format.md)
 * and prints one JSON object per decoded event (NDJSON), in transaction order. With `--quarantine`,
 * normalisation and decode failures are printed too, as `{"quarantine": true, ...}` lines.
 * Exit code: 0 when every input was read, 1 on usage errors or unreadable inputs.
 */
import type { Command } from './command.js';
import { decodeTransaction } from '../decoders/index.js';
import { eventToJson } from '../decoders/event-json.js';
import type { NormalizeResult } from '../contracts/chain-transaction.js';
import type { QuarantineRecord } from '../contracts/quarantine.js';
import { readTransactionsFromText } from '../stream/normalize/read-input.js';
import { readTransactionsFromPath } from '../stream/transaction-files.js';

const USAGE = 'usage: megatron decode [--quarantine] <file|folder|-> ...';

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

/** Runs the decode command; returns the process exit code. */
export async function runDecodeCommand(args: string[], out: NodeJS.WritableStream, stdin: NodeJS.ReadableStream): Promise<number> {
  const showQuarantine = args.includes('--quarantine');
  const inputs = args.filter((a) => a !== '--quarantine');
  if (inputs.length === 0 || inputs.includes('--help') || inputs.includes('-h')) {
    out.write(`${USAGE}\n`);
    return inputs.length === 0 ? 1 : 0;
  }
  let exitCode = 0;
  for (const input of inputs) {
    try {
      const results = input === '-' ? readTransactionsFromText(await readStream(stdin)) : await readTransactionsFromPath(input);
      writeResults(results, out, showQuarantine);
    } catch (error) {
      out.write(`${JSON.stringify({ error: `cannot read ${input}: ${error instanceof Error ? error.message : String(error)}` })}\n`);
      exitCode = 1;
    }
  }
  return exitCode;
}

export const decodeCommand: Command = {
  summary: 'decode transactions or blocks from files, folders or stdin (-) and print NDJSON events',
  usage: 'megatron decode <file|folder|-> ...',
  run: (args, { stdout, stdin }) => runDecodeCommand(args, stdout, stdin),
};
