/**
 * `megatron backfill --from-slot A --to-slot B [--strategy signatures|blocks]` fills [A, B] from Solana
 * RPC; `megatron backfill --gaps` fills every open gap of the slot-coverage ledger. Transactions go to
 * the same consumer as the live stream; the ledger marks each range `backfilled` or `backfill_failed`.
 * `backfillCommand` wires it to the app (pipeline and ledger); `runBackfillCommand` takes the consumer and
 * the ledger functions injected, so tests run it without a database.
 */
import { parseArgs } from 'node:util';
import { requireDatabaseUrl, type Command } from './command.js';
import { startApp } from '../app.js';
import { createPgPool } from '../postgres/pg-pool.js';
import { listGaps, markGapBackfilled } from '../postgres/slot-coverage-repository.js';
import { createFiniteSource } from './finite-source.js';
import { runUntilDone } from './run-app.js';
import { runBackfill, type BackfillOptions, type BackfillResult, type BackfillStrategy } from '../stream/backfill.js';
import type { StreamLogger } from '../stream/stream-logger.js';
import { describeError } from '../shared/errors.js';

/** An inclusive slot range of the ledger. */
export interface LedgerRange {
  fromSlot: bigint;
  toSlot: bigint;
}

export interface BackfillCommandDeps {
  rpcUrl: string;
  requestsPerSecond: number;
  /** The pipeline's entry (e.g. `item => queue.push(item)`). */
  onTransaction: BackfillOptions['onTransaction'];
  /** The slot-coverage ledger of the stream; without it ranges are filled but not recorded. */
  ledger?: {
    listGaps(): Promise<LedgerRange[]>;
    markGap(fromSlot: bigint, toSlot: bigint, status: 'backfilled' | 'backfill_failed', reason: string | null): Promise<boolean>;
  };
  logger: StreamLogger;
  /** Writes one line for the user (stdout). */
  print(line: string): void;
  /** Test seam: replaces `runBackfill`. */
  backfill?: typeof runBackfill;
}

export const BACKFILL_USAGE = 'megatron backfill (--from-slot A --to-slot B | --gaps) [--strategy signatures|blocks]';

/** Parses the arguments, runs the backfill(s), prints a summary per range; returns the exit code. */
export async function runBackfillCommand(args: string[], deps: BackfillCommandDeps): Promise<number> {
  const parsed = parseBackfillArgs(args);
  if ('error' in parsed) {
    deps.print(`${parsed.error}\nusage: ${BACKFILL_USAGE}`);
    return 2;
  }
  let ranges: LedgerRange[] = parsed.ranges;
  if (parsed.gaps) {
    if (!deps.ledger) {
      deps.print('backfill --gaps needs the database (slot-coverage ledger)');
      return 2;
    }
    ranges = await deps.ledger.listGaps();
    if (ranges.length === 0) deps.print('no open gaps in the slot-coverage ledger');
  }
  let failures = 0;
  for (const range of ranges) if (!(await fillRange(range, parsed.strategy, deps))) failures += 1;
  return failures === 0 ? 0 : 1;
}

async function fillRange(range: LedgerRange, strategy: BackfillStrategy, deps: BackfillCommandDeps): Promise<boolean> {
  const backfill = deps.backfill ?? runBackfill;
  const label = `${range.fromSlot}..${range.toSlot}`;
  try {
    const result = await backfill({ rpcUrl: deps.rpcUrl, requestsPerSecond: deps.requestsPerSecond, fromSlot: range.fromSlot, toSlot: range.toSlot, strategy, onTransaction: deps.onTransaction });
    const complete = result.missing.length === 0;
    await deps.ledger?.markGap(range.fromSlot, range.toSlot, complete ? 'backfilled' : 'backfill_failed', complete ? null : `${result.missing.length} transactions not returned by RPC`);
    deps.print(summarize(label, result));
    return complete;
  } catch (error) {
    const reason = describeError(error);
    deps.logger.error({ range: label, error: reason }, 'backfill failed');
    await deps.ledger?.markGap(range.fromSlot, range.toSlot, 'backfill_failed', reason).catch(() => false);
    deps.print(`slots ${label}: FAILED (${reason})`);
    return false;
  }
}

function summarize(label: string, result: BackfillResult): string {
  return `slots ${label} (${result.strategy}): ${result.transactions} transactions, ${result.quarantined} quarantined, ` +
    `${result.missing.length} missing, ${result.skippedSlots} skipped slots, ${result.rateLimited} rate-limited answers`;
}

type ParsedArgs = { ranges: LedgerRange[]; gaps: boolean; strategy: BackfillStrategy } | { error: string };

/** Reads `--from-slot`, `--to-slot`, `--gaps`, `--strategy`. */
export function parseBackfillArgs(args: string[]): ParsedArgs {
  let values;
  try {
    values = parseArgs({ args, options: { 'from-slot': { type: 'string' }, 'to-slot': { type: 'string' }, gaps: { type: 'boolean' }, strategy: { type: 'string' } } }).values;
  } catch (error) {
    return { error: describeError(error) };
  }
  const strategy = values.strategy ?? 'signatures';
  if (strategy !== 'signatures' && strategy !== 'blocks') return { error: `--strategy must be signatures or blocks, got ${strategy}` };
  if (values.gaps) return { ranges: [], gaps: true, strategy };
  const from = values['from-slot'];
  const to = values['to-slot'];
  if (from === undefined || to === undefined || !/^\d+$/.test(from) || !/^\d+$/.test(to)) return { error: '--from-slot and --to-slot must both be slot numbers' };
  if (BigInt(to) < BigInt(from)) return { error: `--to-slot ${to} is before --from-slot ${from}` };
  return { ranges: [{ fromSlot: BigInt(from), toSlot: BigInt(to) }], gaps: false, strategy };
}

export const backfillCommand: Command = {
  summary: 'fill slots from Solana RPC (a range, or every open gap of the ledger)',
  usage: BACKFILL_USAGE,
  async run(args, ctx) {
    const databaseUrl = requireDatabaseUrl(ctx);
    const ledgerPool = createPgPool({ connectionString: databaseUrl, max: 2 });
    const marks: Array<[bigint, bigint, 'backfilled' | 'backfill_failed', string | null]> = [];
    let code = 0;
    try {
      const app = await startApp({
        config: { ...ctx.config, STREAM_NAME: 'backfill' },
        logger: ctx.logger,
        databaseUrl,
        http: false,
        coverage: false,
        createSource: createFiniteSource(async (push) => {
          code = await runBackfillCommand(args, {
            rpcUrl: ctx.config.RPC_URL,
            requestsPerSecond: ctx.config.RPC_REQUESTS_PER_SECOND,
            onTransaction: push,
            ledger: {
              listGaps: () => listGaps(ledgerPool, ctx.config.STREAM_NAME),
              // Recorded once every row has committed (below), never before.
              markGap: async (from, to, status, reason) => (marks.push([from, to, status, reason]), true),
            },
            logger: ctx.logger.child({ component: 'backfill' }),
            print: (line) => ctx.stdout.write(`${line}\n`),
          });
        }),
      });
      await runUntilDone(app, ctx.logger, ctx.config.SHUTDOWN_TIMEOUT_MS);
      for (const [from, to, status, reason] of marks) await markGapBackfilled(ledgerPool, ctx.config.STREAM_NAME, from, to, status, reason);
    } finally {
      await ledgerPool.end();
    }
    return code;
  },
};
