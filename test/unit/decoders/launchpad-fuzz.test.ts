/**
 * Fuzz of the LaunchLab layouts of 2026: initialize / initialize_v2 / initialize_with_token_2022 arguments
 * (with and without their trailing fields), PoolCreateEvent v1 / v2 and TradeEvent v1 / v2 payloads, each
 * truncated, mutated or extended, under random account lists and token balances; and the real 2026-12
 * LaunchLab transactions mutated (when present). Nothing may throw; every outcome is an event or a
 * quarantine record of the decode stage. (fuzz.test.ts covers the other programs and the normalisers.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChainTransaction } from '../../../src/contracts/chain-transaction.js';
import { RAYDIUM_LAUNCHPAD_PROGRAM_ID, TOKEN_2022_PROGRAM_ID } from '../../../src/contracts/programs.js';
import { decodeTransaction } from '../../../src/decoders/index.js';
import { BorshWriter } from '../../../src/simulate/borsh-writer.js';
import { readTransactionsFromText } from '../../../src/stream/normalize/read-input.js';
import { FIXTURE_LIST, fixturePath, relativeFixturePath } from '../../helpers/fixture-signatures.js';
import { realTransactionsMissingReason } from '../../helpers/fixtures.js';
import { anchorDiscriminator, buildTransaction, key } from './transaction-builder.js';

const CASES = 10_000;
const INITS = ['initialize', 'initialize_v2', 'initialize_with_token_2022'] as const;
const TRADES = ['buy_exact_in', 'buy_exact_out', 'sell_exact_in', 'sell_exact_out'] as const;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rnd: () => number, n: number) => Math.floor(rnd() * n);

function launchParams(w: BorshWriter, rnd: () => number): BorshWriter {
  const curve = int(rnd, 4); // 3 is not a variant
  w.u8(int(rnd, 19)).string('N'.repeat(int(rnd, 40))).string('S'.repeat(int(rnd, 12))).string('u'.repeat(int(rnd, 210))).u8(curve).u64(BigInt(int(rnd, 1e9)));
  if (curve === 0) w.u64(793n);
  return w.u64(85n).u8(int(rnd, 2)).u64(1n).u64(2n).u64(3n);
}

/** A layout with a random number of its trailing fields, then cut, mutated or extended. */
function mutate(bytes: Uint8Array, rnd: () => number): Uint8Array {
  const out = Uint8Array.from(bytes);
  const mode = int(rnd, 4);
  if (mode === 0) return out.subarray(0, int(rnd, out.length + 1));
  if (mode === 1) for (let i = 0; i < 1 + rnd() * 6; i += 1) out[int(rnd, out.length)] = int(rnd, 256);
  if (mode === 2) return Uint8Array.from([...out, ...Array.from({ length: int(rnd, 24) }, () => int(rnd, 256))]);
  return out;
}

function initData(rnd: () => number): Uint8Array {
  const name = INITS[int(rnd, INITS.length)] as string;
  const w = launchParams(new BorshWriter().bytes(anchorDiscriminator('global', name)), rnd);
  if (rnd() < 0.7) w.u8(int(rnd, 3));
  const tag = int(rnd, 4);
  if (tag < 3) w.u8(tag);
  if (tag === 1 || rnd() < 0.3) w.u16(int(rnd, 600)).u64(BigInt(int(rnd, 1e9)));
  return mutate(w.finish(), rnd);
}

function poolCreate(rnd: () => number): Uint8Array {
  const w = launchParams(new BorshWriter().bytes(anchorDiscriminator('event', 'PoolCreateEvent')).pubkey(key('pool')).pubkey(key('c')).pubkey(key('g')), rnd);
  if (rnd() < 0.7) w.u8(int(rnd, 3));
  return mutate(w.finish(), rnd);
}

