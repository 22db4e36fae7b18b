/**
 * Start-up errors that say the fix: the real `megatron` process, started the way a new user gets each
 * setting wrong, prints exactly one line naming the cause and the fix (no stack trace, no secret) and
 * exits with status 1. Before, a database that was missing or not migrated ended with
 * `unexpected failure: relation "megatron_settings" does not exist` and a stack trace, and so did a busy
 * HTTP port in the demo.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../../src/postgres/migrate.js';
import { listMigrationNames } from '../../src/postgres/startup-checks.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/simulate/embedded-postgres.js';
import { startGeyserServer, type GeyserServer } from '../../src/simulate/geyser-server.js';
import { createMigratedDatabase, createTestDatabase, readTestServerUrl, type TestDatabase } from '../helpers/database.js';
import { startMegatron, waitUntil } from '../helpers/megatron-process.js';

const DB_SECRET = 'wrong-db-secret-5f2a';
const GRPC_SECRET = 'wrong-grpc-secret-91c4';
const REDIS_SECRET = 'wrong-redis-secret-7d3e';

/** A loopback port nothing listens on (bound once by us, then released). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** True when something accepts TCP connections on the loopback port. */
function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** Runs `megatron <args>` to its end; returns its exit code and everything it printed. */
async function runMegatron(args: string[], env: Record<string, string>): Promise<{ code: number | string; output: string }> {
  const run = startMegatron(args, { LOG_LEVEL: 'error', ...env });
  const code = await Promise.race([run.exited, new Promise<string>((resolve) => setTimeout(() => resolve('still running after 45 s'), 45_000))]);
  if (run.child.exitCode === null) run.child.kill('SIGKILL');
  return { code, output: run.output() };
}

