/**
 * Rows the pipeline hands to the PostgreSQL sink: one batch = everything to commit in one database
 * transaction, parents (tokens, pools) before children (trades), with the stream checkpoint.
 * Amounts are raw `bigint`; derived decimals are exact strings.
 */
import type { QuarantineRecord } from './quarantine.js';

export type Platform = 'pumpfun' | 'raydium_launchpad';
export type PoolPlatform = Platform | 'pumpswap' | 'raydium_amm_v4' | 'raydium_cpmm';

/** A token as far as this batch knows it. Known fields fill in what an earlier row left null. */
export interface TokenRow {
  id: string;
  mint: string;
  platform: Platform;
  discoverySource: 'create_event' | 'trade' | 'backfill' | 'rpc';
  symbol: string | null;
  name: string | null;
  /** Null until the create instruction, a transaction's token balances or an RPC read states it. */
  decimals: number | null;
  creationSignature: string | null;
  creationTime: Date | null;
  creator: string | null;
  quoteMint: string | null;
  tokenProgram: string | null;
  bondingCurve: string | null;
  initialSupply: bigint | null;
  metadata: Record<string, unknown> | null;
  slot: bigint;
  /** Decimals of quoteMint; null until known (absent: not stated by this row). */
  quoteDecimals?: number | null;
  /** LaunchLab: the launch's platform_config and the launchpad brand it stands for (the address when unknown). */
  launchpadPlatformConfig?: string | null;
  launchpadBrand?: string | null;
}

export interface PoolRow {
  id: string;
  address: string;
  tokenId: string;
  baseMint: string;
  quoteMint: string;
  platform: PoolPlatform;
  poolType: 'bonding_curve' | 'launchpad' | 'amm';
  programId: string;
  initialPrice: string | null;
  initialBaseLiquidity: bigint | null;
  initialQuoteLiquidity: bigint | null;
  bondingCurve: string | null;
  baseVault: string | null;
  quoteVault: string | null;
  status: 'active' | 'complete' | 'migrated';
}

/** One trade (or failed attempt) for the `transactions` table. */
export interface TradeRow {
  signature: string;
  ixIndex: number;
  /** -1 for a top-level instruction. */
  innerIxIndex: number;
  eventIndex: number;
  blockTime: Date;
  slot: bigint;
  txIndex: number | null;
  poolId: string;
  tokenId: string;
  /** The token's mint (not a column of `transactions`: the cache and announcements carry it). */
  mint: string;
  type: 'buy' | 'sell';
  user: string;
  quoteMint: string;
  amountIn: bigint;
  /** Null while the decimals of amount_in's mint are unknown (then the amounts and price below are null too). */
  amountInDecimals: number | null;
  amountOut: bigint;
  amountOutDecimals: number | null;
  solAmount: string | null;
  tokenAmount: string | null;
  pricePerToken: string | null;
  priceQuotePerToken: string | null;
  protocolFee: bigint | null;
  platformFee: bigint | null;
  shareFee: bigint | null;
  creatorFee: bigint | null;
  transactionFee: bigint;
  virtualSolReserves: bigint | null;
  virtualTokenReserves: bigint | null;
  realSolReserves: bigint | null;
  realTokenReserves: bigint | null;
  success: boolean;
  errorCode: string | null;
  /** Unusual facts only (newer layout, failed attempt); null for an ordinary trade. */
  rawData: Record<string, unknown> | null;
  /** Pump.fun holder-rewards coins: the part of creatorFee paid to holders (not on top of it). */
  holderRewards?: bigint | null;
  /** Pump.fun (2026-10): creator fee left on the curve for a later sweep. */
  creatorFeeUnclaimed?: bigint | null;
}

