/**
 * Builds the Yellowstone `SubscribeRequest` from the decoder registry: one transaction filter that
 * includes every transaction touching a decoded program (votes excluded, failed transactions kept —
 * failed trades are recorded), slot status updates so the consumer can tell when a slot is done, and
 * block meta for each slot's block time.
 */
import { CommitmentLevel, type SubscribeRequest } from '@triton-one/yellowstone-grpc';
import { DECODER_PROGRAMS } from '../contracts/programs.js';

export type CommitmentName = 'processed' | 'confirmed' | 'finalized';

/** Name of our transaction filter; the server echoes it in `SubscribeUpdate.filters`. */
export const TRANSACTION_FILTER_NAME = 'megatron_programs';
/** Name of our slot filter. */
export const SLOT_FILTER_NAME = 'megatron_slots';
/** Name of our block-meta filter: block times (transaction updates carry none). */
export const BLOCKS_META_FILTER_NAME = 'megatron_blocks_meta';

const COMMITMENT_LEVELS: Record<CommitmentName, CommitmentLevel> = {
  processed: CommitmentLevel.PROCESSED,
  confirmed: CommitmentLevel.CONFIRMED,
  finalized: CommitmentLevel.FINALIZED,
};

export interface SubscribeRequestOptions {
  /** Program ids to include; defaults to every program of `DECODER_PROGRAMS`. */
  programs?: readonly string[];
  commitment: CommitmentName;
  /** Replay from this slot (inclusive); omitted means "from the live head". */
  fromSlot?: bigint | null;
  /** A keep-alive ping id; the server answers with a pong carrying it. */
  pingId?: number;
}

/**
 * Program ids to subscribe to: every program of the decoder registry. The AMM venues (PumpSwap, Raydium
 * CPMM and AMM v4) carry the trading of our graduated tokens; their transactions of other pools arrive
 * too and are dropped right after decoding (pipeline/amm-pools.ts), counted, never stored.
 */
export function listDecoderProgramIds(): string[] {
  return DECODER_PROGRAMS.map((program) => program.programId);
}

/**
 * The launchpads only (Pump.fun, LaunchLab): what an RPC backfill lists signatures of. Listing an AMM
 * program's signatures would fetch every swap of every pool on it for the few pools that are ours.
 */
export function listLaunchpadProgramIds(): string[] {
  return DECODER_PROGRAMS.filter((program) => program.name === 'pumpfun' || program.name === 'raydium_launchpad').map((program) => program.programId);
}

/** Builds the full subscription request (also sent again with `pingId` as a keep-alive). */
export function buildSubscribeRequest(options: SubscribeRequestOptions): SubscribeRequest {
  const programs = [...(options.programs ?? listDecoderProgramIds())];
  const request: SubscribeRequest = {
    accounts: {},
    // Only the statuses at our commitment: a `confirmed` slot update then means "slot complete".
    slots: { [SLOT_FILTER_NAME]: { filterByCommitment: true } },
    // `failed` left unset = both successful and failed transactions (failed trades are recorded).
    transactions: {
      [TRANSACTION_FILTER_NAME]: { vote: false, accountInclude: programs, accountExclude: [], accountRequired: [] },
    },
    transactionsStatus: {},
    blocks: {},
    blocksMeta: { [BLOCKS_META_FILTER_NAME]: {} },
    entry: {},
    accountsDataSlice: [],
    commitment: COMMITMENT_LEVELS[options.commitment],
  };
  if (options.fromSlot !== undefined && options.fromSlot !== null) request.fromSlot = options.fromSlot.toString();
  if (options.pingId !== undefined) request.ping = { id: options.pingId };
  return request;
}
