/**
 * Turns decoded events into rows (the seed's "Monitor Output Mappings"):
 * - create / pool_create → `tokens` + `pools` (launch pool with its initial price and liquidity);
 * - trade → `transactions` (raw and normalised amounts, price, fees, success, error) and, when it
 *   succeeded, the launch pool's new reserves and bonding-curve progress;
 * - complete / migrate → graduation of the token, curve status, and the new AMM pool;
 * - Pump.fun's post_complete_buy, fee_payout and creator_change → pump-event-rows.ts (added into the
 *   completing buy; fee_payouts; token_creator_changes); reserves_reset → the curve's new state.
 * A trade for a mint we have not seen creates the token "discovered by trade"; a late create event
 * completes it. With `holders` on, the tracked token accounts' post balances become holder rows
 * (holder-rows.ts). Pure given the registry: no I/O, no clock.
 */
import type { ChainTransaction } from '../contracts/chain-transaction.js';
import type { CreateEvent, DecodedEvent, MigrateEvent, PoolCreateEvent, ReservesResetEvent, TradeEvent } from '../contracts/decoded-event.js';
import type { QuarantineRecord } from '../contracts/quarantine.js';
import { PUMPFUN_PROGRAM_ID, RAYDIUM_LAUNCHPAD_PROGRAM_ID } from '../contracts/programs.js';
import { poolIdOf, tokenIdOf } from './ids.js';
import { decimalsOf, PUMP_MINT_DECIMALS } from './quote-mints.js';
import { ammPoolRow, launchPoolRow, type LaunchPoolFacts } from './pool-rows.js';
import { curveStateAfterReset, tradeRow, tradeState } from './trade-rows.js';
import { addCreatorChange, addFeePayout, addPostCompleteBuy, type ResolveToken } from './pump-event-rows.js';
import { addHolderRows } from './holder-rows.js';
import { isAmmVenue } from './amm-pools.js';
import { addAmmTrade, pumpSwapPoolCreateRow } from './amm-trade-rows.js';
import type { Batch, Platform, TokenRow } from '../contracts/rows.js';
import type { TokenInfo, TokenRegistry } from './token-registry.js';

export interface BuildOptions {
  /** Build holder balance rows (HOLDERS_ENABLED); default true. */
  holders?: boolean;
}

/** Adds one transaction's events to `batch`. Events that cannot become rows go to quarantine. */
export function addTransactionRows(batch: Batch, registry: TokenRegistry, tx: ChainTransaction, events: readonly DecodedEvent[], options: BuildOptions = {}): void {
  let txTime: Date | null = null;
  for (const event of events) {
    const blockTime = blockTimeOf(tx, event);
    if (blockTime === null) {
      batch.quarantine.push(storeQuarantine(event, 'no block time: neither the source nor the event carries one'));
      continue;
    }
    txTime ??= blockTime;
    switch (event.kind) {
      case 'create':
      case 'pool_create':
        addCreate(batch, registry, tx, event, blockTime);
        break;
      case 'trade':
        addTrade(batch, registry, tx, event, blockTime);
        break;
      case 'complete':
      case 'migrate':
        if (event.success) addGraduation(batch, registry, tx, event, blockTime);
        break;
      case 'post_complete_buy':
        if (event.success) addPostCompleteBuy(batch, tx, events, event, blockTime, pumpTokens(batch, registry, tx, event.slot));
        break;
      case 'fee_payout':
        addFeePayout(batch, event, blockTime, pumpTokens(batch, registry, tx, event.slot));
        break;
      case 'creator_change':
        addCreatorChange(batch, event, blockTime, pumpTokens(batch, registry, tx, event.slot));
        break;
      case 'reserves_reset':
        if (event.success) addReservesReset(batch, registry, tx, event);
        break;
    }
  }
  if (options.holders !== false && txTime !== null) addHolderRows(batch, registry, tx, events, txTime);
}

