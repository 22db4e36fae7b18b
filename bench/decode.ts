/**
 * Decoder benchmark: Yellowstone `SubscribeUpdate` protobuf bytes (as the native client delivers them)
 * → readUpdateEnvelope → normalizeYellowstoneTransactionBytes → decodeTransaction, single core; and, for
 * comparison, the same bytes through the client package's generated decoder + the object normaliser. The mix is shaped like the
 * filtered mainnet stream of late 2026 (`DECODE_MIX`): Pump.fun curve trades (self-CPI + log copy, fee /
 * volume CPIs, compute-budget and token instructions), a share of them `buy_v3` / `sell_v3` /
 * `buy_exact_quote_in_v3` with the newest TradeEvent (35 fields, creator_fee_unclaimed); creates; LaunchLab
 * trades; PumpSwap buys and sells with the newest BuyEvent / SellEvent (self-CPI + log copy); PumpSwap
 * `multi_hop_swap` routes (a pool hop emitting a PumpSwap event, a curve hop emitting a pump TradeEvent under
 * `multi_hop_curve_swap`); and transactions with none of our events.
 * Every message is generated here from our own bytes (fresh user / mint / ATA / pool keys per transaction);
 * `test/unit/bench/decode-mix.test.ts` checks that each kind decodes to exactly its events, none quarantined.
 * Run: `npx tsx bench/decode.ts [--transactions N] [--seconds S]` or `npm run bench -- decode`.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { SubscribeUpdate, type SubscribeUpdateTransaction } from '@triton-one/yellowstone-grpc';
import bs58 from 'bs58';
import { decodeTransaction } from '../src/decoders/index.js';
import { WSOL_MINT } from '../src/contracts/chain-transaction.js';
import { PUMPFUN_PROGRAM_ID, PUMPSWAP_PROGRAM_ID, RAYDIUM_LAUNCHPAD_PROGRAM_ID, TOKEN_PROGRAM_ID } from '../src/contracts/programs.js';
import { findProgramAddress } from '../src/shared/program-address.js';
import { BorshWriter } from '../src/simulate/borsh-writer.js';
import { normalizeYellowstoneTransaction } from '../src/stream/normalize/from-yellowstone.js';
import { normalizeYellowstoneTransactionBytes } from '../src/stream/normalize/from-yellowstone-bytes.js';
import { readUpdateEnvelope } from '../src/stream/update-envelope.js';
import type { NormalizeResult } from '../src/contracts/chain-transaction.js';

export interface BenchDecodeOptions {
  transactions?: number;
  seconds?: number;
  log?: (line: string) => void;
}

/** The kinds of transaction in the mix. */
export type MixKind = 'pump' | 'pump_v3' | 'create' | 'launch' | 'pumpswap' | 'multi_hop' | 'other';

/** The mix, in transactions per cycle of 20 (consecutive runs of one kind within the cycle). */
export const DECODE_MIX: ReadonlyArray<{ kind: MixKind; share: number; label: string }> = [
  { kind: 'pump', share: 7, label: 'pump trades (buy/sell, 2025 TradeEvent)' },
  { kind: 'pump_v3', share: 4, label: 'pump v3 trades (newest TradeEvent)' },
  { kind: 'create', share: 1, label: 'creates' },
  { kind: 'launch', share: 2, label: 'LaunchLab' },
  { kind: 'pumpswap', share: 2, label: 'PumpSwap buys/sells' },
  { kind: 'multi_hop', share: 1, label: 'multi_hop_swap' },
  { kind: 'other', share: 3, label: 'other' },
];
const CYCLE = DECODE_MIX.reduce((sum, m) => sum + m.share, 0);

/** The kind of the `n`-th transaction of the mix. */
export function mixKindOf(n: number): MixKind {
  let at = n % CYCLE;
  for (const m of DECODE_MIX) {
    if (at < m.share) return m.kind;
    at -= m.share;
  }
  throw new Error('unreachable: the mix covers its cycle');
}

/** "35% pump trades … / 15% other": the header line's mix. */
export function describeMix(): string {
  return DECODE_MIX.map((m) => `${Math.round((m.share * 100) / CYCLE)}% ${m.label}`).join(' / ');
}

const sha = (s: string) => createHash('sha256').update(s).digest();
const disc = (prefix: string, name: string) => sha(`${prefix}:${name}`).subarray(0, 8);
const TAG = Buffer.from('e445a52e51cb9a1d', 'hex');
const STATIC = ['ComputeBudget111111111111111111111111111111', '11111111111111111111111111111111', 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA',
  'ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL', PUMPFUN_PROGRAM_ID, '4wTV1YmiEkRvAtNtsSGPtUrqRYQMe5SKy2uB4Jjaxnjf',
  '62qc2CNXwrYqQScmEdiZFFAnJR262PxWEuNQtxfafNgV', 'Ce6TQqeHC9p8KetsN6JsjHK7UTZk7nasjjnr7XxXp9F1', 'pfeeUxB6jkeY1Hxd7CsFCAjcbHA9rWtchMGdZ6VojVZ',
  'Hq2wp8uJ9jCPsYgNHex8RtqdvMPfVGoYwjvF1ATiwn2Y', '8Wf5TiAheLUqBrKXeYg2JtAFFMWtKdG2BSFgqUcPVwTt', RAYDIUM_LAUNCHPAD_PROGRAM_ID,
  '2DPAtwB8L12vrMRExbLuyGnC7n2J5LNoZQSejeQGpwkr', 'JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4'].map((k) => bs58.decode(k));
