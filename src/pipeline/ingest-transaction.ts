/**
 * The two steps of the pipeline around the batcher:
 * - ingest, per transaction whose block time is known (or given up on): normalise (when it still is the
 *   update's bytes) → decode → build rows into the batch being collected;
 * - commit, per batch the writer committed: metrics → publish to the cache.
 */
import type { NormalizeResult } from '../contracts/chain-transaction.js';
import type { ChainTransaction } from '../contracts/chain-transaction.js';
import type { DecodeResult } from '../contracts/decoded-event.js';
import { quarantineRaw, type QuarantineRecord } from '../contracts/quarantine.js';
import type { Batch, BatchResult } from '../contracts/rows.js';
import type { NormalizeTransactionBytes, TransactionItem } from '../contracts/stream-item.js';
import { describeError } from '../shared/errors.js';
import type { Batcher } from './batcher.js';
import { addTransactionRows, type BuildOptions } from './build-rows.js';
import { ActivityTracker, buildCacheUpdates } from './cache-updates.js';
import type { PipelineMetrics, PipelineOptions, PipelineStatus } from './pipeline-options.js';
import { TokenRegistry } from './token-registry.js';

/** Builds the rows of each transaction into the batcher's batch; counts events and quarantine records. */
export class TransactionIngest {
  private readonly registry = new TokenRegistry();
  private readonly build: BuildOptions;

  constructor(
    private readonly options: Pick<PipelineOptions, 'normalize' | 'decode' | 'trackHolders' | 'metrics'>,
    private readonly status: PipelineStatus,
    private readonly batcher: Batcher,
  ) {
    this.build = { holders: options.trackHolders !== false };
  }

  /** Adds a quarantine record (an update the stream could not read, a transaction that did not normalise). */
  addQuarantine(record: QuarantineRecord): void {
    this.batcher.batch.quarantine.push(record);
    this.batcher.addRows(1);
    countQuarantine(this.status, this.options.metrics, record);
  }

  /** Normalise → decode → build rows, for one transaction with its slot's block time (null: not known). */
  processTransaction(item: TransactionItem, blockTime: number | null): void {
    const normalized = materializeTransaction(item, this.options.normalize);
    if (!normalized.ok) return this.addQuarantine(normalized.quarantine);
    const tx = normalized.tx;
    if (tx.blockTime === null) tx.blockTime = blockTime;
    const result = this.options.decode(tx);
    this.countDecoded(result);
    this.buildRows(tx, result, item.receivedAtNs);
  }

  private countDecoded(result: DecodeResult): void {
    const metrics = this.options.metrics;
    if (result.notMine === true) metrics?.decoderOutcomes.inc({ outcome: 'not_mine' });
    for (const record of result.quarantine) {
      countQuarantine(this.status, metrics, record);
      if (record.stage === 'decode') metrics?.decoderOutcomes.inc({ outcome: record.kind });
    }
    for (const event of result.events) this.options.metrics?.eventsDecoded.inc({ program: event.program, kind: event.kind });
    this.status.eventsDecoded += result.events.length;
  }

  private buildRows(tx: ChainTransaction, result: DecodeResult, receivedAtNs: bigint): void {
    const batch = this.batcher.batch;
    batch.quarantine.push(...result.quarantine);
    const before = batch.trades.length + batch.tokens.length + batch.graduations.length;
    const quarantinedBefore = batch.quarantine.length;
    addTransactionRows(batch, this.registry, tx, result.events, this.build);
    for (let i = quarantinedBefore; i < batch.quarantine.length; i++) countQuarantine(this.status, this.options.metrics, batch.quarantine[i]!);
    const rows = batch.trades.length + batch.tokens.length + batch.graduations.length - before + result.quarantine.length;
    this.batcher.addTransaction(rows, receivedAtNs);
  }
}

/** Records each committed batch: latency and batch metrics and the status, then the cache update. */
export class CommitStep {
  private readonly activity = new ActivityTracker();

  constructor(
    private readonly options: Pick<PipelineOptions, 'metrics' | 'latencies' | 'publish' | 'publishActivity'>,
    private readonly status: PipelineStatus,
  ) {}

  /** Metrics → publish, for a batch the writer just committed. */
  async record(batch: Batch, receipts: bigint[], result: BatchResult): Promise<void> {
    this.recordMetrics(batch, receipts, result);
    await this.publish(batch);
  }

  private recordMetrics(batch: Batch, receipts: bigint[], result: BatchResult): void {
    const metrics = this.options.metrics;
    const now = process.hrtime.bigint();
    for (const received of receipts) {
      const seconds = Number(now - received) / 1e9;
      metrics?.commitLatency.observe(seconds);
      this.options.latencies?.record(seconds * 1000);
    }
    metrics?.batchSize.observe({ sink: 'postgres' }, batch.trades.length);
    metrics?.batchDuration.observe({ sink: 'postgres' }, result.durationMs / 1000);
    metrics?.batchRows.inc({ table: 'transactions' }, result.tradesInserted);
    for (const record of result.rejected) countQuarantine(this.status, metrics, record);
    this.status.batchesCommitted += 1;
    this.status.tradesCommitted += result.tradesInserted;
    this.status.lastCommitAt = Date.now();
    if (batch.checkpoint) {
      this.status.lastSlotCommitted = batch.checkpoint.slot;
      metrics?.lastSlotCommitted.set(Number(batch.checkpoint.slot));
    }
  }

  private async publish(batch: Batch): Promise<void> {
    if (!this.options.publish) return;
    const updates = buildCacheUpdates(batch, this.activity);
    if (this.options.publishActivity === false) delete updates.hotScores;
    await this.options.publish(updates);
  }
}

function countQuarantine(status: PipelineStatus, metrics: PipelineMetrics | undefined, record: QuarantineRecord): void {
  status.quarantined += 1;
  metrics?.quarantined.inc({ stage: record.stage, kind: record.kind });
}

/**
 * The transaction of a transaction item: normalised now for `transaction_bytes` (a failure, or a
 * normaliser that throws, gives a quarantine record with the update's bytes), as is for `transaction`.
 */
function materializeTransaction(item: TransactionItem, normalize: NormalizeTransactionBytes): NormalizeResult {
  if (item.kind === 'transaction') return { ok: true, tx: item.tx };
  try {
    return normalize(item.bytes, item.start, item.end);
  } catch (error) {
    const reason = `normaliser threw: ${describeError(error)}`;
    return { ok: false, quarantine: { stage: 'normalize', kind: 'normalize_failed', program: null, discriminator: null, raw: quarantineRaw(item.bytes, item.start, item.end), reason, signature: null, slot: item.slot, position: { outerIndex: null, innerIndex: null } } };
  }
}
