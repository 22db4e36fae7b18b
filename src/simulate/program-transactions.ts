/**
 * Builds the transactions the synthetic market emits, as the programs shape them: a compute-budget
 * instruction, then the program instruction, whose self-CPI inner instruction carries the event; the
 * same bytes appear as a `Program data:` log line. A Transaction V1 (a frame with `computeBudget`) has
 * no compute-budget instruction: its budget is in the message, so its program instructions start at
 * outer index 0. Failed transactions stop their logs at the error and carry no event.
 */
import { BorshWriter } from './borsh-writer.js';
import { wrapSelfCpi } from './event-encoders.js';
import type { SimComputeBudget, SimInstruction, SimTokenBalance, SimTransaction } from './transaction-update.js';
import { TOKEN_PROGRAM_ID } from '../contracts/programs.js';

export const PUMP_PROGRAM = '6EF8rrecthR5Dkzon8Nwu78hRvfCKubJ14M5uBEwF6P';
export const PUMP_EVENT_AUTHORITY = 'Ce6TQqeHC9p8KetsN6JsjHK7UTZk7nasjjnr7XxXp9F1';
export const LAUNCHLAB_PROGRAM = 'LanMV9sAd7wArD4vJFi2qDdfnVhFxYSUg6eADduJ3uj';
export const LAUNCHLAB_EVENT_AUTHORITY = '2DPAtwB8L12vrMRExbLuyGnC7n2J5LNoZQSejeQGpwkr';
export const TOKEN_PROGRAM = TOKEN_PROGRAM_ID;
const COMPUTE_BUDGET_PROGRAM = 'ComputeBudget111111111111111111111111111111';

export const INSTRUCTION_DISCRIMINATORS = {
  pumpCreate: '18 1e c8 28 05 1c 07 77',
  pumpBuy: '66 06 3d 12 01 da eb ea',
  pumpSell: '33 e6 85 a4 01 7f 83 ad',
  pumpMigrate: '9b ea e7 92 ec 9e a2 1e',
  launchLabInitializeV2: '43 99 af 27 da 10 26 20',
  launchLabBuyExactIn: 'fa ea 0d 7b d5 9c 13 ec',
  launchLabSellExactIn: '95 27 de 9b d3 7c 98 1a',
} as const;

/** One program instruction of a transaction, with the events its self-CPI emits (empty when it fails). */
export interface ProgramCall {
  program: string;
  eventAuthority: string;
  accounts: string[];
  data: Uint8Array;
  /** Name in the program's log, e.g. `Buy`. */
  logName: string;
  events: Uint8Array[];
}

export interface TransactionFrame {
  slot: bigint;
  index: number;
  signature: Uint8Array;
  payer: string;
  recentBlockhash: Uint8Array;
  preTokenBalances: SimTokenBalance[];
  postTokenBalances: SimTokenBalance[];
  payerDeltaLamports: bigint;
  /** Set: the transaction is a V1 with this inline budget (no compute-budget instruction). */
  computeBudget?: SimComputeBudget;
}

/** Outer index of a frame's first program call: after the compute-budget instruction, or 0 for V1. */
export function firstCallIndex(frame: Pick<TransactionFrame, 'computeBudget'>): number {
  return frame.computeBudget ? 0 : 1;
}

/** Instruction data: discriminator then u64 arguments. */
export function encodeInstructionData(discriminatorHex: string, args: bigint[]): Uint8Array {
  const writer = new BorshWriter().discriminator(discriminatorHex);
  for (const arg of args) writer.u64(arg);
  return writer.finish();
}

/**
 * A successful transaction: compute budget at outer index 0 (legacy / v0; a V1 carries it in the message
 * instead), then each call (events as self-CPI + log). A V1 pays its priority fee on top of the base fee.
 */
export function buildProgramTransaction(frame: TransactionFrame, calls: ProgramCall[]): SimTransaction {
  const v1 = frame.computeBudget !== undefined;
  const computeBudget: Array<SimInstruction & { inner: [] }> = v1 ? [] : [{ programId: COMPUTE_BUDGET_PROGRAM, accounts: [], data: Uint8Array.of(2, 0x40, 0x0d, 0x03, 0x00), inner: [] }];
  const logs = v1 ? [] : [`Program ${COMPUTE_BUDGET_PROGRAM} invoke [1]`, `Program ${COMPUTE_BUDGET_PROGRAM} success`];
  const instructions = [...computeBudget, ...calls.map((call) => {
    logs.push(`Program ${call.program} invoke [1]`, `Program log: Instruction: ${call.logName}`);
    for (const event of call.events) {
      logs.push(`Program data: ${Buffer.from(event).toString('base64')}`);
      logs.push(`Program ${call.program} invoke [2]`, `Program ${call.program} consumed 2003 of 180000 compute units`, `Program ${call.program} success`);
    }
    logs.push(`Program ${call.program} consumed 40000 of 200000 compute units`, `Program ${call.program} success`);
    return {
      programId: call.program, accounts: call.accounts, data: call.data,
      inner: call.events.map((event) => ({ programId: call.program, accounts: [call.eventAuthority], data: wrapSelfCpi(event), stackHeight: 2 })),
    };
  })];
  return { ...frame, instructions, logMessages: logs, feeLamports: 5_000n + (frame.computeBudget?.priorityFeeLamports ?? 0n) };
}

/** A failed transaction: the call errors with Anchor custom error `code`; no event, logs stop at the error. */
export function buildFailedTransaction(frame: TransactionFrame, call: ProgramCall, code: number): SimTransaction {
  const tx = buildProgramTransaction({ ...frame, postTokenBalances: frame.preTokenBalances, payerDeltaLamports: -5_000n }, [{ ...call, events: [] }]);
  const hex = code.toString(16);
  const at = firstCallIndex(frame);
  // The logs up to the call's `Instruction:` line (2 lines per instruction before it, 2 of its own).
  tx.logMessages = [...tx.logMessages.slice(0, 2 * at + 2), `Program ${call.program} consumed 12000 of 200000 compute units`, `Program ${call.program} failed: custom program error: 0x${hex}`];
  // bincode TransactionError::InstructionError(at, InstructionError::Custom(code))
  tx.errorBytes = new BorshWriter().u32(8).u8(at).u32(25).u32(code).finish();
  return tx;
}
