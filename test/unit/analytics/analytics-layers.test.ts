/**
 * The layers of src/analytics/, read from the import statements of its files:
 * - formula folders (scoring, signals, ml, holders, social) import only src/contracts/, the pure parts of
 *   src/shared/ (time, base58, errors), node:crypto, and the formula folders below them in one direction:
 *   ml ← scoring ← signals; holders and social stand alone. Never the jobs, config, a sink, rpc or an
 *   I/O library;
 * - src/analytics/jobs/ sits above every formula folder; nothing in the formula folders imports it;
 * - no import cycle between any two modules of src/analytics/.
 * Each rule is also run on a made-up graph that breaks it, so the check itself is known to fail.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const ANALYTICS = 'src/analytics';

/** Formula folder → the formula folders it may import. */
const FORMULA_FOLDERS: Readonly<Record<string, readonly string[]>> = {
  ml: [],
  scoring: ['ml'],
  signals: ['scoring', 'ml'],
  holders: [],
  social: [],
};
const PURE_TARGETS = [/^src\/contracts\//, /^src\/shared\/(time|base58|errors)\.ts$/, /^node:crypto$/];

/** Module (repo-relative .ts path) → what it imports: repo-relative .ts paths, or bare package names. */
type ImportGraph = ReadonlyMap<string, readonly string[]>;

function readAnalyticsGraph(): ImportGraph {
  const graph = new Map<string, string[]>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) graph.set(path, importsOf(path));
    }
  };
  walk(ANALYTICS);
  return graph;
}

function importsOf(path: string): string[] {
  const text = readFileSync(join(ROOT, path), 'utf8');
  const specifiers = [...text.matchAll(/^(?:import|export)\b[^'";]*?from\s*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  return specifiers.map((s) => (s.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(path), s)).replace(/\.js$/, '.ts') : s));
}

const folderOf = (path: string): string | null => (path.startsWith(`${ANALYTICS}/`) ? path.split('/')[2]! : null);

/** Imports a formula module may not have, as "from → to". */
function listLayerViolations(graph: ImportGraph): string[] {
  const out: string[] = [];
  for (const [from, targets] of graph) {
    const folder = folderOf(from)!;
    const allowed = FORMULA_FOLDERS[folder];
    if (!allowed) continue;
    for (const to of targets) {
      const toFolder = folderOf(to);
      const ok = toFolder !== null ? toFolder === folder || allowed.includes(toFolder) : PURE_TARGETS.some((p) => p.test(to));
      if (!ok) out.push(`${from} → ${to}`);
    }
  }
  return out;
}

/** One import cycle inside the graph, or null. */
function findCycle(graph: ImportGraph): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe('analytics layers', () => {
  const graph = readAnalyticsGraph();

  it('reads every folder of src/analytics: the formula folders and the jobs', () => {
    expect([...new Set([...graph.keys()].map((p) => folderOf(p)))].sort()).toEqual(['holders', 'jobs', 'ml', 'scoring', 'signals', 'social']);
    expect(graph.get('src/analytics/scoring/score-batch.ts')).toEqual([
      'src/contracts/cache-batch.ts', 'src/analytics/ml/graduation-model.ts', 'src/contracts/scoring.ts', 'src/analytics/scoring/score-token.ts', 'src/analytics/scoring/scoring-settings.ts',
    ]);
  });

  it('formula folders import only contracts, pure shared modules and the formula folders below them', () => {
    expect(listLayerViolations(graph)).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(findCycle(graph)).toBeNull();
  });

  it('the checks fail on a graph that breaks them', () => {
    const broken: ImportGraph = new Map([
      ['src/analytics/ml/model.ts', ['src/analytics/scoring/score.ts', 'src/postgres/pg-pool.ts']],
      ['src/analytics/scoring/score.ts', ['src/analytics/ml/model.ts', 'src/analytics/jobs/run.ts', 'src/config.ts', 'node:fs', 'pg']],
      ['src/analytics/jobs/run.ts', ['src/postgres/pg-pool.ts', 'src/analytics/scoring/score.ts']],
    ]);
    expect(listLayerViolations(broken)).toEqual([
      'src/analytics/ml/model.ts → src/analytics/scoring/score.ts',
      'src/analytics/ml/model.ts → src/postgres/pg-pool.ts',
      'src/analytics/scoring/score.ts → src/analytics/jobs/run.ts',
      'src/analytics/scoring/score.ts → src/config.ts',
      'src/analytics/scoring/score.ts → node:fs',
      'src/analytics/scoring/score.ts → pg',
    ]);
    expect(findCycle(broken)).toEqual(['src/analytics/ml/model.ts', 'src/analytics/scoring/score.ts', 'src/analytics/ml/model.ts']);
  });
});