const [CB, SYS, TOKEN, ATA, PUMP, PUMP_GLOBAL, , PUMP_EA, FEE_PROG, , , LAUNCH, LAUNCH_EA, OTHER] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13] as const;
const K = (i: number) => STATIC[i] as Uint8Array;
/** Static keys of the 2026 kinds: real program ids and WSOL; the program-owned accounts are labelled stand-ins. */
const PSWAP = bs58.decode(PUMPSWAP_PROGRAM_ID);
const WSOL = bs58.decode(WSOL_MINT);
const [PSWAP_EA, PSWAP_CONFIG, PSWAP_FEE_RECIPIENT, PSWAP_FEE_ACCOUNT, PUMP_FEE_CONFIG, PUMP_BUYBACK, GLOBAL_VOLUME] =
  ['pumpswap:event_authority', 'pumpswap:global_config', 'pumpswap:protocol_fee_recipient', 'pumpswap:protocol_fee_recipient_ata',
    'pump:fee_config', 'pump:buyback_fee_recipient', 'global_volume_accumulator'].map((s) => sha(`bench:${s}`)) as [Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer];
const DEFAULT_KEY = new Uint8Array(32);

function u64(v: bigint): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(v);
  return b;
}

/** The 2025 TradeEvent (through mayhem_mode, IDL f0ef005: 23 fields) under buy / sell. */
function pumpTradeEvent(mint: Uint8Array, user: Uint8Array, n: number, isBuy: boolean): Buffer {
  const ixName = Buffer.from(isBuy ? 'buy' : 'sell');
  return Buffer.concat([disc('event', 'TradeEvent'), mint, u64(BigInt(1e8 + n)), u64(BigInt(3e12 + n)), Buffer.from([isBuy ? 1 : 0]), user,
    u64(1_760_000_000n), u64(40_000_000_000n), u64(800_000_000_000_000n), u64(10_000_000_000n), u64(500_000_000_000_000n),
    STATIC[6] as Uint8Array, u64(95n), u64(950_000n), sha(`creator${n % 500}`), u64(30n), u64(300_000n),
    Buffer.from([1]), u64(0n), u64(0n), u64(BigInt(n)), u64(1_760_000_000n), Buffer.from(Uint32Array.of(ixName.length).buffer), ixName, Buffer.from([0])]);
}

/**
 * The newest TradeEvent (pump-sdk 2.0.0's 34 fields + creator_fee_unclaimed, 2026-10), as `pump-layouts-2026`
 * builds it. `quote` null: a SOL coin (quote_mint the default key, quote fields repeating the SOL ones); else
 * a coin quoted in `quote` (the SOL fields 0, the amounts in the quote fields), as a multi-hop curve hop is.
 */
function pumpTradeEventV9(o: { mint: Uint8Array; user: Uint8Array; n: number; isBuy: boolean; ixName: string; quote: Uint8Array | null; shareholders: number }): Uint8Array {
  const quoteAmount = BigInt(97_000_000 + o.n);
  const virtualQuote = 68_000_000_000n + BigInt(o.n);
  const realQuote = 38_000_000_000n + BigInt(o.n);
  const sol = o.quote === null;
  const w = new BorshWriter().bytes(disc('event', 'TradeEvent'))
    .bytes(o.mint).u64(sol ? quoteAmount : 0n).u64(660_000_000_000n + BigInt(o.n)).bool(o.isBuy).bytes(o.user).i64(1_791_420_246n)
    .u64(sol ? virtualQuote : 0n).u64(467_893_896_517_915n).u64(sol ? realQuote : 0n).u64(187_993_896_517_915n)
    .bytes(o.n % 7 === 0 ? DEFAULT_KEY : K(6)).u64(95n).u64(928_889n).bytes(sha(`creator${o.n % 500}`)).u64(30n).u64(293_334n)
    .bool(false).u64(0n).u64(0n).u64(0n).i64(0n).string(o.ixName).bool(false).u64(0n).u64(0n).u64(5000n).u64(464_444n)
    .u32(o.shareholders);
  for (let i = 0; i < o.shareholders; i += 1) w.bytes(sha(`holder${i}`)).u16(5000);
  return w.bytes(o.quote ?? DEFAULT_KEY).u64(quoteAmount).u64(virtualQuote).u64(realQuote)
    .u64(30n).u64(293_334n).u64(501_663n + BigInt(o.n)).finish();
}

function pumpCreateEvent(mint: Uint8Array, user: Uint8Array, curve: Uint8Array): Buffer {
  const str = (s: string) => Buffer.concat([Buffer.from(Uint32Array.of(s.length).buffer), Buffer.from(s)]);
  return Buffer.concat([disc('event', 'CreateEvent'), str('Bench Coin'), str('BENCH'), str('https://ipfs.io/ipfs/QmBenchBenchBenchBenchBench'),
    mint, curve, user, user, u64(1_760_000_000n), u64(1_073_000_000_000_000n), u64(30_000_000_000n), u64(793_100_000_000_000n), u64(10n ** 15n)]);
}

function launchTradeEvent(pool: Uint8Array, n: number): Buffer {
  return Buffer.concat([disc('event', 'TradeEvent'), pool, ...[793n, 1073n, 30n, 1n, 2n, 3n, 4n, BigInt(n), 5n, 6n, 7n, 8n, 0n].map(u64), Buffer.from([0, 0, 1])]);
}

