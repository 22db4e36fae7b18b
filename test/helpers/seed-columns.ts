import { readdirSync } from 'node:fs';
import { MIGRATIONS_DIR } from '../../src/postgres/migrate.js';

/**
 * Every table/view and column of the seed design (docs: /work/shared/design/seed-schema-design.md), with
 * the class of type it must have after our migrations. One line per relation: `column:class`.
 * Classes: uuid, text (varchar or text), int (integer or bigint), numeric, timestamptz, bool, jsonb, text[].
 * The only renamed seed columns are the rolled-up buyer/seller counts of price_candles_1h/1d
 * (buyer_count -> buyer_bucket_sum, seller_count -> seller_bucket_sum; flaw 7, see docs/schema.md).
 */
const CANDLE = 'token_id:uuid bucket:timestamptz open:numeric high:numeric low:numeric close:numeric volume_token:numeric volume_sol:numeric trade_count:int';

const SEED_LINES: Record<string, string> = {
  tokens:
    'id:uuid mint_address:text symbol:text name:text decimals:int platform:text creation_signature:text creation_timestamp:timestamptz creator_address:text initial_supply:numeric metadata:jsonb is_graduated:bool graduation_timestamp:timestamptz graduation_signature:text created_at:timestamptz updated_at:timestamptz',
  pools:
    'id:uuid pool_address:text token_id:uuid base_mint:text quote_mint:text platform:text initial_price:numeric initial_base_liquidity:numeric initial_quote_liquidity:numeric bonding_curve_address:text virtual_sol_reserves:numeric virtual_token_reserves:numeric real_sol_reserves:numeric real_token_reserves:numeric bonding_curve_progress:numeric lp_mint:text base_vault:text quote_vault:text status:text created_at:timestamptz updated_at:timestamptz',
  transactions:
    'signature:text pool_id:uuid token_id:uuid block_time:timestamptz slot:int type:text user_address:text amount_in:numeric amount_in_decimals:int amount_out:numeric amount_out_decimals:int sol_amount:numeric token_amount:numeric price_per_token:numeric protocol_fee:numeric platform_fee:numeric share_fee:numeric transaction_fee:int success:bool error_code:text raw_data:jsonb created_at:timestamptz',
  price_candles_1m: `${CANDLE} buyer_count:int seller_count:int`,
  price_candles_5m: `${CANDLE} buyer_count:int seller_count:int`,
  price_candles_1h: `${CANDLE} buyer_bucket_sum:int seller_bucket_sum:int`,
  price_candles_1d: `${CANDLE} buyer_bucket_sum:int seller_bucket_sum:int`,
  holder_snapshots:
    'id:uuid token_id:uuid snapshot_time:timestamptz total_holders:int unique_holders:int top_10_concentration:numeric top_25_concentration:numeric top_100_concentration:numeric gini_coefficient:numeric holders_1_100:int holders_100_1k:int holders_1k_10k:int holders_10k_100k:int holders_100k_plus:int average_holding_size:numeric median_holding_size:numeric diamond_hands_count:int raw_distribution:jsonb created_at:timestamptz',
  top_holders:
    'id:uuid token_id:uuid wallet_address:text first_seen:timestamptz last_seen:timestamptz current_balance:numeric percentage_held:numeric is_creator:bool is_known_wallet:bool wallet_tags:text[] created_at:timestamptz updated_at:timestamptz',
  social_metrics:
    'id:uuid token_id:uuid timestamp:timestamptz twitter_followers:int twitter_mentions_1h:int twitter_mentions_24h:int twitter_engagement_rate:numeric twitter_sentiment_score:numeric influencer_mentions:int influencer_reach:int telegram_members:int telegram_active_users:int telegram_messages_1h:int discord_members:int discord_active_users:int total_social_mentions:int social_growth_rate_1h:numeric social_growth_rate_24h:numeric raw_data:jsonb created_at:timestamptz',
  token_scores:
    'id:uuid token_id:uuid calculated_at:timestamptz technical_score:int holder_score:int social_score:int total_score:int liquidity_score:int trading_score:int contract_score:int distribution_score:int quality_score:int activity_score:int twitter_score:int community_score:int virality_score:int score_multiplier:numeric has_red_flags:bool red_flags:text[] ml_graduation_probability:numeric ml_confidence_score:numeric ml_model_version:text score_details:jsonb created_at:timestamptz',
  trading_signals:
    'id:uuid token_id:uuid signal_time:timestamptz signal_type:text score_at_signal:int price_at_signal:numeric market_cap_at_signal:numeric ml_probability_at_signal:numeric triggered_by:text[] signal_strength:text was_executed:bool execution_time:timestamptz execution_price:numeric execution_signature:text peak_price:numeric peak_time:timestamptz exit_price:numeric exit_time:timestamptz realized_pnl:numeric max_drawdown:numeric signal_metadata:jsonb created_at:timestamptz updated_at:timestamptz',
  system_metrics:
    'id:uuid metric_time:timestamptz metric_type:text transactions_processed:int tokens_monitored:int signals_generated:int avg_processing_latency_ms:numeric p99_processing_latency_ms:numeric grpc_stream_health:text memory_usage_mb:int cpu_usage_percent:numeric metric_data:jsonb created_at:timestamptz',
};

