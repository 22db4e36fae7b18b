/**
 * Start-up checks of DATABASE_URL: before a command uses the database, one connection of its own tells
 * whether the server answers, takes the credentials, has the database, and (for the service) has run
 * every migration of this build. Each failure becomes a `FatalError` whose message is one line naming
 * the cause and the fix; `main` prints it without a stack trace and exits 1.
 *
 * The lines name the host, port, database and user, never the password (nor the rest of the URL).
 */
import { readdirSync } from 'node:fs';
import pg from 'pg';
import { FatalError } from '../shared/errors.js';
import { MIGRATIONS_DIR, MIGRATIONS_TABLE } from './migrate.js';

/** What the messages show of DATABASE_URL: never the password. */
export interface DatabaseTarget {
  host: string;
  port: string;
  database: string;
  user: string;
}

const CONNECT_TIMEOUT_MS = 10_000;

/** Network failures of the connection (Node's error codes) and how a line says them. */
const UNREACHABLE_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'connection reset',
  ENOENT: 'no such socket',
};

const SELECT_MIGRATIONS_TABLE_SQL = `select to_regclass($1) is not null as present`;
const SELECT_APPLIED_MIGRATIONS_SQL = `select name from ${MIGRATIONS_TABLE}`;

/** Host, port, database and user of a postgres:// URL, with libpq's defaults for what it leaves out. */
export function describeDatabaseTarget(databaseUrl: string): DatabaseTarget {
  try {
    const url = new URL(databaseUrl);
    const user = decodeURIComponent(url.username) || 'postgres';
    return {
      host: url.searchParams.get('host') ?? (url.hostname || 'localhost'),
      port: url.searchParams.get('port') ?? (url.port || '5432'),
      database: decodeURIComponent(url.pathname.replace(/^\//, '')) || user,
      user,
    };
  } catch {
    return { host: '?', port: '?', database: '?', user: '?' };
  }
}

/**
 * Explains a failure to connect or log in as one line with the fix, or returns null when the error is
 * not one of those (the caller rethrows it as it is).
 */
export function explainConnectionFailure(error: unknown, target: DatabaseTarget): FatalError | null {
  const server = `PostgreSQL at ${target.host}:${target.port}`;
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const fatal = (line: string): FatalError => new FatalError(line, null, { cause: error });
  if (code === '3D000') {
    return fatal(`database "${target.database}" does not exist on ${target.host}:${target.port}: create it (createdb ${target.database}) or fix the database name in DATABASE_URL, then run npm run migrate`);
  }
  if (code === '28P01') return fatal(`${server} rejected the password of user "${target.user}": fix the user or the password in DATABASE_URL`);
  if (code === '28000') return fatal(`${server} refused user "${target.user}" (${message}): fix the user in DATABASE_URL, or allow it in the server's pg_hba.conf`);
  if (/client password must be a string/.test(message)) {
    return fatal(`${server} asks user "${target.user}" for a password and DATABASE_URL has none: put it in DATABASE_URL (postgres://user:password@host:port/database)`);
  }
  if (code === '57P03') return fatal(`${server} is not accepting connections yet (${message}): wait until it has started, then start again`);
  if (code === '53300') return fatal(`${server} has no free connection slot (${message}): raise the server's max_connections or lower PG_POOL_MAX`);
  const reason = typeof code === 'string' ? UNREACHABLE_REASONS[code] : undefined;
  const timedOut = /timeout/i.test(message) && /connect/i.test(message);
  if (reason !== undefined || timedOut || isAggregateOfNetworkErrors(error)) {
    const why = reason ?? (timedOut ? `no answer in ${CONNECT_TIMEOUT_MS / 1000} s` : 'connection failed');
    return fatal(`${server} is unreachable (${why}): start PostgreSQL, or fix the host and port in DATABASE_URL`);
  }
  return null;
}

/** Node reports a refused connection to a name with several addresses (localhost: ::1 and 127.0.0.1) as an AggregateError. */
function isAggregateOfNetworkErrors(error: unknown): boolean {
  return error instanceof AggregateError && error.errors.length > 0
    && error.errors.every((inner: unknown) => typeof (inner as { code?: unknown }).code === 'string' && (inner as { code: string }).code in UNREACHABLE_REASONS);
}

/** Names of the migrations this build carries (node-pg-migrate's names: the file names without extension). */
export function listMigrationNames(): string[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((file) => !file.startsWith('.'))
    .map((file) => file.replace(/\.[^.]+$/, ''))
    .sort();
}

/**
 * Connects once to DATABASE_URL: the server answers, takes the user and password, and has the database.
 * Then, with `migrated`, the database has run every migration of this build.
 * @throws FatalError with one line naming the cause and the fix.
 */
export async function checkDatabase(databaseUrl: string, options: { migrated: boolean }): Promise<void> {
  const target = describeDatabaseTarget(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, application_name: 'megatron-startup-check' });
  // A connection lost during the check must not become an unhandled 'error' event.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw explainConnectionFailure(error, target) ?? error;
  }
  try {
    if (options.migrated) await checkMigrated(client, target);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkMigrated(client: pg.Client, target: DatabaseTarget): Promise<void> {
  const where = `database "${target.database}" at ${target.host}:${target.port}`;
  const { rows: [table] } = await client.query<{ present: boolean }>(SELECT_MIGRATIONS_TABLE_SQL, [MIGRATIONS_TABLE]);
  const applied = table?.present ? new Set((await client.query<{ name: string }>(SELECT_APPLIED_MIGRATIONS_SQL)).rows.map((row) => row.name)) : new Set<string>();
  if (applied.size === 0) throw new FatalError(`${where} is not migrated: run npm run migrate`);
  const pending = listMigrationNames().filter((name) => !applied.has(name));
  if (pending.length > 0) throw new FatalError(`migrations behind on ${where}: ${pending.length} pending: run npm run migrate`);
}
