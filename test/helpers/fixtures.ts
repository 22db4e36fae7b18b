/**
 * Where the real mainnet data is. Two places:
 * - `<repo>/../shared/fixtures/`: the whole fixture collection (transactions, blocks, events, IDLs, ...);
 * - `<repo>/.fixtures/`: what `npm run fixtures:fetch` pulled from the user's RPC_URL — the transactions
 *   listed in test/fixture-signatures.json, each with the values its source asserts as `.expected.json`
 *   (git-ignored; complete once its `fetched.json` is written).
 * Tests that need only transaction files (and their expectations) read `REAL_TRANSACTIONS_DIR`, the
 * shared folder or else the fetched copy, so a clone without ../shared runs them after one fetch. Tests
 * that need more of the collection (blocks, event snippets, exact counts over whole folders) read
 * `FIXTURES_DIR`, which is the shared folder only.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `TEST_SHARED_FIXTURES` moves it (e.g. to a path that does not exist, to run as a clone without ../shared). */
const SHARED_CANDIDATE = process.env['TEST_SHARED_FIXTURES'] ?? fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url));
/** Where `npm run fixtures:fetch` writes (relative to the repository root: `.fixtures/`). */
export const FETCHED_FIXTURES_CANDIDATE = fileURLToPath(new URL('../../.fixtures/', import.meta.url));
/** Written last by the fetch (scripts/fixtures/fetch-fixtures.ts): its presence says the folder is complete. */
export const FETCH_MARKER = 'fetched.json';

export interface FixtureDirs {
  /** The shared collection, or null when absent. */
  shared: string | null;
  /** The fetched copy, or null when absent or never completed. */
  fetched: string | null;
  /** The folder the real-transaction tests read: shared first, else fetched. */
  transactions: string | null;
}

/** Resolves the folders from candidate paths (exported for the test of the fallback itself). */
export function resolveFixtureDirs(sharedCandidate: string, fetchedCandidate: string): FixtureDirs {
  const shared = existsSync(sharedCandidate) ? sharedCandidate : null;
  const fetched = existsSync(join(fetchedCandidate, FETCH_MARKER)) ? fetchedCandidate : null;
  return { shared, fetched, transactions: shared ?? fetched };
}

const dirs = resolveFixtureDirs(SHARED_CANDIDATE, FETCHED_FIXTURES_CANDIDATE);

/** Absolute path of the real mainnet fixtures folder (`<repo>/../shared/fixtures/`), or null when absent. */
export const FIXTURES_DIR: string | null = dirs.shared;

/** The real transactions: ../shared/fixtures, else the fetched copy in .fixtures/; null when neither exists. */
export const REAL_TRANSACTIONS_DIR: string | null = dirs.transactions;

/** Why fixture-based tests are skipped, or null when the fixtures are there. */
export function fixturesMissingReason(): string | null {
  return FIXTURES_DIR === null ? `real fixtures not found at ${SHARED_CANDIDATE}: fixture tests skipped` : null;
}

/**
 * Why a test of real transactions is skipped (null: it can run): neither folder exists, or one of the
 * files it needs (paths relative to the folder) is not in the one found.
 */
export function realTransactionsMissingReason(...relative: string[]): string | null {
  if (REAL_TRANSACTIONS_DIR === null) {
    return `real transactions not found at ${SHARED_CANDIDATE} nor fetched into ${FETCHED_FIXTURES_CANDIDATE} (run npm run fixtures:fetch): skipped`;
  }
  const absent = relative.filter((path) => !existsSync(join(REAL_TRANSACTIONS_DIR as string, path)));
  return absent.length === 0 ? null : `not in ${REAL_TRANSACTIONS_DIR}: ${absent.join(', ')}: skipped`;
}
