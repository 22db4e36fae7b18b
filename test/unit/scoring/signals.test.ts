import { describe, expect, it } from 'vitest';
import { decideSignal, type SignalSettings } from '../../../src/analytics/signals/signal-rules.js';
import { startTracking, trackPrices } from '../../../src/analytics/signals/signal-tracker.js';
import { buildSignalCacheBatch, buildSignals } from '../../../src/analytics/signals/signal-batch.js';
import { scoreToken } from '../../../src/analytics/scoring/score-token.js';
import type { TokenScoreRow } from '../../../src/contracts/scoring.js';
import { SETTINGS, inputs } from '../../helpers/scoring-fixtures.js';

const S: SignalSettings = { buyMinScore: 500, buyMinProbability: 0.3, sellMaxScore: 250, takeProfitPct: 100, stopLossPct: 35, maxHoldMinutes: 60 };
const row = (over: Partial<TokenScoreRow> = {}): TokenScoreRow => ({ ...scoreToken(inputs(), SETTINGS, { probability: 0.5, confidence: 0.8, modelVersion: 'gm-1' }), ...over });
const T0 = new Date('2026-01-01T12:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe('decideSignal', () => {
  it('buys when score, probability and flags allow, with a strength', () => {
    expect(decideSignal(row({ effectiveScore: 506 }), null, S)).toEqual({ signalType: 'buy', triggeredBy: ['effective_score>=500', 'no_red_flags', 'ml_probability>=0.3'], strength: 'weak' });
    expect(decideSignal(row({ effectiveScore: 700 }), null, S)).toEqual({ signalType: 'buy', triggeredBy: ['effective_score>=500', 'no_red_flags', 'ml_probability>=0.3'], strength: 'strong' });
    expect(decideSignal(row({ effectiveScore: 600, mlGraduationProbability: 0.4 }), null, S)?.strength).toBe('moderate');
  });

  it('does not buy on a red flag, a low probability or a low score; ignores the probability without a model', () => {
    expect(decideSignal(row({ effectiveScore: 700, hasRedFlags: true, redFlags: ['wash_trading'] }), null, S)).toBeNull();
    expect(decideSignal(row({ effectiveScore: 700, mlGraduationProbability: 0.1 }), null, S)).toBeNull();
    expect(decideSignal(row({ effectiveScore: 499 }), null, S)).toBeNull();
    expect(decideSignal(row({ effectiveScore: 700, mlGraduationProbability: null }), null, S)?.triggeredBy).toEqual(['effective_score>=500', 'no_red_flags']);
  });

  it('sells an open buy on a collapsed score or a creator dump, holds once otherwise', () => {
    const open = { buyId: 'b1', holdRaised: false };
    expect(decideSignal(row({ effectiveScore: 200 }), open, S)).toEqual({ signalType: 'sell', triggeredBy: ['effective_score<=250'], strength: 'moderate' });
    expect(decideSignal(row({ effectiveScore: 200, redFlags: ['creator_sold_early'], hasRedFlags: true }), open, S)).toEqual({ signalType: 'sell', triggeredBy: ['effective_score<=250', 'red_flag:creator_sold_early'], strength: 'strong' });
    expect(decideSignal(row({ effectiveScore: 400 }), open, S)).toEqual({ signalType: 'hold', triggeredBy: ['not:effective_score>=500'], strength: 'weak' });
    expect(decideSignal(row({ effectiveScore: 400 }), { ...open, holdRaised: true }, S)).toBeNull();
    expect(decideSignal(row({ effectiveScore: 700 }), open, S)).toBeNull();
  });
});

describe('trackPrices', () => {
  it('follows peak and drawdown and takes profit at +100 %', () => {
    const prices = [{ time: at(1), price: 1.5 }, { time: at(2), price: 1.2 }, { time: at(3), price: 1.8 }, { time: at(4), price: 2.1 }, { time: at(5), price: 3 }];
    const { state, exit } = trackPrices(startTracking(1, T0), prices, at(10), S);
    expect(exit).toEqual({ reason: 'take_profit', price: 2.1, time: at(4), realizedPnlPct: 110 });
    expect(state).toMatchObject({ peakPrice: 2.1, peakTime: at(4), lastPrice: 2.1 });
    expect(state.maxDrawdownPct).toBeCloseTo(20, 10);
  });

  it('stops the loss at −35 %, and continues incrementally across runs', () => {
    const first = trackPrices(startTracking(1, T0), [{ time: at(1), price: 1.4 }], at(1), S);
    expect(first.exit).toBeNull();
    const second = trackPrices(first.state, [{ time: at(2), price: 0.9 }, { time: at(3), price: 0.6 }], at(3), S);
    expect(second.exit).toEqual({ reason: 'stop_loss', price: 0.6, time: at(3), realizedPnlPct: -40 });
    expect(second.state.maxDrawdownPct).toBeCloseTo((1.4 - 0.6) / 1.4 * 100, 10);
  });

  it('exits on time at the first price after the deadline, or at the last price once the deadline passed', () => {
    expect(trackPrices(startTracking(1, T0), [{ time: at(30), price: 1.1 }, { time: at(61), price: 1.2 }], at(70), S).exit).toEqual({ reason: 'time', price: 1.2, time: at(61), realizedPnlPct: 20 });
    expect(trackPrices(startTracking(1, T0), [{ time: at(30), price: 0.9 }], at(70), S).exit).toEqual({ reason: 'time', price: 0.9, time: at(60), realizedPnlPct: -10 });
    expect(trackPrices(startTracking(1, T0), [{ time: at(30), price: 0.9 }], at(50), S).exit).toBeNull();
  });
});

describe('buildSignals', () => {
  it('raises rows with price, market cap and slot, closes the open buy on a sell, and announces them', () => {
    const token = inputs();
    const buy = buildSignals([row({ effectiveScore: 700 })], new Map([[token.tokenId, token]]), new Map(), S, () => 'sig-1');
    expect(buy.signals).toEqual([expect.objectContaining({
      id: 'sig-1', tokenId: token.tokenId, signalType: 'buy', scoreAtSignal: 700, priceAtSignal: '0.000000056', marketCapAtSignal: 56, mlProbabilityAtSignal: 0.5, signalStrength: 'strong',
    })]);
    const sell = buildSignals([row({ effectiveScore: 100 })], new Map([[token.tokenId, token]]), new Map([[token.tokenId, { buyId: 'sig-1', holdRaised: false }]]), S, () => 'sig-2');
    expect(sell.closedBuys).toEqual([{ buyId: 'sig-1', tokenId: token.tokenId, price: 0.000000056, time: token.asOf }]);
    const cache = buildSignalCacheBatch(buy.signals);
    expect(cache.activeSignals).toEqual([{ tokenId: token.tokenId, slot: 1000n, signalType: 'buy', price: '0.000000056', score: 700, timestamp: token.asOf.toISOString(), signalId: 'sig-1' }]);
    expect(cache.events?.[0]).toMatchObject({ type: 'signal', slot: 1000n, payload: { signalId: 'sig-1', signalType: 'buy' } });
  });
});
