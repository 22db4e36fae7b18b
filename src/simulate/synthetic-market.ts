/**
 * A deterministic synthetic market for benchmarks, the demo and load tests: launches on Pump.fun and
 * LaunchLab, dev buys and snipers in the creation slot, bursts of buys and sells on the curve math,
 * graduations (CompleteEvent in the emptying buy, then `migrate` with CompletePumpAmmMigrationEvent in
 * the next slot) and failed transactions, as real `SubscribeUpdate` messages, slot by slot. Same seed,
 * same output. `truth` lists every trade event generated, with its signature and position.
 * Every create, trade and migration carries pre/post token balances: the user's token account (owner =
 * the user; absent from the pre balances until its first buy) and the launch pool's vault (owner = the
 * Pump.fun bonding curve or the LaunchLab vault authority), which holds the whole supply at creation; a
 * migration empties the vault into the AMM pool's account (owner = the pool). Failed attempts carry the
 * unchanged balances. A share of the transactions (`v1Share`) are Transaction V1: the compute budget in
 * `Message.config` instead of a compute-budget instruction, as Yellowstone sends them from mainnet.
 */
import type { SubscribeUpdate } from '@triton-one/yellowstone-grpc';
import bs58 from 'bs58';
import { buyOnCurve, createCurve, sellOnCurve, type CurveState, INITIAL_VIRTUAL_SOL_LAMPORTS, INITIAL_VIRTUAL_TOKEN_RAW, INITIAL_REAL_TOKEN_RAW, TOKEN_TOTAL_SUPPLY_RAW, PROTOCOL_FEE_BPS, CREATOR_FEE_BPS } from './bonding-curve.js';
import { encodeLaunchLabTradeEvent, encodeMigrationEvent, encodePoolCreateEvent, encodePumpCompleteEvent, encodePumpCreateEvent, encodePumpTradeEvent, type PumpTradeEra } from './event-encoders.js';
import { buildFailedTransaction, buildProgramTransaction, encodeInstructionData, firstCallIndex, INSTRUCTION_DISCRIMINATORS as IX, LAUNCHLAB_EVENT_AUTHORITY, LAUNCHLAB_PROGRAM, PUMP_EVENT_AUTHORITY, PUMP_PROGRAM, TOKEN_PROGRAM, type ProgramCall, type TransactionFrame } from './program-transactions.js';
import { buildTransactionUpdate, type SimComputeBudget, type SimTransaction } from './transaction-update.js';
import { BorshWriter } from './borsh-writer.js';
import { createPrng, type Prng } from './prng.js';
import { launchBalances, simTokenBalance, tokenAccountOf } from './token-balances.js';
import type { SimTokenBalance } from './transaction-update.js';

export interface SyntheticMarketOptions {
  seed: number;
  /** New tokens per minute, both programs together. */
  tokensPerMinute: number;
  /** Trades per second (buys + sells + failed attempts). */
  tradesPerSecond: number;
  startSlot: bigint;
  /** Unix seconds of `startSlot` (default 1,750,000,000). */
  startTime?: number;
  /** Share of launches on LaunchLab (default 0.3). */
  launchLabShare?: number;
  /** Share of trade attempts that fail (default 0.02). */
  failedShare?: number;
  /** Share of buys by whales large enough to graduate a curve (default 0.02). */
  whaleShare?: number;
  /**
   * Share of transactions sent as Transaction V1 (inline compute budget, no compute-budget instruction;
   * default 0.2). Chosen from each signature's first byte, so it draws nothing from the seed's sequence.
   */
  v1Share?: number;
}

/** One trade event the market generated: what the decoders must find, where. */
export interface SyntheticTrade {
  program: 'pumpfun' | 'raydium_launchpad';
  signature: string;
  slot: bigint;
  txIndex: number;
  /** Top-level instruction of the trade (0 is the compute-budget instruction; a V1 has none, so 0 is its first call). */
  outerIndex: number;
  /** Null: the program is invoked at the top level (the decoders' `EventPosition.innerIndex`). */
  innerIndex: number | null;
  mint: string;
  user: string;
  isBuy: boolean;
  solAmount: bigint;
  tokenAmount: bigint;
}

