/**
 * Fuzz: random and mutated payloads (from the real fixtures when present, else generated) through the
 * normalisers and the decoder. Nothing may throw; every outcome is an event or a quarantine record.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { decodeTransaction } from '../../../src/decoders/index.js';
import type { ChainTransaction } from '../../../src/contracts/chain-transaction.js';
import { PUMPFUN_PROGRAM_ID, PUMPSWAP_PROGRAM_ID, RAYDIUM_AMM_V4_PROGRAM_ID, RAYDIUM_CPMM_PROGRAM_ID, RAYDIUM_LAUNCHPAD_PROGRAM_ID } from '../../../src/contracts/programs.js';
import { normalizeRpcTransaction } from '../../../src/stream/normalize/from-rpc.js';
import { readTransactionsFromPath } from '../../../src/stream/transaction-files.js';
import { FIXTURES_DIR } from '../../helpers/fixtures.js';
import { anchorDiscriminator, buildTransaction, EVENT_TAG, key } from './transaction-builder.js';

const CASES = 20_000;
const PROGRAMS = [PUMPFUN_PROGRAM_ID, RAYDIUM_LAUNCHPAD_PROGRAM_ID, PUMPSWAP_PROGRAM_ID, RAYDIUM_CPMM_PROGRAM_ID, RAYDIUM_AMM_V4_PROGRAM_ID];
const EVENT_NAMES = [
  'TradeEvent', 'CreateEvent', 'CompleteEvent', 'CompletePumpAmmMigrationEvent', 'PoolCreateEvent', 'BuyEvent', 'SellEvent', 'CreatePoolEvent',
  // The Pump.fun events of 2026.
  'PostCompleteBuyEvent', 'SweepBondingCurveFeeEvent', 'AdminCtoEvent', 'SetCreatorEvent', 'AdminSetCreatorEvent',
  'MigrateBondingCurveCreatorEvent', 'UpdateMayhemVirtualParamsEvent',
];
/** Instructions whose accounts or arguments the decoders read (the v3 trades and their 17 accounts among them). */
const INSTRUCTION_NAMES = ['buy', 'buy_v2', 'buy_v3', 'sell_v3', 'buy_exact_quote_in_v3', 'create_v2', 'admin_cto', 'multi_hop_curve_swap', 'set_mayhem_virtual_params'];
/** Kinds only the 2026 Pump.fun layouts produce: the fuzz must reach each of them. */
const KINDS_OF_2026 = ['post_complete_buy', 'fee_payout', 'creator_change', 'reserves_reset'];

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

async function templates(): Promise<ChainTransaction[]> {
  if (FIXTURES_DIR === null) return [];
  const results = [
    ...(await readTransactionsFromPath(join(FIXTURES_DIR, 'transactions'))),
    ...(await readTransactionsFromPath(join(FIXTURES_DIR, '2026-12', 'transactions'))),
  ];
  return results.flatMap((r) => (r.ok ? [r.tx] : []));
}

function mutate(data: Uint8Array, rnd: () => number): Uint8Array {
  const out = Uint8Array.from(data);
  const mode = Math.floor(rnd() * 4);
  if (mode === 0) return out.subarray(0, Math.floor(rnd() * out.length)); // truncate
  if (mode === 1) for (let i = 0; i < 1 + rnd() * 8; i += 1) out[Math.floor(rnd() * out.length)] = Math.floor(rnd() * 256);
  if (mode === 2) return Uint8Array.from([...out, ...Array.from({ length: Math.floor(rnd() * 64) }, () => Math.floor(rnd() * 256))]);
  if (mode === 3 && out.length > 24) out.fill(0xff, 16, 16 + Math.floor(rnd() * (out.length - 16)));
  return out;
}

function mutateTransaction(tx: ChainTransaction, rnd: () => number): ChainTransaction {
  const instructions = tx.instructions.map((ix) => (rnd() < 0.5 ? { ...ix, data: mutate(ix.data, rnd) } : ix));
  const logMessages = tx.logMessages.map((l) =>
    l.startsWith('Program data: ') && rnd() < 0.5 ? `Program data: ${Buffer.from(mutate(Buffer.from(l.slice(14), 'base64'), rnd)).toString('base64')}` : l,
  );
  return { ...tx, instructions, logMessages, success: rnd() < 0.8 };
}

function randomTransaction(rnd: () => number): ChainTransaction {
  const programId = PROGRAMS[Math.floor(rnd() * PROGRAMS.length)] as string;
  const name = EVENT_NAMES[Math.floor(rnd() * EVENT_NAMES.length)] as string;
  const body = Array.from({ length: Math.floor(rnd() * 420) }, () => Math.floor(rnd() * 256));
  const payload = Uint8Array.from([...(rnd() < 0.8 ? anchorDiscriminator('event', name) : []), ...body]);
  const ixName = INSTRUCTION_NAMES[Math.floor(rnd() * INSTRUCTION_NAMES.length)] as string;
  const ixData = rnd() < 0.5 ? Uint8Array.from([...anchorDiscriminator('global', ixName), ...body.slice(0, Math.floor(rnd() * 40))]) : Uint8Array.from(body.slice(0, 24));
  const accounts = Array.from({ length: Math.floor(rnd() * 30) }, (_, i) => key(`a${i}`));
  const tx = buildTransaction({ programId, ixData, accounts, events: [payload], withLogs: rnd() < 0.5, success: rnd() < 0.8 });
  if (rnd() < 0.2) tx.instructions.push({ ...tx.instructions[0]!, data: Uint8Array.from([...EVENT_TAG]), innerIndex: 9 });
  return tx;
}

describe('decoder fuzz', () => {
  it(`survives ${CASES} random and mutated transactions without throwing`, async () => {
    const rnd = mulberry32(0xc0ffee);
    const bases = await templates();
    if (bases.length === 0) console.warn('fixtures absent: fuzzing generated transactions only');
    let events = 0;
    let quarantined = 0;
    const kinds = new Set<string>();
    for (let i = 0; i < CASES; i += 1) {
      const base = bases.length > 0 && rnd() < 0.6 ? bases[Math.floor(rnd() * bases.length)] : undefined;
      const tx = base === undefined ? randomTransaction(rnd) : mutateTransaction(base, rnd);
      const result = decodeTransaction(tx);
      events += result.events.length;
      quarantined += result.quarantine.length;
      for (const e of result.events) kinds.add(e.kind);
      for (const q of result.quarantine) expect(q.stage).toBe('decode');
    }
    expect(events).toBeGreaterThan(0);
    expect(quarantined).toBeGreaterThan(0);
    expect(KINDS_OF_2026.filter((k) => !kinds.has(k))).toEqual([]);
  }, 20_000);

  it('normalises random bytes and broken JSON into quarantine records, never throwing', () => {
    const rnd = mulberry32(42);
    for (let i = 0; i < 3000; i += 1) {
      const bytes = Buffer.from(Array.from({ length: Math.floor(rnd() * 300) }, () => Math.floor(rnd() * 256)));
      const shapes: unknown[] = [
        { transaction: [bytes.toString('base64'), 'base64'], meta: { err: null } },
        { transaction: { message: { accountKeys: [1, 2], instructions: [{ programIdIndex: 9, data: '0OIl' }] }, signatures: [] }, meta: null },
        { transaction: { message: null }, meta: { fee: 'x' } },
        bytes.toString('hex'),
        null,
      ];
      const r = normalizeRpcTransaction(shapes[i % shapes.length]);
      if (!r.ok) expect(r.quarantine.stage).toBe('normalize');
    }
  });
});
