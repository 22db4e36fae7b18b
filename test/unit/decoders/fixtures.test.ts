/**
 * Every real transaction, block and event fixture in ../shared/fixtures, decoded and checked against
 * the values the SOURCES asserted (*.expected.json) and the counts MANIFEST.md / blocks/README.md state.
 */
import { describe, expect, it } from 'vitest';
import type { DecodedEvent, TradeEvent } from '../../../src/contracts/decoded-event.js';
import { fixturesMissingReason } from '../../helpers/fixtures.js';
import { decodeFixture, eventField, readExpected, sameValue } from './fixture-helpers.js';

const missing = fixturesMissingReason();
if (missing !== null) console.warn(missing);

type Json = Record<string, unknown>;
const trades = (events: DecodedEvent[]) => events.filter((e): e is TradeEvent => e.kind === 'trade');
const count = (events: DecodedEvent[], program: string, kind: string) => events.filter((e) => e.program === program && e.kind === kind).length;

function expectSourceFields(event: DecodedEvent | undefined, expected: Record<string, unknown>, skip: string[] = []): void {
  expect(event).toBeDefined();
  for (const [field, value] of Object.entries(expected)) {
    if (skip.includes(field)) continue;
    const actual = eventField(event as DecodedEvent, field);
    expect(sameValue(actual, value), `${field}: expected ${String(value)}, got ${String(actual)}`).toBe(true);
  }
}

