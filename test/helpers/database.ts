/**
 * A fresh PostgreSQL database per test file, so test files run in parallel without seeing each other's
 * rows. The server is the one named by TEST_DATABASE_URL (default: the local `test` database); the new
 * database lives beside it and is dropped (with its connections) by `drop()`.
 *
 * Migrated databases are copies (`create database … template …`) of one template database per
 * migrations folder: `megatron_tpl_<hash>`, the hash taken over the migration files' names and contents
 * (and PGOPTIONS, which can force the database mode). The first caller on a server creates and migrates
 * it; every later caller, in this run or the next, copies it. A changed migration gives a new name, so a
 * stale template is never used. Creation is serialised across vitest workers and test processes by a
 * PostgreSQL advisory lock (see `ensureMigratedTemplate`). Works with and without vitest (bench/ uses it).
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { MIGRATIONS_DIR, runMigrationsWithClient } from '../../src/postgres/migrate.js';

/** The server (and maintenance database) tests connect to when TEST_DATABASE_URL is unset. */
export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** Prefix of the template databases' names; any other `megatron_tpl_*` is from other migrations. */
export const TEMPLATE_PREFIX = 'megatron_tpl_';

/** Advisory lock key (two int4s: "MEGA", "TPL1") held while a template is checked, built or dropped. */
const TEMPLATE_LOCK_SQL = 'select pg_advisory_lock(1296385857, 1414548529)';
const TEMPLATE_UNLOCK_SQL = 'select pg_advisory_unlock(1296385857, 1414548529)';

/** Templates of other migration folders older than this are dropped when a new template is built. */
const STALE_TEMPLATE_AGE_MS = 60 * 60 * 1000;

/** A database created for one test file. */
export interface TestDatabase {
  /** Connection string of the new database. */
  url: string;
  /** Drops the database, terminating any connection still open to it. */
  drop(): Promise<void>;
}

/** Connection string of the server tests use. */
export function readTestServerUrl(): string {
  return process.env['TEST_DATABASE_URL'] ?? DEFAULT_TEST_DATABASE_URL;
}

/**
 * Creates an empty, uniquely named database (`<prefix>_<pid>_<random>`, lowercased, at most 63 bytes).
 * Tests of the migrations themselves start from this and run them.
 * @param prefix a short name for the test file, e.g. `migrations`.
 */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  return createDatabase(prefix, null);
}

/**
 * Creates a fresh database (see `createTestDatabase`) holding every migration: a copy of the migrated
 * template, which is built first if this server does not have it yet.
 */
export async function createMigratedDatabase(prefix: string): Promise<TestDatabase> {
  const template = await ensureMigratedTemplate();
  try {
    return await createDatabase(prefix, template);
  } catch (error) {
    // 3D000: the template is gone (another checkout's run dropped it as stale); build it again once.
    if ((error as { code?: string }).code !== '3D000') throw error;
    templates.delete(readTestServerUrl());
    return createDatabase(prefix, await ensureMigratedTemplate());
  }
}

/** Name of the template database for the migrations folder as it is now. */
export function migratedTemplateName(): string {
  const hash = createHash('sha1');
  for (const file of readdirSync(MIGRATIONS_DIR).sort()) {
    hash.update(file).update('\0').update(readFileSync(join(MIGRATIONS_DIR, file))).update('\0');
  }
  hash.update(`PGOPTIONS=${process.env['PGOPTIONS'] ?? ''}`);
  return `${TEMPLATE_PREFIX}${hash.digest('hex').slice(0, 16)}`;
}

/** Per server URL: the template this process has made sure of (a promise, so callers share one build). */
const templates = new Map<string, Promise<string>>();

/**
 * Makes sure the server has the migrated template database and returns its name. Once per process;
 * vitest's globalSetup calls it up front, and `createMigratedDatabase` calls it lazily (bench/).
 *
 * Safe against parallel workers and processes: a template counts as ready only once it is marked
 * `is_template` (the last step), and the steps "exists and ready? / otherwise drop a half-built one,
 * create, migrate, mark" run under `pg_advisory_lock` on the maintenance connection, so exactly one
 * session builds it while the others wait and then find it ready. A crashed builder's session ends,
 * which releases the lock, and its half-built database (not marked) is rebuilt by the next one.
 */
