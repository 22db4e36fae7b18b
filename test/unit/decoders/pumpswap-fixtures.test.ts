/**
 * The real PumpSwap trades of ../shared/fixtures (2026-12/transactions/pumpswap, transactions/pumpswap,
 * the PumpSwap log snippet), decoded and checked against every value their sources assert; the folder
 * counts; and the reserves after each trade against the pool vaults' own post balances.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeTransaction } from '../../../src/decoders/index.js';
import type { ChainTransaction } from '../../../src/contracts/chain-transaction.js';
import type { DecodedEvent, TradeEvent } from '../../../src/contracts/decoded-event.js';
import { readTransactionsFromPath } from '../../../src/stream/transaction-files.js';
import { FIXTURES_DIR, fixturesMissingReason } from '../../helpers/fixtures.js';
import { decodeFixture, readExpected } from './fixture-helpers.js';

const missing = fixturesMissingReason();
if (missing !== null) console.warn(missing);

type Json = Record<string, unknown>;

/** Source field names that our trade carries under another name (the rest: camelCase, on the event or in `extra`). */
const ALIASES: Record<string, string> = {
  base_amount_out: 'tokenAmount', base_amount_in: 'tokenAmount', max_quote_amount_in: 'limit', min_quote_amount_out: 'limit',
  pool_base_token_reserves: 'poolBaseReservesBefore', pool_quote_token_reserves: 'poolQuoteReservesBefore',
  quote_amount_in: 'quoteAmount', quote_amount_out: 'quoteAmount', protocol_fee: 'protocolFee', coin_creator_fee: 'creatorFee',
  quote_amount_in_with_lp_fee: 'quoteAmountLpAdjusted', quote_amount_out_without_lp_fee: 'quoteAmountLpAdjusted',
  user_quote_amount_in: 'userQuoteAmount', user_quote_amount_out: 'userQuoteAmount', ix_name: 'ixName', base_mint: 'mint', quote_mint: 'quoteMint',
};
/** Source fields that are instruction accounts, not event bytes: they must be among the transaction's keys. */
const ACCOUNT_FIELDS = new Set(['base_token_program', 'quote_token_program', 'pool_base_token_account', 'pool_quote_token_account', 'coin_creator_vault_ata', 'coin_creator_vault_authority']);

const camel = (snake: string) => snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function valueOf(t: TradeEvent, field: string): unknown {
  const name = ALIASES[field] ?? camel(field);
  const rec = t as unknown as Json;
  return name in rec ? rec[name] : t.extra[name];
}

function expectEvery(t: TradeEvent | undefined, expected: Json, keys: string[]): void {
  expect(t).toBeDefined();
  for (const [field, value] of Object.entries(expected)) {
    if (ACCOUNT_FIELDS.has(field)) {
      expect(keys, field).toContain(value);
      continue;
    }
    expect(String(valueOf(t as TradeEvent, field)), field).toBe(String(value));
  }
}

async function readDecoded(relative: string): Promise<Array<{ tx: ChainTransaction; events: DecodedEvent[]; quarantined: number }>> {
  const results = await readTransactionsFromPath(join(FIXTURES_DIR as string, relative));
  return results.flatMap((r) => {
    if (!r.ok) throw new Error(`${relative}: ${r.quarantine.reason}`);
    const d = decodeTransaction(r.tx);
    return [{ tx: r.tx, events: d.events, quarantined: d.quarantine.length }];
  });
}

const tradesOf = (decoded: Array<{ events: DecodedEvent[] }>) => decoded.flatMap((d) => d.events.filter((e): e is TradeEvent => e.kind === 'trade'));

