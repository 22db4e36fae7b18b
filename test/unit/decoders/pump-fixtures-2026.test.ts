/**
 * The Pump.fun transactions of 2026-12 (../shared/fixtures/2026-12/transactions/pump, or their fetched copy)
 * decoded and checked against every value their sources assert (test/fixture-signatures.json keeps those
 * facts, the same as each *.expected.json). The older folders are decoded and counted by fixtures.test.ts,
 * unchanged. None of these is a v3 trade, a synthetic migration or a sweep (MANIFEST "2026-12"): those
 * layouts are built from their field lists in pump-layouts-2026.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChainTransaction } from '../../../src/contracts/chain-transaction.js';
import type { CreateEvent, DecodedEvent, MigrateEvent, TradeEvent } from '../../../src/contracts/decoded-event.js';
import { PUMPFUN_PROGRAM_ID } from '../../../src/contracts/programs.js';
import { decodeTransaction } from '../../../src/decoders/index.js';
import { EVENT_IX_TAG, readDiscriminator } from '../../../src/decoders/discriminator.js';
import { pumpfunDecoder } from '../../../src/decoders/pumpfun/index.js';
import { readPumpInstructionArgs } from '../../../src/decoders/pumpfun/instruction-args.js';
import { readTransactionsFromText } from '../../../src/stream/normalize/read-input.js';
import { FIXTURE_LIST, fixturePath, relativeFixturePath } from '../../helpers/fixture-signatures.js';
import { realTransactionsMissingReason } from '../../helpers/fixtures.js';

type Json = Record<string, unknown>;
const WSOL = 'So11111111111111111111111111111111111111112';
const DEFAULT_KEY = '11111111111111111111111111111111';
const TRADE_EVENT = 'bddb7fd34ee661ee';
const entries = FIXTURE_LIST.transactions.filter((t) => t.path.startsWith('2026-12/transactions/pump/'));
const missing = realTransactionsMissingReason(...entries.map(relativeFixturePath));
if (missing !== null) console.warn(missing);

function load(path: string): { tx: ChainTransaction; events: DecodedEvent[]; expected: Json } {
  const entry = entries.find((e) => e.path.endsWith(path));
  if (entry === undefined) throw new Error(`${path}: not in test/fixture-signatures.json`);
  const [result] = readTransactionsFromText(readFileSync(fixturePath(entry), 'utf8'));
  if (result === undefined || !result.ok) throw new Error(`${path}: not read`);
  const decoded = decodeTransaction(result.tx);
  expect(decoded.quarantine).toEqual([]);
  expect(result.tx.signature).toBe((entry.expected as Json | null)?.signature ?? entry.signature);
  return { tx: result.tx, events: decoded.events, expected: (entry.expected as Json | null) ?? {} };
}

const pump = (events: DecodedEvent[]) => events.filter((e) => e.program === 'pumpfun');
const only = <K extends DecodedEvent['kind']>(events: DecodedEvent[], kind: K) => pump(events).filter((e): e is Extract<DecodedEvent, { kind: K }> => e.kind === kind);
const text = (value: unknown) => (typeof value === 'bigint' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : value);
/** The sources write the default key as SOL ("Pubkey::default() (1111…)"): our quoteMint says wrapped SOL. */
const quoteOf = (value: unknown) => (typeof value === 'string' && value.includes(DEFAULT_KEY) ? WSOL : value);

/** The 32 bytes after a TradeEvent's volume flag (IDL offsets 218..250): four u64 counters the decoder skips. */
function volumeCounters(tx: ChainTransaction): string[] {
  const ix = tx.instructions.find((i) => i.programId === PUMPFUN_PROGRAM_ID && readDiscriminator(i.data) === EVENT_IX_TAG && Buffer.from(i.data.subarray(8, 16)).toString('hex') === TRADE_EVENT);
  const body = Buffer.from((ix?.data ?? new Uint8Array(0)).subarray(16));
  return [218, 226, 234, 242].map((at) => (at === 242 ? body.readBigInt64LE(at) : body.readBigUInt64LE(at)).toString());
}