function trade(rnd: () => number): Uint8Array {
  const w = new BorshWriter().bytes(anchorDiscriminator('event', 'TradeEvent')).pubkey(key('pool'));
  for (let i = 0; i < 11 + int(rnd, 3); i += 1) w.u64(BigInt(int(rnd, 1e12)));
  w.u8(int(rnd, 3)).u8(int(rnd, 4));
  if (rnd() < 0.5) w.bool(rnd() < 0.5);
  return mutate(w.finish(), rnd);
}

function randomTransaction(rnd: () => number): ChainTransaction {
  const isInit = rnd() < 0.5;
  const ixData = isInit ? initData(rnd) : mutate(new BorshWriter().bytes(anchorDiscriminator('global', TRADES[int(rnd, TRADES.length)] as string)).u64(1n).u64(2n).u64(0n).finish(), rnd);
  const accounts = Array.from({ length: int(rnd, 22) }, (_, i) => (i === 11 && rnd() < 0.5 ? TOKEN_2022_PROGRAM_ID : key(`a${i}`)));
  const events = Array.from({ length: 1 + int(rnd, 2) }, () => (rnd() < 0.5 ? poolCreate(rnd) : trade(rnd)));
  const tx = buildTransaction({ programId: RAYDIUM_LAUNCHPAD_PROGRAM_ID, ixData, accounts, events, withLogs: rnd() < 0.5, success: rnd() < 0.9 });
  if (rnd() < 0.5 && accounts[5] !== undefined) {
    const balance = (amount: bigint) => ({ accountIndex: 6, account: accounts[5] as string, mint: key('m'), owner: key('o'), programId: TOKEN_2022_PROGRAM_ID, amount, decimals: 6 });
    tx.preTokenBalances = rnd() < 0.5 ? [balance(BigInt(int(rnd, 1e9)))] : [];
    tx.postTokenBalances = [balance(BigInt(int(rnd, 1e9)))];
  }
  return tx;
}

const entries = FIXTURE_LIST.transactions.filter((t) => t.path.startsWith('2026-12/transactions/launchpad/'));
const realMissing = realTransactionsMissingReason(...entries.map(relativeFixturePath));

function realTemplates(): ChainTransaction[] {
  if (realMissing !== null) return [];
  return entries.flatMap((e) => readTransactionsFromText(readFileSync(fixturePath(e), 'utf8')).flatMap((r) => (r.ok ? [r.tx] : [])));
}

function mutateReal(tx: ChainTransaction, rnd: () => number): ChainTransaction {
  const instructions = tx.instructions.map((ix) => (ix.programId === RAYDIUM_LAUNCHPAD_PROGRAM_ID && rnd() < 0.6
    ? { ...ix, data: mutate(ix.data, rnd), accounts: rnd() < 0.2 ? ix.accounts.slice(0, int(rnd, ix.accounts.length)) : ix.accounts }
    : ix));
  return { ...tx, instructions };
}

describe('LaunchLab decoder fuzz (2026 layouts)', () => {
  it(`survives ${CASES} random and mutated LaunchLab transactions without throwing`, () => {
    if (realMissing !== null) console.warn(`${realMissing}: fuzzing generated transactions only`);
    const rnd = mulberry32(0x1a0c4);
    const bases = realTemplates();
    const seen = { events: 0, quarantined: 0, poolCreates: 0, trades: 0 };
    for (let i = 0; i < CASES; i += 1) {
      const base = bases.length > 0 && rnd() < 0.4 ? bases[int(rnd, bases.length)] : undefined;
      const result = decodeTransaction(base === undefined ? randomTransaction(rnd) : mutateReal(base, rnd));
      seen.events += result.events.length;
      seen.quarantined += result.quarantine.length;
      seen.poolCreates += result.events.filter((e) => e.kind === 'pool_create').length;
      seen.trades += result.events.filter((e) => e.kind === 'trade').length;
      for (const q of result.quarantine) expect([q.stage, ['malformed', 'unknown_discriminator'].includes(q.kind)]).toEqual(['decode', true]);
    }
    expect(Object.values(seen).every((n) => n > 0)).toBe(true);
  }, 30_000);
});
