/**
 * Where LaunchLab instructions list the accounts we read (IDL v0.2.0: raydium-docs f0c2e1a, vixen dca7d1dc;
 * FACTS §7). The events carry neither the mint, the quote mint nor the trader, so these come from here.
 */

/**
 * buy_exact_in / buy_exact_out / sell_exact_in / sell_exact_out: payer 0, authority 1, global_config 2,
 * platform_config 3, pool_state 4, user_base_token 5, user_quote_token 6, base_vault 7, quote_vault 8,
 * base_token_mint 9, quote_token_mint 10, base_token_program 11, quote_token_program 12, event_authority 13,
 * program 14. Since the creator-fee upgrade (2025-08) remaining accounts follow: [share_fee_receiver?],
 * system_program, platform_fee_vault (PDA [platform_config, quote_mint]), creator_fee_vault (PDA
 * [creator, quote_mint]) — the last two are the last two accounts.
 */
export const TRADE_ACCOUNTS = {
  user: 0, globalConfig: 2, platformConfig: 3, poolState: 4, userBaseToken: 5, mint: 9, quoteMint: 10, baseTokenProgram: 11,
} as const;
/** Accounts of a trade before the remaining accounts of the creator-fee upgrade. */
export const TRADE_FIXED_ACCOUNTS = 15;

/**
 * initialize / initialize_v2 (18 accounts) and initialize_with_token_2022 (15): the same first ten. The SDK
 * may append platform_allow_config and platform_curve_rule (raydium-sdk-v2 0.2.73; 17 accounts in real
 * 2026-10 Token-2022 launches).
 */
export const INIT_ACCOUNTS = { creator: 1, globalConfig: 2, platformConfig: 3, poolState: 5, mint: 6, quoteMint: 7, baseVault: 8, quoteVault: 9 } as const;

/** base_token_program: account 11 of initialize / initialize_v2 (after metadata_account), 10 of the Token-2022 variant. */
export function initTokenProgramIndex(instruction: string): number {
  return instruction === 'initialize_with_token_2022' ? 10 : 11;
}

/** The instructions that create a pool (and emit PoolCreateEvent). */
export const INITIALIZE_INSTRUCTIONS: ReadonlySet<string> = new Set(['initialize', 'initialize_v2', 'initialize_with_token_2022']);
