/**
 * `tokens` writes. One statement per batch: `insert ... select from unnest(...) on conflict do update`
 * that fills what the row lacks (a token discovered through a trade is completed by its late create
 * event) and touches nothing when a replay brings nothing new.
 */
import type { TokenRow } from '../contracts/rows.js';
import type { Queryable } from './pg-pool.js';
import { columnsOf, toIso, toJson, toText } from './sql-values.js';

const UPSERT_TOKENS_SQL = `
insert into tokens as t (id, mint_address, platform, discovery_source, symbol, name, decimals, creation_signature,
  creation_timestamp, creator_address, quote_mint, token_program, bonding_curve_address, initial_supply, metadata,
  quote_decimals, launchpad_platform_config, launchpad_brand)
select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[],
  $9::timestamptz[], $10::text[], $11::text[], $12::text[], $13::text[], $14::numeric[], $15::jsonb[],
  $16::int[], $17::text[], $18::text[])
on conflict (mint_address) do update set
  symbol = coalesce(nullif(t.symbol, ''), excluded.symbol),
  name = coalesce(nullif(t.name, ''), excluded.name),
  -- The create instruction's decimals win; otherwise a known value is never changed, an unknown one is filled.
  decimals = case when excluded.discovery_source = 'create_event' then coalesce(excluded.decimals, t.decimals)
                  else coalesce(t.decimals, excluded.decimals) end,
  creation_signature = coalesce(t.creation_signature, excluded.creation_signature),
  creation_timestamp = coalesce(t.creation_timestamp, excluded.creation_timestamp),
  creator_address = coalesce(t.creator_address, excluded.creator_address),
  quote_mint = coalesce(t.quote_mint, excluded.quote_mint),
  token_program = coalesce(t.token_program, excluded.token_program),
  bonding_curve_address = coalesce(t.bonding_curve_address, excluded.bonding_curve_address),
  initial_supply = coalesce(t.initial_supply, excluded.initial_supply),
  -- A late create event keeps what the token-metadata job wrote (its keys win) and adds the launch's.
  metadata = case when t.metadata is null then excluded.metadata when excluded.metadata is null then t.metadata
                  else excluded.metadata || t.metadata end,
  quote_decimals = coalesce(t.quote_decimals, excluded.quote_decimals),
  launchpad_platform_config = coalesce(t.launchpad_platform_config, excluded.launchpad_platform_config),
  launchpad_brand = coalesce(t.launchpad_brand, excluded.launchpad_brand),
  updated_at = now()
where (nullif(t.symbol, '') is null and nullif(excluded.symbol, '') is not null)
   or (nullif(t.name, '') is null and nullif(excluded.name, '') is not null)
   or (t.creation_signature is null and excluded.creation_signature is not null)
   or (t.creator_address is null and excluded.creator_address is not null)
   or (t.quote_mint is null and excluded.quote_mint is not null)
   or (t.token_program is null and excluded.token_program is not null)
   or (t.bonding_curve_address is null and excluded.bonding_curve_address is not null)
   or (t.initial_supply is null and excluded.initial_supply is not null)
   or (t.metadata is null and excluded.metadata is not null)
   or (t.decimals is null and excluded.decimals is not null)
   or (excluded.discovery_source = 'create_event' and t.decimals <> excluded.decimals)
   or (t.quote_decimals is null and excluded.quote_decimals is not null)
   or (t.launchpad_platform_config is null and excluded.launchpad_platform_config is not null)`;

const COLUMNS: ReadonlyArray<(r: TokenRow) => unknown> = [
  (r) => r.id,
  (r) => r.mint,
  (r) => r.platform,
  (r) => r.discoverySource,
  (r) => r.symbol,
  (r) => r.name,
  (r) => r.decimals,
  (r) => r.creationSignature,
  (r) => toIso(r.creationTime),
  (r) => r.creator,
  (r) => r.quoteMint,
  (r) => r.tokenProgram,
  (r) => r.bondingCurve,
  (r) => toText(r.initialSupply),
  (r) => toJson(r.metadata),
  (r) => r.quoteDecimals ?? null,
  (r) => r.launchpadPlatformConfig ?? null,
  (r) => r.launchpadBrand ?? null,
];

/** Upserts tokens (rows must be unique by mint: see `mergeTokenRows`). */
export async function upsertTokens(db: Queryable, rows: readonly TokenRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(UPSERT_TOKENS_SQL, columnsOf(rows, COLUMNS));
}

/** One row per mint: a create-event row wins over a discovery; otherwise the first non-null value wins. */
export function mergeTokenRows(rows: readonly TokenRow[]): TokenRow[] {
  const byMint = new Map<string, TokenRow>();
  for (const row of rows) {
    const seen = byMint.get(row.mint);
    if (!seen) {
      byMint.set(row.mint, row);
      continue;
    }
    const [first, second] = row.discoverySource === 'create_event' && seen.discoverySource !== 'create_event' ? [row, seen] : [seen, row];
    byMint.set(row.mint, fillNulls(first, second));
  }
  return [...byMint.values()];
}

function fillNulls<T extends object>(primary: T, secondary: T): T {
  const merged = { ...primary } as Record<string, unknown>;
  for (const [key, value] of Object.entries(secondary)) if (merged[key] === null || merged[key] === undefined) merged[key] = value;
  return merged as T;
}

export { fillNulls };