function addCreate(batch: Batch, registry: TokenRegistry, tx: ChainTransaction, event: CreateEvent | PoolCreateEvent, blockTime: Date): void {
  if (!event.success) return;
  if (event.kind === 'pool_create' && event.program === 'pumpswap') return addPumpSwapPool(batch, registry, tx, event);
  const platform: Platform = event.kind === 'create' ? 'pumpfun' : 'raydium_launchpad';
  const pool = event.kind === 'create' ? event.bondingCurve : event.poolState;
  const info = ensureToken(batch, registry, tx, { mint: event.mint, platform, pool, quoteMint: event.quoteMint, decimals: event.decimals }, event.slot);
  const creator = event.kind === 'create' ? (event.creator ?? event.user) : event.creator;
  batch.tokens.push({
    ...discoveredToken(info, event.slot),
    discoverySource: 'create_event',
    symbol: clean(event.symbol),
    name: clean(event.name),
    creationSignature: event.signature,
    creationTime: blockTime,
    creator,
    tokenProgram: event.tokenProgram,
    initialSupply: event.kind === 'create' ? event.tokenTotalSupply : event.supply,
    metadata: createMetadata(event),
    ...(event.kind === 'pool_create' && event.launch ? { launchpadPlatformConfig: event.platformConfig, launchpadBrand: event.launch.brand } : {}),
  });
  batch.pools.push(launchPoolRow(info, launchFacts(event)));
  if (event.kind === 'create' && event.virtualSolReserves !== null) {
    batch.poolStates.push({
      poolId: info.poolId!,
      slot: event.slot,
      txIndex: event.txIndex ?? 0,
      eventIndex: event.position.eventIndex,
      virtualSolReserves: event.virtualSolReserves,
      virtualTokenReserves: event.virtualTokenReserves,
      realSolReserves: 0n,
      realTokenReserves: event.realTokenReserves,
      progress: '0.00',
      status: 'active',
    });
  }
  registry.set({ ...info, createSeen: true, curveTokensForSale: event.kind === 'create' ? event.realTokenReserves : (info.curveTokensForSale ?? null) });
}

function addTrade(batch: Batch, registry: TokenRegistry, tx: ChainTransaction, event: TradeEvent, blockTime: Date): void {
  if (isAmmVenue(event.program)) return addVenueTrade(batch, registry, tx, event, blockTime);
  const platform: Platform = event.program === 'raydium_launchpad' ? 'raydium_launchpad' : 'pumpfun';
  const pool = event.poolState ?? event.pool;
  if (event.mint === '' || event.quoteMint === '') {
    batch.quarantine.push(storeQuarantine(event, 'trade without its mint or quote mint: the invocation did not list them'));
    return;
  }
  const launchpad = event.program === 'raydium_launchpad' ? launchpadOfTrade(event) : undefined;
  const info = ensureToken(batch, registry, tx, { mint: event.mint, platform, pool, quoteMint: event.quoteMint, decimals: null, launchpad }, event.slot);
  if (info.poolId === null) {
    batch.quarantine.push(storeQuarantine(event, 'trade without a pool address: cannot key its pool'));
    return;
  }
  batch.trades.push(tradeRow(event, info, tx.fee, blockTime));
  if (!event.success) return;
  if (event.program === 'raydium_launchpad' && info.lastState === null) addLaunchLabInitialPrice(batch, info, event);
  const state = tradeState(event, info);
  if (state && isNewer(info, state.slot, state.txIndex, state.eventIndex)) {
    batch.poolStates.push(state);
    registry.set({ ...info, lastState: [state.slot, state.txIndex, state.eventIndex] });
  }
}

/**
 * A trade on the AMM pool a migration of ours created (amm-pools.ts let only those through): stored on
 * that pool, for the token, whose row (a discovery when this process has not seen it yet) is all it needs.
 */
