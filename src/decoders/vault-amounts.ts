/**
 * What an AMM swap instruction moved, for programs whose swap instructions carry only limits (Raydium
 * CPMM, AMM v4): the token balance changes of the pool's two vaults (post - pre of the transaction), or,
 * when another swap of the same transaction touched the same vault (the balances then sum both), the
 * token-program transfers the swap itself made into and out of its vaults (its inner instructions).
 * Null when neither is in the transaction (block captures without balances): the decoder then gives the
 * limits as amounts and says so, and the pipeline stores no such trade of a pool of ours (it quarantines
 * it) and drops the others' as it drops every trade of a pool that is not ours.
 */
import { TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID } from '../contracts/programs.js';
import type { ChainInstruction, ChainTokenBalance, ChainTransaction } from '../contracts/chain-transaction.js';

/** The amounts of one swap: into the input vault, out of the output vault, and the vaults after it. */
export interface VaultMovement {
  amountIn: bigint;
  amountOut: bigint;
  /** Balances after the transaction; null when the amounts had to come from the transfers. */
  inputVaultAfter: bigint | null;
  outputVaultAfter: bigint | null;
  source: 'vault_balances' | 'transfers';
}

const TRANSFER = 3;
const TRANSFER_CHECKED = 12;

/** The vault movement of the swap `ix` between `inputVault` (receives) and `outputVault` (pays), or null when unknown. */
export function readVaultMovement(tx: ChainTransaction, ix: ChainInstruction, inputVault: string, outputVault: string): VaultMovement | null {
  if (!vaultTouchedByAnotherSwap(tx, ix, inputVault)) {
    const inPre = balanceOf(tx, tx.preTokenBalances, inputVault);
    const inPost = balanceOf(tx, tx.postTokenBalances, inputVault);
    const outPre = balanceOf(tx, tx.preTokenBalances, outputVault);
    const outPost = balanceOf(tx, tx.postTokenBalances, outputVault);
    if (inPre !== null && inPost !== null && outPre !== null && outPost !== null) {
      return { amountIn: inPost.amount - inPre.amount, amountOut: outPre.amount - outPost.amount, inputVaultAfter: inPost.amount, outputVaultAfter: outPost.amount, source: 'vault_balances' };
    }
  }
  const amountIn = transferredBy(tx, ix, inputVault, 'to');
  const amountOut = transferredBy(tx, ix, outputVault, 'from');
  if (amountIn === null || amountOut === null) return null;
  return { amountIn, amountOut, inputVaultAfter: null, outputVaultAfter: null, source: 'transfers' };
}

/** The token balance of `account` in `balances` (by address, else by account index), or null. */
export function balanceOf(tx: ChainTransaction, balances: readonly ChainTokenBalance[], account: string): ChainTokenBalance | null {
  for (const b of balances) {
    if (b.account === account || (b.account === null && tx.accountKeys[b.accountIndex] === account)) return b;
  }
  return null;
}

/** The mint of token account `account` from the transaction's token balances, or null. */
export function mintOf(tx: ChainTransaction, account: string): string | null {
  return (balanceOf(tx, tx.postTokenBalances, account) ?? balanceOf(tx, tx.preTokenBalances, account))?.mint ?? null;
}

/** True when another instruction of the same program names `vault` too (its balance change is shared). */
function vaultTouchedByAnotherSwap(tx: ChainTransaction, ix: ChainInstruction, vault: string): boolean {
  for (const other of tx.instructions) {
    if (other !== ix && other.programId === ix.programId && other.accounts.includes(vault)) return true;
  }
  return false;
}

/** Sum of the token transfers the swap's own inner instructions made to (or from) `vault`; null when none. */
function transferredBy(tx: ChainTransaction, ix: ChainInstruction, vault: string, direction: 'to' | 'from'): bigint | null {
  const instructions = tx.instructions;
  let at = instructions.indexOf(ix) + 1;
  let total: bigint | null = null;
  for (; at < instructions.length; at += 1) {
    const inner = instructions[at] as ChainInstruction;
    if (inner.outerIndex !== ix.outerIndex || inner.stackHeight <= ix.stackHeight) break;
    if (inner.stackHeight !== ix.stackHeight + 1) continue;
    if (inner.programId !== TOKEN_PROGRAM_ID && inner.programId !== TOKEN_2022_PROGRAM_ID) continue;
    const amount = transferAmount(inner, vault, direction);
    if (amount !== null) total = (total ?? 0n) + amount;
  }
  return total;
}

/** The amount of a Transfer / TransferChecked to (or from) `vault`, else null. */
function transferAmount(ix: ChainInstruction, vault: string, direction: 'to' | 'from'): bigint | null {
  const data = ix.data;
  if (data.length < 9) return null;
  const tag = data[0];
  if (tag !== TRANSFER && tag !== TRANSFER_CHECKED) return null;
  // Transfer: [source, destination, authority]; TransferChecked: [source, mint, destination, authority].
  const account = direction === 'from' ? ix.accounts[0] : ix.accounts[tag === TRANSFER ? 1 : 2];
  if (account !== vault) return null;
  return new DataView(data.buffer, data.byteOffset + 1, 8).getBigUint64(0, true);
}