/** A TradeEvent field as the source names it (snake_case), read from our event. */
function tradeField(t: TradeEvent, tx: ChainTransaction, field: string): unknown {
  const extraNames: Record<string, string> = {
    fee_recipient: 'feeRecipient', fee_basis_points: 'feeBasisPoints', creator: 'creator', creator_fee_basis_points: 'creatorFeeBasisPoints',
    track_volume: 'trackVolume', mayhem_mode: 'mayhemMode', cashback_fee_basis_points: 'cashbackFeeBasisPoints', cashback: 'cashback',
    buyback_fee_basis_points: 'buybackFeeBasisPoints', buyback_fee: 'buybackFee', quote_amount: 'quoteAmount', shareholders_len: 'shareholders',
  };
  const direct: Record<string, unknown> = {
    mint: t.mint, sol_amount: t.solAmount, token_amount: t.tokenAmount, is_buy: t.isBuy, user: t.user, timestamp: t.timestamp,
    virtual_sol_reserves: t.virtualSolReserves, virtual_token_reserves: t.virtualTokenReserves, real_sol_reserves: t.realSolReserves,
    real_token_reserves: t.realTokenReserves, fee: t.fee, creator_fee: t.creatorFee, ix_name: t.ixName, quote_mint: t.quoteMint,
    // A SOL-quoted coin's quote reserves are its SOL reserves (one pair of fields on our event).
    virtual_quote_reserves: t.virtualSolReserves, real_quote_reserves: t.realSolReserves,
    holder_rewards_bps: t.holderRewardsBps, holder_rewards: t.holderRewards, creator_fee_unclaimed: t.creatorFeeUnclaimed,
  };
  const counters = ['total_unclaimed_tokens', 'total_claimed_tokens', 'current_sol_volume', 'last_update_timestamp'];
  if (counters.includes(field)) return volumeCounters(tx)[counters.indexOf(field)];
  if (field === 'shareholders') return t.extra.shareholders;
  if (extraNames[field] !== undefined) return t.extra[extraNames[field] as string];
  if (field in direct) return direct[field];
  throw new Error(`no mapping for ${field}`);
}

function expectTradeFields(t: TradeEvent, tx: ChainTransaction, expected: Json): void {
  const asserted = Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, k === 'quote_mint' ? quoteOf(v) : k === 'shareholders' ? text((v as unknown[]).length) : text(v)]));
  const ours = Object.fromEntries(Object.keys(expected).map((k) => [k, text(tradeField(t, tx, k))]));
  expect(ours).toEqual(asserted);
}

/** Pascal-case instruction and event names in transaction order, as the carbon tests list them. */
function pumpNames(tx: ChainTransaction, events: DecodedEvent[]): string[] {
  const pascal = (snake: string) => snake.replace(/(^|_)([a-z0-9])/g, (_m, _s, c: string) => c.toUpperCase());
  const eventName: Record<string, string> = { trade: 'TradeEvent', create: 'CreateEvent', migrate: 'CompletePumpAmmMigrationEvent', complete: 'CompleteEvent' };
  const out: string[] = [];
  for (const ix of tx.instructions) {
    if (ix.programId !== PUMPFUN_PROGRAM_ID || readDiscriminator(ix.data) === EVENT_IX_TAG) continue;
    out.push(pascal(pumpfunDecoder.instructionName(ix.data) ?? '?'));
    for (const e of pump(events)) if (e.position.outerIndex === ix.outerIndex && e.position.innerIndex === ix.innerIndex) out.push(eventName[e.kind] ?? e.kind);
  }
  return out;
}

const argsOf = (tx: ChainTransaction, name: string) => {
  const ix = tx.instructions.find((i) => i.programId === PUMPFUN_PROGRAM_ID && pumpfunDecoder.instructionName(i.data) === name);
  return readPumpInstructionArgs(name, ix?.data ?? new Uint8Array(8));
};

