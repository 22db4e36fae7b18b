/**
 * `megatron backtest`: replays stored history through the live scoring and signal code. At every step
 * from `from` to `to` it scores the tokens that traded in the active window before that moment, as of
 * that moment (nothing later is read), raises signals with the live rules, and follows open buys
 * through the stored trade prices with the live exit rules. Several scoring settings (variants) can run
 * side by side; the report is per score version. Nothing is written to the database.
 */
import type { Queryable } from '../../postgres/pg-pool.js';
import { listTokensTradedBetween } from '../../postgres/scores-repository.js';
import { readPricesSince } from '../../postgres/signals-repository.js';
import type { GraduationModel } from '../ml/graduation-model.js';
import type { MintFactsReader } from './mint-facts-reader.js';
import { scoreInputs } from '../scoring/score-batch.js';
import { readInputs } from './scoring-run.js';
import { scoreVersionOf, type ScoringSettings } from '../scoring/scoring-settings.js';
import { buildSignals } from '../signals/signal-batch.js';
import type { OpenPosition, SignalSettings } from '../signals/signal-rules.js';
import { exitAt, startTracking, trackPrices, type ExitDecision, type TrackingState } from '../signals/signal-tracker.js';
import { summarizeBacktest, type BacktestReport, type ClosedTrade } from '../signals/backtest-report.js';

export interface BacktestOptions {
  db: Queryable;
  mintReader: MintFactsReader;
  from: Date;
  to: Date;
  stepMs: number;
  activeMinutes: number;
  variants: ScoringSettings[];
  signalSettings: SignalSettings;
  model: GraduationModel | null;
}

interface Position { tokenId: string; buyId: string; state: TrackingState; holdRaised: boolean }
interface VariantState { settings: ScoringSettings; version: string; open: Map<string, Position>; closed: ClosedTrade[]; counts: Record<'buy' | 'sell' | 'hold', number> }

export async function runBacktest(o: BacktestOptions): Promise<BacktestReport[]> {
  const variants: VariantState[] = o.variants.map((settings) => ({ settings, version: scoreVersionOf(settings), open: new Map(), closed: [], counts: { buy: 0, sell: 0, hold: 0 } }));
  for (let t = o.from.getTime(); t <= o.to.getTime(); t += o.stepMs) {
    const at = new Date(t);
    const tokenIds = await listTokensTradedBetween(o.db, new Date(t - o.activeMinutes * 60_000), at);
    const inputs = await readInputs(o, tokenIds, at, false);
    const byId = new Map(inputs.map((i) => [i.tokenId, i]));
    for (const v of variants) {
      await trackOpen(o, v, at);
      const rows = scoreInputs(inputs, v.settings, o.model);
      const open = new Map<string, OpenPosition>([...v.open.values()].map((p) => [p.tokenId, { buyId: p.buyId, holdRaised: p.holdRaised }]));
      const batch = buildSignals(rows, byId, open, o.signalSettings);
      for (const s of batch.signals) {
        v.counts[s.signalType] += 1;
        if (s.signalType === 'buy') v.open.set(s.id, { tokenId: s.tokenId, buyId: s.id, state: startTracking(Number(s.priceAtSignal), at), holdRaised: false });
        if (s.signalType === 'hold') [...v.open.values()].filter((p) => p.tokenId === s.tokenId).forEach((p) => (p.holdRaised = true));
      }
      for (const c of batch.closedBuys) close(v, c.buyId, exitAt(v.open.get(c.buyId)!.state, 'sell_signal', c.price, c.time));
    }
  }
  return variants.map((v) => summarizeBacktest(v.version, v.counts, v.closed, [...v.open.values()].map((p) => p.state)));
}

async function trackOpen(o: BacktestOptions, v: VariantState, at: Date): Promise<void> {
  const positions = [...v.open.values()];
  const prices = await readPricesSince(o.db, positions.map((p) => ({ id: p.buyId, tokenId: p.tokenId, since: p.state.lastTime })), at);
  for (const p of positions) {
    const { state, exit } = trackPrices(p.state, prices.get(p.buyId) ?? [], at, o.signalSettings);
    p.state = state;
    if (exit) close(v, p.buyId, exit);
  }
}

function close(v: VariantState, buyId: string, exit: ExitDecision): void {
  const position = v.open.get(buyId);
  if (!position) return;
  v.open.delete(buyId);
  v.closed.push({ tokenId: position.tokenId, entryPrice: position.state.entryPrice, exit, maxDrawdownPct: position.state.maxDrawdownPct });
}
