import { describe, expect, it } from 'vitest';
import { isBot, isBundled, isDev, isSniper, isWhale, tagWallet, type TagThresholds, type TokenFacts, type WalletEvidence } from '../../../src/analytics/holders/wallet-tags.js';

const RULES: TagThresholds = { sniperSlots: 2, bundleMinWallets: 3, bundleWindowSlots: 10, whalePercent: 2, botMinTrades: 5, botMaxGapSlots: 2, botMinTokens: 5, botWindowSeconds: 10 };
const SUPPLY = 1_000_000_000_000_000n;

function token(overrides: Partial<TokenFacts> = {}): TokenFacts {
  return { creator: 'creator', creationSignature: 'create-sig', creationSlot: 1_000n, supply: SUPPLY, buyersPerSignature: new Map(), buyersPerLaunchSlot: new Map(), ...overrides };
}

function wallet(name: string, trades: Array<[string, bigint, boolean]>, overrides: Partial<WalletEvidence> = {}): WalletEvidence {
  return { wallet: name, balance: 0n, trades: trades.map(([signature, slot, isBuy]) => ({ signature, slot, isBuy })), recentTrades: [], ...overrides };
}

describe('wallet tags', () => {
  it('dev: the creator, or a buyer inside the creation transaction; nobody else', () => {
    expect(isDev(wallet('creator', []), token())).toBe(true);
    expect(isDev(wallet('friend', [['create-sig', 1_000n, true]]), token())).toBe(true);
    expect(isDev(wallet('other', [['x', 1_000n, true]]), token())).toBe(false);
    expect(isDev(wallet('creator', []), token({ creator: null }))).toBe(false);
  });

  it('sniper: first buy in the creation slot or the next K slots, never the creator, unknown without a creation slot', () => {
    expect(isSniper(wallet('a', [['s', 1_000n, true]]), token(), RULES)).toBe(true);
    expect(isSniper(wallet('a', [['s', 1_002n, true]]), token(), RULES)).toBe(true);
    expect(isSniper(wallet('a', [['s', 1_003n, true]]), token(), RULES)).toBe(false);
    // The first BUY counts: a later buy in the window after an earlier one does not make a sniper.
    expect(isSniper(wallet('a', [['s0', 1_003n, true], ['s1', 1_004n, true]]), token({ creationSlot: 999n }), RULES)).toBe(false);
    expect(isSniper(wallet('creator', [['create-sig', 1_000n, true]]), token(), RULES)).toBe(false);
    expect(isSniper(wallet('a', [['s', 1_000n, true]]), token({ creationSlot: null }), RULES)).toBe(false);
  });

  it('bundled: a multi-buyer transaction, or a crowded launch-window slot', () => {
    expect(isBundled(wallet('a', [['multi', 5_000n, true]]), token({ buyersPerSignature: new Map([['multi', 2]]) }), RULES)).toBe(true);
    expect(isBundled(wallet('a', [['solo', 5_000n, true]]), token({ buyersPerSignature: new Map([['solo', 1]]) }), RULES)).toBe(false);
    expect(isBundled(wallet('a', [['s', 1_005n, true]]), token({ buyersPerLaunchSlot: new Map([[1_005n, 3]]) }), RULES)).toBe(true);
    expect(isBundled(wallet('a', [['s', 1_005n, true]]), token({ buyersPerLaunchSlot: new Map([[1_005n, 2]]) }), RULES)).toBe(false);
    // Outside the window a crowded slot is ordinary trading.
    expect(isBundled(wallet('a', [['s', 1_011n, true]]), token({ buyersPerLaunchSlot: new Map([[1_011n, 9]]) }), RULES)).toBe(false);
    // Sells never bundle.
    expect(isBundled(wallet('a', [['multi', 5_000n, false]]), token({ buyersPerSignature: new Map([['multi', 4]]) }), RULES)).toBe(false);
  });

  it('whale: at least X % of the supply, exactly at the bound', () => {
    expect(isWhale(wallet('a', [], { balance: SUPPLY / 50n }), token(), RULES)).toBe(true);
    expect(isWhale(wallet('a', [], { balance: SUPPLY / 50n - 1n }), token(), RULES)).toBe(false);
    expect(isWhale(wallet('a', [], { balance: SUPPLY }), token({ supply: null }), RULES)).toBe(false);
  });

  it('bot: N trades with N-1 gaps of at most M slots, or many tokens within seconds', () => {
    const fast: Array<[string, bigint, boolean]> = [0n, 1n, 3n, 5n, 6n].map((d, i) => [`t${i}`, 2_000n + d, i % 2 === 0]);
    expect(isBot(wallet('a', fast), RULES)).toBe(true);
    const oneSlow: Array<[string, bigint, boolean]> = [0n, 1n, 3n, 9n, 10n].map((d, i) => [`t${i}`, 2_000n + d, true]);
    expect(isBot(wallet('a', oneSlow), RULES)).toBe(false);
    expect(isBot(wallet('a', fast.slice(0, 4)), RULES)).toBe(false);
    const spray = ['t1', 't2', 't3', 't4', 't5'].map((tokenId, i) => ({ tokenId, at: 100 + i * 2 }));
    expect(isBot(wallet('a', [], { recentTrades: spray }), RULES)).toBe(true);
    const slowSpray = spray.map((t, i) => ({ ...t, at: 100 + i * 3 }));
    expect(isBot(wallet('a', [], { recentTrades: slowSpray }), RULES)).toBe(false);
    expect(isBot(wallet('a', [], { recentTrades: spray.map((t) => ({ ...t, tokenId: 'same' })) }), RULES)).toBe(false);
  });

  it('tagWallet lists every supported tag, sorted', () => {
    const evidence = wallet('creator', [['create-sig', 1_000n, true]], { balance: SUPPLY / 10n });
    expect(tagWallet(evidence, token({ buyersPerSignature: new Map([['create-sig', 2]]) }), RULES)).toEqual(['bundled', 'dev', 'whale']);
    expect(tagWallet(wallet('nobody', [['z', 9_999n, true]], { balance: 1n }), token(), RULES)).toEqual([]);
  });
});
