/**
 * Shared last step of every normaliser: resolve compiled instructions (indexes into the account keys)
 * and lay out outer + inner instructions in execution order as `ChainInstruction`s.
 */
import type { ChainInstruction, ChainTokenBalance, ChainTransaction } from '../../contracts/chain-transaction.js';

/** An instruction as the sources give it: indexes into the account keys. */
export interface CompiledInstruction {
  programIdIndex: number;
  accounts: ArrayLike<number>;
  data: Uint8Array;
  stackHeight?: number | null;
}

/** An instruction whose keys are already resolved (jsonParsed). */
export interface ResolvedInstruction {
  programId: string;
  accounts: string[];
  data: Uint8Array;
  stackHeight?: number | null;
}

export type SourceInstruction = CompiledInstruction | ResolvedInstruction;

export interface InnerGroup {
  index: number;
  instructions: SourceInstruction[];
}

/** Everything but the instructions, already in the contract's types. */
export type TransactionHeader = Omit<ChainTransaction, 'instructions'>;

/** Builds the `ChainTransaction`: each outer instruction followed by its inner ones. */
export function assembleTransaction(header: TransactionHeader, outer: SourceInstruction[], inner: InnerGroup[]): ChainTransaction {
  const keys = header.accountKeys;
  const byOuter = new Map<number, SourceInstruction[]>();
  for (const group of inner) byOuter.set(group.index, group.instructions);
  const instructions: ChainInstruction[] = [];
  for (let o = 0; o < outer.length; o += 1) {
    instructions.push(resolveInstruction(outer[o] as SourceInstruction, keys, 1, o, null));
    const list = byOuter.get(o);
    if (list === undefined) continue;
    for (let i = 0; i < list.length; i += 1) {
      instructions.push(resolveInstruction(list[i] as SourceInstruction, keys, 2, o, i));
    }
  }
  const tx: ChainTransaction = {
    signature: header.signature, slot: header.slot, txIndex: header.txIndex, blockTime: header.blockTime,
    success: header.success, err: header.err, errorCode: header.errorCode, fee: header.fee,
    accountKeys: keys, instructions, logMessages: header.logMessages, preTokenBalances: header.preTokenBalances,
    postTokenBalances: header.postTokenBalances, preBalances: header.preBalances, postBalances: header.postBalances,
  };
  // Only V1 transactions have the field at all (legacy and v0 keep their budget in instructions).
  if (header.computeBudget !== undefined) tx.computeBudget = header.computeBudget;
  return tx;
}

function resolveInstruction(
  ix: SourceInstruction,
  keys: string[],
  defaultHeight: number,
  outerIndex: number,
  innerIndex: number | null,
): ChainInstruction {
  const stackHeight = innerIndex === null ? 1 : (ix.stackHeight ?? defaultHeight);
  if ('programId' in ix) {
    return { programId: ix.programId, accounts: ix.accounts, data: ix.data, stackHeight, outerIndex, innerIndex };
  }
  const accounts = new Array<string>(ix.accounts.length);
  for (let a = 0; a < ix.accounts.length; a += 1) accounts[a] = keys[ix.accounts[a] as number] ?? '';
  return { programId: keys[ix.programIdIndex] ?? '', accounts, data: ix.data, stackHeight, outerIndex, innerIndex };
}

/** Resolves a token balance's account address from its index. */
export function makeTokenBalance(
  keys: string[],
  accountIndex: number,
  mint: string,
  owner: string | null,
  programId: string | null,
  amount: bigint,
  decimals: number,
): ChainTokenBalance {
  return { accountIndex, account: keys[accountIndex] ?? null, mint, owner, programId, amount, decimals };
}
