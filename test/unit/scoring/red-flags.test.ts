import { describe, expect, it } from 'vitest';
import { detectRedFlags } from '../../../src/analytics/scoring/red-flags.js';
import { SETTINGS, holders, inputs, trades } from '../../helpers/scoring-fixtures.js';

describe('detectRedFlags', () => {
  it('raises nothing for a healthy token', () => {
    expect(detectRedFlags(inputs(), SETTINGS)).toEqual({ flags: [], evidence: {}, multiplier: 1 });
  });

  it('raises every rule with its evidence and lowers the multiplier by the weights', () => {
    const bad = inputs({
      holders: holders({ creatorPct: 8, devTaggedPct: 5, top10Pct: 60, launchSlotBoughtPct: 25, cyclingVolumePct: 55, realHolders: 4 }),
      creatorActivity: { creatorSells: 2, firstSellMinutes: 3, soldOfBoughtPct: 80 },
      creatorHistory: { earlierLaunches: 5, earlierGraduated: 0, earlierDead: 4 },
      mintFacts: { source: 'rpc', tokenProgram: 'token_2022', mintAuthority: 'Auth', freezeAuthority: null, extensions: ['transfer_fee_config'], transferFeeBps: 500, transferHookProgram: null, permanentDelegate: null, defaultAccountStateFrozen: false, pausable: false },
    });
    expect(detectRedFlags(bad, SETTINGS)).toEqual({
      flags: ['creator_holds_too_much', 'top10_concentrated', 'creator_sold_early', 'sniped_or_bundled', 'few_real_holders', 'wash_trading', 'serial_dead_launches', 'mint:mint_authority', 'mint:transfer_fee'],
      evidence: {
        creator_holds_too_much: { creatorPct: 8, devTaggedPct: 5, maxPct: 10 },
        top10_concentrated: { top10Pct: 60, maxPct: 45 },
        creator_sold_early: { firstSellMinutes: 3, soldOfBoughtPct: 80, withinMinutes: 30 },
        sniped_or_bundled: { launchSlotBoughtPct: 25, createTxBoughtPct: 2, sniperTaggedPct: null, maxPct: 20 },
        few_real_holders: { realHolders: 4, minHolders: 15 },
        wash_trading: { cyclingVolumePct: 55, maxPct: 40 },
        serial_dead_launches: { earlierDead: 4, earlierLaunches: 5, earlierGraduated: 0 },
        'mint:mint_authority': { source: 'rpc' },
        'mint:transfer_fee': { source: 'rpc' },
      },
      multiplier: 0.1,
    });
  });

  it('does not judge holders of a token younger than 10 minutes, nor wash trading under 20 trades', () => {
    const young = inputs({ ageMinutes: 4, holders: holders({ realHolders: 1, cyclingVolumePct: 90 }), trades: trades({ trades: 12 }) });
    expect(detectRedFlags(young, SETTINGS).flags).toEqual([]);
  });

  it('uses the sniper tags of the holder job when they exceed the launch-slot share', () => {
    const tagged = inputs({ holders: holders({ sniperTaggedPct: 30 }) });
    expect(detectRedFlags(tagged, SETTINGS)).toMatchObject({ flags: ['sniped_or_bundled'], multiplier: 0.8 });
  });
});
