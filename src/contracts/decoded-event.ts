/**
 * `DecodedEvent`: what the decoders hand to the pipeline (and, split into roles, what the stream role
 * publishes for writers). One tagged union across programs: `{ program, kind, ... }`.
 *
 * Numbers: every u64/i64 amount is a `bigint`; slots are `bigint` too (u64 on chain). u8/u16/u32 values,
 * indexes and unix times in seconds are `number`. Addresses and signatures are base58 strings.
 */
import type { QuarantineRecord } from './quarantine.js';

/** Launchpads (pumpfun, raydium_launchpad) and the AMM venues their tokens graduate to. */
export type ProgramName = 'pumpfun' | 'raydium_launchpad' | 'pumpswap' | 'raydium_cpmm' | 'raydium_amm_v4';
export type EventKind = 'create' | 'pool_create' | 'trade' | 'complete' | 'migrate'
  | 'post_complete_buy' | 'fee_payout' | 'creator_change' | 'reserves_reset';
/** Where the event was read: an Anchor self-CPI, a `Program data:` log line, or the instruction itself. */
export type EventSource = 'cpi' | 'log' | 'instruction';

/** Position of an event inside its transaction: stable, so that (signature, position) identifies it. */
export interface EventPosition {
  /** Top-level instruction index the event belongs to. */
  outerIndex: number;
  /** Inner instruction index (of the self-CPI or of the program's invocation); null when outer. */
  innerIndex: number | null;
  /** Order of the event among all events of the transaction (0-based). */
  eventIndex: number;
}

/** Fields every decoded event carries. */
export interface EventBase {
  program: ProgramName;
  kind: EventKind;
  source: EventSource;
  signature: string;
  slot: bigint;
  txIndex: number | null;
  blockTime: number | null;
  /** False for attempts inside a failed transaction (recorded, never applied). */
  success: boolean;
  errorCode: string | null;
  position: EventPosition;
  /** Name of the layout that read the payload, e.g. `pump.TradeEvent.v5`. */
  layout: string;
  /** Bytes after the last known field (a newer layout than ours); 0 when the payload was exact. */
  trailingBytes: number;
}

/** A Pump.fun CreateEvent (or a create instruction when the event is missing). */
export interface CreateEvent extends EventBase {
  kind: 'create';
  mint: string;
  name: string;
  symbol: string;
  uri: string;
  creator: string | null;
  bondingCurve: string;
  user: string;
  /** Token program of the mint: SPL Token for `create`, Token-2022 for `create_v2`. */
  tokenProgram: string | null;
  quoteMint: string;
  decimals: number;
  timestamp: bigint | null;
  virtualTokenReserves: bigint | null;
  virtualSolReserves: bigint | null;
  realTokenReserves: bigint | null;
  tokenTotalSupply: bigint | null;
  isMayhemMode: boolean | null;
  /** Pump.fun CreateEvent 2026-02 (IDL 82dacac): cashback coin. Absent or null when the layout predates it. */
  isCashbackEnabled?: boolean | null;
  /** Pump.fun CreateEvent 2026-09 (pump-sdk 2.0.0): the coin's own creator fee rate, basis points. */
  creatorFeeBps?: bigint | null;
  /** Pump.fun CreateEvent 2026-09: a holder-rewards coin (its creator fee goes to holders). */
  isHolderReward?: boolean | null;
  /** Pump.fun CreateEvent 2026-10: quote-chain depth, 0 for SOL or a listed quote, 1+ for a pump-coin quote. */
  depth?: number | null;
}

/** A Raydium LaunchLab PoolCreateEvent. */
export interface PoolCreateEvent extends EventBase {
  kind: 'pool_create';
  poolState: string;
  /** The base mint. */
  mint: string;
  quoteMint: string;
  creator: string;
  config: string;
  platformConfig: string | null;
  name: string;
  symbol: string;
  uri: string;
  decimals: number;
  baseVault: string | null;
  quoteVault: string | null;
  tokenProgram: string | null;
  curveType: 'constant' | 'fixed' | 'linear' | 'unknown';
  supply: bigint | null;
  totalBaseSell: bigint | null;
  totalQuoteFundRaising: bigint | null;
  migrateType: number | null;
  /** LaunchLab only: what the launch set beyond its curve (brand, vesting, fees); absent on other programs. */
  launch?: LaunchpadLaunch | null;
}