/** The accounts of a PumpSwap trade event, and its numbers. */
interface SwapSide {
  n: number;
  pool: Uint8Array;
  user: Uint8Array;
  userBase: Uint8Array;
  userQuote: Uint8Array;
  creator: Uint8Array;
  ixName: string;
}

const POOL_BASE = 150_000_000_000_000n;
const POOL_QUOTE = 90_000_000_000n;

/** BuyEvent v9 (pump_amm: 39 fields, then creator_fee_unclaimed, 2026-10), fields in IDL order. */
function pumpSwapBuyEvent(s: SwapSide): Uint8Array {
  const poolBase = POOL_BASE + BigInt(s.n) * 1000n;
  const quoteIn = 250_000_000n + BigInt(s.n % 1000) * 1000n;
  const lpFee = (quoteIn * 20n) / 10_000n;
  const protocolFee = (quoteIn * 5n) / 10_000n;
  const creatorFee = (quoteIn * 5n) / 10_000n;
  const baseOut = (poolBase * quoteIn) / (POOL_QUOTE + quoteIn);
  return new BorshWriter().bytes(disc('event', 'BuyEvent'))
    .i64(1_791_420_246n).u64(baseOut).u64(quoteIn + quoteIn / 50n).u64(0n).u64(4_000_000_000n).u64(poolBase).u64(POOL_QUOTE)
    .u64(quoteIn).u64(20n).u64(lpFee).u64(5n).u64(protocolFee).u64(quoteIn + lpFee).u64(quoteIn + lpFee + protocolFee + creatorFee)
    .bytes(s.pool).bytes(s.user).bytes(s.userBase).bytes(s.userQuote).bytes(PSWAP_FEE_RECIPIENT).bytes(PSWAP_FEE_ACCOUNT)
    .bytes(s.creator).u64(5n).u64(creatorFee)
    .bool(true).u64(0n).u64(0n).u64(quoteIn).i64(1_791_420_246n)
    .u64(baseOut - baseOut / 100n).string(s.ixName)
    .u64(0n).u64(0n).u64(5000n).u64(protocolFee / 2n).i128(-1_234_567n - BigInt(s.n)).bool(false).u64(1_000_000_000_000_000n)
    .u64(0n).u64(0n).u64(creatorFee).finish();
}

/** SellEvent v7 (pump_amm: 32 fields, then creator_fee_unclaimed, 2026-10), fields in IDL order. */
function pumpSwapSellEvent(s: SwapSide): Uint8Array {
  const poolBase = POOL_BASE + BigInt(s.n) * 1000n;
  const baseIn = 5_000_000_000_000n + BigInt(s.n);
  const quoteOut = (POOL_QUOTE * baseIn) / (poolBase + baseIn);
  const lpFee = (quoteOut * 20n) / 10_000n;
  const protocolFee = (quoteOut * 5n) / 10_000n;
  const creatorFee = (quoteOut * 5n) / 10_000n;
  return new BorshWriter().bytes(disc('event', 'SellEvent'))
    .i64(1_791_420_246n).u64(baseIn).u64(quoteOut - quoteOut / 50n).u64(baseIn).u64(4_000_000_000n).u64(poolBase).u64(POOL_QUOTE)
    .u64(quoteOut).u64(20n).u64(lpFee).u64(5n).u64(protocolFee).u64(quoteOut - lpFee).u64(quoteOut - lpFee - protocolFee - creatorFee)
    .bytes(s.pool).bytes(s.user).bytes(s.userBase).bytes(s.userQuote).bytes(PSWAP_FEE_RECIPIENT).bytes(PSWAP_FEE_ACCOUNT)
    .bytes(s.creator).u64(5n).u64(creatorFee)
    .u64(0n).u64(0n).u64(5000n).u64(protocolFee / 2n).i128(-1_234_567n - BigInt(s.n)).bool(false).u64(1_000_000_000_000_000n)
    .u64(0n).u64(0n).u64(creatorFee).finish();
}

interface Ix { programIdIndex: number; accounts: Uint8Array; data: Uint8Array; stackHeight?: number }

interface TokenBalance { accountIndex: number; mint: string; owner: string; programId: string; uiTokenAmount: { uiAmount: number; decimals: number; amount: string; uiAmountString: string } }

/** One transaction before it is wrapped: keys (payer first, fresh ones from `freshFrom`), instructions, logs. */
interface Parts {
  keys: Uint8Array[];
  freshFrom: number;
  /** Two compute-budget instructions, then the program instruction. */
  outer: Ix[];
  /** The program instruction's inner instructions (outer index 2). */
  inner: Ix[];
  logs: string[];
  preTokenBalances: TokenBalance[];
  postTokenBalances: TokenBalance[];
}

const CB_LOGS = ['Program ComputeBudget111111111111111111111111111111 invoke [1]', 'Program ComputeBudget111111111111111111111111111111 success',
  'Program ComputeBudget111111111111111111111111111111 invoke [1]', 'Program ComputeBudget111111111111111111111111111111 success'];
const tokenBalance = (accountIndex: number, mint: Uint8Array, owner: Uint8Array, amount: bigint, decimals = 6): TokenBalance => {
  const ui = Number(amount) / 10 ** decimals;
  return { accountIndex, mint: bs58.encode(mint), owner: bs58.encode(owner), programId: TOKEN_PROGRAM_ID, uiTokenAmount: { uiAmount: ui, decimals, amount: amount.toString(), uiAmountString: String(ui) } };
};

