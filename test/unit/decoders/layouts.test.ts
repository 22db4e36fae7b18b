/** Every event layout built from the IDL field lists, serialised, decoded, compared as whole events. */
import { describe, expect, it } from 'vitest';
import { decodeTransaction } from '../../../src/decoders/index.js';
import type { DecodedEvent } from '../../../src/contracts/decoded-event.js';
import { PUMPFUN_PROGRAM_ID, RAYDIUM_LAUNCHPAD_PROGRAM_ID } from '../../../src/contracts/programs.js';
import { BorshWriter } from '../../../src/simulate/borsh-writer.js';
import { anchorDiscriminator, buildTransaction, key } from './transaction-builder.js';

const MINT = key('mint');
const USER = key('user');
const CURVE = key('curve');
const buyIx = () => new BorshWriter().bytes(anchorDiscriminator('global', 'buy')).u64(1000n).u64(2000n).finish();
const buyAccounts = [key('global'), key('fee'), MINT, CURVE, key('abc'), key('au'), USER, key('sys'), key('tok'), key('cv')];

/** TradeEvent bytes of era `version` (0..7), IDL field order. */
function pumpTrade(version: number, quoteMint = '11111111111111111111111111111111'): Uint8Array {
  const w = new BorshWriter().bytes(anchorDiscriminator('event', 'TradeEvent'))
    .pubkey(MINT).u64(500n).u64(900n).bool(true).pubkey(USER).i64(1_700_000_000n).u64(31n).u64(32n);
  if (version >= 1) w.u64(33n).u64(34n);
  if (version >= 2) w.pubkey(key('recipient')).u64(95n).u64(5n).pubkey(key('creator')).u64(30n).u64(2n);
  if (version >= 3) w.bool(true).u64(1n).u64(2n).u64(3n).i64(4n);
  if (version >= 4) w.string('buy');
  if (version >= 5) w.bool(false);
  if (version >= 6) w.u64(10n).u64(11n);
  if (version >= 7) w.u64(12n).u64(13n).u32(1).pubkey(key('holder')).u16(100).pubkey(quoteMint).u64(777n).u64(41n).u64(42n);
  return w.finish();
}

function decodeOne(programId: string, ixData: Uint8Array, accounts: string[], payload: Uint8Array): DecodedEvent {
  const result = decodeTransaction(buildTransaction({ programId, ixData, accounts, events: [payload], withLogs: true }));
  expect(result.quarantine).toEqual([]);
  expect(result.events).toHaveLength(1);
  return result.events[0] as DecodedEvent;
}

describe('pump TradeEvent, every era', () => {
  for (let version = 0; version <= 7; version += 1) {
    it(`reads v${version} with no trailing bytes, and v${version} + 5 unknown bytes as trailing`, () => {
      const payload = pumpTrade(version);
      const e = decodeOne(PUMPFUN_PROGRAM_ID, buyIx(), buyAccounts, payload);
      expect(e).toMatchObject({
        kind: 'trade', layout: `pump.TradeEvent.v${version}`, trailingBytes: 0, mint: MINT, user: USER, isBuy: true,
        solAmount: 500n, tokenAmount: 900n, virtualSolReserves: 31n, virtualTokenReserves: 32n, pool: CURVE,
        realSolReserves: version >= 1 ? 33n : null, fee: version >= 2 ? 5n : null, creatorFee: version >= 2 ? 2n : null,
        source: 'cpi', position: { outerIndex: 0, innerIndex: null, eventIndex: 0 },
      });
      const longer = decodeOne(PUMPFUN_PROGRAM_ID, buyIx(), buyAccounts, Uint8Array.from([...payload, 1, 2, 3, 4, 5]));
      // After v4 the next field is a single bool (v5): one of the 5 extra bytes reads as mayhem_mode.
      expect([longer.layout, longer.trailingBytes]).toEqual(version === 4 ? ['pump.TradeEvent.v5', 4] : [`pump.TradeEvent.v${version}`, 5]);
    });
  }

  it('takes the quote amounts of a USDC-paired coin (v7, quote_mint set)', () => {
    const usdc = 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v';
    const e = decodeOne(PUMPFUN_PROGRAM_ID, buyIx(), buyAccounts, pumpTrade(7, usdc));
    expect(e).toMatchObject({ quoteMint: usdc, solAmount: 777n, virtualSolReserves: 41n, realSolReserves: 42n });
  });

  it('quarantines a payload shorter than the 113-byte original layout', () => {
    const tx = buildTransaction({ programId: PUMPFUN_PROGRAM_ID, ixData: buyIx(), accounts: buyAccounts, events: [pumpTrade(0).subarray(0, 100)] });
    const r = decodeTransaction(tx);
    expect(r.events).toEqual([]);
    expect(r.quarantine.map((q) => [q.program, q.discriminator, q.reason.startsWith('malformed'), q.position])).toEqual([
      ['pumpfun', 'bddb7fd34ee661ee', true, { outerIndex: 0, innerIndex: null }],
    ]);
  });
});