function addVenueTrade(batch: Batch, registry: TokenRegistry, tx: ChainTransaction, event: TradeEvent, blockTime: Date): void {
  const pool = event.pool;
  if (pool === null || event.mint === '' || event.quoteMint === '') {
    batch.quarantine.push(storeQuarantine(event, 'AMM trade without its pool or mints: neither the invocation nor the token balances name them'));
    return;
  }
  if (event.success && event.extra.amountsAre === 'instruction_limits') {
    batch.quarantine.push(storeQuarantine(event, 'AMM swap without vault balances or transfers: its amounts are unknown (only its limits)'));
    return;
  }
  const platform: Platform = event.program === 'pumpswap' ? 'pumpfun' : 'raydium_launchpad';
  const info = ensureToken(batch, registry, tx, { mint: event.mint, platform, pool: null, quoteMint: event.quoteMint, decimals: null }, event.slot);
  addAmmTrade(batch, tx, event, pool, info, blockTime);
}

/** PumpSwap's CreatePoolEvent inside a migration of ours: the new pool's vaults, not a token creation. */
function addPumpSwapPool(batch: Batch, registry: TokenRegistry, tx: ChainTransaction, event: PoolCreateEvent): void {
  const info = ensureToken(batch, registry, tx, { mint: event.mint, platform: 'pumpfun', pool: null, quoteMint: event.quoteMint, decimals: event.decimals }, event.slot);
  batch.pools.push(pumpSwapPoolCreateRow(info, event));
}

/** Pump.fun tokens for pump-event-rows.ts: a token first seen there gets its rows like any discovery. */
function pumpTokens(batch: Batch, registry: TokenRegistry, tx: ChainTransaction, slot: bigint): ResolveToken {
  return (mint, pool, quoteMint) => ensureToken(batch, registry, tx, { mint, platform: 'pumpfun', pool, quoteMint, decimals: null }, slot);
}

/** A mayhem virtual-reserve reset: the curve's new state, applied in chain order like a trade's. */
function addReservesReset(batch: Batch, registry: TokenRegistry, tx: ChainTransaction, event: ReservesResetEvent): void {
  const info = ensureToken(batch, registry, tx, { mint: event.mint, platform: 'pumpfun', pool: event.bondingCurve, quoteMint: null, decimals: null }, event.slot);
  if (info.poolId === null) return;
  const state = curveStateAfterReset(event, info);
  if (!isNewer(info, state.slot, state.txIndex, state.eventIndex)) return;
  batch.poolStates.push(state);
  registry.set({ ...info, lastState: [state.slot, state.txIndex, state.eventIndex] });
}

function addGraduation(batch: Batch, registry: TokenRegistry, tx: ChainTransaction, event: DecodedEvent & { kind: 'complete' | 'migrate' }, blockTime: Date): void {
  const platform: Platform = event.program === 'raydium_launchpad' ? 'raydium_launchpad' : 'pumpfun';
  const quoteMint = event.kind === 'migrate' ? event.quoteMint : null;
  const info = ensureToken(batch, registry, tx, { mint: event.mint, platform, pool: event.bondingCurve, quoteMint, decimals: null }, event.slot);
  const ammPool = event.kind === 'migrate' ? ammPoolRow(info, event as MigrateEvent) : null;
  if (ammPool) batch.pools.push(ammPool);
  batch.graduations.push({
    tokenId: info.tokenId,
    signature: event.signature,
    blockTime,
    slot: event.slot,
    curvePoolId: info.poolId,
    ammPool,
    kind: event.kind,
  });
}

/**
 * LaunchLab's PoolCreateEvent has no price: its curve's fixed virtual reserves, carried by every trade,
 * give the launch price (virtual quote / virtual base) and the initial quote liquidity.
 */
function addLaunchLabInitialPrice(batch: Batch, info: TokenInfo, event: TradeEvent): void {
  if (event.virtualSolReserves === null || event.virtualTokenReserves === null) return;
  batch.pools.push(launchPoolRow(info, { programId: RAYDIUM_LAUNCHPAD_PROGRAM_ID, virtualSolReserves: event.virtualSolReserves, virtualTokenReserves: event.virtualTokenReserves }));
}