describe.skipIf(missing !== null)('Pump.fun transactions of 2026-12', () => {
  it('decodes the folder into 2 creates, 6 trades (4RUXQ twice, base64 and json) and 1 migration, nothing quarantined', () => {
    const all = entries.map((e) => load(e.path.split('/').pop() as string).events);
    const events = all.flat();
    expect(['create', 'trade', 'migrate', 'complete'].map((k) => only(events, k as DecodedEvent['kind']).length)).toEqual([2, 6, 1, 0]);
  });

  it('buy_exact_quote_in_v2 4RUXQ (V1, holder-rewards coin), both encodings: all 35 TradeEvent fields the source asserts', () => {
    for (const file of ['buy_exact_quote_in_v2__4RUXQBSXzATG.rpc-base64.json', 'buy_exact_quote_in_v2__4RUXQBSXzATG.rpc-json.json']) {
      const { tx, events, expected } = load(file);
      const [data] = (expected.expected as Json[]).map((e) => e.data as Json);
      const [trade] = only(events, 'trade');
      expect(Object.keys(data as Json)).toHaveLength(35);
      expectTradeFields(trade as TradeEvent, tx, data as Json);
      expect(trade).toMatchObject({ layout: 'pump.TradeEvent.v9', trailingBytes: 0, pool: '9VUPe3Km58a2oQKg2ZiXfvsPZpHcWzW5xv8cc9mAsvkM' });
    }
  });

  it('buy_v2 65GCZ and sell_v2 Eto7 (carbon): instruction names, the amount argument and every TradeEvent value', () => {
    for (const [file, ixName, argName] of [['buy_v2__65GCZZ3gmd2J.rpc-base64.json', 'buy_v2', 'BuyV2'], ['sell_v2__Eto7X8uPatbL.rpc-base64.json', 'sell_v2', 'SellV2']] as const) {
      const { tx, events, expected } = load(file);
      expect(pumpNames(tx, events)).toEqual(expected.decoded_pump_instruction_names);
      expect(argsOf(tx, ixName)?.args.amount).toBe(BigInt((expected[argName] as Json).amount as number));
      expectTradeFields(only(events, 'trade')[0] as TradeEvent, tx, expected.TradeEvent as Json);
    }
  });

  it('create_v2 + buy_exact_quote_in_v2 2ym2 (carbon): names, arguments, the CreateEvent and the TradeEvent values', () => {
    const { tx, events, expected } = load('create_v2-buy_exact_quote_in_v2__2ym2WBsm3hJB.rpc-base64.json');
    expect(pumpNames(tx, events)).toEqual(expected.decoded_pump_instruction_names);
    const args = argsOf(tx, 'buy_exact_quote_in_v2')?.args;
    expect({ spendable_quote_in: args?.spendable_quote_in, min_tokens_out: args?.min_tokens_out }).toEqual(Object.fromEntries(Object.entries(expected.BuyExactQuoteInV2 as Json).map(([k, v]) => [k, BigInt(v as number)])));
    const create = only(events, 'create')[0] as CreateEvent;
    const c = expected.CreateEvent as Json;
    expect({ name: create.name, symbol: create.symbol, quote_mint: create.quoteMint, virtual_quote_reserves: create.virtualSolReserves }).toEqual({
      name: c.name, symbol: c.symbol, quote_mint: quoteOf(c.quote_mint), virtual_quote_reserves: BigInt(c.virtual_quote_reserves as number),
    });
    expectTradeFields(only(events, 'trade')[0] as TradeEvent, tx, expected.TradeEvent as Json);
  });

  it('create_v2 4Qg8 (mayhem): the instruction omits its trailing creator_fee_bps and is_holder_reward, read as None; the event states 0 / false', () => {
    const { tx, events, expected } = load('create_v2-mayhem-extend_account__4Qg8NDcsfNer.rpc-json.json');
    const args = argsOf(tx, 'create_v2');
    expect({ creator_fee_bps: args?.args.creator_fee_bps, is_holder_reward: args?.args.is_holder_reward }).toEqual(expected.create_v2_args);
    expect(args?.omitted).toEqual(['creator_fee_bps', 'is_holder_reward']);
    expect(only(events, 'create')[0]).toMatchObject({ layout: 'pump.CreateEvent.v6', trailingBytes: 0, isMayhemMode: true, isCashbackEnabled: false, creatorFeeBps: 0n, isHolderReward: false, depth: null });
  });

  it('migrate_v2 3gsRn (sol-parser-sdk): one migration with every asserted value', () => {
    const { events, expected } = load('migrate_v2__3gsRn6ZLtwFj.rpc-base64.json');
    const migrations = only(events, 'migrate');
    expect(migrations).toHaveLength(expected.migrations_len as number);
    const m = migrations[0] as MigrateEvent & { poolMigrationFee: bigint };
    const e = expected.PumpFunMigrateEvent as Json;
    expect({
      'metadata.slot': m.slot, user: m.user, mint: m.mint, mint_amount: m.tokenAmount, sol_amount: m.solAmount, pool_migration_fee: m.poolMigrationFee,
      bonding_curve: m.bondingCurve, timestamp: m.timestamp, pool: m.pool,
    }).toEqual(Object.fromEntries(Object.entries(e).map(([k, v]) => [k, typeof v === 'number' ? BigInt(v) : v])));
  });

  it('sell_v2 36dH (no source values): a TradeEvent v9 read to its last byte', () => {
    const { events } = load('sell_v2__36dHx3dZ2bQF.rpc-base64.json');
    expect(only(events, 'trade')).toMatchObject([{ layout: 'pump.TradeEvent.v9', trailingBytes: 0, isBuy: false, holderRewardsBps: 30n, holderRewards: 215_205n, creatorFeeUnclaimed: 84_998_331n }]);
  });
});
