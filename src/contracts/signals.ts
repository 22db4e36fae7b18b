/**
 * The signal contract between the signal formulas (src/analytics/signals/signal-batch.ts builds the rows
 * from new scores) and the signals repository (src/postgres/signals-repository.ts writes them into
 * `trading_signals`). Types only.
 */

/** A new `trading_signals` row. */
export interface NewSignalRow {
  id: string;
  tokenId: string;
  signalTime: Date;
  signalType: 'buy' | 'sell' | 'hold';
  scoreAtSignal: number;
  /** Exact decimal text, whole quote per whole token. */
  priceAtSignal: string;
  marketCapAtSignal: number | null;
  mlProbabilityAtSignal: number | null;
  triggeredBy: string[];
  signalStrength: string;
  signalMetadata: Record<string, unknown>;
}
