/**
 * Writes one pipeline batch in ONE database transaction: tokens, pools (parents) before trades
 * (children), then pool states, graduations, fee payouts, creator changes (after the tokens they point
 * at), the candle buckets to recompute, holder balances, quarantine, and finally the stream
 * checkpoint (`onCommit`), so the checkpoint never claims rows that did not commit.
 *
 * Rejected rows: when a statement fails because of the data (SQLSTATE class 22/23), the transaction is
 * rolled back and written again in isolating mode, where each step runs under a savepoint and a
 * failing step is split in halves until the offending rows are found. Those go to quarantine with
 * the database's reason; every other row commits. Other errors (connection, deadlock) are thrown for
 * the caller to retry the whole batch.
 */
import type { QuarantineRecord } from '../contracts/quarantine.js';
import type { Batch, BatchResult } from '../contracts/rows.js';
import { describeError } from '../shared/errors.js';
import { applyGraduations } from './graduations-repository.js';
import { withTransaction, type PgClient, type PgPool } from './pg-pool.js';
import { applyPoolStates, mergePoolRows, upsertPools } from './pools-repository.js';
import { markCandleBuckets } from './candles-repository.js';
import { upsertQuarantine } from './quarantine-repository.js';
import { isRowRejection } from './sqlstate.js';
import { mergeTokenRows, upsertTokens } from './tokens-repository.js';
import { insertTrades, touchTradedTokens } from './trades-repository.js';
import { toJson } from './sql-values.js';
import { applyHolderAccounts } from './holders-repository.js';
import { insertFeePayouts } from './fee-payouts-repository.js';
import { applyCreatorChanges } from './creator-changes-repository.js';

/** Runs inside the batch's transaction after its rows: the checkpoint and coverage ledger. */
export type CommitHook = (client: PgClient) => Promise<void>;

interface Step<Row> {
  name: string;
  rows: readonly Row[];
  write(client: PgClient, rows: readonly Row[]): Promise<number | void>;
}

export async function writeBatch(pool: PgPool, batch: Batch, onCommit?: CommitHook): Promise<BatchResult> {
  const started = performance.now();
  const steps = stepsOf(batch);
  try {
    const inserted = await withTransaction(pool, (client) => runSteps(client, steps, batch.quarantine, onCommit, null));
    return { rejected: [], tradesInserted: inserted, durationMs: performance.now() - started };
  } catch (error) {
    if (!isRowRejection(error)) throw error;
  }
  const rejected: QuarantineRecord[] = [];
  const inserted = await withTransaction(pool, async (client) => {
    const count = await runSteps(client, steps, [], undefined, rejected);
    await upsertQuarantine(client, [...batch.quarantine, ...rejected]);
    if (onCommit) await onCommit(client);
    return count;
  });
  return { rejected, tradesInserted: inserted, durationMs: performance.now() - started };
}

function stepsOf(batch: Batch): Step<unknown>[] {
  const steps: Step<never>[] = [
    { name: 'tokens', rows: mergeTokenRows(batch.tokens) as never[], write: (c, r) => upsertTokens(c, r as never) },
    { name: 'pools', rows: mergePoolRows(batch.pools) as never[], write: (c, r) => upsertPools(c, r as never) },
    { name: 'trades', rows: batch.trades as never[], write: (c, r) => insertTrades(c, r as never) },
    { name: 'trade-tokens', rows: batch.trades as never[], write: (c, r) => touchTradedTokens(c, r as never) },
    { name: 'pool-states', rows: batch.poolStates as never[], write: (c, r) => applyPoolStates(c, r as never) },
    { name: 'graduations', rows: batch.graduations as never[], write: (c, r) => applyGraduations(c, r as never) },
    { name: 'fee-payouts', rows: batch.feePayouts as never[], write: (c, r) => insertFeePayouts(c, r as never) },
    { name: 'creator-changes', rows: batch.creatorChanges as never[], write: (c, r) => applyCreatorChanges(c, r as never) },
    { name: 'candles', rows: batch.trades as never[], write: (c, r) => markCandleBuckets(c, r as never) },
    { name: 'holders', rows: batch.holderAccounts as never[], write: (c, r) => applyHolderAccounts(c, r as never) },
  ];
  return steps as Step<unknown>[];
}

/** Runs every step; returns the number of trades inserted. `rejected` non-null = isolating mode. */
async function runSteps(client: PgClient, steps: Step<unknown>[], quarantine: readonly QuarantineRecord[], onCommit: CommitHook | undefined, rejected: QuarantineRecord[] | null): Promise<number> {
  let inserted = 0;
  for (const step of steps) {
    if (step.rows.length === 0) continue;
    const count = rejected ? await isolate(client, step, step.rows, rejected) : await step.write(client, step.rows);
    if (step.name === 'trades') inserted = typeof count === 'number' ? count : 0;
  }
  if (quarantine.length > 0) await upsertQuarantine(client, quarantine);
  if (onCommit) await onCommit(client);
  return inserted;
}

async function isolate(client: PgClient, step: Step<unknown>, rows: readonly unknown[], rejected: QuarantineRecord[]): Promise<number> {
  await client.query('savepoint megatron_rows');
  try {
    const count = await step.write(client, rows);
    await client.query('release savepoint megatron_rows');
    return typeof count === 'number' ? count : 0;
  } catch (error) {
    await client.query('rollback to savepoint megatron_rows');
    await client.query('release savepoint megatron_rows');
    if (!isRowRejection(error)) throw error;
    if (rows.length === 1) {
      rejected.push(rejectedRow(step.name, rows[0], error));
      return 0;
    }
    const middle = Math.ceil(rows.length / 2);
    return (await isolate(client, step, rows.slice(0, middle), rejected)) + (await isolate(client, step, rows.slice(middle), rejected));
  }
}

function rejectedRow(stepName: string, row: unknown, error: unknown): QuarantineRecord {
  const r = row as { signature?: string; slot?: bigint; ixIndex?: number; innerIxIndex?: number };
  const code = (error as { code?: string }).code ?? '?';
  const message = describeError(error);
  return {
    stage: 'store',
    kind: 'rejected_by_database',
    program: null,
    discriminator: null,
    raw: new TextEncoder().encode(toJson({ table: stepName, row }) ?? ''),
    reason: `${stepName}: database rejected the row (SQLSTATE ${code}): ${message}`,
    signature: r.signature ?? null,
    slot: typeof r.slot === 'bigint' ? r.slot : null,
    position: { outerIndex: r.ixIndex ?? null, innerIndex: r.innerIxIndex ?? null },
  };
}
