/**
 * Runs the SQL migrations in `migrations/` with node-pg-migrate's programmatic runner.
 *
 * The same files run from node-pg-migrate's CLI (`node-pg-migrate up -m migrations`); the migrations
 * decide TimescaleDB or plain mode themselves (see `readDatabaseMode`). Each migration runs in its own
 * transaction; a second `up` on an up-to-date database runs nothing and returns `[]`.
 */
import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import type { ClientBase } from 'pg';

/** Folder of the SQL migrations, resolved from this file so it works from src/ (tsx) and dist/src/. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));

/** Table in which node-pg-migrate records the migrations that ran. */
export const MIGRATIONS_TABLE = 'pgmigrations';

/** Options of `runMigrations`. */
export interface RunMigrationsOptions {
  databaseUrl: string;
  /** Default `up`. */
  direction?: 'up' | 'down';
  /** How many migrations to run; default: all for `up`, one for `down` (node-pg-migrate's defaults). */
  count?: number;
  /** Receives node-pg-migrate's progress lines; silent when omitted. */
  log?: (msg: string) => void;
}

/**
 * Applies (or reverts) migrations on the database at `databaseUrl`.
 * @returns the names of the migrations that ran, in the order they ran.
 */
export async function runMigrations(opts: RunMigrationsOptions): Promise<string[]> {
  return runWithConnection({ databaseUrl: opts.databaseUrl }, opts);
}

/** The part of pg's client API node-pg-migrate calls on an external client. */
export interface MigrationClient {
  query(config: string | { text: string; values?: unknown[] }, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * Same as `runMigrations`, on a client the caller owns (left open). Any object with pg's `query`
 * shape works, e.g. an adapter over an in-process database in tests.
 */
export async function runMigrationsWithClient(
  client: MigrationClient,
  opts: Omit<RunMigrationsOptions, 'databaseUrl'>,
): Promise<string[]> {
  return runWithConnection({ dbClient: client as unknown as ClientBase }, opts);
}

async function runWithConnection(
  connection: { databaseUrl: string } | { dbClient: ClientBase },
  opts: Omit<RunMigrationsOptions, 'databaseUrl'>,
): Promise<string[]> {
  const log = opts.log ?? (() => undefined);
  const ran = await runner({
    ...connection,
    dir: MIGRATIONS_DIR,
    migrationsTable: MIGRATIONS_TABLE,
    direction: opts.direction ?? 'up',
    ...(opts.count === undefined ? {} : { count: opts.count }),
    checkOrder: true,
    log,
    logger: { debug: log, info: log, warn: log, error: log },
    verbose: false,
  });
  return ran.map((migration) => migration.name);
}