export interface SyntheticSlot {
  slot: bigint;
  blockTime: number;
  /** Transaction updates in block order, then the slot's block meta, then its `confirmed` status update. */
  updates: SubscribeUpdate[];
}

export interface SyntheticMarket {
  /** Generates the next slot. */
  nextSlot(): SyntheticSlot;
  /** Generates `count` slots. */
  slots(count: number): Generator<SyntheticSlot>;
  /** Every successful trade event generated so far, in order. */
  readonly truth: SyntheticTrade[];
  /** Signatures of failed transactions generated so far. */
  readonly failed: string[];
  /** Counts by event kind generated so far. */
  readonly eventCounts: Record<'create' | 'pool_create' | 'trade' | 'complete' | 'migrate', number>;
}

interface Token {
  program: 'pumpfun' | 'raydium_launchpad';
  mint: string;
  curve: string;
  curveVault: string;
  creator: string;
  era: PumpTradeEra;
  state: CurveState;
  holders: Map<string, bigint>;
  /** Owner of the vault: the bonding curve (Pump.fun) or the LaunchLab vault authority. */
  vaultOwner: string;
  /** Tokens in the launch pool's vault (the whole supply minus what users hold). */
  vaultBalance: bigint;
}

const SLOTS_PER_SECOND = 2.5;
const FEE_RECIPIENT = '62qc2CNXwrYqQScmEdiZFFAnJR262PxWEuNQtxfafNgV';
const PUMP_GLOBAL = '4wTV1YmiEkRvAtNtsSGPtUrqRYQMe5SKy2uB4Jjaxnjf';
const LAUNCHLAB_CONFIG = '6s1xP3hpbAfFoNtUNF8mfHsjr2Bd97JxFJRWLbL6aHuX';
const LAUNCHLAB_PLATFORM = 'FfYek5vEz23cMkWsdJwG2oa6EphsvXSHrGpdALN4g6W1';
const WSOL = 'So11111111111111111111111111111111111111112';
const SYSTEM = '11111111111111111111111111111111';
const LAUNCHLAB_VAULT_AUTHORITY = 'WLHv2UAZm6z4KyaaELi5pjdbJh6RESMva1Rnn8pJVVh';
const ERAS: PumpTradeEra[] = ['v5', 'v5', 'v5', 'v4', 'v2', 'v1'];

/**
 * A V1 transaction's inline budget, varied by its signature bytes (no draw from the seed's sequence): a
 * priority fee and compute-unit limit always, the loaded-accounts limit and heap size only sometimes.
 */
function v1Budget(signature: Uint8Array): SimComputeBudget {
  const byte = (i: number): number => signature[i] as number;
  return {
    priorityFeeLamports: 1_000n + BigInt(byte(1)) * 100n,
    computeUnitLimit: 150_000 + byte(2) * 1_000,
    ...(byte(3) % 2 === 0 ? { loadedAccountsDataSizeLimit: 67_108_864 } : {}),
    ...(byte(4) % 4 === 0 ? { heapSize: 65_536 } : {}),
  };
}

/** The slot's block meta, as the server sends it after the slot's transactions: it carries the block time. */
function blockMetaUpdate(slot: bigint, blockTime: number, blockhash: Uint8Array, transactions: number): SubscribeUpdate {
  return {
    filters: [],
    createdAt: new Date(0),
    blockMeta: {
      slot: slot.toString(),
      blockhash: bs58.encode(blockhash),
      rewards: undefined,
      blockTime: { timestamp: blockTime.toString() },
      blockHeight: { blockHeight: (slot - 20_000_000n).toString() },
      parentSlot: (slot - 1n).toString(),
      parentBlockhash: bs58.encode(new Uint8Array(32).fill(1)),
      executedTransactionCount: transactions.toString(),
      entriesCount: '1',
    },
  };
}

