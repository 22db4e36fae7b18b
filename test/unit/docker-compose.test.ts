/**
 * Docker does not run on our CI machines, so the compose file is checked by parsing it: the services
 * exist, images are pinned, every long-running service has a health check and a restart policy, and
 * start-up order follows health (database healthy -> migrate done -> megatron).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  restart?: string;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  env_file?: unknown;
  environment?: Record<string, string>;
  volumes?: string[];
}

const compose = parse(readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const { services } = compose;

describe('docker-compose.yml', () => {
  it('defines the whole system', () => {
    expect(Object.keys(services).sort()).toEqual(['megatron', 'migrate', 'redis', 'timescaledb']);
  });

  it('pins the official TimescaleDB image and Redis to exact versions', () => {
    expect(services.timescaledb?.image).toMatch(/^timescale\/timescaledb:\d+\.\d+\.\d+-pg1[5-9]$/);
    expect(services.redis?.image).toMatch(/^redis:7\.\d+\.\d+(-alpine)?$/);
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