/** The 2025 kinds (pump buy / sell, create, LaunchLab, other), on the fixed key order of `STATIC`. */
function legacyParts(n: number, kind: 'pump' | 'create' | 'launch' | 'other'): Parts {
  const fresh = Array.from({ length: 6 }, (_, i) => sha(`tx${n}:${i}`));
  const [user, mint, curve, ata1, ata2, pool] = fresh as [Buffer, Buffer, Buffer, Buffer, Buffer, Buffer];
  const keys = [user, ...STATIC, mint, curve, ata1, ata2, pool];
  const F = STATIC.length + 1; // first fresh-after-user key index
  const progIdx = (i: number) => i + 1;
  const outer: Ix[] = [{ programIdIndex: progIdx(CB), accounts: Uint8Array.of(), data: Uint8Array.of(2, 64, 13, 3, 0) },
    { programIdIndex: progIdx(CB), accounts: Uint8Array.of(), data: Uint8Array.of(3, 1, 0, 0, 0, 0, 0, 0, 0) }];
  const inner: Ix[] = [];
  const logs = [...CB_LOGS];
  let event: Buffer | null = null;
  let program = PUMPFUN_PROGRAM_ID;
  let ea: number = PUMP_EA;
  if (kind === 'pump' || kind === 'create') {
    const isBuy = n % 3 !== 0;
    const ixName = kind === 'create' ? 'create' : isBuy ? 'buy' : 'sell';
    outer.push({ programIdIndex: progIdx(PUMP), accounts: Uint8Array.of(6, 7, F, F + 1, F + 2, F + 3, 0, 2, 3, 9, 8, 5, 10, 11, 12, 9), data: Buffer.concat([disc('global', ixName), u64(1000n), u64(2000n)]) });
    inner.push({ programIdIndex: progIdx(FEE_PROG), accounts: Uint8Array.of(12, 9), data: disc('global', 'get_fees'), stackHeight: 2 },
      { programIdIndex: progIdx(TOKEN), accounts: Uint8Array.of(F + 2, F + 3, F + 1), data: Uint8Array.of(3, 1, 2, 3, 4, 5, 6, 7, 8), stackHeight: 2 },
      { programIdIndex: progIdx(SYS), accounts: Uint8Array.of(0, F + 1), data: Uint8Array.of(2, 0, 0, 0, 1, 2, 3, 4, 0, 0, 0, 0), stackHeight: 2 });
    logs.push(`Program ${PUMPFUN_PROGRAM_ID} invoke [1]`, `Program log: Instruction: ${ixName}`,
      `Program pfeeUxB6jkeY1Hxd7CsFCAjcbHA9rWtchMGdZ6VojVZ invoke [2]`, 'Program return: pfeeUxB6jkeY1Hxd7CsFCAjcbHA9rWtchMGdZ6VojVZ AAAAAA==',
      `Program pfeeUxB6jkeY1Hxd7CsFCAjcbHA9rWtchMGdZ6VojVZ consumed 3000 of 190000 compute units`, `Program pfeeUxB6jkeY1Hxd7CsFCAjcbHA9rWtchMGdZ6VojVZ success`,
      'Program TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA invoke [2]', 'Program log: Instruction: Transfer', 'Program TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA success',
      'Program 11111111111111111111111111111111 invoke [2]', 'Program 11111111111111111111111111111111 success');
    event = kind === 'create' ? pumpCreateEvent(mint, user, curve) : pumpTradeEvent(mint, user, n, isBuy);
  } else if (kind === 'launch') {
    program = RAYDIUM_LAUNCHPAD_PROGRAM_ID;
    ea = LAUNCH_EA;
    outer.push({ programIdIndex: progIdx(LAUNCH), accounts: Uint8Array.of(0, 13, 14, 14, F + 4, F + 2, F + 3, F + 2, F + 3, F, 1, 3, 3, 13, 12), data: Buffer.concat([disc('global', 'buy_exact_in'), u64(1n), u64(2n), u64(0n)]) });
    logs.push(`Program ${RAYDIUM_LAUNCHPAD_PROGRAM_ID} invoke [1]`, 'Program log: Instruction: BuyExactIn');
    event = launchTradeEvent(pool, n);
  } else {
    outer.push({ programIdIndex: progIdx(OTHER), accounts: Uint8Array.of(0, F, F + 1), data: Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9) });
    inner.push({ programIdIndex: progIdx(TOKEN), accounts: Uint8Array.of(F + 2, F + 3, 0), data: Uint8Array.of(3, 9, 9, 9, 9, 9, 9, 9, 9), stackHeight: 2 });
    logs.push('Program JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4 invoke [1]', 'Program log: Instruction: Route',
      'Program TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA invoke [2]', 'Program TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA success',
      'Program JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4 success');
  }
  if (event !== null) {
    logs.push(`Program data: ${event.toString('base64')}`, `Program ${program} invoke [2]`, `Program ${program} consumed 2000 of 150000 compute units`,
      `Program ${program} success`, `Program ${program} consumed 40000 of 190000 compute units`, `Program ${program} success`);
    inner.push({ programIdIndex: progIdx(kind === 'launch' ? LAUNCH : PUMP), accounts: Uint8Array.of(progIdx(ea)), data: Buffer.concat([TAG, event]), stackHeight: 2 });
  }
  return { keys, freshFrom: F, outer, inner, logs, preTokenBalances: [], postTokenBalances: [tokenBalance(F + 2, mint, user, 1_000_000n)] };
}

