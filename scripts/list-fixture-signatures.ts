/**
 * `npm run fixtures:list [-- FIXTURES_DIR]`: regenerates test/fixture-signatures.json from the shared
 * fixtures (default ../shared/fixtures). Run it after the fixture collection changes; commit the result.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildFixtureList } from './fixtures/fixture-list.js';

const fixturesDir = process.argv[2] ?? fileURLToPath(new URL('../../shared/fixtures/', import.meta.url));
const out = fileURLToPath(new URL('../test/fixture-signatures.json', import.meta.url));
const list = await buildFixtureList(fixturesDir);
await writeFile(out, `${JSON.stringify(list, null, 2)}\n`);
process.stdout.write(`${list.transactions.length} transactions and ${list.blocks.length} blocks from ${fixturesDir} written to ${out}\n`);
