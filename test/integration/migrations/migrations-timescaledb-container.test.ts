/**
 * The migrations on the official TimescaleDB image (pinned), through testcontainers, when a Docker engine
 * is reachable: the same checks as the PGlite test, on a real server with its background scheduler.
 * Without Docker the file is skipped with a printed reason (the PGlite test still covers the path).
 */
import { countMigrationFiles } from "../../helpers/seed-columns.js";
import { existsSync } from 'node:fs';
import pg from 'pg';
import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatabaseMode } from '../../../src/postgres/database-mode.js';
import { runMigrations } from '../../../src/postgres/migrate.js';
import { checkConstraints } from '../../helpers/constraint-checks.js';
import { SEED_COLUMNS, SELECT_PUBLIC_COLUMNS_SQL, SELECT_PUBLIC_LEFTOVERS_SQL, groupColumns, pickSeedColumns } from '../../helpers/seed-columns.js';
import { checkTimescaleObjects, runPolicyJobs } from '../../helpers/timescale-checks.js';
import { composeImage } from '../../helpers/compose-file.js';

/** The official image docker-compose.yml pins (README "Images and versions"). */
const TIMESCALEDB_IMAGE = composeImage('timescaledb');
// Every SQL file in migrations/ is one migration.
const MIGRATION_COUNT = countMigrationFiles();
const dockerAvailable = process.env['DOCKER_HOST'] !== undefined || existsSync('/var/run/docker.sock');

if (!dockerAvailable) {
  console.warn('migrations-timescaledb-container: skipped, no Docker engine (no DOCKER_HOST, no /var/run/docker.sock)');
}

describe.skipIf(!dockerAvailable)(`migrations on ${TIMESCALEDB_IMAGE} (testcontainers)`, () => {
  let container: StartedTestContainer;
  let url: string;
  let client: pg.Client;

  beforeAll(async () => {
    container = await new GenericContainer(TIMESCALEDB_IMAGE)
      .withEnvironment({ POSTGRES_PASSWORD: 'postgres', POSTGRES_DB: 'megatron' })
      .withExposedPorts(5432)
      .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
      .start();
    url = `postgres://postgres:postgres@${container.getHost()}:${container.getMappedPort(5432)}/megatron`;
    client = new pg.Client({ connectionString: url });
    await client.connect();
  }, 300_000);

  afterAll(async () => {
    await client?.end();
    await container?.stop();
  });

  it('runs every migration up, in TimescaleDB mode, and a second up is a no-op', async () => {
    expect(await runMigrations({ databaseUrl: url })).toHaveLength(MIGRATION_COUNT);
    expect(await readDatabaseMode(client)).toBe('timescaledb');
    expect(await runMigrations({ databaseUrl: url })).toEqual([]);
  });

  it('has every seed column and the TimescaleDB objects', async () => {
    const { rows } = await client.query(SELECT_PUBLIC_COLUMNS_SQL);
    expect(pickSeedColumns(groupColumns(rows))).toEqual(SEED_COLUMNS);
    await checkTimescaleObjects(client);
  });

  it('enforces the constraints and runs every policy job', async () => {
    await checkConstraints(client);
    expect(await runPolicyJobs(client)).toHaveLength(9);
  });

  it('goes down to an empty public schema and up again', async () => {
    expect(await runMigrations({ databaseUrl: url, direction: 'down', count: Infinity })).toHaveLength(MIGRATION_COUNT);
    expect((await client.query(SELECT_PUBLIC_LEFTOVERS_SQL)).rows).toEqual([]);
    expect(await runMigrations({ databaseUrl: url })).toHaveLength(MIGRATION_COUNT);
  });
});