describe.skipIf(missing !== null)('real fixtures', () => {
  // MANIFEST counts 19 trades over 20 transactions; the 20th is the util-inspect.txt printout, which the
  // readers do not parse (not JSON), so 18 here.
  it('decodes the pump transactions into 5 creates, 18 trades, 1 graduation (MANIFEST counts)', async () => {
    const d = await decodeFixture('transactions/pump');
    expect(d.normalizeFailures).toBe(0);
    expect(count(d.events, 'pumpfun', 'create')).toBe(5);
    expect(count(d.events, 'pumpfun', 'trade')).toBe(18);
    expect(count(d.events, 'pumpfun', 'migrate')).toBe(1);
    expect(count(d.events, 'pumpswap', 'pool_create')).toBe(1);
    expect(count(d.events, 'pumpswap', 'trade')).toBe(2);
    expect(d.quarantine).toEqual([]);
  });

  it('reads the solana-streamer assert_eq values (direct and CPI buys, PumpSwap buy / sell)', async () => {
    for (const file of ['transactions/pump/buy__2ghHZXwyU6K1.rpc-base64', 'transactions/pump/buy__3QLV6eN1W1pC.rpc-base64']) {
      const d = await decodeFixture(`${file}.json`);
      const test = (readExpected(`${file}.expected.json`).tests as Json[])[0] as Json;
      const event = trades(d.events)[0] as TradeEvent;
      expect(event.signature).toBe(test.signature);
      const values = Object.fromEntries((test.assert_eq as Json[]).map((a) => [String(a.field).replace('trade_event.', ''), a.expected]));
      const accountFields = ['associated_bonding_curve', 'associated_user', 'creator_vault'];
      const argFields = ['max_sol_cost', 'min_sol_output', 'amount', 'is_bot', 'is_dev_create_token_trade'];
      expectSourceFields(event, values, [...accountFields, ...argFields]);
      for (const f of accountFields) expect(d.accountKeys).toContain(values[f]);
    }
  });

  it('reads the nyanbot swap / create values (sell, buy, create + buy)', async () => {
    for (const file of ['sell__2RqhBZykXDPG', 'buy__AUvnh9oF5xEA', 'create-buy__iurqm3R8LYed']) {
      const d = await decodeFixture(`transactions/pump/${file}.rpc-base64.json`);
      const exp = readExpected(`transactions/pump/${file}.rpc-base64.expected.json`);
      const results = [...(exp.results_popped_last_to_first as Json[])].reverse();
      expect(d.events.map((e) => e.kind)).toEqual(results.map((r) => (r.kind === 'Swap' ? 'trade' : 'create')));
      results.forEach((r, i) => {
        const asserted = { ...(r.asserted as Json) };
        if (typeof asserted.timestamp === 'string') asserted.timestamp = Date.parse(asserted.timestamp) / 1000;
        expectSourceFields(d.events[i], asserted);
        expect(d.events[i]?.signature).toBe(exp.signature);
      });
    }
  });

  it('reads the vixen proc-macro buy / sell (Token-2022 coins, TradeEvent 266 / 267 B)', async () => {
    for (const file of ['buy__3tkxRjNDfth6', 'sell__4GtxzHLTW8Zq']) {
      const d = await decodeFixture(`transactions/pump/${file}.vixen-ix-fixture.json`);
      const exp = readExpected(`transactions/pump/${file}.vixen-ix-fixture.expected.json`);
      const t = trades(d.events)[0] as TradeEvent;
      const accounts = exp.accounts as Json;
      expect({ sig: t.signature, mint: t.mint, user: t.user, pool: t.pool, layout: t.layout, trailing: t.trailingBytes }).toEqual({
        sig: exp.signature, mint: accounts.mint, user: accounts.user, pool: accounts.bonding_curve, layout: 'pump.TradeEvent.v5', trailing: 0,
      });
      expect(t.isBuy).toBe(file.startsWith('buy'));
    }
  });

  it('decodes the two chainstack 2024 transactions (buy then sell; create + buy)', async () => {
    const d = await decodeFixture('transactions/pump/buy-sell__33LHUzKfhBvU.rpc-jsonparsed.json');
    const exp = readExpected('transactions/pump/buy-sell__33LHUzKfhBvU.rpc-jsonparsed.expected.json');
    const first = (exp.pump_instructions as Json[])[0] as Json;
    const accounts = first.printed_accounts as Json;
    expect(trades(d.events).map((t) => [t.isBuy, t.mint, t.user, t.pool])).toEqual([
      [true, accounts.mint, accounts.user, accounts.bondingCurve],
      [false, accounts.mint, accounts.user, accounts.bondingCurve],
    ]);
    expect(trades(d.events)[0]?.tokenAmount).toBe(BigInt((first.printed_args as Json).amount as number));
    const c = await decodeFixture('transactions/pump/create-buy__52ar89rghM8E.rpc-jsonparsed.json');
    const cexp = readExpected('transactions/pump/create-buy__52ar89rghM8E.rpc-jsonparsed.expected.json');
    const create = c.events[0] as DecodedEvent & { name: string; symbol: string; uri: string };
    const printed = JSON.stringify(cexp);
    for (const value of [create.name, create.symbol, create.uri, create.mint]) expect(printed).toContain(value);
  });

  it('treats a migrate on an already-migrated curve as no graduation', async () => {
    const noop = await decodeFixture('transactions/pump/migrate-noop__5dnX6d6MqVqX.rpc-json.json');
    expect(noop.events.map((e) => `${e.program}:${e.kind}`)).toEqual(['pumpswap:trade']);
    const real = await decodeFixture('transactions/pump/migrate__2ffHb9AXeKNV.rpc-json.json');
    const migrate = real.events.find((e) => e.kind === 'migrate');
    expect(migrate).toMatchObject({
      program: 'pumpfun', mint: 'npB9cxTzwUiGt7jk2dXZa52xZve8SgVD6Et9Bpipump', pool: 'Ef7wUrbarRXHNMMgBs8cstSkzRttnstjMsniaq7zMp6j',
      user: '9ZbTXdPSdKZeTCY215VwzEHhJoiDK4xtbaRqr3f7b3R1', bondingCurve: '8qoeYoeWG5ifYKp2uAdq7du8zsMB4AbZN7qqbdZnXbaH',
      tokenAmount: 206_900_000_000_001n, solAmount: 84_990_359_420n, timestamp: 1749087571n, layout: 'pump.CompletePumpAmmMigrationEvent.v0',
    });
  });

  it('decodes the LaunchLab transactions: PoolCreateEvent v2 + TradeEvent v2, two v1 buys from CPI only', async () => {
    const d = await decodeFixture('transactions/launchpad');
    // The folder's LaunchLab events (one of its transactions also swaps on a Raydium CPMM pool that is not ours).
    d.events = d.events.filter((e) => e.program === 'raydium_launchpad');
    expect(d.events.map((e) => [e.kind, e.layout, e.source])).toEqual([
      ['trade', 'launchpad.TradeEvent.v1', 'cpi'],
      ['trade', 'launchpad.TradeEvent.v1', 'cpi'],
      ['pool_create', 'launchpad.PoolCreateEvent.v2', 'cpi'],
      ['trade', 'launchpad.TradeEvent.v2', 'cpi'],
    ]);
    for (const t of trades(d.events)) {
      expect(t.extra.totalBaseSell).not.toBe('0');
      expect([t.virtualTokenReserves, t.virtualSolReserves]).not.toContain(0n);
      expect(t.mint).not.toBe('');
    }
    expect(d.events[2]).toMatchObject({ name: 'Sora Loser', symbol: 'SORA LOSER', mint: (d.events[3] as TradeEvent).mint, totalQuoteFundRaising: 85_000_000_000n });
  });

  it('reads the event snippets with every asserted value', async () => {
    const t = await decodeFixture('events/pump/trade__2024-12.log-snippet.json');
    expectSourceFields(t.events[0], readExpected('events/pump/trade__2024-12.log-snippet.expected.json').expected as Json);
    const l = await decodeFixture('events/launchpad/trade-buy_exact_in__2025.log-snippet.json');
    expectSourceFields(l.events[0], readExpected('events/launchpad/trade-buy_exact_in__2025.log-snippet.expected.json').expected as Json, ['trade_direction', 'pool_status']);
    expect(l.events[0]).toMatchObject({ isBuy: true, poolStatus: 0 });
    const m = await decodeFixture('events/pump/migrate_v2__4o3x4vqtYmhq.log-snippet.json');
    const mexp = readExpected('events/pump/migrate_v2__4o3x4vqtYmhq.log-snippet.expected.json').expected as Json;
    expect(m.events[0]).toMatchObject({ kind: 'migrate', mint: mexp.mint, pool: mexp.pool, timestamp: BigInt(mexp.timestamp as number), signature: mexp.signature });
    expect(Math.round(Number((m.events[0] as DecodedEvent & { solAmount: bigint }).solAmount) / 1e7) / 100).toBe(mexp.sol_rounded_2dp);
    expect(m.quarantine.map((q) => q.reason)).toEqual(['Program data line is not base64']);
  });

  it('reads the 391-byte 2026 TradeEvent from its stable prefix and counts the rest as trailing bytes', async () => {
    const d = await decodeFixture('events/pump/trade__2026-10-391B.log-snippet.json');
    const exp = readExpected('events/pump/trade__2026-10-391B.log-snippet.expected.json').expected as Json;
    const t = d.events[0] as TradeEvent;
    expect([t.mint, t.user, t.isBuy]).toEqual([exp.mint, exp['trader(user)'], exp.side === 'buy']);
    expect([Number(t.solAmount) / 1e9, Number(t.tokenAmount) / 1e6, Number(t.virtualSolReserves) / 1e9]).toEqual([exp['sol(UI, 9dp)'], exp['tokens(UI, 6dp)'], exp['v_sol(UI)']]);
    expect(t.trailingBytes).toBeGreaterThan(0);
    const c = await decodeFixture('events/pump/create__2026.log-snippet.json');
    const cexp = readExpected('events/pump/create__2026.log-snippet.expected.json').expected as Json;
    // One create; the snippet's second line is a MigrateBondingCurveCreatorEvent (MANIFEST), read since 2026-12
    // as a creator change (it was ignored before).
    expect(c.events.map((e) => e.kind)).toEqual(['create', 'creator_change']);
    expect(c.events[0]).toMatchObject({ kind: 'create', mint: cexp['CreateEvent.mint'], name: cexp['CreateEvent.name'], symbol: cexp['CreateEvent.symbol'] });
    expect(c.events[1]).toMatchObject({ kind: 'creator_change', changeSource: 'migrate_bonding_curve_creator', layout: 'pump.MigrateBondingCurveCreatorEvent.v0', trailingBytes: 0 });
    expect((c.events[0] as DecodedEvent & { uri: string }).uri).toMatch(/^https:\/\//);
  });

  it('decodes block 317897944: 27 trades and the TURTlS create (nyanbot minted_token)', async () => {
    const d = await decodeFixture('blocks/block_317897944.getblock.json');
    const exp = (readExpected('blocks/block_317897944.getblock.expected.json').minted_token ?? {}) as Json;
    expect([count(d.events, 'pumpfun', 'trade'), count(d.events, 'pumpfun', 'create')]).toEqual([27, 1]);
    const create = d.events.find((e) => e.kind === 'create');
    expect(create).toMatchObject({ mint: exp.mint, symbol: exp.symbol, decimals: exp.decimals, blockTime: exp.block_time_epoch, slot: 317897944n });
  });

  it('decodes block 318124628: 3 swaps with asserted values; the 2 failed sells as failed attempts', async () => {
    const d = await decodeFixture('blocks/block_318124628.getblock.json');
    const exp = readExpected('blocks/block_318124628.getblock.expected.json');
    const ok = trades(d.events).filter((t) => t.success && t.program === 'pumpfun');
    expect(ok).toHaveLength(exp.pumpfun_swap_count as number);
    for (const swap of exp.swaps as Json[]) {
      const t = ok.find((e) => e.signature === swap.signature) as TradeEvent;
      expect(uiAmounts(t)).toEqual([swap.amount_base, swap.amount_quote]);
      expectSourceFields(t, { is_buy: swap.is_buy, timestamp: swap.timestamp, virtual_token_reserves: swap.virtual_base_reserves, virtual_sol_reserves: swap.virtual_quote_reserves });
    }
    const failedSells = ['2RGrgv9Ar8X6wcb1N7pRUxnXiVm4zcgqNJVydwQnjHPxWSLnEsiXNwBJ4yTQmCxxkbvqVTjYefQ32Q1zCBjbJCG8', 'mKN4zvi3HHB1fzBSF5g8fgvVVfHVkUzUXvUg7TKS3NJQ1wGTHDMa2n7tFYQJkfno37iJyunGf9rM3QLM2WGSKQR'];
    const failed = trades(d.events).filter((t) => failedSells.includes(t.signature));
    expect(failed.map((t) => [t.success, t.isBuy, t.source, t.errorCode, t.layout])).toEqual([
      [false, false, 'instruction', 'InstructionError:2:Custom:3012', 'pump.instruction.sell'],
      [false, false, 'instruction', 'InstructionError:2:Custom:3012', 'pump.instruction.sell'],
    ]);
  });

  it('decodes block 323481688: 71 trade events incl. the 1-lamport and 0-lamport micro trades', async () => {
    const d = await decodeFixture('blocks/block_323481688.getblock.json');
    // Pump.fun's (the block's Raydium swaps are decoded too, and are not of our pools).
    expect(trades(d.events).filter((t) => t.success && t.program === 'pumpfun')).toHaveLength(71);
    const micro = (readExpected('blocks/block_323481688.getblock.expected.json').micro_swaps ?? {}) as Json;
    const pair = trades(d.events).filter((t) => t.signature === micro.signature);
    expect(pair.map(uiAmounts)).toEqual([
      [(micro.popped_first_before_it as Json).amount_base, (micro.popped_first_before_it as Json).amount_quote],
      [(micro.popped_last as Json).amount_base, (micro.popped_last as Json).amount_quote],
    ]);
    expect(pair.map((t) => [t.isBuy, t.virtualTokenReserves, t.virtualSolReserves])).toEqual([
      [true, BigInt((micro.popped_first_before_it as Json).virtual_base_reserves as number), BigInt((micro.popped_first_before_it as Json).virtual_quote_reserves as number)],
      [false, BigInt((micro.popped_last as Json).virtual_base_reserves as number), BigInt((micro.popped_last as Json).virtual_quote_reserves as number)],
    ]);
  });
});

/** nyanbot's UI strings: base with 6 decimals, quote with 9, trailing zeros dropped. */
function uiAmounts(t: TradeEvent): [string, string] {
  const ui = (v: bigint, dp: number) => {
    const s = v.toString().padStart(dp + 1, '0');
    const frac = s.slice(-dp).replace(/0+$/, '');
    return frac === '' ? s.slice(0, -dp) : `${s.slice(0, -dp)}.${frac}`;
  };
  return [ui(t.tokenAmount, 6), ui(t.solAmount, 9)];
}