/** Creates a market; nothing is generated until slots are asked for. */
export function createSyntheticMarket(options: SyntheticMarketOptions): SyntheticMarket {
  const random = createPrng(options.seed);
  const truth: SyntheticTrade[] = [];
  const failed: string[] = [];
  const eventCounts = { create: 0, pool_create: 0, trade: 0, complete: 0, migrate: 0 };
  const tokens: Token[] = [];
  let pendingMigrations: Token[] = [];
  let slot = options.startSlot;
  const wallets = Array.from({ length: 200 }, () => random.address());

  function nextSlot(): SyntheticSlot {
    const blockTime = (options.startTime ?? 1_750_000_000) + Math.floor(Number(slot - options.startSlot) / SLOTS_PER_SECOND);
    const ctx = { slot, blockTime: BigInt(blockTime), txs: [] as SimTransaction[], blockhash: random.bytes(32) };
    for (const token of pendingMigrations) migrate(ctx, token);
    pendingMigrations = [];
    for (let i = random.count(options.tokensPerMinute / 60 / SLOTS_PER_SECOND); i > 0; i -= 1) launch(ctx);
    for (let i = random.count(options.tradesPerSecond / SLOTS_PER_SECOND); i > 0 && tokens.length > 0; i -= 1) trade(ctx, random.pick(tokens), random.pick(wallets));
    const updates = ctx.txs.map((tx) => buildTransactionUpdate(tx));
    updates.push(blockMetaUpdate(ctx.slot, blockTime, ctx.blockhash, ctx.txs.length));
    updates.push({ filters: [], createdAt: new Date(0), slot: { slot: slot.toString(), parent: (slot - 1n).toString(), status: 1 } });
    slot += 1n;
    return { slot: ctx.slot, blockTime, updates };
  }

  type Ctx = { slot: bigint; blockTime: bigint; txs: SimTransaction[]; blockhash: Uint8Array };
  const v1Below = Math.round(256 * (options.v1Share ?? 0.2));
  const frame = (ctx: Ctx, payer: string, delta: bigint, pre: SimTokenBalance[] = [], post: SimTokenBalance[] = []): TransactionFrame => {
    const signature = random.bytes(64);
    const computeBudget = (signature[0] as number) < v1Below ? v1Budget(signature) : undefined;
    return {
      slot: ctx.slot, index: ctx.txs.length, signature, payer, recentBlockhash: ctx.blockhash,
      preTokenBalances: pre, postTokenBalances: post, payerDeltaLamports: delta, ...(computeBudget ? { computeBudget } : {}),
    };
  };
  const balancesOf = (token: Token, user: string): SimTokenBalance[] =>
    launchBalances({ mint: token.mint, vault: token.curveVault, vaultOwner: token.vaultOwner, vaultBalance: token.vaultBalance, userBalance: token.holders.get(user) ?? null }, user);

  function launch(ctx: Ctx): void {
    const launchLab = random.next() < (options.launchLabShare ?? 0.3);
    const creator = random.address();
    const mint = random.address();
    const curve = random.address();
    const token: Token = {
      program: launchLab ? 'raydium_launchpad' : 'pumpfun', mint, curve, curveVault: random.address(),
      creator, era: random.pick(ERAS), state: createCurve(), holders: new Map(),
      vaultOwner: launchLab ? LAUNCHLAB_VAULT_AUTHORITY : curve, vaultBalance: TOKEN_TOTAL_SUPPLY_RAW,
    };
    const name = `Synthetic ${token.mint.slice(0, 4)}`;
    const symbol = token.mint.slice(0, 4).toUpperCase();
    const uri = `https://example.invalid/${token.mint}.json`;
    const createCall: ProgramCall = launchLab
      ? { program: LAUNCHLAB_PROGRAM, eventAuthority: LAUNCHLAB_EVENT_AUTHORITY, logName: 'InitializeV2',
          accounts: [creator, creator, LAUNCHLAB_CONFIG, LAUNCHLAB_PLATFORM, random.address(), token.curve, token.mint, WSOL, token.curveVault, random.address(), random.address(), TOKEN_PROGRAM, TOKEN_PROGRAM, random.address(), SYSTEM, random.address(), LAUNCHLAB_EVENT_AUTHORITY, LAUNCHLAB_PROGRAM],
          // initialize_v2's arguments in IDL order (as its PoolCreateEvent states them): MintParams, a constant
          // CurveParams, VestingParams (none) and amm_fee_on (quote token).
          data: new BorshWriter().discriminator(IX.launchLabInitializeV2).u8(6).string(name).string(symbol).string(uri)
            .u8(0).u64(TOKEN_TOTAL_SUPPLY_RAW).u64(INITIAL_REAL_TOKEN_RAW).u64(85_000_000_000n).u8(0).u64(0n).u64(0n).u64(0n).u8(0).finish(),
          events: [encodePoolCreateEvent({ poolState: token.curve, creator, config: LAUNCHLAB_CONFIG, decimals: 6, name, symbol, uri, supply: TOKEN_TOTAL_SUPPLY_RAW, totalBaseSell: INITIAL_REAL_TOKEN_RAW, totalQuoteFundRaising: 85_000_000_000n })] }
      : { program: PUMP_PROGRAM, eventAuthority: PUMP_EVENT_AUTHORITY, logName: 'Create',
          accounts: [token.mint, random.address(), token.curve, token.curveVault, PUMP_GLOBAL, random.address(), random.address(), creator, SYSTEM, TOKEN_PROGRAM, random.address(), random.address(), PUMP_EVENT_AUTHORITY, PUMP_PROGRAM],
          data: new BorshWriter().discriminator(IX.pumpCreate).string(name).string(symbol).string(uri).pubkey(creator).finish(),
          events: [encodePumpCreateEvent({ name, symbol, uri, mint: token.mint, bondingCurve: token.curve, user: creator, creator, timestamp: ctx.blockTime,
            virtualTokenReserves: INITIAL_VIRTUAL_TOKEN_RAW, virtualSolReserves: INITIAL_VIRTUAL_SOL_LAMPORTS, realTokenReserves: INITIAL_REAL_TOKEN_RAW, tokenTotalSupply: TOKEN_TOTAL_SUPPLY_RAW, tokenProgram: TOKEN_PROGRAM }, token.era === 'v5')] };
    eventCounts[launchLab ? 'pool_create' : 'create'] += 1;
    tokens.push(token);
    const devBuy = buyCall(ctx, token, creator, random.lamports(0.2, 3));
    const launchFrame = frame(ctx, creator, -devBuy.cost, [], balancesOf(token, creator));
    pushTransaction(ctx, launchFrame, [createCall, devBuy.call], [devBuy.record(firstCallIndex(launchFrame) + 1)]);
    for (let i = random.int(0, 3); i > 0; i -= 1) trade(ctx, token, random.address(), true);
  }

  function trade(ctx: Ctx, token: Token, user: string, forceBuy = false): void {
    const held = token.holders.get(user) ?? 0n;
    const isBuy = forceBuy || held === 0n || random.next() < 0.6;
    const solIn = random.next() < (options.whaleShare ?? 0.02) ? random.lamports(40, 90) : random.lamports(0.01, 2);
    const fails = random.next() < (options.failedShare ?? 0.02);
    // A failed attempt is priced on a copy: the curve and the holders do not change.
    const target = fails ? { ...token, state: { ...token.state }, holders: new Map(token.holders) } : token;
    const pre = balancesOf(token, user);
    const leg = isBuy ? buyCall(ctx, target, user, solIn, !fails) : sellCall(ctx, target, user, (held * BigInt(random.int(10, 100))) / 100n);
    if (fails) {
      const tx = buildFailedTransaction(frame(ctx, user, -5_000n, pre), leg.call, 6003);
      failed.push(bs58.encode(tx.signature));
      ctx.txs.push(tx);
      return;
    }
    const tradeFrame = frame(ctx, user, isBuy ? -leg.cost : leg.cost, pre, balancesOf(token, user));
    pushTransaction(ctx, tradeFrame, [leg.call], [leg.record(firstCallIndex(tradeFrame))]);
  }

  function pushTransaction(ctx: Ctx, txFrame: TransactionFrame, calls: ProgramCall[], trades: Array<Omit<SyntheticTrade, 'signature' | 'slot' | 'txIndex'>>): void {
    const tx = buildProgramTransaction(txFrame, calls);
    const signature = bs58.encode(tx.signature);
    for (const t of trades) truth.push({ ...t, signature, slot: ctx.slot, txIndex: txFrame.index });
    eventCounts.trade += trades.length;
    ctx.txs.push(tx);
  }

  type Leg = { call: ProgramCall; cost: bigint; record: (outer: number) => Omit<SyntheticTrade, 'signature' | 'slot' | 'txIndex'> };

  function buyCall(ctx: Ctx, token: Token, user: string, solIn: bigint, applies = true): Leg {
    const result = buyOnCurve(token.state, solIn);
    token.holders.set(user, (token.holders.get(user) ?? 0n) + result.tokenAmount);
    token.vaultBalance -= result.tokenAmount;
    const events = [tradeEvent(ctx, token, user, true, result)];
    if (applies && result.completes && token.program === 'pumpfun') {
      events.push(encodePumpCompleteEvent(user, token.mint, token.curve, ctx.blockTime));
      eventCounts.complete += 1;
      pendingMigrations.push(token);
      tokens.splice(tokens.indexOf(token), 1);
    }
    return leg(token, user, true, result.solAmount, result.tokenAmount, result.solAmount + result.fee + result.creatorFee, events);
  }

  function sellCall(ctx: Ctx, token: Token, user: string, tokenIn: bigint): Leg {
    const result = sellOnCurve(token.state, tokenIn);
    token.holders.set(user, (token.holders.get(user) ?? 0n) - tokenIn);
    token.vaultBalance += tokenIn;
    return leg(token, user, false, result.solAmount, tokenIn, result.solAmount - result.fee - result.creatorFee, [tradeEvent(ctx, token, user, false, result)]);
  }

  function leg(token: Token, user: string, isBuy: boolean, solAmount: bigint, tokenAmount: bigint, cost: bigint, events: Uint8Array[]): Leg {
    const pump = token.program === 'pumpfun';
    const call: ProgramCall = pump
      ? { program: PUMP_PROGRAM, eventAuthority: PUMP_EVENT_AUTHORITY, logName: isBuy ? 'Buy' : 'Sell', events,
          accounts: [PUMP_GLOBAL, FEE_RECIPIENT, token.mint, token.curve, token.curveVault, tokenAccountOf(user, token.mint), user, SYSTEM, TOKEN_PROGRAM, random.address(), PUMP_EVENT_AUTHORITY, PUMP_PROGRAM],
          data: encodeInstructionData(isBuy ? IX.pumpBuy : IX.pumpSell, isBuy ? [tokenAmount, (solAmount * 11n) / 10n] : [tokenAmount, 0n]) }
      : { program: LAUNCHLAB_PROGRAM, eventAuthority: LAUNCHLAB_EVENT_AUTHORITY, logName: isBuy ? 'BuyExactIn' : 'SellExactIn', events,
          accounts: [user, LAUNCHLAB_VAULT_AUTHORITY, LAUNCHLAB_CONFIG, LAUNCHLAB_PLATFORM, token.curve, tokenAccountOf(user, token.mint), random.address(), token.curveVault, random.address(), token.mint, WSOL, TOKEN_PROGRAM, TOKEN_PROGRAM, LAUNCHLAB_EVENT_AUTHORITY, LAUNCHLAB_PROGRAM],
          data: encodeInstructionData(isBuy ? IX.launchLabBuyExactIn : IX.launchLabSellExactIn, isBuy ? [solAmount, 0n, 0n] : [tokenAmount, 0n, 0n]) };
    return { call, cost, record: (outerIndex) => ({ program: token.program, outerIndex, innerIndex: null, mint: token.mint, user, isBuy, solAmount, tokenAmount }) };
  }

  function tradeEvent(ctx: Ctx, token: Token, user: string, isBuy: boolean, r: { solAmount: bigint; tokenAmount: bigint; fee: bigint; creatorFee: bigint }): Uint8Array {
    const s = token.state;
    if (token.program === 'raydium_launchpad') {
      const protocolFee = (r.solAmount * 25n) / 10_000n;
      return encodeLaunchLabTradeEvent({
        poolState: token.curve, totalBaseSell: INITIAL_REAL_TOKEN_RAW, virtualBase: INITIAL_VIRTUAL_TOKEN_RAW, virtualQuote: INITIAL_VIRTUAL_SOL_LAMPORTS,
        realBaseBefore: INITIAL_REAL_TOKEN_RAW - s.realToken + (isBuy ? -r.tokenAmount : r.tokenAmount), realQuoteBefore: s.realSol + (isBuy ? -r.solAmount : r.solAmount),
        realBaseAfter: INITIAL_REAL_TOKEN_RAW - s.realToken, realQuoteAfter: s.realSol,
        amountIn: isBuy ? r.solAmount : r.tokenAmount, amountOut: isBuy ? r.tokenAmount : r.solAmount,
        protocolFee, platformFee: (r.solAmount * 100n) / 10_000n, creatorFee: (r.solAmount * 5n) / 10_000n, shareFee: 0n, isBuy, poolStatus: 0, exactIn: true,
      });
    }
    return encodePumpTradeEvent({
      mint: token.mint, solAmount: r.solAmount, tokenAmount: r.tokenAmount, isBuy, user, timestamp: ctx.blockTime,
      virtualSolReserves: s.virtualSol, virtualTokenReserves: s.virtualToken, realSolReserves: s.realSol, realTokenReserves: s.realToken,
      feeRecipient: FEE_RECIPIENT, feeBasisPoints: PROTOCOL_FEE_BPS, fee: r.fee, creator: token.creator, creatorFeeBasisPoints: CREATOR_FEE_BPS, creatorFee: r.creatorFee,
      ixName: isBuy ? 'buy' : 'sell',
    }, token.era);
  }

  function migrate(ctx: Ctx, token: Token): void {
    const user = random.pick(wallets);
    const pool = random.address();
    const call: ProgramCall = { program: PUMP_PROGRAM, eventAuthority: PUMP_EVENT_AUTHORITY, logName: 'Migrate',
      accounts: [PUMP_GLOBAL, '39azUYFWPz3VHgKCf3VChUwbpURdCHRxjWVowf5jUJjg', token.mint, token.curve, token.curveVault, user, SYSTEM, TOKEN_PROGRAM, 'pAMMBay6oceH9fJKBRHGP5D4bD4sWpmSwMn52FMfXEA', pool, PUMP_EVENT_AUTHORITY, PUMP_PROGRAM],
      data: encodeInstructionData(IX.pumpMigrate, []),
      events: [encodeMigrationEvent({ user, mint: token.mint, mintAmount: TOKEN_TOTAL_SUPPLY_RAW - INITIAL_REAL_TOKEN_RAW, solAmount: token.state.realSol - 15_000_001n, poolMigrationFee: 15_000_001n, bondingCurve: token.curve, timestamp: ctx.blockTime, pool })] };
    eventCounts.migrate += 1;
    // The vault's tokens move to the AMM pool's token account (owned by the pool).
    const pre = [simTokenBalance(token.curveVault, token.mint, token.vaultOwner, token.vaultBalance)];
    const post = [simTokenBalance(token.curveVault, token.mint, token.vaultOwner, 0n), simTokenBalance(tokenAccountOf(pool, token.mint), token.mint, pool, token.vaultBalance)];
    token.vaultBalance = 0n;
    ctx.txs.push(buildProgramTransaction(frame(ctx, user, -5_000n, pre, post), [call]));
  }

  return {
    nextSlot,
    *slots(count) {
      for (let i = 0; i < count; i += 1) yield nextSlot();
    },
    truth,
    failed,
    eventCounts,
  };
}

export type { Prng };
