/**
 * A large holder table for plan tests and benchmarks: `tokens` tokens, `accounts` token accounts with one
 * owner each (`a{i}` owned by `w{i}`, token `i % tokens`), the owners' balances, analysed.
 */
import type pg from 'pg';

/** Id of the seeded token that account `i` belongs to. */
export function seededTokenId(i: number, tokens: number): string {
  return `00000000-0000-5000-8000-${(i % tokens).toString(16).padStart(12, '0')}`;
}

export async function seedHolderAccounts(client: pg.Client, tokens: number, accounts: number): Promise<void> {
  const id = `('00000000-0000-5000-8000-' || lpad(to_hex(i % $1::int), 12, '0'))::uuid`;
  await client.query(`insert into tokens (id, mint_address, decimals, platform, discovery_source, creation_signature, creation_timestamp, creator_address, initial_supply)
    select ${id}, 'Mint' || i, 6, 'pumpfun', 'create_event', 'sig' || i, now(), 'creator', 1000000000000000 from generate_series(0, $1::int - 1) i`, [tokens]);
  await client.query(`insert into holder_token_accounts (token_id, account, owner, balance, holder_kind, first_seen, last_seen, last_slot, last_tx_index, source)
    select ${id}, 'a' || i, 'w' || i, 1000 + i, 'wallet', now(), now(), 1000, 0, 'stream' from generate_series(0, $2::int - 1) i`, [tokens, accounts]);
  await client.query(`insert into holder_balances (token_id, owner, balance, holder_kind, first_seen, last_seen, last_slot, last_tx_index)
    select token_id, owner, balance, holder_kind, first_seen, last_seen, last_slot, last_tx_index from holder_token_accounts`);
  await client.query('analyze');
}
