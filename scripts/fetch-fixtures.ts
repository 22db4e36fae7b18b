/**
 * `npm run fixtures:fetch [-- --out DIR] [--blocks] [--list FILE]`: pulls the real fixture transactions
 * listed in test/fixture-signatures.json from RPC_URL (rate-limited to RPC_REQUESTS_PER_SECOND) into
 * .fixtures/ (git-ignored), where the real-data tests find them when ../shared/fixtures is absent.
 * Exit code 0 when everything was fetched, 1 when something was not (what was fetched stays usable).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { FETCHED_FIXTURES_CANDIDATE } from '../test/helpers/fixtures.js';
import { fetchFixtures } from './fixtures/fetch-fixtures.js';
import type { FixtureList } from './fixtures/fixture-list.js';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: FETCHED_FIXTURES_CANDIDATE },
    list: { type: 'string', default: fileURLToPath(new URL('../test/fixture-signatures.json', import.meta.url)) },
    blocks: { type: 'boolean', default: false },
  },
});
const config = loadConfig(process.env);
const list = JSON.parse(await readFile(values.list, 'utf8')) as FixtureList;
const outDir = resolve(values.out);
process.stdout.write(`fetching ${list.transactions.length} transactions${values.blocks ? ` and ${list.blocks.length} blocks` : ''} into ${outDir} (${config.RPC_REQUESTS_PER_SECOND} requests/s)\n`);
const result = await fetchFixtures({
  list, rpcUrl: config.RPC_URL, outDir, requestsPerSecond: config.RPC_REQUESTS_PER_SECOND, blocks: values.blocks,
  log: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(`fetched ${result.transactions} transactions and ${result.blocks} blocks; ${result.missing.length} missing; ${result.rateLimited} answers were HTTP 429\n`);
process.exitCode = result.missing.length === 0 ? 0 : 1;