/** A LaunchLab launch's settings, from its PoolCreateEvent and its initialize* instruction (MAINNET-2026 §1.7). */
export interface LaunchpadLaunch {
  /** The instruction that created the pool: initialize, initialize_v2 or initialize_with_token_2022. */
  instruction: string | null;
  /** Launchpad brand of platformConfig (letsbonk, stonkfun, raydium, ...); the address itself when unknown. */
  brand: string | null;
  /** VestingParams: base tokens locked for the creator, and the cliff and unlock periods in seconds. */
  vesting: { totalLockedAmount: bigint; cliffPeriod: bigint; unlockPeriod: bigint } | null;
  /** AmmCreatorFeeOn after migration: fees in the quote token only, or in both tokens; null when not stated. */
  ammFeeOn: 'quote_token' | 'both_tokens' | null;
  /** initialize_with_token_2022's TransferFeeExtensionParams (the reward coins' transfer tax); null when none. */
  transferFee: { basisPoints: number; maximumFee: bigint } | null;
}

/** A trade on either launchpad (Pump.fun TradeEvent or LaunchLab TradeEvent). */
export interface TradeEvent extends EventBase {
  kind: 'trade';
  mint: string;
  user: string;
  isBuy: boolean;
  /** Quote side in raw units (lamports for SOL pairs). */
  solAmount: bigint;
  /** Base side in raw token units. */
  tokenAmount: bigint;
  quoteMint: string;
  /** Pump.fun bonding curve or LaunchLab pool state. */
  pool: string | null;
  timestamp: bigint | null;
  /** Reserves after the trade, when the layout carries them. */
  virtualSolReserves: bigint | null;
  virtualTokenReserves: bigint | null;
  realSolReserves: bigint | null;
  realTokenReserves: bigint | null;
  /** Fees in quote raw units, when the layout carries them. */
  fee: bigint | null;
  creatorFee: bigint | null;
  protocolFee: bigint | null;
  platformFee: bigint | null;
  shareFee: bigint | null;
  /** The instruction that produced the trade (e.g. `buy`, `sell_exact_in`), when known. */
  ixName: string | null;
  /** LaunchLab-only fields; null on Pump.fun. */
  poolState: string | null;
  amountIn: bigint | null;
  amountOut: bigint | null;
  poolStatus: number | null;
  extra: Record<string, string | number | boolean | null>;
  /**
   * Pump.fun TradeEvent 2026-09 (pump-sdk 2.0.0): holder-rewards rate and amount. The amount is the part of
   * `creatorFee` paid to the coin's holders, not a fee on top of it. Null when the layout predates them.
   */
  holderRewardsBps?: bigint | null;
  holderRewards?: bigint | null;
  /**
   * Pump.fun TradeEvent 2026-10: creator fee left on the curve for a later `sweep_creator_fee` (fee kept,
   * paid out by a sweep: a `fee_payout`, never a second income). Null when the layout predates it.
   */
  creatorFeeUnclaimed?: bigint | null;
  /**
   * PumpSwap BuyEvent / SellEvent (pump-sdk 2.0.0): the pool's `virtual_quote_reserves`, a signed i128 that
   * can be negative since 2026-09-30 (v2 trades keep fees in the vault). Effective quote reserves = quote
   * vault + this. Null when the layout predates it.
   */
  virtualQuoteReserves?: bigint | null;
}

/** A bonding curve completed (Pump.fun CompleteEvent). */
export interface CompleteEvent extends EventBase {
  kind: 'complete';
  mint: string;
  user: string;
  bondingCurve: string;
  timestamp: bigint | null;
}

/** Liquidity moved to an AMM: Pump.fun migration event, or a LaunchLab migrate instruction. */
export interface MigrateEvent extends EventBase {
  kind: 'migrate';
  mint: string;
  /** The new AMM pool (PumpSwap, Raydium AMM v4 or CPMM). */
  pool: string;
  /** The program that owns the new pool. */
  ammProgram: string | null;
  quoteMint: string;
  bondingCurve: string | null;
  user: string | null;
  solAmount: bigint | null;
  tokenAmount: bigint | null;
  timestamp: bigint | null;
}