/**
 * Builder of the 2026 kinds: account keys by first use (payer, then the statics given, then the fresh
 * keys), instructions named by key, and the program's log lines written as it runs.
 */
class TxBuilder {
  readonly keys: Uint8Array[] = [];
  readonly freshFrom: number;
  readonly inner: Ix[] = [];
  readonly logs: string[] = [...CB_LOGS];
  private readonly index = new Map<Uint8Array, number>();

  constructor(payer: Uint8Array, statics: Uint8Array[]) {
    for (const k of [payer, ...statics]) this.at(k);
    this.freshFrom = this.keys.length;
  }

  at(key: Uint8Array): number {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.keys.length;
      this.keys.push(key);
      this.index.set(key, i);
    }
    return i;
  }

  ix(program: Uint8Array, accounts: Uint8Array[], data: Uint8Array, stackHeight?: number): Ix {
    return { programIdIndex: this.at(program), accounts: Uint8Array.from(accounts.map((k) => this.at(k))), data, ...(stackHeight === undefined ? {} : { stackHeight }) };
  }

  /** A token-program TransferChecked at `depth`, with its log lines. */
  transfer(depth: number, from: Uint8Array, mint: Uint8Array, to: Uint8Array, authority: Uint8Array, amount: bigint): void {
    this.inner.push(this.ix(K(TOKEN), [from, mint, to, authority], Buffer.concat([Uint8Array.of(12), u64(amount), Uint8Array.of(6)]), depth));
    this.logs.push(`Program ${TOKEN_PROGRAM_ID} invoke [${depth}]`, 'Program log: Instruction: TransferChecked',
      `Program ${TOKEN_PROGRAM_ID} consumed 6200 of 180000 compute units`, `Program ${TOKEN_PROGRAM_ID} success`);
  }

  /** A system-program transfer of lamports at `depth`. */
  lamports(depth: number, from: Uint8Array, to: Uint8Array, amount: bigint): void {
    this.inner.push(this.ix(K(SYS), [from, to], Buffer.concat([Uint8Array.of(2, 0, 0, 0), u64(amount)]), depth));
    this.logs.push(`Program 11111111111111111111111111111111 invoke [${depth}]`, 'Program 11111111111111111111111111111111 success');
  }

  /** An event as its program writes it: the `Program data:` line, then the self-CPI one level down. */
  emit(program: Uint8Array, eventAuthority: Uint8Array, depth: number, event: Uint8Array): void {
    const id = bs58.encode(program);
    this.logs.push(`Program data: ${Buffer.from(event).toString('base64')}`, `Program ${id} invoke [${depth + 1}]`,
      `Program ${id} consumed 2003 of 150000 compute units`, `Program ${id} success`);
    this.inner.push(this.ix(program, [eventAuthority], Buffer.concat([TAG, event]), depth + 1));
  }

  parts(program: Ix, pre: TokenBalance[], post: TokenBalance[]): Parts {
    const budget: Ix[] = [{ programIdIndex: this.at(K(CB)), accounts: Uint8Array.of(), data: Uint8Array.of(2, 64, 13, 3, 0) },
      { programIdIndex: this.at(K(CB)), accounts: Uint8Array.of(), data: Uint8Array.of(3, 1, 0, 0, 0, 0, 0, 0, 0) }];
    return { keys: this.keys, freshFrom: this.freshFrom, outer: [...budget, program], inner: this.inner, logs: this.logs, preTokenBalances: pre, postTokenBalances: post };
  }
}

const freshKeys = (n: number, names: string[]) => names.map((name) => sha(`tx${n}:${name}`));

/** buy_v3 / buy_exact_quote_in_v3 / sell_v3 (TRADE_V3.md: 17 accounts, bonding curve at 5, user at 8) with the newest TradeEvent. */
function pumpV3Parts(n: number): Parts {
  const [user, mint, curve, curveBase, curveQuote, userBase, userQuote, userVolume] = freshKeys(n, ['user', 'mint', 'curve', 'abbc', 'aqbc', 'abu', 'aqu', 'uva']) as [Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer];
  const isBuy = n % 3 !== 0;
  const ixName = !isBuy ? 'sell_v3' : n % 2 === 0 ? 'buy_exact_quote_in_v3' : 'buy_v3';
  const b = new TxBuilder(user, [K(CB), K(PUMP), K(PUMP_GLOBAL), WSOL, K(TOKEN), K(SYS), PUMP_FEE_CONFIG, PUMP_BUYBACK, K(PUMP_EA)]);
  const accounts = [K(PUMP_GLOBAL), mint, WSOL, K(TOKEN), K(TOKEN), curve, curveBase, curveQuote, user, userBase, userQuote, userVolume, PUMP_FEE_CONFIG, PUMP_BUYBACK, K(SYS), K(PUMP_EA), K(PUMP)];
  const args = new BorshWriter().bytes(disc('global', ixName)).u64(660_000_000_000n).u64(100_000_000n);
  if (ixName !== 'sell_v3' && n % 4 !== 1) args.bool(false); // partial_fill, an Option the client may leave out
  const program = b.ix(K(PUMP), accounts, args.finish());
  b.logs.push(`Program ${PUMPFUN_PROGRAM_ID} invoke [1]`, `Program log: Instruction: ${ixName === 'sell_v3' ? 'SellV3' : ixName === 'buy_v3' ? 'BuyV3' : 'BuyExactQuoteInV3'}`);
  const tokens = 660_000_000_000n + BigInt(n);
  if (isBuy) {
    b.lamports(2, user, curve, 97_000_000n);
    b.transfer(2, curveBase, mint, userBase, curve, tokens);
  } else {
    b.transfer(2, userBase, mint, curveBase, user, tokens);
    b.lamports(2, curve, user, 97_000_000n);
  }
  b.emit(K(PUMP), K(PUMP_EA), 1, pumpTradeEventV9({ mint, user, n, isBuy, ixName, quote: null, shareholders: n % 4 === 0 ? 2 : 0 }));
  b.logs.push(`Program ${PUMPFUN_PROGRAM_ID} consumed 52000 of 190000 compute units`, `Program ${PUMPFUN_PROGRAM_ID} success`);
  const before = isBuy ? 0n : tokens;
  return b.parts(program, [tokenBalance(b.at(userBase), mint, user, before)], [tokenBalance(b.at(userBase), mint, user, isBuy ? tokens : 0n)]);
}

