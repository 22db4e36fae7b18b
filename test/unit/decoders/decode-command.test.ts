import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { PassThrough, Readable } from 'node:stream';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDecodeCommand } from '../../../src/cli/decode-command.js';
import { createSyntheticMarket } from '../../../src/simulate/synthetic-market.js';
import { REAL_TRANSACTIONS_DIR, realTransactionsMissingReason } from '../../helpers/fixtures.js';
import { toGetTransactionResult } from '../../helpers/rpc-encodings.js';

const CREATE_BUY = 'transactions/pump/create-buy__iurqm3R8LYed.rpc-base64.json';
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function run(args: string[], stdinText = ''): Promise<{ code: number; lines: Record<string, unknown>[]; text: string; errors: string[] }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let text = '';
  let errText = '';
  out.on('data', (c: Buffer) => (text += c.toString()));
  err.on('data', (c: Buffer) => (errText += c.toString()));
  const code = await runDecodeCommand(args, out, Readable.from([stdinText]), err);
  const lines = text.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code, lines, text, errors: errText.split('\n').filter((l) => l !== '') };
}

describe('megatron decode', () => {
  it('prints usage and exits 1 without inputs', async () => {
    const r = await run([]);
    expect([r.code, r.text]).toEqual([1, 'usage: megatron decode [--quarantine] <file|folder|-> ...\n']);
  });

  it.skipIf(realTransactionsMissingReason(CREATE_BUY) !== null)('prints NDJSON events of a file and of stdin, identical', async () => {
    const file = join(REAL_TRANSACTIONS_DIR as string, CREATE_BUY);
    const fromFile = await run([file]);
    expect(fromFile.code).toBe(0);
    expect(fromFile.lines.map((l) => [l.kind, l.program, l.source, l.slot, l.success, l.position])).toEqual([
      ['create', 'pumpfun', 'cpi', 317897944, true, { outerIndex: 2, innerIndex: null, eventIndex: 0 }],
      ['trade', 'pumpfun', 'cpi', 317897944, true, { outerIndex: 4, innerIndex: null, eventIndex: 1 }],
    ]);
    expect(fromFile.lines[1]).toMatchObject({ mint: 'G3TpcmEy28TbzbyjL7TQy5noZbXrFBzJ5Vw5PqhTpump', solAmount: '800000147', tokenAmount: '27870134831168', isBuy: true });
    const { readFileSync } = await import('node:fs');
    const fromStdin = await run(['-'], readFileSync(file, 'utf8'));
    expect(fromStdin.lines).toEqual(fromFile.lines);
  });

  it('prints one stderr line per bad file naming it and the reason, decodes the others, and exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'megatron-decode-'));
    dirs.push(dir);
    const market = createSyntheticMarket({ seed: 9, tokensPerMinute: 120, tradesPerSecond: 30, startSlot: 440_000_000n, v1Share: 1 });
    const v1 = market.nextSlot().updates.find((u) => u.transaction)!.transaction!;
    const files: Record<string, string | Uint8Array> = {
      'a-v1.base58.json': JSON.stringify(toGetTransactionResult(v1, 'base58', 1, 1_790_000_000)),
      'b-garbage.json': '{"garbage":1}',
      'c-random.bin': Uint8Array.from({ length: 256 }, (_, i) => (i * 89 + 7) % 256),
      'd-empty.json': '',
      'e-not-found.json': JSON.stringify({ jsonrpc: '2.0', id: 1, result: null }),
      'f-block-in-base64-labelled-base58.json': JSON.stringify({ blockhash: 'b', parentSlot: 1, blockTime: 2, transactions: [{ ...toGetTransactionResult(v1, 'base64', 1, 2), transaction: [(toGetTransactionResult(v1, 'base64', 1, 2).transaction as string[])[0], 'base58'] }] }),
    };
    for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
    const folder = join(dir, 'g-folder');
    await mkdir(folder);
    await writeFile(join(folder, 'notes.txt'), 'no JSON here');
    const inputs = Object.keys(files).map((name) => join(dir, name));
    const r = await run([...inputs, folder]);
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      `megatron decode: ${inputs[1]}: not a transaction input: an object with keys "garbage"; expected an RPC getTransaction or getBlock result (json, jsonParsed, base64, base58, binary), a blockSubscribe or Yellowstone transaction, or a fixture shape of docs/decode-format.md`,
      `megatron decode: ${inputs[2]}: not JSON or NDJSON (binary data)`,
      `megatron decode: ${inputs[3]}: empty file`,
      `megatron decode: ${inputs[4]}: JSON-RPC result is null: the node has no such transaction or block`,
      `megatron decode: ${inputs[5]}: base58 transaction is not valid base58`,
      `megatron decode: ${folder}: folder holds no .json, .ndjson or .jsonl file`,
    ]);
    // The good file (a V1 trade in base58) is decoded all the same.
    const truth = market.truth.find((t) => t.signature === r.lines[0]?.signature);
    expect(truth).toBeDefined();
    expect(r.lines.filter((l) => l.kind === 'trade').map((l) => [l.signature, l.position])).toContainEqual([truth!.signature, { outerIndex: truth!.outerIndex, innerIndex: null, eventIndex: expect.any(Number) }]);
    // --quarantine also prints the records themselves on stdout.
    const q = await run(['--quarantine', inputs[1] as string]);
    expect(q.lines).toMatchObject([{ quarantine: true, stage: 'normalize', reason: expect.stringContaining('not a transaction input') }]);
    expect(q.code).toBe(1);
  });

  it('reads stdin that holds no transaction as a bad input too', async () => {
    const r = await run(['-'], '{"garbage":1}');
    expect([r.code, r.text, r.errors.length, r.errors[0]?.startsWith('megatron decode: stdin: not a transaction input')]).toEqual([1, '', 1, true]);
  });

  it('reports an unreadable path on stderr and exits 1', async () => {
    const r = await run(['/nonexistent/megatron-decode-input.json']);
    expect(r.code).toBe(1);
    expect(r.text).toBe('');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^megatron decode: \/nonexistent\/megatron-decode-input\.json: cannot read: ENOENT/);
  });
});
