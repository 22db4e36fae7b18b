/**
 * The project's list of real fixture transactions (test/fixture-signatures.json, written by
 * `npm run fixtures:list`) and where each one's file is in the folder the tests read: its own path in
 * ../shared/fixtures, or the path `npm run fixtures:fetch` wrote it to in .fixtures/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FixtureList, FixtureTransactionEntry } from '../../scripts/fixtures/fixture-list.js';
import { FIXTURES_DIR, REAL_TRANSACTIONS_DIR } from './fixtures.js';

export const FIXTURE_LIST_PATH = new URL('../fixture-signatures.json', import.meta.url);

export const FIXTURE_LIST: FixtureList = JSON.parse(readFileSync(FIXTURE_LIST_PATH, 'utf8')) as FixtureList;

/** The entry's file relative to `REAL_TRANSACTIONS_DIR`. */
export function relativeFixturePath(entry: FixtureTransactionEntry): string {
  return FIXTURES_DIR !== null ? entry.path : entry.fetch.path;
}

/** The entry's file as an absolute path (`REAL_TRANSACTIONS_DIR` must be set). */
export function fixturePath(entry: FixtureTransactionEntry): string {
  return join(REAL_TRANSACTIONS_DIR as string, relativeFixturePath(entry));
}