/** A PumpSwap buy (23 accounts) or sell (21), pump_amm IDL order, with the newest BuyEvent / SellEvent. */
function pumpSwapParts(n: number): Parts {
  const [user, mint, pool, userBase, userQuote, baseVault, quoteVault, creatorVault, creatorAuthority, userVolume, creator] =
    freshKeys(n, ['user', 'mint', 'pool', 'uba', 'uqa', 'base-vault', 'quote-vault', 'creator-vault', 'creator-authority', 'uva', 'creator']) as [Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer];
  const isBuy = n % 2 === 0;
  const ixName = isBuy ? 'buy' : 'sell';
  const b = new TxBuilder(user, [K(CB), PSWAP, PSWAP_CONFIG, WSOL, PSWAP_FEE_RECIPIENT, PSWAP_FEE_ACCOUNT, K(TOKEN), K(SYS), K(ATA), PSWAP_EA, GLOBAL_VOLUME, PUMP_FEE_CONFIG, K(FEE_PROG)]);
  const common = [pool, user, PSWAP_CONFIG, mint, WSOL, userBase, userQuote, baseVault, quoteVault, PSWAP_FEE_RECIPIENT, PSWAP_FEE_ACCOUNT, K(TOKEN), K(TOKEN), K(SYS), K(ATA), PSWAP_EA, PSWAP, creatorVault, creatorAuthority];
  const accounts = isBuy ? [...common, GLOBAL_VOLUME, userVolume, PUMP_FEE_CONFIG, K(FEE_PROG)] : [...common, PUMP_FEE_CONFIG, K(FEE_PROG)];
  const program = b.ix(PSWAP, accounts, new BorshWriter().bytes(disc('global', ixName)).u64(5_000_000_000_000n).u64(250_000_000n).finish());
  b.logs.push(`Program ${PUMPSWAP_PROGRAM_ID} invoke [1]`, `Program log: Instruction: ${isBuy ? 'Buy' : 'Sell'}`);
  const side: SwapSide = { n, pool, user, userBase, userQuote, creator, ixName };
  if (isBuy) {
    b.transfer(2, userQuote, WSOL, quoteVault, user, 250_000_000n);
    b.transfer(2, baseVault, mint, userBase, pool, 400_000_000_000n);
  } else {
    b.transfer(2, userBase, mint, baseVault, user, 5_000_000_000_000n);
    b.transfer(2, quoteVault, WSOL, userQuote, pool, 2_900_000_000n);
  }
  b.transfer(2, isBuy ? userQuote : quoteVault, WSOL, PSWAP_FEE_ACCOUNT, isBuy ? user : pool, 125_000n);
  b.transfer(2, isBuy ? userQuote : quoteVault, WSOL, creatorVault, isBuy ? user : pool, 125_000n);
  b.emit(PSWAP, PSWAP_EA, 1, isBuy ? pumpSwapBuyEvent(side) : pumpSwapSellEvent(side));
  b.logs.push(`Program ${PUMPSWAP_PROGRAM_ID} consumed 61000 of 190000 compute units`, `Program ${PUMPSWAP_PROGRAM_ID} success`);
  const balances = (after: boolean) => [tokenBalance(b.at(userBase), mint, user, isBuy === after ? 400_000_000_000n : 0n),
    tokenBalance(b.at(baseVault), mint, pool, POOL_BASE + (after ? 1n : 0n)), tokenBalance(b.at(quoteVault), WSOL, pool, POOL_QUOTE + (after ? 1n : 0n), 9)];
  return b.parts(program, balances(false), balances(true));
}

/**
 * A PumpSwap `multi_hop_swap` (MULTI_HOP_SWAP.md: 16 fixed accounts, then per hop base mint, quote mint,
 * pool or bonding curve, base vault, quote vault): SOL → coin A on A's pool → coin B on B's curve (quoted in
 * A), or back. The pool hop emits a BuyEvent / SellEvent under the outer instruction; the curve hop is a CPI
 * to pump's `multi_hop_curve_swap`, whose TradeEvent names no curve (the decoder derives it from the mint).
 */