describe.skipIf(missing !== null)('real PumpSwap fixtures', () => {
  it('decodes every BuyEvent / SellEvent of 2026-10 with every value the source asserts (newest layouts, no trailing bytes)', async () => {
    for (const stem of ['buy_exact_quote_in__3KBJWV5MdZfr.rpc-base64', 'buy_exact_quote_in__3KBJWV5MdZfr.rpc-json', 'sell__27HoMFgkuF8C.rpc-base64', 'sell__27HoMFgkuF8C.rpc-json']) {
      const [decoded] = await readDecoded(`2026-12/transactions/pumpswap/${stem}.json`);
      const exp = readExpected(`2026-12/transactions/pumpswap/${stem}.expected.json`);
      const [source] = exp.expected as Json[];
      const trades = tradesOf([decoded!]);
      expect(trades).toHaveLength(1);
      const t = trades[0] as TradeEvent;
      expect([t.signature, t.program, t.layout, t.trailingBytes, t.isBuy]).toEqual([exp.signature, 'pumpswap', source!.name === 'BuyEvent' ? 'pumpswap.BuyEvent.v9' : 'pumpswap.SellEvent.v7', 0, source!.name === 'BuyEvent']);
      expectEvery(t, source!.data as Json, decoded!.tx.accountKeys);
      expect(decoded!.quarantined).toBe(0);
    }
  });

  it('reads the precompile sell on the asserted pool with the asserted base mint, and the failed route as nothing', async () => {
    const exp = readExpected('2026-12/transactions/pumpswap/sell__33KveMSXiCJj.rpc-base64.expected.json');
    const sells = tradesOf(await readDecoded('2026-12/transactions/pumpswap/sell__33KveMSXiCJj.rpc-base64.json')).filter((t) => !t.isBuy);
    const asserted = exp.PumpSwapSell as Json;
    expect(sells.filter((t) => t.pool === asserted.pool).map((t) => t.mint)).toEqual([asserted.base_mint]);
    for (const format of ['rpc-base64', 'rpc-json']) {
      const [failed] = await readDecoded(`2026-12/transactions/pumpswap/failed-route__26GALLhr7Mtd.${format}.json`);
      expect([failed!.tx.success, failed!.events, failed!.quarantined]).toEqual([false, [], 0]);
    }
  });

  it('decodes the 2025 buys and sells with the solana-streamer assert_eq values and the swap-scan SellEvent', async () => {
    for (const stem of ['buy__56RbkzmAEtd8.rpc-base64', 'sell__27f6P1sV4sDJ.rpc-base64']) {
      const [decoded] = await readDecoded(`transactions/pumpswap/${stem}.json`);
      const test = (readExpected(`transactions/pumpswap/${stem}.expected.json`).tests as Json[])[0] as Json;
      const values = Object.fromEntries((test.assert_eq as Json[]).map((a) => [String(a.field).replace(/^(buy|sell)_event\./, ''), a.expected]));
      const t = tradesOf([decoded!])[0];
      expect(t?.signature).toBe(test.signature);
      expectEvery(t, values, decoded!.tx.accountKeys);
    }
    const [scan] = await readDecoded('transactions/pumpswap/sell__3QvhUBMprN6M.rpc-json.json');
    const data = ((readExpected('transactions/pumpswap/sell__3QvhUBMprN6M.rpc-json.expected.json').moreEvents as Json).Pumpswap as Json[])[0]!.data as Json;
    const snake = Object.fromEntries(Object.entries(data).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));
    expectEvery(tradesOf([scan!])[0], snake, scan!.tx.accountKeys);
  });

  it('reads the 2025-05 BuyEvent log line (312 B, no invocation) with all 20 asserted fields', async () => {
    const d = await decodeFixture('events/pumpswap/buy__2025-05-02.log-snippet.json');
    const expected = readExpected('events/pumpswap/buy__2025-05-02.log-snippet.expected.json').expected as Json;
    const t = d.events[0] as TradeEvent;
    expect([t.layout, t.trailingBytes, t.mint]).toEqual(['pumpswap.BuyEvent.v0', 0, '']);
    expectEvery(t, expected, []);
  });

  it('keeps the folder counts: 6 trades in transactions/pumpswap, 7 in 2026-12 (json and base64 twins), nothing quarantined', async () => {
    for (const [folder, n] of [['transactions/pumpswap', 6], ['2026-12/transactions/pumpswap', 7]] as const) {
      const decoded = await readDecoded(folder);
      expect(tradesOf(decoded).filter((t) => t.program === 'pumpswap'), folder).toHaveLength(n);
      expect(decoded.reduce((sum, d) => sum + d.quarantined, 0), folder).toBe(0);
    }
  });

  it('puts each trade\'s reserves after it where the vaults\' post balances are, and prices on vault + virtual quote reserves', async () => {
    const decoded = [...(await readDecoded('transactions/pumpswap')), ...(await readDecoded('2026-12/transactions/pumpswap'))];
    let checked = 0;
    for (const { tx, events } of decoded) {
      for (const t of events.filter((e): e is TradeEvent => e.kind === 'trade' && e.program === 'pumpswap')) {
        const ix = tx.instructions.find((i) => i.outerIndex === t.position.outerIndex && i.innerIndex === t.position.innerIndex)!;
        const post = (account: string | undefined) => tx.postTokenBalances.find((b) => (b.account ?? tx.accountKeys[b.accountIndex]) === account)?.amount;
        if (post(ix.accounts[7]) === undefined) continue; // Yellowstone captures without balances
        expect([t.realTokenReserves, t.realSolReserves], tx.signature).toEqual([post(ix.accounts[7]), post(ix.accounts[8])]);
        expect(t.virtualSolReserves).toBe((t.realSolReserves as bigint) + (t.virtualQuoteReserves ?? 0n));
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });
});