export function ensureMigratedTemplate(): Promise<string> {
  const serverUrl = readTestServerUrl();
  let ready = templates.get(serverUrl);
  if (ready === undefined) {
    ready = buildTemplateOnce(serverUrl, migratedTemplateName());
    templates.set(serverUrl, ready);
    ready.catch(() => templates.delete(serverUrl));
  }
  return ready;
}

async function buildTemplateOnce(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    if ((await readTemplateState(admin, name)) === 'ready') return name;
    await admin.query(TEMPLATE_LOCK_SQL);
    try {
      const state = await readTemplateState(admin, name);
      if (state === 'ready') return name;
      if (state === 'half-built') await admin.query(`drop database ${pg.escapeIdentifier(name)} with (force)`);
      await dropStaleTemplates(admin, name);
      await admin.query(`create database ${pg.escapeIdentifier(name)}`);
      try {
        await migrateTemplate(serverUrl, name);
        // Nobody may connect to it from now on: `create database … template` refuses a template with sessions.
        await admin.query(`alter database ${pg.escapeIdentifier(name)} with allow_connections false`);
        await disconnectAll(admin, name);
        await admin.query(
          `comment on database ${pg.escapeIdentifier(name)} is ${pg.escapeLiteral(`megatron test template, built ${new Date().toISOString()}`)}`,
        );
        await admin.query(`alter database ${pg.escapeIdentifier(name)} with is_template true`);
      } catch (error) {
        await admin.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`).catch(() => undefined);
        throw error;
      }
      return name;
    } finally {
      await admin.query(TEMPLATE_UNLOCK_SQL);
    }
  } finally {
    await admin.end();
  }
}

async function readTemplateState(admin: pg.Client, name: string): Promise<'missing' | 'half-built' | 'ready'> {
  const { rows } = await admin.query<{ datistemplate: boolean }>(
    'select datistemplate from pg_database where datname = $1',
    [name],
  );
  if (rows.length === 0) return 'missing';
  return rows[0]!.datistemplate ? 'ready' : 'half-built';
}

/** Runs the migrations on our own client and waits for it to close (node-pg-migrate does not await its `end`). */
async function migrateTemplate(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, name) });
  await client.connect();
  try {
    await runMigrationsWithClient(client, {});
  } finally {
    await client.end();
  }
}

/** Terminates any session still on `name` and waits until the server has none (at most 10 s). */
async function disconnectAll(admin: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { rows } = await admin.query<{ pid: number }>(
      'select pid, pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [name],
    );
    if (rows.length === 0) return;
    await sleep(100);
  }
  throw new Error(`sessions are still connected to the template database ${name}`);
}

/**
 * Drops `megatron_tpl_*` databases other than `keep` that were built over an hour ago (or carry no build
 * time): templates of older migrations. Younger ones may belong to a run of another checkout that is
 * still copying them; that run rebuilds its template if it finds it gone (see `createMigratedDatabase`).
 */
async function dropStaleTemplates(admin: pg.Client, keep: string): Promise<void> {
  const { rows } = await admin.query<{ datname: string; note: string | null }>(
    `select datname, shobj_description(oid, 'pg_database') as note from pg_database
     where starts_with(datname, $1) and datname <> $2`,
    [TEMPLATE_PREFIX, keep],
  );
  for (const { datname, note } of rows) {
    const built = Date.parse(/built (\S+)$/.exec(note ?? '')?.[1] ?? '');
    if (Number.isFinite(built) && Date.now() - built < STALE_TEMPLATE_AGE_MS) continue;
    await admin.query(`alter database ${pg.escapeIdentifier(datname)} with is_template false`);
    await admin.query(`drop database if exists ${pg.escapeIdentifier(datname)} with (force)`);
  }
}

async function createDatabase(prefix: string, template: string | null): Promise<TestDatabase> {
  const serverUrl = readTestServerUrl();
  const cleanPrefix = prefix.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 40);
  const name = `${cleanPrefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const from = template === null ? '' : ` template ${pg.escapeIdentifier(template)}`;
  await runOnServer(serverUrl, `create database ${pg.escapeIdentifier(name)}${from}`);
  return {
    url: databaseUrl(serverUrl, name),
    drop: () => runOnServer(serverUrl, `drop database if exists ${pg.escapeIdentifier(name)} with (force)`),
  };
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function runOnServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