interface TokenFacts {
  mint: string;
  platform: Platform;
  pool: string | null;
  quoteMint: string | null;
  decimals: number | null;
  /** LaunchLab: the launch's platform_config and brand, written on the token's first row. */
  launchpad?: { platformConfig: string; brand: string | null };
}

/** Returns what we know of the mint; on first sight adds its (discovered) token and launch pool rows. */
function ensureToken(batch: Batch, registry: TokenRegistry, tx: ChainTransaction, facts: TokenFacts, slot: bigint): TokenInfo {
  const known = registry.get(facts.mint);
  if (known && (known.poolAddress !== null || facts.pool === null)) {
    return known.decimals === null || known.quoteDecimals === null ? learnDecimals(batch, registry, tx, known, facts, slot) : known;
  }
  // Events that state no quote (Pump.fun CompleteEvent before 2026-05) are of coins quoted in SOL.
  const quoteMint = facts.quoteMint ?? known?.quoteMint ?? 'So11111111111111111111111111111111111111112';
  const info: TokenInfo = {
    tokenId: tokenIdOf(facts.mint),
    mint: facts.mint,
    platform: known?.platform ?? facts.platform,
    decimals: facts.decimals ?? known?.decimals ?? decimalsOf(facts.mint, tx) ?? programDecimals(facts.platform),
    quoteMint,
    quoteDecimals: (known?.quoteMint === quoteMint ? known.quoteDecimals : null) ?? decimalsOf(quoteMint, tx),
    poolAddress: facts.pool ?? known?.poolAddress ?? null,
    poolId: facts.pool ? poolIdOf(facts.pool) : (known?.poolId ?? null),
    createSeen: known?.createSeen ?? false,
    lastState: known?.lastState ?? null,
    curveTokensForSale: known?.curveTokensForSale ?? null,
  };
  registry.set(info);
  batch.tokens.push(discoveredToken(info, slot, facts.launchpad));
  if (info.poolAddress !== null) batch.pools.push(launchPoolRow(info, {}));
  return info;
}

/**
 * Decimals a launchpad's program fixes for every mint it creates: Pump.fun's create and create_v2 always mint
 * with 6 (its global config; every CreateEvent since 2025 states 6), so a coin first seen by a bonding-curve
 * trade has 6 as a program rule, not a guess. LaunchLab takes decimals as a create argument: no rule.
 */
function programDecimals(platform: Platform): number | null {
  return platform === 'pumpfun' ? PUMP_MINT_DECIMALS : null;
}

/**
 * A known token whose decimals (or its quote's) were not known yet: the create event or this transaction's
 * token balances may state them now. Then the registry learns them and the token row is sent again so the
 * database does too (the upsert fills a null decimals, never changes a known one).
 */
function learnDecimals(batch: Batch, registry: TokenRegistry, tx: ChainTransaction, known: TokenInfo, facts: TokenFacts, slot: bigint): TokenInfo {
  const decimals = known.decimals ?? facts.decimals ?? decimalsOf(known.mint, tx) ?? programDecimals(known.platform);
  const quoteDecimals = known.quoteDecimals ?? decimalsOf(known.quoteMint, tx);
  if (decimals === known.decimals && quoteDecimals === known.quoteDecimals) return known;
  const info: TokenInfo = { ...known, decimals, quoteDecimals };
  registry.set(info);
  batch.tokens.push(discoveredToken(info, slot, facts.launchpad));
  return info;
}

/** The LaunchLab trade's platform_config and brand, as the decoder read them from the trade's accounts. */
function launchpadOfTrade(event: TradeEvent): TokenFacts['launchpad'] {
  const platformConfig = event.extra.platformConfig;
  if (typeof platformConfig !== 'string') return undefined;
  return { platformConfig, brand: typeof event.extra.brand === 'string' ? event.extra.brand : platformConfig };
}

