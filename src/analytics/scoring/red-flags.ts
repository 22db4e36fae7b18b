/**
 * Red flags: evidence from our own data that a token is dangerous, each a named rule (docs/scoring.md
 * lists them with their thresholds). A flag is a short id; `evidence` keeps the numbers that raised it.
 * Flags lower `score_multiplier` by their weight (never below 0.10).
 */
import { listMintRisks } from './mint-facts.js';
import type { ScoringInputs } from '../../contracts/scoring.js';
import type { ScoringSettings } from './scoring-settings.js';

/** Minutes a token needs before "few real holders" can be judged. */
export const MIN_AGE_FOR_HOLDER_FLAG_MINUTES = 10;
/** Trades a token needs before "wash trading" can be judged. */
export const MIN_TRADES_FOR_WASH_FLAG = 20;
const MIN_MULTIPLIER = 0.1;

/** Multiplier weight of each flag; mint risks (`mint:*`) weigh MINT_FLAG_WEIGHT. */
export const FLAG_WEIGHTS: Readonly<Record<string, number>> = {
  creator_holds_too_much: 0.2, top10_concentrated: 0.15, creator_sold_early: 0.25, sniped_or_bundled: 0.2,
  few_real_holders: 0.15, wash_trading: 0.2, serial_dead_launches: 0.25,
};
export const MINT_FLAG_WEIGHT = 0.3;

export interface RedFlags {
  flags: string[];
  evidence: Record<string, Record<string, number | string | null>>;
  multiplier: number;
}

type Rule = (inputs: ScoringInputs, settings: ScoringSettings) => Record<string, number | string | null> | null;

const RULES: Record<string, Rule> = {
  creator_holds_too_much: ({ holders }, s) => {
    const held = holders.creatorPct + (holders.devTaggedPct ?? 0);
    return held > s.creatorMaxPct ? { creatorPct: round(holders.creatorPct), devTaggedPct: holders.devTaggedPct, maxPct: s.creatorMaxPct } : null;
  },
  top10_concentrated: ({ holders }, s) => (holders.holders > 0 && holders.top10Pct > s.top10MaxPct ? { top10Pct: round(holders.top10Pct), maxPct: s.top10MaxPct } : null),
  creator_sold_early: ({ creatorActivity: c }, s) =>
    c.firstSellMinutes !== null && c.firstSellMinutes <= s.creatorSellMinutes ? { firstSellMinutes: round(c.firstSellMinutes), soldOfBoughtPct: round(c.soldOfBoughtPct), withinMinutes: s.creatorSellMinutes } : null,
  sniped_or_bundled: ({ holders }, s) => {
    const sniped = Math.max(holders.launchSlotBoughtPct, holders.createTxBoughtPct, holders.sniperTaggedPct ?? 0);
    return sniped > s.snipedMaxPct ? { launchSlotBoughtPct: round(holders.launchSlotBoughtPct), createTxBoughtPct: round(holders.createTxBoughtPct), sniperTaggedPct: holders.sniperTaggedPct, maxPct: s.snipedMaxPct } : null;
  },
  few_real_holders: ({ holders, ageMinutes }, s) =>
    ageMinutes !== null && ageMinutes >= MIN_AGE_FOR_HOLDER_FLAG_MINUTES && holders.realHolders < s.minHolders ? { realHolders: holders.realHolders, minHolders: s.minHolders } : null,
  wash_trading: ({ holders, trades }, s) =>
    trades.trades >= MIN_TRADES_FOR_WASH_FLAG && holders.cyclingVolumePct > s.washMaxPct ? { cyclingVolumePct: round(holders.cyclingVolumePct), maxPct: s.washMaxPct } : null,
  serial_dead_launches: ({ creatorHistory: h }, s) =>
    h.earlierDead >= s.deadLaunches ? { earlierDead: h.earlierDead, earlierLaunches: h.earlierLaunches, earlierGraduated: h.earlierGraduated } : null,
};

/** Applies every rule; pure. */
export function detectRedFlags(inputs: ScoringInputs, settings: ScoringSettings): RedFlags {
  const flags: string[] = [];
  const evidence: RedFlags['evidence'] = {};
  let weight = 0;
  for (const [name, rule] of Object.entries(RULES)) {
    const found = rule(inputs, settings);
    if (found === null) continue;
    flags.push(name);
    evidence[name] = found;
    weight += FLAG_WEIGHTS[name] ?? 0;
  }
  for (const risk of listMintRisks(inputs.mintFacts)) {
    flags.push(`mint:${risk}`);
    evidence[`mint:${risk}`] = { source: inputs.mintFacts.source };
    weight += MINT_FLAG_WEIGHT;
  }
  return { flags, evidence, multiplier: Math.max(MIN_MULTIPLIER, Math.round((1 - weight) * 100) / 100) };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
