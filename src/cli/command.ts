/**
 * What every command of the `megatron` CLI is and gets: the command's shape (summary, usage, run) and the
 * context it runs in (validated configuration, a logger, the process's streams). Commands import this;
 * nothing here imports a command, so the entry file (src/cli.ts) and the commands never import each other.
 */
import type { Config } from '../config.js';
import type { Logger } from '../shared/logger.js';
import { FatalError } from '../shared/errors.js';
import { createPgPool, type PgPool } from '../postgres/pg-pool.js';
import { checkDatabase } from '../postgres/startup-checks.js';

/** What a command may use of the process (injected so tests can run commands in-process). */
export interface CliIo {
  env: Record<string, string | undefined>;
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export interface CommandContext extends CliIo {
  config: Config;
  logger: Logger;
}

export interface Command {
  summary: string;
  usage: string;
  run(args: string[], ctx: CommandContext): Promise<number>;
}

/** DATABASE_URL, or a fatal error that says to set it. */
export function requireDatabaseUrl(ctx: CommandContext, purpose = 'the database to write into'): string {
  if (!ctx.config.DATABASE_URL) throw new FatalError('DATABASE_URL is not set', `Set DATABASE_URL to ${purpose}.`);
  return ctx.config.DATABASE_URL;
}

/** Writes a value as indented JSON (bigints as strings) to the command's stdout. */
export function printJson(ctx: CommandContext, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`);
}

/** Runs `work` with a small pool on DATABASE_URL (checked first: reachable, migrated), ended afterwards. */
export async function withPool<T>(ctx: CommandContext, work: (pool: PgPool) => Promise<T>): Promise<T> {
  const databaseUrl = requireDatabaseUrl(ctx, 'the Megatron database');
  await checkDatabase(databaseUrl, { migrated: true });
  const pool = createPgPool({ connectionString: databaseUrl, max: 2 });
  try {
    return await work(pool);
  } finally {
    await pool.end();
  }
}

/** An ISO-8601 time option, or a fatal error naming the option. */
export function parseTimeOption(value: string | undefined, name: string): Date {
  const time = value ? new Date(value) : null;
  if (!time || Number.isNaN(time.getTime())) throw new FatalError(`--${name} must be an ISO-8601 time, got "${value ?? ''}"`);
  return time;
}
