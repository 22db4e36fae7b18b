import bs58 from 'bs58';
import { describe, expect, it } from 'vitest';
import type { ChainTokenBalance, ChainTransaction } from '../../../src/contracts/chain-transaction.js';
import { addHolderRows, classifyOwner, LAUNCHLAB_VAULT_AUTHORITY } from '../../../src/pipeline/holder-rows.js';
import { emptyBatch } from '../../../src/contracts/rows.js';
import { TokenRegistry } from '../../../src/pipeline/token-registry.js';
import { encodeTokenAccount, parseTokenAccount } from '../../../src/analytics/holders/token-account-layout.js';

const MINT = 'G3TpcmEy28TbzbyjL7TQy5noZbXrFBzJ5Vw5PqhTpump';
const CURVE = 'B8wno3ipF3v1p59SHCZsUfjXwpv98bL7aJHXbo382nA6';
const ALICE = 'HcvYEizKBqExpW4uJBnEqDKFtCBUKmuLpExwzcRWdbQE';
const AT = new Date('2026-01-01T00:00:00Z');

function balance(accountIndex: number, account: string | null, owner: string | null, amount: bigint, mint = MINT): ChainTokenBalance {
  return { accountIndex, account, mint, owner, programId: null, amount, decimals: 6 };
}

function tx(pre: ChainTokenBalance[], post: ChainTokenBalance[], success = true): ChainTransaction {
  return {
    signature: 's', slot: 10n, txIndex: 4, blockTime: 1, success, err: null, errorCode: null, fee: 5000n,
    accountKeys: ['payer', 'acctA', 'acctB', 'vault', 'acctW'], instructions: [], logMessages: [], preTokenBalances: pre, postTokenBalances: post, preBalances: [], postBalances: [],
  };
}

function registry(): TokenRegistry {
  const r = new TokenRegistry();
  r.set({ tokenId: 'token-1', mint: MINT, platform: 'pumpfun', decimals: 6, quoteMint: 'So11111111111111111111111111111111111111112', quoteDecimals: 9, poolAddress: CURVE, poolId: 'pool-1', createSeen: true, lastState: null });
  return r;
}

describe('holder rows from token balances', () => {
  it('keeps absolute post balances of tracked mints, zero for closed accounts, flags the curve; ignores other mints', () => {
    const batch = emptyBatch();
    const pre = [balance(1, 'acctA', ALICE, 50n), balance(2, null, ALICE, 7n), balance(3, 'vault', CURVE, 900n), balance(4, 'acctW', ALICE, 1n, 'So11111111111111111111111111111111111111112')];
    const post = [balance(1, 'acctA', ALICE, 80n), balance(3, 'vault', CURVE, 870n), balance(4, 'acctW', ALICE, 2n, 'So11111111111111111111111111111111111111112')];
    addHolderRows(batch, registry(), tx(pre, post), [], AT);
    const common = { tokenId: 'token-1', slot: 10n, txIndex: 4, blockTime: AT };
    expect(batch.holderAccounts).toEqual([
      { ...common, account: 'acctA', owner: ALICE, balance: 80n, holderKind: 'wallet' },
      { ...common, account: 'vault', owner: CURVE, balance: 870n, holderKind: 'curve' },
      // Only in the pre balances (address from accountKeys): closed.
      { ...common, account: 'acctB', owner: ALICE, balance: 0n, holderKind: 'wallet' },
    ]);
  });

  it('a failed transaction and a balance without owner add nothing', () => {
    const batch = emptyBatch();
    addHolderRows(batch, registry(), tx([balance(1, 'acctA', ALICE, 50n)], [balance(1, 'acctA', ALICE, 80n)], false), [], AT);
    addHolderRows(batch, registry(), tx([], [balance(1, 'acctA', null, 80n)]), [], AT);
    expect(batch.holderAccounts).toEqual([]);
  });

  it('classifies owners', () => {
    const context = { launchPool: CURVE, ammPools: new Set(['Ef7wUrbaPool']) };
    expect([CURVE, LAUNCHLAB_VAULT_AUTHORITY, 'Ef7wUrbaPool', '39azUYFWPz3VHgKCf3VChUwbpURdCHRxjWVowf5jUJjg', ALICE].map((o) => classifyOwner(o, context)))
      .toEqual(['curve', 'curve', 'pool', 'program', 'wallet']);
  });
});

describe('token account layout', () => {
  const mint = bs58.decode(MINT);
  const owner = bs58.decode(ALICE);
  it('reads mint, owner and amount of SPL Token and Token-2022 accounts', () => {
    expect(parseTokenAccount(encodeTokenAccount(mint, owner, 18_446_744_073_709_551_615n))).toEqual({ mint: MINT, owner: ALICE, amount: 18_446_744_073_709_551_615n });
    expect(parseTokenAccount(encodeTokenAccount(mint, owner, 5n, 182))).toEqual({ mint: MINT, owner: ALICE, amount: 5n });
  });

  it('rejects short, uninitialized and non-account Token-2022 data', () => {
    const uninitialized = encodeTokenAccount(mint, owner, 5n);
    uninitialized[108] = 0;
    const mintLike = encodeTokenAccount(mint, owner, 5n, 182);
    mintLike[165] = 1;
    expect([parseTokenAccount(new Uint8Array(100)), parseTokenAccount(uninitialized), parseTokenAccount(mintLike)]).toEqual([null, null, null]);
  });
});
