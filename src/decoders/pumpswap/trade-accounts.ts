/**
 * Where a PumpSwap trade's mints and pool vaults sit in the invoking instruction (the events carry the
 * pool, not its mints):
 * - buy / sell / buy_exact_quote_in (pump_amm IDL) and their `_v2` forms (`PUMP_SWAP_TRADE_V2.md`, 17
 *   accounts) share the first nine: pool 0, user 1, global_config 2, base_mint 3, quote_mint 4, user token
 *   accounts 5-6, pool_base_token_account 7, pool_quote_token_account 8;
 * - multi_hop_swap (`MULTI_HOP_SWAP.md`): 16 fixed accounts, then 5 per hop: base mint, quote mint, pool
 *   (or bonding curve), base vault, quote vault. A pool hop's event is matched to its group by the pool.
 */
import type { ChainInstruction } from '../../contracts/chain-transaction.js';

export const PUMPSWAP_TRADE_ACCOUNTS = { pool: 0, user: 1, baseMint: 3, quoteMint: 4, baseVault: 7, quoteVault: 8 };
const MULTI_HOP_FIXED_ACCOUNTS = 16;
const MULTI_HOP_ACCOUNTS_PER_HOP = 5;

/** Index in `ix.accounts` of the base mint of `pool`'s trade, or -1 when the instruction does not list it. */
export function baseMintIndexOf(ix: ChainInstruction, ixName: string | null, pool: string): number {
  const accounts = ix.accounts;
  if (ixName !== 'multi_hop_swap') return accounts[PUMPSWAP_TRADE_ACCOUNTS.pool] === pool ? PUMPSWAP_TRADE_ACCOUNTS.baseMint : -1;
  for (let at = MULTI_HOP_FIXED_ACCOUNTS; at + MULTI_HOP_ACCOUNTS_PER_HOP <= accounts.length; at += MULTI_HOP_ACCOUNTS_PER_HOP) {
    if (accounts[at + 2] === pool) return at;
  }
  return -1;
}
