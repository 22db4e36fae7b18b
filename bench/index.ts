/**
 * `npm run bench -- <name>...`: runs benchmarks that print figures (they are not tests).
 *   decode  — normalisation + decoding, tx/s and µs/tx on one core
 *   stream  — the real Yellowstone client from the local Geyser server to the queue, updates/s and RSS
 *   ingest  — the synthetic market through the whole process into PostgreSQL and Redis
 *   scoring — scoring every token active in the last hour at the busiest day's launch rate
 *   holders — a 50,000-holder snapshot, and ingest throughput with and without holder tracking
 * With no name, runs all of them in that order, each in its own process (the stream benchmark's local
 * server holds its whole market in memory; one process per benchmark keeps their heaps apart).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchDecode } from './decode.js';
import { benchStream } from './stream.js';
import { benchIngest } from './ingest.js';
import { benchScoring } from './scoring.js';
import { benchHolders } from './holders.js';

const BENCHMARKS: Record<string, () => Promise<unknown>> = {
  decode: () => benchDecode({}),
  stream: async () => {
    const result = await benchStream({});
    console.log(`stream: ${result.updates} updates (${result.transactions} transactions, ${result.events} decoded events) in ${result.seconds.toFixed(2)} s`);
    console.log(`stream: ${result.updatesPerSecond} updates/s through the real client to the decoded-event queue; RSS at end ${result.rssMb} MB`);
  },
  ingest: () => benchIngest({}),
  scoring: () => benchScoring({}),
  holders: () => benchHolders({}),
};

const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const selected = names.length > 0 ? names : Object.keys(BENCHMARKS);
if (selected.length > 1) {
  for (const name of selected) {
    // Same Node flags as this process (the tsx loader, the young-generation size of `npm run bench`).
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), name], { stdio: 'inherit' });
    if (child.status !== 0) process.exitCode = child.status ?? 1;
  }
  process.exit();
}
for (const name of selected) {
  const run = BENCHMARKS[name];
  if (!run) {
    console.error(`unknown benchmark "${name}"; choose from: ${Object.keys(BENCHMARKS).join(', ')}`);
    process.exitCode = 2;
    break;
  }
  console.log(`\n== bench ${name}`);
  await run();
}
