/**
 * The holder write applies one balance per (token, account) from a batch: the newest by (slot, tx index),
 * the later one in stream order on a tie, grouped by account in order of first appearance.
 */
import { describe, expect, it } from 'vitest';
import { newestPerAccount } from '../../../src/postgres/holders-repository.js';
import type { HolderAccountRow } from '../../../src/contracts/rows.js';

const row = (tokenId: string, account: string, slot: bigint, txIndex: number, balance: bigint): HolderAccountRow => ({
  tokenId, account, owner: `owner-${account}`, balance, holderKind: 'wallet', slot, txIndex, blockTime: new Date('2026-12-01T00:00:00Z'),
});

describe('newestPerAccount', () => {
  it('keeps the newest balance per (token, account) by slot then position, the later row on a tie', () => {
    const rows = [
      row('T1', 'A', 10n, 5, 1n),
      row('T1', 'B', 10n, 1, 2n),
      row('T1', 'A', 11n, 0, 3n), // newer slot wins over a higher position
      row('T1', 'A', 10n, 9, 4n), // older slot: ignored
      row('T1', 'B', 10n, 1, 5n), // same position: the later row wins
      row('T1', 'B', 10n, 0, 6n), // earlier position: ignored
      row('T1', 'C', 9n, -1, 7n),
    ];
    expect(newestPerAccount(rows).map((r) => [r.account, r.balance])).toEqual([['A', 3n], ['B', 5n], ['C', 7n]]);
  });

  it('keeps an address seen under two tokens as two accounts, grouped by address', () => {
    const rows = [row('T2', 'X', 5n, 0, 1n), row('T1', 'Y', 5n, 1, 2n), row('T1', 'X', 5n, 2, 3n), row('T2', 'X', 6n, 0, 4n)];
    expect(newestPerAccount(rows).map((r) => [r.tokenId, r.account, r.balance])).toEqual([['T2', 'X', 4n], ['T1', 'X', 3n], ['T1', 'Y', 2n]]);
  });
});