describe('LaunchLab events', () => {
  const accounts = [USER, key('auth'), key('cfg'), key('pcfg'), key('pool'), key('ub'), key('uq'), key('bv'), key('qv'), MINT, 'So11111111111111111111111111111111111111112'];
  const ix = new BorshWriter().bytes(anchorDiscriminator('global', 'sell_exact_in')).u64(1n).u64(2n).u64(0n).finish();
  function trade(v2: boolean): Uint8Array {
    const w = new BorshWriter().bytes(anchorDiscriminator('event', 'TradeEvent')).pubkey(key('pool'))
      .u64(793n).u64(1073n).u64(30n).u64(10n).u64(20n).u64(5n).u64(25n).u64(5000n).u64(600n).u64(3n).u64(4n);
    if (v2) w.u64(7n);
    w.u64(1n).u8(1).u8(0);
    if (v2) w.bool(true);
    return w.finish();
  }
  for (const v2 of [false, true]) {
    it(`reads TradeEvent ${v2 ? 'v2 (147 B)' : 'v1 (138 B)'} with mint and trader from the instruction`, () => {
      const e = decodeOne(RAYDIUM_LAUNCHPAD_PROGRAM_ID, ix, accounts, trade(v2));
      expect(e).toMatchObject({
        layout: v2 ? 'launchpad.TradeEvent.v2' : 'launchpad.TradeEvent.v1', mint: MINT, user: USER, isBuy: false,
        tokenAmount: 5000n, solAmount: 600n, protocolFee: 3n, platformFee: 4n, creatorFee: v2 ? 7n : null, shareFee: 1n,
        poolState: key('pool'), ixName: 'sell_exact_in', trailingBytes: 0,
      });
    });
  }
  it('reads PoolCreateEvent with and without amm_fee_on', () => {
    // initialize_v2's arguments repeat the event's launch parameters, then amm_fee_on (IDL f0c2e1a).
    const init = new BorshWriter().bytes(anchorDiscriminator('global', 'initialize_v2'))
      .u8(6).string('Name').string('SYM').string('https://x').u8(0).u64(1000n).u64(793n).u64(85n).u8(0).u64(0n).u64(0n).u64(0n).u8(0).finish();
    const initAccounts = [USER, key('creator'), key('cfg'), key('pcfg'), key('auth'), key('pool'), MINT, 'So11111111111111111111111111111111111111112', key('bv'), key('qv'), key('meta'), key('tp')];
    const base = new BorshWriter().bytes(anchorDiscriminator('event', 'PoolCreateEvent')).pubkey(key('pool')).pubkey(key('creator')).pubkey(key('cfg'))
      .u8(6).string('Name').string('SYM').string('https://x').u8(0).u64(1000n).u64(793n).u64(85n).u8(0).u64(0n).u64(0n).u64(0n).finish();
    for (const [payload, layout] of [[base, 'launchpad.PoolCreateEvent.v1'], [Uint8Array.from([...base, 0]), 'launchpad.PoolCreateEvent.v2']] as const) {
      expect(decodeOne(RAYDIUM_LAUNCHPAD_PROGRAM_ID, init, initAccounts, payload)).toMatchObject({
        kind: 'pool_create', layout, mint: MINT, name: 'Name', symbol: 'SYM', uri: 'https://x', curveType: 'constant',
        supply: 1000n, totalBaseSell: 793n, totalQuoteFundRaising: 85n, trailingBytes: 0, creator: key('creator'),
      });
    }
  });
  it('makes a migrate event from a successful migrate_to_cpswap, none from a failed one', () => {
    const data = new BorshWriter().bytes(anchorDiscriminator('global', 'migrate_to_cpswap')).finish();
    const acc = Array.from({ length: 28 }, (_, i) => key(`m${i}`));
    const ok = decodeTransaction(buildTransaction({ programId: RAYDIUM_LAUNCHPAD_PROGRAM_ID, ixData: data, accounts: acc, events: [] }));
    expect(ok.events).toMatchObject([{ kind: 'migrate', source: 'instruction', mint: acc[1], pool: acc[5], ammProgram: acc[4], bondingCurve: acc[17] }]);
    const failed = decodeTransaction(buildTransaction({ programId: RAYDIUM_LAUNCHPAD_PROGRAM_ID, ixData: data, accounts: acc, events: [], success: false }));
    expect(failed.events).toEqual([]);
  });
});
