import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const candidate = fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url));

/** Absolute path of the real mainnet fixtures folder (`<repo>/../shared/fixtures/`), or null when absent. */
export const FIXTURES_DIR: string | null = existsSync(candidate) ? candidate : null;

/** Why fixture-based tests are skipped, or null when the fixtures are there. */
export function fixturesMissingReason(): string | null {
  return FIXTURES_DIR === null ? `real fixtures not found at ${candidate}: fixture tests skipped` : null;
}
