/**
 * vitest globalSetup: builds the migrated template database (see `ensureMigratedTemplate` in
 * database.ts) once, before the workers start, so no test file's hook pays for the migrations. When
 * PostgreSQL does not answer (e.g. `npm run test:unit` on a machine without it) this only warns: the
 * tests that need a database then fail on their own, and the others run.
 */
import { ensureMigratedTemplate, readTestServerUrl } from './database.js';

export async function setup(): Promise<void> {
  try {
    await ensureMigratedTemplate();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.warn(`globalSetup: no migrated template database on ${readTestServerUrl()} (${message}); tests that need one will build it or fail`);
  }
}
