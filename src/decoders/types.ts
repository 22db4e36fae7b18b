/**
 * The contract between the stages: what the stream hands to the decoders (`ChainTransaction`) and
 * what the decoders hand to the pipeline (`DecodedEvent`, `QuarantineRecord`).
 *
 * Numbers: every u64/i64 amount is a `bigint`; slots are `bigint` too (u64 on chain). u8/u16/u32 values,
 * indexes and unix times in seconds are `number`. Addresses and signatures are base58 strings.
 */

/** One instruction as it executed: a top-level one (stackHeight 1) or an inner one (CPI, height >= 2). */
export interface ChainInstruction {
  /** Program that was invoked, base58. */
  programId: string;
  /** The instruction's accounts, resolved to base58 addresses (lookup-table keys included). */
  accounts: string[];
  /** Raw instruction data. */
  data: Uint8Array;
  /** 1 for a top-level instruction, 2 for its direct CPI, and so on. */
  stackHeight: number;
  /** Index of the top-level instruction this one belongs to (its own index when outer). */
  outerIndex: number;
  /** Index inside the outer instruction's inner list; null for a top-level instruction. */
  innerIndex: number | null;
}

/** A token account's balance before or after the transaction, as the runtime reports it. */
export interface ChainTokenBalance {
  /** Index of the token account in `accountKeys`. */
  accountIndex: number;
  /** The token account address (resolved from `accountIndex`), when it can be resolved. */
  account: string | null;
  mint: string;
  /** Wallet that owns the token account; null when the source omits it (very old transactions). */
  owner: string | null;
  /** SPL Token or Token-2022 program id, when the source reports it. */
  programId: string | null;
  /** Raw amount in base units. */
  amount: bigint;
  decimals: number;
}

/** A normalised transaction, whichever source it came from (Yellowstone, RPC json/jsonParsed/base64). */
export interface ChainTransaction {
  signature: string;
  slot: bigint;
  /** Position of the transaction inside its block, when the source knows it. */
  txIndex: number | null;
  /** Unix seconds; null when the source does not carry it (Yellowstone transaction updates). */
  blockTime: number | null;
  success: boolean;
  /** The runtime's error as JSON (null when the transaction succeeded). */
  err: unknown;
  /** A short, stable code derived from `err`, e.g. `InstructionError:2:Custom:6003`; null on success. */
  errorCode: string | null;
  /** Fee paid in lamports. */
  fee: bigint;
  /** Static keys, then loaded writable, then loaded readonly (the order instructions index into). */
  accountKeys: string[];
  /** Every instruction in execution order: each outer one followed by its inner ones. */
  instructions: ChainInstruction[];
  logMessages: string[];
  preTokenBalances: ChainTokenBalance[];
  postTokenBalances: ChainTokenBalance[];
  /** Lamport balances, indexed like `accountKeys`. */
  preBalances: bigint[];
  postBalances: bigint[];
}

export type ProgramName = 'pumpfun' | 'raydium_launchpad' | 'pumpswap';
export type EventKind = 'create' | 'pool_create' | 'trade' | 'complete' | 'migrate';
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

export type DecodedEvent = CreateEvent | PoolCreateEvent | TradeEvent | CompleteEvent | MigrateEvent;

/** Input that could not be decoded or stored: kept with its raw bytes and reason, never thrown. */
export interface QuarantineRecord {
  /** Where it was rejected. */
  stage: 'normalize' | 'decode' | 'store';
  program: string | null;
  /** First 8 bytes of the payload as hex, when there is a payload. */
  discriminator: string | null;
  raw: Uint8Array;
  reason: string;
  signature: string | null;
  slot: bigint | null;
  position: { outerIndex: number | null; innerIndex: number | null };
}

/** What decoding one transaction yields. */
export interface DecodeResult {
  events: DecodedEvent[];
  quarantine: QuarantineRecord[];
}

/** Wrapped SOL: the quote mint of SOL-paired pools. */
export const WSOL_MINT = 'So11111111111111111111111111111111111111112';

/** What normalising one source transaction yields: the transaction, or why it could not be read. */
export type NormalizeResult = { ok: true; tx: ChainTransaction } | { ok: false; quarantine: QuarantineRecord };