function discoveredToken(info: TokenInfo, slot: bigint, launchpad?: TokenFacts['launchpad']): TokenRow {
  return {
    id: info.tokenId,
    mint: info.mint,
    platform: info.platform,
    discoverySource: 'trade',
    symbol: null,
    name: null,
    decimals: info.decimals,
    creationSignature: null,
    creationTime: null,
    creator: null,
    quoteMint: info.quoteMint,
    tokenProgram: null,
    bondingCurve: info.poolAddress,
    initialSupply: null,
    metadata: null,
    slot,
    quoteDecimals: info.quoteDecimals,
    launchpadPlatformConfig: launchpad?.platformConfig ?? null,
    launchpadBrand: launchpad?.brand ?? null,
  };
}

function launchFacts(event: CreateEvent | PoolCreateEvent): LaunchPoolFacts {
  if (event.kind === 'create') {
    return {
      programId: PUMPFUN_PROGRAM_ID,
      virtualSolReserves: event.virtualSolReserves,
      virtualTokenReserves: event.virtualTokenReserves,
    };
  }
  return { programId: RAYDIUM_LAUNCHPAD_PROGRAM_ID, baseVault: event.baseVault, quoteVault: event.quoteVault };
}

function createMetadata(event: CreateEvent | PoolCreateEvent): Record<string, unknown> {
  const base: Record<string, unknown> = { uri: clean(event.uri), layout: event.layout };
  if (event.kind === 'create') {
    return {
      ...base, isMayhemMode: event.isMayhemMode, bondingCurve: event.bondingCurve, isCashbackEnabled: event.isCashbackEnabled ?? null,
      creatorFeeBps: event.creatorFeeBps?.toString() ?? null, isHolderReward: event.isHolderReward ?? null, depth: event.depth ?? null,
    };
  }
  return {
    ...base,
    config: event.config,
    platformConfig: event.platformConfig,
    curveType: event.curveType,
    totalBaseSell: event.totalBaseSell?.toString() ?? null,
    totalQuoteFundRaising: event.totalQuoteFundRaising?.toString() ?? null,
    migrateType: event.migrateType,
    ...(event.launch ? launchMetadata(event.launch) : {}),
  };
}

/** A LaunchLab launch's settings in tokens.metadata (u64 values as decimal strings). */
function launchMetadata(launch: NonNullable<PoolCreateEvent['launch']>): Record<string, unknown> {
  const v = launch.vesting;
  const fee = launch.transferFee;
  return {
    instruction: launch.instruction,
    vesting: v && { totalLockedAmount: v.totalLockedAmount.toString(), cliffPeriod: v.cliffPeriod.toString(), unlockPeriod: v.unlockPeriod.toString() },
    ammFeeOn: launch.ammFeeOn,
    transferFee: fee && { basisPoints: fee.basisPoints, maximumFee: fee.maximumFee.toString() },
  };
}

function isNewer(info: TokenInfo, slot: bigint, txIndex: number, eventIndex: number): boolean {
  const last = info.lastState;
  if (!last) return true;
  if (slot !== last[0]) return slot > last[0];
  if (txIndex !== last[1]) return txIndex > last[1];
  return eventIndex > last[2];
}

/** Block time: the source's, else the event's own clock reading (Pump.fun events carry one). */
function blockTimeOf(tx: ChainTransaction, event: DecodedEvent): Date | null {
  if (tx.blockTime !== null) return new Date(tx.blockTime * 1000);
  const stamp = 'timestamp' in event ? event.timestamp : null;
  return stamp !== null && stamp !== undefined ? new Date(Number(stamp) * 1000) : null;
}

/** Borsh strings may end in NUL padding, which PostgreSQL text cannot hold. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u0000/g, '').trim();
}

function storeQuarantine(event: DecodedEvent, reason: string): QuarantineRecord {
  return {
    stage: 'store',
    kind: 'unresolved',
    program: event.program,
    discriminator: null,
    raw: new TextEncoder().encode(JSON.stringify({ kind: event.kind, signature: event.signature, position: event.position })),
    reason,
    signature: event.signature,
    slot: event.slot,
    position: { outerIndex: event.position.outerIndex, innerIndex: event.position.innerIndex },
  };
}
