/**
 * The real Raydium CPMM and AMM v4 swaps inside the fixtures (a CPMM swap in a LaunchLab transaction, the
 * AMM v4 swaps of the captured blocks, none of them of our pools): the account layout is checked against
 * what the chain did. An exact-in swap moved exactly its amount_in into the input vault and at least its
 * minimum_amount_out out of the output vault; the input and output mints the CPMM swap names are those of
 * its vaults' token balances.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeTransaction } from '../../../src/decoders/index.js';
import type { TradeEvent } from '../../../src/contracts/decoded-event.js';
import { readTransactionsFromPath } from '../../../src/stream/transaction-files.js';
import { FIXTURES_DIR, fixturesMissingReason } from '../../helpers/fixtures.js';

const missing = fixturesMissingReason();
if (missing !== null) console.warn(missing);

describe.skipIf(missing !== null)('real Raydium swaps', () => {
  it('read exact-in amounts that match the instruction (vault balances in transactions, transfers in blocks)', async () => {
    const seen: Record<string, number> = {};
    for (const folder of ['transactions', 'blocks']) {
      for (const r of await readTransactionsFromPath(join(FIXTURES_DIR as string, folder))) {
        if (!r.ok) continue;
        for (const e of decodeTransaction(r.tx).events) {
          if (e.kind !== 'trade' || (e.program !== 'raydium_cpmm' && e.program !== 'raydium_amm_v4')) continue;
          const t = e as TradeEvent;
          const from = (t.extra.amountsFrom ?? t.extra.amountsAre) as string;
          seen[`${t.program}:${from}`] = (seen[`${t.program}:${from}`] ?? 0) + 1;
          if (t.extra.amountInArgument === undefined) continue;
          const [amountIn, amountOut] = t.isBuy ? [t.solAmount, t.tokenAmount] : [t.tokenAmount, t.solAmount];
          expect(amountIn, t.signature).toBe(BigInt(t.extra.amountInArgument as string));
          expect(amountOut >= BigInt(t.extra.minimumAmountOut as string), t.signature).toBe(true);
        }
      }
    }
    expect(seen['raydium_cpmm:vault_balances']).toBe(1);
    expect(seen['raydium_amm_v4:transfers']).toBeGreaterThanOrEqual(2);
  });

  it('names the CPMM swap\'s mints as its vaults\' balances do (accounts 6/7 against 10/11)', async () => {
    const results = await readTransactionsFromPath(join(FIXTURES_DIR as string, 'transactions/launchpad'));
    const tx = results.flatMap((r) => (r.ok ? [r.tx] : [])).find((t) => t.signature.startsWith('8QTg427xrHug'))!;
    const swap = decodeTransaction(tx).events.find((e): e is TradeEvent => e.kind === 'trade' && e.program === 'raydium_cpmm')!;
    const ix = tx.instructions.find((i) => i.outerIndex === swap.position.outerIndex && i.innerIndex === swap.position.innerIndex)!;
    const mintOf = (account: string) => tx.postTokenBalances.find((b) => (b.account ?? tx.accountKeys[b.accountIndex]) === account)?.mint;
    expect([mintOf(ix.accounts[6]!), mintOf(ix.accounts[7]!)]).toEqual([ix.accounts[10], ix.accounts[11]]);
    expect([swap.mint, swap.quoteMint, swap.isBuy, swap.pool]).toEqual([ix.accounts[10], ix.accounts[11], false, ix.accounts[3]]);
  });
});
