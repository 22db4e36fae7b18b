/**
 * The LaunchLab transactions of 2026-12 (StonkFun standard and reward coins, Token-2022 launches, an
 * xStock and an ORE quote; ../shared/fixtures/2026-12/transactions/launchpad, or their fetched copy) decoded
 * and checked against every value their sources assert (test/fixture-signatures.json keeps those facts).
 * The older folders are decoded and counted by fixtures.test.ts, unchanged; these sit in their own folder.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChainTransaction } from '../../../src/contracts/chain-transaction.js';
import type { DecodedEvent, PoolCreateEvent, TradeEvent } from '../../../src/contracts/decoded-event.js';
import { RAYDIUM_LAUNCHPAD_PROGRAM_ID, TOKEN_2022_PROGRAM_ID } from '../../../src/contracts/programs.js';
import { decodeTransaction } from '../../../src/decoders/index.js';
import { readInitializeArgs } from '../../../src/decoders/raydium-launchpad/initialize-args.js';
import { decodeBase58 } from '../../../src/shared/base58.js';
import { findProgramAddress } from '../../../src/shared/program-address.js';
import { readTransactionsFromText } from '../../../src/stream/normalize/read-input.js';
import { FIXTURE_LIST, fixturePath, relativeFixturePath } from '../../helpers/fixture-signatures.js';
import { realTransactionsMissingReason } from '../../helpers/fixtures.js';

type Json = Record<string, unknown>;
const WSOL = 'So11111111111111111111111111111111111111112';
const entries = FIXTURE_LIST.transactions.filter((t) => t.path.startsWith('2026-12/transactions/launchpad/'));
const missing = realTransactionsMissingReason(...entries.map(relativeFixturePath));
if (missing !== null) console.warn(missing);

function load(name: string): { tx: ChainTransaction; events: DecodedEvent[]; expected: Json | null } {
  const entry = entries.find((e) => e.path.includes(name));
  if (entry === undefined) throw new Error(`${name}: not in test/fixture-signatures.json`);
  const [result] = readTransactionsFromText(readFileSync(fixturePath(entry), 'utf8'));
  if (result === undefined || !result.ok) throw new Error(`${name}: not read`);
  const decoded = decodeTransaction(result.tx);
  expect(decoded.quarantine).toEqual([]);
  return { tx: result.tx, events: decoded.events, expected: (entry.expected as Json | null) ?? null };
}

const trades = (events: DecodedEvent[]) => events.filter((e): e is TradeEvent => e.kind === 'trade' && e.program === 'raydium_launchpad');
/** The LaunchLab PDA of `seeds` (addresses), as the program derives its fee vaults. */
const pda = (...seeds: string[]) => findProgramAddress(seeds.map(decodeBase58), RAYDIUM_LAUNCHPAD_PROGRAM_ID)[0];

/**
 * The identities a chainstack fixture member states (pool, mints, creator, configs) against the trade: the
 * trade's own accounts name all but the creator, whose creator-fee vault (PDA [creator, quote_mint]) they do name.
 */
function expectIdentities(t: TradeEvent, exp: Json): void {
  expect({
    signature: t.signature, poolState: t.poolState, pool: t.pool, mint: t.mint, quoteMint: t.quoteMint,
    globalConfig: t.extra.globalConfig, platformConfig: t.extra.platformConfig,
    creatorFeeVault: t.extra.creatorFeeVault, platformFeeVault: t.extra.platformFeeVault,
  }).toEqual({
    signature: exp.signature, poolState: exp.pool, pool: exp.pool, mint: exp.base_mint, quoteMint: exp.quote_mint,
    globalConfig: exp.global_config, platformConfig: exp.platform_config,
    creatorFeeVault: pda(exp.creator as string, exp.quote_mint as string), platformFeeVault: pda(exp.platform_config as string, exp.quote_mint as string),
  });
}