function multiHopParts(n: number): Parts {
  const [user, coinA, poolA, aBase, aQuote, coinB, bBase, bQuote, userA, userB, userQuote, userVolume, creator] =
    freshKeys(n, ['user', 'coin-a', 'pool-a', 'a-base', 'a-quote', 'coin-b', 'b-base', 'b-quote', 'user-a', 'user-b', 'user-quote', 'uva', 'creator']) as
    [Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer];
  const curveB = Buffer.from(bs58.decode(findProgramAddress([Buffer.from('bonding-curve'), coinB], PUMPFUN_PROGRAM_ID)[0]));
  const forward = Math.floor(n / CYCLE) % 2 === 0; // SOL → A → B; else B → A → SOL (alternate cycles)
  const b = new TxBuilder(user, [K(CB), PSWAP, PSWAP_CONFIG, WSOL, K(PUMP), K(PUMP_GLOBAL), K(TOKEN), K(SYS), K(ATA), PSWAP_EA, K(PUMP_EA), PUMP_FEE_CONFIG,
    K(FEE_PROG), GLOBAL_VOLUME, PSWAP_FEE_RECIPIENT, PSWAP_FEE_ACCOUNT]);
  const fixed = [user, PSWAP_CONFIG, K(PUMP_GLOBAL), K(TOKEN), K(SYS), K(ATA), PSWAP_EA, PSWAP, K(PUMP_EA), K(PUMP), PUMP_FEE_CONFIG, K(FEE_PROG),
    GLOBAL_VOLUME, userVolume, PSWAP_FEE_RECIPIENT, userQuote];
  const poolHop = [coinA, WSOL, poolA, aBase, aQuote];
  const curveHop = [coinB, coinA, curveB, bBase, bQuote];
  const accounts = [...fixed, ...(forward ? [...poolHop, ...curveHop] : [...curveHop, ...poolHop])];
  const program = b.ix(PSWAP, accounts, new BorshWriter().bytes(disc('global', 'multi_hop_swap')).u64(250_000_000n).u64(1n).finish());
  b.logs.push(`Program ${PUMPSWAP_PROGRAM_ID} invoke [1]`, 'Program log: Instruction: MultiHopSwap');
  const side: SwapSide = { n, pool: poolA, user, userBase: userA, userQuote, creator, ixName: 'multi_hop_swap' };
  const pool = () => {
    if (forward) {
      b.transfer(2, userQuote, WSOL, aQuote, user, 250_000_000n);
      b.transfer(2, aBase, coinA, userA, poolA, 400_000_000_000n);
    } else {
      b.transfer(2, userA, coinA, aBase, user, 400_000_000_000n);
      b.transfer(2, aQuote, WSOL, userQuote, poolA, 240_000_000n);
    }
    b.emit(PSWAP, PSWAP_EA, 1, forward ? pumpSwapBuyEvent(side) : pumpSwapSellEvent(side));
  };
  const curve = () => {
    b.inner.push(b.ix(K(PUMP), [K(PUMP_GLOBAL), coinB, coinA, curveB, bBase, bQuote, user, userB, userA, K(TOKEN), K(PUMP_EA), K(PUMP)], disc('global', 'multi_hop_curve_swap'), 2));
    b.logs.push(`Program ${PUMPFUN_PROGRAM_ID} invoke [2]`, 'Program log: Instruction: MultiHopCurveSwap');
    if (forward) {
      b.transfer(3, userA, coinA, bQuote, user, 400_000_000_000n);
      b.transfer(3, bBase, coinB, userB, curveB, 660_000_000_000n);
    } else {
      b.transfer(3, userB, coinB, bBase, user, 660_000_000_000n);
      b.transfer(3, bQuote, coinA, userA, curveB, 400_000_000_000n);
    }
    b.emit(K(PUMP), K(PUMP_EA), 2, pumpTradeEventV9({ mint: coinB, user, n, isBuy: forward, ixName: 'multi_hop_swap', quote: coinA, shareholders: 0 }));
    b.logs.push(`Program ${PUMPFUN_PROGRAM_ID} consumed 38000 of 150000 compute units`, `Program ${PUMPFUN_PROGRAM_ID} success`);
  };
  if (forward) {
    pool();
    curve();
  } else {
    curve();
    pool();
  }
  b.logs.push(`Program ${PUMPSWAP_PROGRAM_ID} consumed 120000 of 390000 compute units`, `Program ${PUMPSWAP_PROGRAM_ID} success`);
  const balances = (after: boolean) => [tokenBalance(b.at(userB), coinB, user, forward === after ? 660_000_000_000n : 0n),
    tokenBalance(b.at(aBase), coinA, poolA, POOL_BASE + (after ? 1n : 0n)), tokenBalance(b.at(bBase), coinB, curveB, 500_000_000_000_000n + (after ? 1n : 0n))];
  return b.parts(program, balances(false), balances(true));
}

function partsOf(n: number, kind: MixKind): Parts {
  switch (kind) {
    case 'pump_v3':
      return pumpV3Parts(n);
    case 'pumpswap':
      return pumpSwapParts(n);
    case 'multi_hop':
      return multiHopParts(n);
    default:
      return legacyParts(n, kind);
  }
}