/** Seed relation -> column -> expected type class. */
export const SEED_COLUMNS: Record<string, Record<string, string>> = Object.fromEntries(
  Object.entries(SEED_LINES).map(([relation, line]) => [
    relation,
    Object.fromEntries(line.split(' ').map((pair) => pair.split(':') as [string, string])),
  ]),
);

/** Relations the migrations add beyond the seed (all in public). */
export const ADDED_RELATIONS = [
  'megatron_settings',
  'aggregate_refresh_settings',
  'retention_settings',
  'stream_checkpoints',
  'slot_coverage',
  'quarantine',
  'holder_balances',
  'candle_dirty_buckets',
];

/** Maps a `format_type()` string to the classes above. */
export function classifyType(formatted: string): string {
  if (formatted.endsWith('[]')) return formatted.startsWith('text') || formatted.startsWith('character') ? 'text[]' : formatted;
  if (formatted.startsWith('character varying') || formatted === 'text') return 'text';
  if (formatted === 'integer' || formatted === 'bigint' || formatted === 'smallint') return 'int';
  if (formatted.startsWith('numeric')) return 'numeric';
  if (formatted === 'timestamp with time zone') return 'timestamptz';
  if (formatted === 'boolean') return 'bool';
  return formatted;
}

/** SQL listing every column of every relation in public with its `format_type()`. */
export const SELECT_PUBLIC_COLUMNS_SQL = `
  select c.relname as relation, a.attname as column, format_type(a.atttypid, a.atttypmod) as type
  from pg_attribute a
  join pg_class c on c.oid = a.attrelid
  join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = 'public' and a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'p', 'v', 'm')
  order by c.relname, a.attnum`;

/** Builds relation -> column -> class from the rows of SELECT_PUBLIC_COLUMNS_SQL. */
export function groupColumns(rows: Array<{ relation: string; column: string; type: string }>) {
  const grouped: Record<string, Record<string, string>> = {};
  for (const row of rows) {
    (grouped[row.relation] ??= {})[row.column] = classifyType(row.type);
  }
  return grouped;
}

/** Keeps only the seed's columns of `actual`, for a whole-object comparison with SEED_COLUMNS. */
export function pickSeedColumns(actual: Record<string, Record<string, string>>) {
  return Object.fromEntries(
    Object.entries(SEED_COLUMNS).map(([relation, columns]) => [
      relation,
      Object.fromEntries(Object.keys(columns).map((column) => [column, actual[relation]?.[column] ?? 'MISSING'])),
    ]),
  );
}

/**
 * SQL counting what the migrations could leave in public: relations (except node-pg-migrate's own
 * table and sequence), types that are not row/array types of those, and functions; objects owned by an
 * extension are not ours and are left out.
 */
export const SELECT_PUBLIC_LEFTOVERS_SQL = `
  with ours as (
    select 'relation ' || c.relname as object from pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relname not like 'pgmigrations%'
      and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')
    union all
    select 'type ' || t.typname from pg_type t
    where t.typnamespace = 'public'::regnamespace and t.typname not like '%pgmigrations%'
      and not exists (select 1 from pg_depend d where d.objid = t.oid and d.deptype = 'e')
      and t.typrelid = 0 and t.typelem = 0
    union all
    select 'function ' || p.proname from pg_proc p
    where p.pronamespace = 'public'::regnamespace
      and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
  )
  select object from ours order by object`;

/** Number of migrations: the SQL files in migrations/. */
export function countMigrationFiles(): number {
  return readdirSync(MIGRATIONS_DIR).filter((name) => name.endsWith('.sql')).length;
}
