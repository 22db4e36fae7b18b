/**
 * Decoder-test helpers: Anchor discriminators, labelled keys and a synthetic transaction builder (an outer
 * instruction + self-CPI events). Payloads are written with the simulator's `BorshWriter`.
 */
import bs58 from 'bs58';
import { createHash } from 'node:crypto';
import type { ChainInstruction, ChainTransaction } from '../../../src/contracts/chain-transaction.js';

/** sha256(prefix + name)[0..8], the Anchor discriminator. */
export function anchorDiscriminator(prefix: 'event' | 'global', name: string): Uint8Array {
  return createHash('sha256').update(`${prefix}:${name}`).digest().subarray(0, 8);
}

export const EVENT_TAG = Uint8Array.from([0xe4, 0x45, 0xa5, 0x2e, 0x51, 0xcb, 0x9a, 0x1d]);

/** A deterministic pubkey from a label. */
export function key(label: string): string {
  return bs58.encode(createHash('sha256').update(label).digest());
}

/** A successful transaction: one outer `program` instruction, its events as self-CPIs (and log lines). */
export function buildTransaction(opts: {
  programId: string;
  ixData: Uint8Array;
  accounts: string[];
  events: Uint8Array[];
  withLogs?: boolean;
  success?: boolean;
}): ChainTransaction {
  const outer: ChainInstruction = { programId: opts.programId, accounts: opts.accounts, data: opts.ixData, stackHeight: 1, outerIndex: 0, innerIndex: null };
  const inner = opts.events.map((e, i): ChainInstruction => ({
    programId: opts.programId, accounts: [key('event-authority')], data: Uint8Array.from([...EVENT_TAG, ...e]), stackHeight: 2, outerIndex: 0, innerIndex: i,
  }));
  const logs = [`Program ${opts.programId} invoke [1]`];
  for (const e of opts.events) {
    if (opts.withLogs === true) logs.push(`Program data: ${Buffer.from(e).toString('base64')}`);
    logs.push(`Program ${opts.programId} invoke [2]`, `Program ${opts.programId} success`);
  }
  logs.push(`Program ${opts.programId} success`);
  const success = opts.success ?? true;
  return {
    signature: key('sig'), slot: 1n, txIndex: 0, blockTime: 1_700_000_000, success,
    err: success ? null : { InstructionError: [0, { Custom: 6000 }] }, errorCode: success ? null : 'InstructionError:0:Custom:6000',
    fee: 5000n, accountKeys: [opts.programId, ...opts.accounts], instructions: [outer, ...inner], logMessages: logs,
    preTokenBalances: [], postTokenBalances: [], preBalances: [], postBalances: [],
  };
}
