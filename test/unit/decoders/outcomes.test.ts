/**
 * The decoder's outcomes, typed: not mine (flagged on the result), unknown discriminator and malformed
 * (quarantined; malformed says at which byte reading stopped).
 */
import { describe, expect, it } from 'vitest';
import { decodeTransaction } from '../../../src/decoders/index.js';
import { makeEnvelope, type EventContext } from '../../../src/decoders/program-decoder.js';
import { pumpfunDecoder } from '../../../src/decoders/pumpfun/index.js';
import { PUMPFUN_PROGRAM_ID, RAYDIUM_LAUNCHPAD_PROGRAM_ID } from '../../../src/contracts/programs.js';
import { BorshWriter } from '../../../src/simulate/borsh-writer.js';
import { anchorDiscriminator, buildTransaction, key } from './transaction-builder.js';

const MINT = key('mint');
const USER = key('user');
const buyIx = new BorshWriter().bytes(anchorDiscriminator('global', 'buy')).u64(1000n).u64(2000n).finish();
const buyAccounts = [key('global'), key('fee'), MINT, key('curve'), key('abc'), key('au'), USER, key('sys'), key('tok'), key('cv')];

/**
 * The original 113-byte TradeEvent cut to 100 bytes: discriminator 0-7, mint 8-39, sol 40-47, token
 * 48-55, is_buy 56, user 57-88, timestamp 89-96; virtual_sol_reserves (u64 at 97) has 3 of its 8 bytes.
 */
const TRUNCATED_TRADE = new BorshWriter().bytes(anchorDiscriminator('event', 'TradeEvent'))
  .pubkey(MINT).u64(500n).u64(900n).bool(true).pubkey(USER).i64(1_700_000_000n).u64(31n).u64(32n).finish().subarray(0, 100);

describe('decoder outcomes', () => {
  it('reports a malformed payload with the byte where reading stopped, in the outcome and in the quarantine reason', () => {
    const tx = buildTransaction({ programId: PUMPFUN_PROGRAM_ID, ixData: buyIx, accounts: buyAccounts, events: [TRUNCATED_TRADE] });
    const ctx: EventContext = { tx, invocation: tx.instructions[0] ?? null, envelope: makeEnvelope(tx, 'pumpfun', 'cpi', 0, null) };
    expect(pumpfunDecoder.decodeEvent(TRUNCATED_TRADE, ctx)).toEqual({
      type: 'quarantine', kind: 'malformed', offset: 97, reason: 'malformed at byte 97: needs 8 bytes, has 3',
    });
    expect(decodeTransaction(tx)).toEqual({
      events: [],
      quarantine: [{
        stage: 'decode', kind: 'malformed', program: 'pumpfun', discriminator: 'bddb7fd34ee661ee', raw: TRUNCATED_TRADE,
        reason: 'malformed at byte 97: needs 8 bytes, has 3', signature: tx.signature, slot: 1n, position: { outerIndex: 0, innerIndex: null },
      }],
      notMine: false,
    });
  });

  it('reports the arguments of a failed trade instruction that are too short as malformed at their offset', () => {
    const shortBuy = new BorshWriter().bytes(anchorDiscriminator('global', 'buy')).u64(1000n).u32(7).finish();
    const tx = buildTransaction({ programId: PUMPFUN_PROGRAM_ID, ixData: shortBuy, accounts: buyAccounts, events: [], success: false });
    expect(decodeTransaction(tx).quarantine.map((q) => [q.kind, q.reason])).toEqual([['malformed', 'malformed at byte 16: needs 8 bytes, has 4']]);
  });

  it('quarantines an unknown event discriminator and an unknown instruction as unknown_discriminator', () => {
    const unknownEvent = new BorshWriter().bytes(anchorDiscriminator('event', 'NoSuchEvent')).u64(1n).finish();
    const unknownIx = new BorshWriter().bytes(anchorDiscriminator('global', 'no_such_instruction')).finish();
    const tx = buildTransaction({ programId: RAYDIUM_LAUNCHPAD_PROGRAM_ID, ixData: unknownIx, accounts: [USER], events: [unknownEvent] });
    expect(decodeTransaction(tx).quarantine.map((q) => [q.kind, q.reason])).toEqual([
      ['unknown_discriminator', 'unknown launchpad event discriminator'],
      ['unknown_discriminator', 'unknown instruction discriminator'],
    ]);
  });

  it('says "not mine" for a transaction that touches none of our programs, and only then', () => {
    const memo = 'MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr';
    const other = buildTransaction({ programId: memo, ixData: Uint8Array.from([1, 2, 3]), accounts: [USER], events: [] });
    expect(decodeTransaction(other)).toEqual({ events: [], quarantine: [], notMine: true });
    const ours = buildTransaction({ programId: PUMPFUN_PROGRAM_ID, ixData: buyIx, accounts: buyAccounts, events: [] });
    expect(decodeTransaction(ours)).toEqual({ events: [], quarantine: [], notMine: false });
  });
});