/**
 * Pump.fun synthetic migration (PostCompleteBuyEvent, 2026-10): the part of a curve-completing buy filled
 * at the price of the pool the migration will create. The buyer's total is the TradeEvent before it plus
 * this; it comes after the CompleteEvent. Fees in quote raw units; pool reserves before and after the fill.
 */
export interface PostCompleteBuyEvent extends EventBase {
  kind: 'post_complete_buy';
  mint: string;
  user: string;
  bondingCurve: string;
  quoteMint: string;
  timestamp: bigint;
  /** Tokens bought after completion (raw). */
  baseOut: bigint;
  /** Quote paid for them (raw, fees excluded). */
  quoteIn: bigint;
  feeBasisPoints: bigint;
  fee: bigint;
  creatorFeeBasisPoints: bigint;
  creatorFee: bigint;
  buybackFee: bigint;
  poolBaseReservesBefore: bigint;
  poolQuoteReservesBefore: bigint;
  poolBaseReservesAfter: bigint;
  poolQuoteReservesAfter: bigint;
}

/**
 * Fees kept on a curve or pool and paid out later (Pump.fun SweepBondingCurveFeeEvent, 2026-10). A payout
 * of fee income the trades already carry: never a trade fee, never counted as income a second time.
 */
export interface FeePayoutEvent extends EventBase {
  kind: 'fee_payout';
  mint: string;
  /** The curve or pool the fees were kept on. */
  venue: string;
  quoteMint: string;
  recipient: string;
  /** Paid out, raw units of `quoteMint`. */
  amount: bigint;
  bucket: 'protocol' | 'creator' | 'unknown';
  timestamp: bigint;
}

/** Who changed a coin's creator, as the program tells it. */
export type CreatorChangeSource = 'admin_cto' | 'set_creator' | 'admin_set_creator' | 'migrate_bonding_curve_creator';

/** The creator of a Pump.fun coin changed (AdminCtoEvent, SetCreatorEvent, AdminSetCreatorEvent, ...). */
export interface CreatorChangeEvent extends EventBase {
  kind: 'creator_change';
  mint: string;
  bondingCurve: string | null;
  changeSource: CreatorChangeSource;
  /** Null when the event does not say (SetCreatorEvent carries only the new creator). */
  oldCreator: string | null;
  newCreator: string;
  /** The authority that made the change, when the event says. */
  authority: string | null;
  timestamp: bigint;
  /** admin_cto only: the coin's settings after the takeover; null otherwise. */
  isHolderReward: boolean | null;
  oldCreatorFeeBps: bigint | null;
  newCreatorFeeBps: bigint | null;
}

/**
 * A curve's virtual reserves were reset (Pump.fun UpdateMayhemVirtualParamsEvent, mayhem coins): the price
 * jumps, the real reserves (what is left to sell, what was raised) stay as they are.
 */
export interface ReservesResetEvent extends EventBase {
  kind: 'reserves_reset';
  mint: string;
  /** From the instruction's accounts, else derived (the PDA of the mint): the event does not carry it. */
  bondingCurve: string | null;
  timestamp: bigint;
  oldVirtualTokenReserves: bigint;
  oldVirtualSolReserves: bigint;
  virtualTokenReserves: bigint;
  virtualSolReserves: bigint;
  realTokenReserves: bigint;
  realSolReserves: bigint;
}

export type DecodedEvent = CreateEvent | PoolCreateEvent | TradeEvent | CompleteEvent | MigrateEvent
  | PostCompleteBuyEvent | FeePayoutEvent | CreatorChangeEvent | ReservesResetEvent;

/** What decoding one transaction yields. */
export interface DecodeResult {
  events: DecodedEvent[];
  quarantine: QuarantineRecord[];
  /**
   * True when the transaction touches none of the decoded programs (the decoder's "not mine" outcome;
   * `events` and `quarantine` are then empty). `decodeTransaction` always sets it; optional so that a
   * hand-built result (a test stub) may leave it out, which means false.
   */
  notMine?: boolean;
}
