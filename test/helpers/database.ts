/**
 * A fresh PostgreSQL database per test file, so test files run in parallel without seeing each other's
 * rows. The server is the one named by TEST_DATABASE_URL (default: the local `test` database); the new
 * database lives beside it and is dropped (with its connections) by `drop()`.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { runMigrations } from '../../src/postgres/migrate.js';

/** The server (and maintenance database) tests connect to when TEST_DATABASE_URL is unset. */
export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

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
 * @param prefix a short name for the test file, e.g. `migrations`.
 */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const serverUrl = readTestServerUrl();
  const cleanPrefix = prefix.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 40);
  const name = `${cleanPrefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await runOnServer(serverUrl, `create database ${pg.escapeIdentifier(name)}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => runOnServer(serverUrl, `drop database if exists ${pg.escapeIdentifier(name)} with (force)`),
  };
}

/** Creates a fresh database (see `createTestDatabase`) and runs every migration up on it. */
export async function createMigratedDatabase(prefix: string): Promise<TestDatabase> {
  const database = await createTestDatabase(prefix);
  try {
    await runMigrations({ databaseUrl: database.url });
  } catch (error) {
    await database.drop();
    throw error;
  }
  return database;
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