/** Kept fees paid out (a sweep): never a trade fee, never income a second time (`fee_payouts`). */
export interface FeePayoutRow {
  signature: string;
  ixIndex: number;
  /** -1 for a top-level instruction. */
  innerIxIndex: number;
  eventIndex: number;
  blockTime: Date;
  slot: bigint;
  txIndex: number | null;
  tokenId: string;
  /** The pool row of the venue, when the venue is the token's known curve or pool. */
  poolId: string | null;
  venueAddress: string;
  program: string;
  quoteMint: string;
  recipient: string;
  amount: bigint;
  bucket: 'protocol' | 'creator' | 'unknown';
}

/** One change of a token's creator (`token_creator_changes`); the newest sets tokens.creator_address. */
export interface CreatorChangeRow {
  tokenId: string;
  signature: string;
  ixIndex: number;
  innerIxIndex: number;
  eventIndex: number;
  blockTime: Date;
  slot: bigint;
  txIndex: number | null;
  changeSource: string;
  oldCreator: string | null;
  newCreator: string;
  authority: string | null;
  details: Record<string, unknown> | null;
}

/** New reserves of a pool after a trade; applied only if newer than what the row holds. */
export interface PoolStateRow {
  poolId: string;
  slot: bigint;
  txIndex: number;
  eventIndex: number;
  virtualSolReserves: bigint | null;
  virtualTokenReserves: bigint | null;
  realSolReserves: bigint | null;
  realTokenReserves: bigint | null;
  /** Percent 0..100 as an exact decimal string with 2 places. */
  progress: string | null;
  status: 'active' | 'complete' | null;
}

/** A graduation: the curve completed and/or liquidity moved to an AMM pool. */
export interface GraduationRow {
  tokenId: string;
  signature: string;
  blockTime: Date;
  slot: bigint;
  curvePoolId: string | null;
  /** The new AMM pool; null for a CompleteEvent (the migration comes later). */
  ammPool: PoolRow | null;
  kind: 'complete' | 'migrate';
}

/**
 * Who a token account's owner is, for holder analytics: only 'wallet' counts as a holder. 'curve' is the
 * launch pool itself (Pump.fun bonding curve, LaunchLab vault authority), 'pool' an AMM pool the token
 * migrated to, 'program' another program authority (migration authority, Raydium AMM authorities).
 */
export type HolderKind = 'wallet' | 'curve' | 'pool' | 'program';

/**
 * The absolute balance of one token account of a tracked token after a successful transaction (its post
 * token balance; 0 when the account was closed). Applied only when (slot, txIndex) is newer than the
 * stored one, so replays change nothing; the owner's total is derived from its accounts.
 */
export interface HolderAccountRow {
  tokenId: string;
  account: string;
  owner: string;
  /** Raw base units. */
  balance: bigint;
  holderKind: HolderKind;
  slot: bigint;
  /** Position in the block; -1 when the source does not know it. */
  txIndex: number;
  blockTime: Date;
}

export interface Checkpoint {
  stream: string;
  slot: bigint;
}

/** Everything one database transaction commits. */
export interface Batch {
  tokens: TokenRow[];
  pools: PoolRow[];
  trades: TradeRow[];
  poolStates: PoolStateRow[];
  graduations: GraduationRow[];
  /** Token-account balances for holder analytics (empty when HOLDERS_ENABLED=false). */
  holderAccounts: HolderAccountRow[];
  /** Sweeps of kept fees. */
  feePayouts: FeePayoutRow[];
  /** Creator changes (admin_cto, set_creator, ...). */
  creatorChanges: CreatorChangeRow[];
  quarantine: QuarantineRecord[];
  checkpoint: Checkpoint | null;
}

/** What the sink reports back after a commit. */
export interface BatchResult {
  /** Rows the database rejected, moved to quarantine; the rest committed. */
  rejected: QuarantineRecord[];
  tradesInserted: number;
  durationMs: number;
}

export function emptyBatch(): Batch {
  return { tokens: [], pools: [], trades: [], poolStates: [], graduations: [], holderAccounts: [], feePayouts: [], creatorChanges: [], quarantine: [], checkpoint: null };
}