describe.skipIf(missing !== null)('LaunchLab transactions of 2026-12', () => {
  it('buy_exact_in dLsN… ("reward buy xstock"): a StonkFun reward coin bought with an xStock, every stated identity', () => {
    const { events, expected } = load('buy_exact_in__dLsNUswJ1kbz');
    const exp = expected as Json;
    expect(trades(events)).toHaveLength(1);
    const t = trades(events)[0] as TradeEvent;
    expectIdentities(t, exp);
    // The label: a reward coin (the StonkFun reward platform), a buy, quoted in the xStock of the source.
    expect({ isBuy: t.isBuy, brand: t.extra.brand, layout: t.layout, trailingBytes: t.trailingBytes, ixName: t.ixName }).toEqual({
      isBuy: true, brand: 'stonkfun', layout: 'launchpad.TradeEvent.v2', trailingBytes: 0, ixName: 'buy_exact_in',
    });
    // Reward coins are Token-2022 with a transfer fee: the trader received 1 % less than the pool sent.
    expect([t.tokenAmount, t.extra.baseTransferFee]).toEqual([177_717_073_934_162n, '1777170739342']);
  });

  it('sell_exact_in uzuS… ("standard sell sol"): a StonkFun standard coin sold for SOL, every stated identity', () => {
    const { events, expected } = load('sell_exact_in__uzuSemMhJ5x9');
    const exp = expected as Json;
    expect(trades(events)).toHaveLength(1);
    const t = trades(events)[0] as TradeEvent;
    expectIdentities(t, exp);
    expect({ isBuy: t.isBuy, quoteMint: t.quoteMint, brand: t.extra.brand, solAmount: t.solAmount, tokenAmount: t.tokenAmount, baseTransferFee: t.extra.baseTransferFee }).toEqual({
      isBuy: false, quoteMint: WSOL, brand: 'stonkfun', solAmount: 1_273_240_715n, tokenAmount: 11_568_986_763_999n, baseTransferFee: '0',
    });
  });

  it('sell_exact_in 1Dnj… (V1, routed): the trade is found, with both mints, in (outer, inner) order', () => {
    const { tx, events, expected } = load('sell_exact_in__1DnjawZs8ATP');
    const exp = expected as Json;
    expect([tx.signature, tx.success]).toEqual([exp.signature, exp['route.succeeded']]);
    const legs = trades(events);
    // "route.legs_nonempty", "every_leg_has_input_and_output_mint", "has_event_matching RaydiumLaunchlabTrade".
    expect(legs.length).toBeGreaterThan(0);
    for (const leg of legs) expect([leg.mint, leg.quoteMint].every((m) => m.length >= 32)).toBe(true);
    const order = legs.map((l) => [l.position.outerIndex, l.position.innerIndex ?? -1] as const);
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    expect(legs.map((l) => [l.ixName, l.isBuy, l.mint, l.quoteMint, l.extra.brand, l.extra.baseTransferFee])).toEqual([
      ['sell_exact_in', false, 'KUCxmmJJYmnzTbKWiXhauwxoa81Z38tC7FJtqti6Bhz', 'pSo1f9nQXWgXibFtKf7NWYxb5enAM4qfP6UJSiXRQfL', 'stonkfun', '170241455560'],
    ]);
  });

  for (const [name, expected] of [
    ['initialize_with_token_2022-buy_exact_in__2FFqEKPYpMQf', { mint: 'J2V7tRwJqwr9a1gpL3VMQRuJVbebcH2YbvNezfiMhGUr', quoteMint: WSOL, name: 'SpaceXSI', symbol: 'XSI', totalQuoteFundRaising: 85_000_000_000n }],
    ['initialize_with_token_2022-buy_exact_in__4FqXvdwKnch1', { mint: 'E3myentprJHSWdUvD4LDS3A48QMnUNQVUaHwSmDNsm7k', quoteMint: 'oreoU2P8bN6jkk3jbaiVxYnG1dCXcYxwhwyK9jSybcp', name: 'ORE Party', symbol: 'PARTY', totalQuoteFundRaising: 7_737_695_747_226n }],
  ] as const) {
    it(`${name.slice(0, 40)}…: mint and quote from the initialize_with_token_2022 accounts, then the creator's buy`, () => {
      const { tx, events } = load(name);
      const init = tx.instructions.find((ix) => ix.programId === RAYDIUM_LAUNCHPAD_PROGRAM_ID && ix.innerIndex === null && ix.accounts.length > 12);
      expect(events.map((e) => `${e.kind}:${e.layout}`)).toEqual(['pool_create:launchpad.PoolCreateEvent.v2', 'trade:launchpad.TradeEvent.v2']);
      const create = events[0] as PoolCreateEvent;
      expect(create).toMatchObject({
        ...expected, mint: init?.accounts[6], quoteMint: init?.accounts[7], platformConfig: init?.accounts[3], poolState: init?.accounts[5],
        tokenProgram: TOKEN_2022_PROGRAM_ID, decimals: 6, curveType: 'constant', supply: 1_000_000_000_000_000n, totalBaseSell: 793_100_000_000_000n,
        migrateType: 1, trailingBytes: 0,
        launch: { instruction: 'initialize_with_token_2022', brand: 'stonkfun', vesting: { totalLockedAmount: 0n, cliffPeriod: 0n, unlockPeriod: 0n }, ammFeeOn: 'quote_token', transferFee: null },
      });
      // The instruction states None for the transfer fee (a standard coin, no tax): Option tag 0, then the 10
      // zero bytes of the body the SDK always writes (raydium-sdk-v2 0.2.73 instrument.ts), counted as trailing.
      const args = readInitializeArgs(init?.data ?? new Uint8Array(), 'initialize_with_token_2022');
      expect(args).toMatchObject({ name: expected.name, ammFeeOn: 'quote_token', transferFee: null, trailingBytes: 10 });
      expect([...(init?.data ?? new Uint8Array()).subarray(-11)]).toEqual(new Array(11).fill(0));
      // One or both of the SDK's optional platform_allow_config / platform_curve_rule follow the IDL's 15 accounts.
      expect([16, 17]).toContain(init?.accounts.length);
      const buy = events[1] as TradeEvent;
      expect({ mint: buy.mint, quoteMint: buy.quoteMint, pool: buy.pool, user: buy.user, isBuy: buy.isBuy, realBaseBefore: buy.extra.realBaseBefore })
        .toEqual({ mint: create.mint, quoteMint: create.quoteMint, pool: create.poolState, user: create.creator, isBuy: true, realBaseBefore: '0' });
    });
  }
});
