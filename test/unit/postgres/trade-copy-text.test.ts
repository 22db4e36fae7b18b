/**
 * The trades' COPY text: every column in TRADE_COLUMNS order, `\N` for null, exact integers, source text
 * escaped (a COPY line that shifts by one tab would store amounts in the wrong columns).
 */
import { describe, expect, it } from 'vitest';
import { COPY_CHUNK_LINES, encodeTrades } from '../../../src/postgres/trades-repository.js';
import type { TradeRow } from '../../../src/contracts/rows.js';

const base: TradeRow = {
  signature: 'Sig1', ixIndex: 2, innerIxIndex: -1, eventIndex: 3, blockTime: new Date('2026-01-01T00:00:10.000Z'), slot: 18_446_744_073_709_551_615n, txIndex: null,
  poolId: '00000000-0000-0000-0000-000000000001', tokenId: '00000000-0000-0000-0000-000000000002', mint: 'Mint1', type: 'sell', user: 'User1', quoteMint: 'Quote1',
  amountIn: 123_456_789_012_345_678_901n, amountInDecimals: 6, amountOut: 1n, amountOutDecimals: 9, solAmount: '0.000000001', tokenAmount: '123456789012345.678901',
  pricePerToken: null, priceQuotePerToken: '0.000000000000000008100000072900', protocolFee: 0n, platformFee: null, shareFee: null, creatorFee: 5n,
  transactionFee: 5000n, virtualSolReserves: 30_000_000_000n, virtualTokenReserves: null, realSolReserves: null, realTokenReserves: 0n,
  success: false, errorCode: 'Custom:6003\tx', rawData: { note: 'a\\b\nc', big: 1n },
};

describe('encodeTrades', () => {
  it('writes every column in order with nulls, exact u64/u128 values and escaped source text', () => {
    const text = encodeTrades([base]).join('');
    expect(text.endsWith('\n')).toBe(true);
    const fields = text.slice(0, -1).split('\t');
    expect(fields).toEqual([
      'Sig1', '2', '-1', '3', '2026-01-01T00:00:10.000Z', '18446744073709551615', '\\N',
      '00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002', 'sell', 'User1', 'Quote1',
      '123456789012345678901', '6', '1', '9', '0.000000001', '123456789012345.678901',
      '\\N', '0.000000000000000008100000072900', '0', '\\N', '\\N', '5',
      '5000', '30000000000', '\\N', '\\N', '0',
      'false', 'Custom:6003\\tx', '{"note":"a\\\\\\\\b\\\\nc","big":"1"}', '\\N', '\\N',
    ]);
  });

  it('writes holder_rewards and creator_fee_unclaimed last, exact', () => {
    const fields = encodeTrades([{ ...base, holderRewards: 293_334n, creatorFeeUnclaimed: 18_446_744_073_709_551_615n }]).join('').slice(0, -1).split('\t');
    expect(fields.slice(-2)).toEqual(['293334', '18446744073709551615']);
  });

  it('formats each block time (shared by consecutive rows or not) and gives one line per row', () => {
    const later = { ...base, signature: 'Sig2', blockTime: new Date('2026-01-01T00:00:11.000Z'), txIndex: 7, errorCode: null, rawData: null, success: true };
    const lines = encodeTrades([base, { ...base, signature: 'Sig1b' }, later]).join('').split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(lines.slice(0, 3).map((l) => l.split('\t')[4])).toEqual(['2026-01-01T00:00:10.000Z', '2026-01-01T00:00:10.000Z', '2026-01-01T00:00:11.000Z']);
    expect(lines[2]!.split('\t').slice(-5)).toEqual(['true', '\\N', '\\N', '\\N', '\\N']);
    expect(lines[2]!.split('\t')[6]).toBe('7');
    expect(encodeTrades([])).toEqual([]);
  });

  it('cuts a large batch into chunks of whole lines, COPY_CHUNK_LINES each, in row order', () => {
    const rows = Array.from({ length: COPY_CHUNK_LINES * 2 + 5 }, (_, i) => ({ ...base, signature: `Sig${i}`, errorCode: null, rawData: null }));
    const chunks = encodeTrades(rows);
    expect(chunks.map((c) => c.split('\n').length - 1)).toEqual([COPY_CHUNK_LINES, COPY_CHUNK_LINES, 5]);
    for (const chunk of chunks) expect(chunk.endsWith('\n')).toBe(true);
    expect(chunks.join('').split('\n').slice(0, -1).map((l) => l.split('\t')[0])).toEqual(rows.map((r) => r.signature));
  });
});
