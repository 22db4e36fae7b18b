/**
 * Turns a batch of new score rows into signal rows (pure; live and backtest), and the cache writes that
 * announce them: `signal:active:{token_id}` (1 h) and a `signal` event on the pub/sub channel, each with
 * the slot the score reflects.
 */
import { randomUUID } from 'node:crypto';
import type { RedisBatch } from '../../contracts/cache-batch.js';
import type { ScoringInputs, TokenScoreRow } from '../../contracts/scoring.js';
import type { NewSignalRow } from '../../contracts/signals.js';
import { decideSignal, type OpenPosition, type SignalSettings } from './signal-rules.js';

export interface SignalBatch {
  signals: NewSignalRow[];
  /** Open buys closed by a sell signal: buy id → the sell's price and time. */
  closedBuys: Array<{ buyId: string; tokenId: string; price: number; time: Date }>;
}

export function buildSignals(rows: readonly TokenScoreRow[], inputs: ReadonlyMap<string, ScoringInputs>, open: ReadonlyMap<string, OpenPosition>, s: SignalSettings, newId: () => string = randomUUID): SignalBatch {
  const out: SignalBatch = { signals: [], closedBuys: [] };
  for (const row of rows) {
    const input = inputs.get(row.tokenId);
    const price = input?.trades.lastPriceText ?? null;
    if (!input || price === null || input.isGraduated) continue;
    const position = open.get(row.tokenId) ?? null;
    const decision = decideSignal(row, position, s);
    if (!decision) continue;
    out.signals.push({
      id: newId(), tokenId: row.tokenId, signalTime: row.calculatedAt, signalType: decision.signalType, scoreAtSignal: row.effectiveScore,
      priceAtSignal: price, marketCapAtSignal: Number(price) * input.supply, mlProbabilityAtSignal: row.mlGraduationProbability,
      triggeredBy: decision.triggeredBy, signalStrength: decision.strength,
      signalMetadata: { scoreVersion: row.scoreDetails['scoreVersion'], totalScore: row.totalScore, multiplier: row.scoreMultiplier, redFlags: row.redFlags, slot: row.slot.toString(), buyId: position?.buyId ?? null },
    });
    if (decision.signalType === 'sell' && position) out.closedBuys.push({ buyId: position.buyId, tokenId: row.tokenId, price: Number(price), time: row.calculatedAt });
  }
  return out;
}

export function buildSignalCacheBatch(signals: readonly NewSignalRow[]): RedisBatch {
  const withSlot = signals.map((s) => ({ s, slot: BigInt(String(s.signalMetadata['slot'] ?? '0')) }));
  return {
    activeSignals: withSlot.map(({ s, slot }) => ({ tokenId: s.tokenId, slot, signalType: s.signalType, price: s.priceAtSignal, score: s.scoreAtSignal, timestamp: s.signalTime.toISOString(), signalId: s.id })),
    events: withSlot.map(({ s, slot }) => ({
      type: 'signal' as const, slot,
      payload: { signalId: s.id, tokenId: s.tokenId, signalType: s.signalType, price: s.priceAtSignal, score: s.scoreAtSignal, strength: s.signalStrength, triggeredBy: s.triggeredBy, time: s.signalTime.toISOString() },
    })),
  };
}
