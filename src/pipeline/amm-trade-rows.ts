/**
 * Rows of a graduated token's trading on its AMM pool (PumpSwap, Raydium CPMM, AMM v4): the trade goes to
 * the token's `amm` pool row (the pool the migration created), with the token's id, so its candles and
 * price run on as one series across graduation; the pool's reserves after the trade update that row
 * (newer (slot, tx_index) wins in SQL). A PumpSwap CreatePoolEvent adds the new pool's vaults to it.
 * Only pools of ours get here (amm-pools.ts drops the rest before). Pure: no I/O, no clock.
 */
import type { ChainTransaction } from '../contracts/chain-transaction.js';
import type { PoolCreateEvent, TradeEvent } from '../contracts/decoded-event.js';
import { PUMPSWAP_PROGRAM_ID } from '../contracts/programs.js';
import type { Batch, PoolRow } from '../contracts/rows.js';
import { poolIdOf } from './ids.js';
import type { TokenInfo } from './token-registry.js';
import { tradeRow } from './trade-rows.js';

/** Adds the trade row of `event` on its AMM pool and, when it succeeded, the pool's new reserves. */
export function addAmmTrade(batch: Batch, tx: ChainTransaction, event: TradeEvent, pool: string, token: TokenInfo, blockTime: Date): void {
  const poolId = poolIdOf(pool);
  const quoteDecimals = event.quoteMint === token.quoteMint ? token.quoteDecimals : balanceDecimals(tx, event.quoteMint) ?? token.quoteDecimals;
  batch.trades.push(tradeRow(event, { ...token, poolId, quoteMint: event.quoteMint, quoteDecimals }, tx.fee, blockTime));
  if (!event.success || event.virtualTokenReserves === null) return;
  batch.poolStates.push({
    poolId,
    slot: event.slot,
    txIndex: event.txIndex ?? 0,
    eventIndex: event.position.eventIndex,
    virtualSolReserves: event.virtualSolReserves,
    virtualTokenReserves: event.virtualTokenReserves,
    realSolReserves: event.realSolReserves,
    realTokenReserves: event.realTokenReserves,
    progress: null,
    status: null,
  });
}

/** The PumpSwap pool a migration created, with the vaults its CreatePoolEvent names (merged with the migration's row). */
export function pumpSwapPoolCreateRow(token: TokenInfo, event: PoolCreateEvent): PoolRow {
  return {
    id: poolIdOf(event.poolState),
    address: event.poolState,
    tokenId: token.tokenId,
    baseMint: event.mint,
    quoteMint: event.quoteMint,
    platform: 'pumpswap',
    poolType: 'amm',
    programId: PUMPSWAP_PROGRAM_ID,
    initialPrice: null,
    initialBaseLiquidity: null,
    initialQuoteLiquidity: null,
    bondingCurve: null,
    baseVault: event.baseVault,
    quoteVault: event.quoteVault,
    status: 'active',
  };
}

/** Decimals of `mint` as the transaction's token balances state them, or null. */
function balanceDecimals(tx: ChainTransaction, mint: string): number | null {
  for (const b of tx.postTokenBalances) if (b.mint === mint) return b.decimals;
  for (const b of tx.preTokenBalances) if (b.mint === mint) return b.decimals;
  return null;
}
