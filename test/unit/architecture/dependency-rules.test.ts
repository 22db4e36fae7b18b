/**
 * The stage table (.dependency-cruiser.cjs) is real: the source tree passes it, and a copy of the tree with
 * one forbidden import per rule fails it, each probe on the rule meant to catch it. No database; the copy
 * lives in a temporary folder, so the working tree is never touched.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DEPCRUISE = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');

interface Violation { rule: { name: string }; from: string; to: string }

/** The violations as JSON (that reporter always exits 0). */
function cruise(cwd: string): { violations: Violation[] } {
  const run = spawnSync(process.execPath, [DEPCRUISE, 'src', '--config', CONFIG, '--output-type', 'json'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const report = JSON.parse(run.stdout) as { summary: { violations: Violation[] } };
  return { violations: report.summary.violations };
}

/** The exit status of the check as `npm run lint:deps` runs it (the default reporter). */
function lintStatus(cwd: string): number | null {
  return spawnSync(process.execPath, [DEPCRUISE, 'src', '--config', CONFIG], { cwd, encoding: 'utf8' }).status;
}

/** Each probe: a file added to the copy, and the rule that must name it. */
const PROBES: Array<{ file: string; source: string; rule: string | null }> = [
  { file: 'src/decoders/probe-pg.ts', source: "import pg from 'pg';\nexport const probe = pg;\n", rule: 'pg-only-in-postgres' },
  { file: 'src/decoders/probe-fs.ts', source: "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n", rule: 'pure-no-io' },
  { file: 'src/analytics/scoring/probe-io.ts', source: "import { createPgPool } from '../../postgres/pg-pool.js';\nexport const probe = createPgPool;\n", rule: 'formulas-pure' },
  { file: 'src/decoders/probe-stream.ts', source: "import { mapSubscribeUpdate } from '../stream/update-mapper.js';\nexport const probe = mapSubscribeUpdate;\n", rule: 'decoders-pure' },
  { file: 'src/stream/probe-later-stage.ts', source: "import { createPipeline } from '../pipeline/pipeline.js';\nexport const probe = createPipeline;\n", rule: 'stage-order-stream' },
  { file: 'src/postgres/probe-redis.ts', source: "import { createKeyNames } from '../redis/keys.js';\nexport const probe = createKeyNames;\n", rule: 'sinks-apart' },
  { file: 'src/pipeline/probe-ioredis.ts', source: "import Redis from 'ioredis';\nexport const probe = Redis;\n", rule: 'ioredis-only-in-redis' },
  { file: 'src/api/probe-grpc.ts', source: "import { CommitmentLevel } from '@triton-one/yellowstone-grpc';\nexport const probe = CommitmentLevel;\n", rule: 'yellowstone-only-in-stream' },
  { file: 'src/analytics/ml/probe-upward.ts', source: "import { scoreToken } from '../scoring/score-token.js';\nexport const probe = scoreToken;\n", rule: 'formula-folder-order' },
  { file: 'src/analytics/scoring/probe-upward.ts', source: "import { decideSignal } from '../signals/signal-rules.js';\nexport const probe = decideSignal;\n", rule: 'formula-folder-order-scoring' },
  { file: 'src/analytics/signals/probe-sideways.ts', source: "import { computeHolderSnapshot } from '../holders/holder-snapshot.js';\nexport const probe = computeHolderSnapshot;\n", rule: 'formula-folder-order-signals' },
  { file: 'src/decoders/probe-logger.ts', source: "import { createLogger } from '../shared/logger.js';\nexport const probe = createLogger;\n", rule: 'pure-no-process-state' },
  { file: 'src/shared/probe-cycle-a.ts', source: "import { b } from './probe-cycle-b.js';\nexport const a = (): number => b() + 1;\n", rule: 'no-circular' },
  // The other half of the cycle: depcruise reports a cycle once, from the module it met first.
  { file: 'src/shared/probe-cycle-b.ts', source: "import { a } from './probe-cycle-a.js';\nexport const b = (): number => a() - 1;\n", rule: null },
];

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

// Each cruise reads the whole tree with the TypeScript resolver: ~3 s on an idle machine, 10-20 s on a busy one.
const CRUISE_TIMEOUT_MS = 180_000;

describe('dependency rules (.dependency-cruiser.cjs)', () => {
  it('the source tree has no violation', () => {
    const result = cruise(ROOT);
    expect(result.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
    expect(lintStatus(ROOT)).toBe(0);
  }, CRUISE_TIMEOUT_MS);

  it('fails on each forbidden import, naming the rule meant to catch it', () => {
    const copy = mkdtempSync(join(tmpdir(), 'megatron-deps-'));
    copies.push(copy);
    cpSync(join(ROOT, 'src'), join(copy, 'src'), { recursive: true });
    cpSync(join(ROOT, 'tsconfig.json'), join(copy, 'tsconfig.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
    expect(cruise(copy).violations).toEqual([]);
    for (const probe of PROBES) writeFileSync(join(copy, probe.file), probe.source);

    const result = cruise(copy);
    expect(lintStatus(copy)).not.toBe(0);
    for (const probe of PROBES) {
      if (probe.rule === null) continue;
      const named = result.violations.filter((v) => v.from === probe.file).map((v) => v.rule.name);
      expect({ file: probe.file, rules: named }).toEqual({ file: probe.file, rules: expect.arrayContaining([probe.rule]) });
    }
    // Nothing but the probes is reported.
    expect(result.violations.filter((v) => !PROBES.some((p) => p.file === v.from))).toEqual([]);
  }, CRUISE_TIMEOUT_MS);

  it('runs in npm run lint', () => {
    const scripts = JSON.parse(execFileSync(process.execPath, ['-e', "process.stdout.write(JSON.stringify(require('./package.json').scripts))"], { cwd: ROOT, encoding: 'utf8' })) as Record<string, string>;
    expect(scripts['lint']).toContain('lint:deps');
    expect(scripts['lint:deps']).toContain('depcruise');
  });
});