function databaseUrl(name: string): string {
  const url = new URL(readTestServerUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

describe('start-up errors: one line with the fix, exit status 1', () => {
  const databases: TestDatabase[] = [];
  let migrated: TestDatabase;
  let geyser: GeyserServer;
  let redis: ChildProcess | null = null;
  let redisPort: number;
  let server: URL;

  beforeAll(async () => {
    server = new URL(readTestServerUrl());
    migrated = await createMigratedDatabase('startup_errors');
    databases.push(migrated);
    geyser = await startGeyserServer({ xToken: 'the-right-token' });
    redisPort = await freePort();
    redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--requirepass', 'the-right-password'], { stdio: 'ignore' });
  });

  afterAll(async () => {
    redis?.kill();
    await geyser?.close();
    for (const database of databases) await database.drop();
  });

  const where = (): string => `${server.hostname}:${server.port || '5432'}`;

  it('database missing', async () => {
    const { code, output } = await runMegatron(['ingest'], { DATABASE_URL: databaseUrl('megatron_no_such_db') });
    expect(output).toBe(`megatron: database "megatron_no_such_db" does not exist on ${where()}: create it (createdb megatron_no_such_db) or fix the database name in DATABASE_URL, then run npm run migrate\n`);
    expect(code).toBe(1);
  });

  it('not migrated (was: unexpected failure: relation "megatron_settings" does not exist, and a stack trace)', async () => {
    const empty = await createTestDatabase('startup_empty');
    databases.push(empty);
    const name = new URL(empty.url).pathname.slice(1);
    const { code, output } = await runMegatron(['ingest'], { DATABASE_URL: empty.url });
    expect(output).toBe(`megatron: database "${name}" at ${where()} is not migrated: run npm run migrate\n`);
    expect(code).toBe(1);
  });

  it('migrations behind', async () => {
    const behind = await createTestDatabase('startup_behind');
    databases.push(behind);
    await runMigrations({ databaseUrl: behind.url, count: listMigrationNames().length - 3 });
    const name = new URL(behind.url).pathname.slice(1);
    const { code, output } = await runMegatron(['ingest'], { DATABASE_URL: behind.url });
    expect(output).toBe(`megatron: migrations behind on database "${name}" at ${where()}: 3 pending: run npm run migrate\n`);
    expect(code).toBe(1);
  });

  it('PostgreSQL unreachable (megatron migrate)', async () => {
    const port = await freePort();
    const { code, output } = await runMegatron(['migrate'], { DATABASE_URL: `postgres://megatron:${DB_SECRET}@127.0.0.1:${port}/megatron` });
    expect(output).toBe(`megatron: PostgreSQL at 127.0.0.1:${port} is unreachable (connection refused): start PostgreSQL, or fix the host and port in DATABASE_URL\n`);
    expect(code).toBe(1);
  });

  it('authentication failed (a server that checks passwords: the embedded PostgreSQL)', async () => {
    let embedded: EmbeddedDatabase | null = null;
    try {
      embedded = await startEmbeddedPostgres(() => undefined);
      const url = new URL(embedded.url);
      url.password = DB_SECRET;
      for (const command of ['ingest', 'migrate']) {
        const { code, output } = await runMegatron([command], { DATABASE_URL: url.toString() });
        expect(output, command).toBe(`megatron: PostgreSQL at 127.0.0.1:${url.port} rejected the password of user "postgres": fix the user or the password in DATABASE_URL\n`);
        expect(code, command).toBe(1);
      }
    } finally {
      await embedded?.stop();
    }
  }, 90_000);

  it('Yellowstone endpoint unreachable', async () => {
    const port = await freePort();
    const { code, output } = await runMegatron(['ingest'], { DATABASE_URL: migrated.url, GRPC_ENDPOINT: `http://127.0.0.1:${port}` });
    expect(output).toBe(`megatron: Yellowstone endpoint http://127.0.0.1:${port} is unreachable (tcp connect error: Connection refused (os error 111)): check GRPC_ENDPOINT (http:// or https://, host and port) and that the server is running\n`);
    expect(code).toBe(1);
  });

  it('x-token rejected (gRPC UNAUTHENTICATED), and no token where one is required', async () => {
    const wrong = await runMegatron(['ingest'], { DATABASE_URL: migrated.url, GRPC_ENDPOINT: geyser.endpoint, GRPC_X_TOKEN: GRPC_SECRET });
    expect(wrong.output).toBe(`megatron: Yellowstone endpoint ${geyser.endpoint} rejected the x-token (UNAUTHENTICATED): set GRPC_X_TOKEN to the token your provider gave you for this endpoint\n`);
    expect(wrong.code).toBe(1);
    const none = await runMegatron(['ingest'], { DATABASE_URL: migrated.url, GRPC_ENDPOINT: geyser.endpoint });
    expect(none.output).toBe(`megatron: Yellowstone endpoint ${geyser.endpoint} requires an x-token (UNAUTHENTICATED) and GRPC_X_TOKEN is not set: set it to the token your provider gave you\n`);
    expect(none.code).toBe(1);
    expect(geyser.tokens).toContain(GRPC_SECRET);
  });

  it('Redis authentication failed (redis-server --requirepass)', async () => {
    await waitUntil(() => acceptsConnections(redisPort), 5_000, () => `redis-server on port ${redisPort}`);
    const env = { DATABASE_URL: migrated.url, GRPC_ENDPOINT: geyser.endpoint, GRPC_X_TOKEN: 'the-right-token' };
    const wrong = await runMegatron(['ingest'], { ...env, REDIS_URL: `redis://:${REDIS_SECRET}@127.0.0.1:${redisPort}` });
    expect(wrong.output).toBe(`megatron: Redis at 127.0.0.1:${redisPort} rejected the password (WRONGPASS): fix the user or the password in REDIS_URL\n`);
    expect(wrong.code).toBe(1);
    const none = await runMegatron(['ingest'], { ...env, REDIS_URL: `redis://127.0.0.1:${redisPort}` });
    expect(none.output).toBe(`megatron: Redis at 127.0.0.1:${redisPort} requires a password (NOAUTH) and REDIS_URL has none: put it in REDIS_URL (redis://:password@host:port)\n`);
    expect(none.code).toBe(1);
  });

  it('HTTP port in use (megatron demo and megatron ingest; the demo used to end with a stack trace)', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as { port: number };
    try {
      const expected = `megatron: HTTP port ${port} on 127.0.0.1 is in use: stop the process listening there, or set HTTP_PORT to a free port (0 picks one)\n`;
      const demo = await runMegatron(['demo'], { DATABASE_URL: migrated.url, HTTP_PORT: String(port), DEMO_TRADES_PER_SECOND: '50' });
      expect(demo.output).toBe(expected);
      expect(demo.code).toBe(1);
      const ingest = await runMegatron(['ingest'], { DATABASE_URL: migrated.url, GRPC_ENDPOINT: geyser.endpoint, GRPC_X_TOKEN: 'the-right-token', HTTP_PORT: String(port) });
      expect(ingest.output).toBe(expected);
      expect(ingest.code).toBe(1);
    } finally {
      await new Promise<void>((resolve) => busy.close(() => resolve()));
    }
  });
});