/** Builds transaction `n` of the mix (kind `mixKindOf(n)`) as the generated client's object. */
function buildMessage(n: number): SubscribeUpdateTransaction {
  const p = partsOf(n, mixKindOf(n));
  // Distinct strings, as the protobuf decoder gives them; the payer and the fresh accounts change.
  const preBalances = p.keys.map((_, i) => String(1_000_000 + i));
  const postBalances = p.keys.map((_, i) => String(1_000_000 + i + (i === 0 || i >= p.freshFrom ? 1 + (n % 1000) : 0)));
  return {
    slot: String(400_000_000 + Math.floor(n / 1000)),
    transaction: {
      signature: Buffer.concat([sha(`sig${n}`), sha(`sig2${n}`)]), isVote: false, index: String(n % 1000),
      transaction: { signatures: [], message: { header: undefined, accountKeys: p.keys, recentBlockhash: new Uint8Array(32), instructions: p.outer, versioned: true, addressTableLookups: [] } },
      meta: {
        err: undefined, fee: '5000', preBalances, postBalances, innerInstructions: [{ index: 2, instructions: p.inner }], innerInstructionsNone: false,
        logMessages: p.logs, logMessagesNone: false, preTokenBalances: p.preTokenBalances, postTokenBalances: p.postTokenBalances,
        rewards: [], loadedWritableAddresses: [], loadedReadonlyAddresses: [], returnData: undefined, returnDataNone: true,
      },
    },
  } as unknown as SubscribeUpdateTransaction;
}

/** Transaction `n` of the mix as the `SubscribeUpdate` protobuf bytes the native client delivers. */
export function buildBenchUpdate(n: number): { kind: MixKind; bytes: Uint8Array } {
  return { kind: mixKindOf(n), bytes: SubscribeUpdate.encode({ filters: ['megatron_programs'], transaction: buildMessage(n) } as SubscribeUpdate).finish() };
}

type Path = (bytes: Uint8Array) => NormalizeResult;

/** What the live stream runs: envelope and transaction read straight from the bytes. */
export const viaBytes: Path = (bytes) => {
  const envelope = readUpdateEnvelope(bytes);
  if (envelope.kind !== 'transaction') throw new Error('not a transaction');
  return normalizeYellowstoneTransactionBytes(bytes, envelope.start, envelope.end);
};
/** The client package's generated decoder, then the object normaliser. */
export const viaObjects: Path = (bytes) => normalizeYellowstoneTransaction(SubscribeUpdate.decode(bytes).transaction!);

/** Prints transactions per second and µs per transaction (protobuf bytes → events, one core). */
export async function benchDecode(opts: BenchDecodeOptions = {}): Promise<void> {
  const log = opts.log ?? ((line: string) => console.log(line));
  // 20,000 transactions hold about 142,000 distinct pubkeys, more than the 2^17 keys the base58 cache
  // (shared/base58.ts) keeps: fresh keys are encoded again on each pass, as first sightings are on mainnet.
  // Fewer transactions (all keys cached after the warm-up) measure faster: ~16 µs/tx at 10,000.
  const count = opts.transactions ?? 20_000;
  const seconds = opts.seconds ?? 5;
  const messages = Array.from({ length: count }, (_, n) => buildBenchUpdate(n).bytes);
  log(`decode bench: ${count} distinct transactions (mix ${describeMix()}), each run for ${seconds} s`);
  for (const [name, path] of [['bytes (live path)', viaBytes], ['generated decoder + objects', viaObjects]] as const) {
    let events = 0;
    let failures = 0; // normalise failures and quarantine records: the mix is built to have none
    const runOnce = () => {
      for (const m of messages) {
        const r = path(m);
        if (!r.ok) {
          failures += 1;
          continue;
        }
        const decoded = decodeTransaction(r.tx);
        events += decoded.events.length;
        failures += decoded.quarantine.length;
      }
    };
    // Warm-up (JIT, pubkey cache of the static keys, and the decoder's per-mint cache of derived bonding
    // curves: a multi-hop curve hop's curve is derived from its mint, ~0.2 ms the first time a mint is seen).
    runOnce();
    if (failures > 0) log(`  ${name}: WARNING ${failures} normalise failures / quarantine records in one pass over the mix: it measures errors too`);
    if (process.env.BENCH_SPLIT === '1') {
      let t = process.hrtime.bigint();
      const txs = messages.map((m) => path(m)).flatMap((r) => (r.ok ? [r.tx] : []));
      log(`  ${name} split: normalize ${(Number(process.hrtime.bigint() - t) / 1e3 / count).toFixed(2)} µs/tx`);
      t = process.hrtime.bigint();
      for (const tx of txs) decodeTransaction(tx);
      log(`  ${name} split: decode ${(Number(process.hrtime.bigint() - t) / 1e3 / count).toFixed(2)} µs/tx`);
    }
    events = 0;
    failures = 0;
    let done = 0;
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    let elapsedNs = 0n;
    while (elapsedNs < BigInt(seconds) * 1_000_000_000n) {
      runOnce();
      done += messages.length;
      elapsedNs = process.hrtime.bigint() - start;
    }
    const secs = Number(elapsedNs) / 1e9;
    const cpu = process.cpuUsage(cpuStart);
    const cpuSecs = (cpu.user + cpu.system) / 1e6;
    // CPU time of this process (GC threads included): the figure that does not depend on other load on the host.
    const cpuUs = (cpuSecs * 1e6) / done;
    log(`  ${name}: ${Math.round(done / secs).toLocaleString('en-US')} tx/s wall, ${((secs * 1e6) / done).toFixed(2)} µs/tx; ${cpuUs.toFixed(2)} µs/tx of CPU time = ${Math.round(1e6 / cpuUs).toLocaleString('en-US')} tx/s per CPU-second (${done} transactions, ${events} events, ${failures} quarantined or unreadable)`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : undefined;
  };
  await benchDecode({ transactions: arg('--transactions'), seconds: arg('--seconds') });
}
