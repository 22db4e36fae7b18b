import { PassThrough, Readable } from 'node:stream';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDecodeCommand } from '../../../src/cli/decode-command.js';
import { FIXTURES_DIR, fixturesMissingReason } from '../../helpers/fixtures.js';

async function run(args: string[], stdinText = ''): Promise<{ code: number; lines: Record<string, unknown>[]; text: string }> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (c: Buffer) => (text += c.toString()));
  const code = await runDecodeCommand(args, out, Readable.from([stdinText]));
  const lines = text.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code, lines, text };
}

describe('megatron decode', () => {
  it('prints usage and exits 1 without inputs', async () => {
    const r = await run([]);
    expect([r.code, r.text]).toEqual([1, 'usage: megatron decode [--quarantine] <file|folder|-> ...\n']);
  });

  it.skipIf(fixturesMissingReason() !== null)('prints NDJSON events of a file and of stdin, identical', async () => {
    const file = join(FIXTURES_DIR as string, 'transactions/pump/create-buy__iurqm3R8LYed.rpc-base64.json');
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

  it('reports an unreadable path and exits 1', async () => {
    const r = await run(['/nonexistent/megatron-decode-input.json']);
    expect(r.code).toBe(1);
    expect(String(r.lines[0]?.error)).toContain('cannot read');
  });
});
