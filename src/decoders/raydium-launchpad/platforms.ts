/**
 * Launchpad brands on Raydium LaunchLab. Every launch names its launchpad only through its
 * `platform_config` account (account 3 of initialize* and of every trade), so the brand is a lookup of that
 * address in a table of public facts. An address not in the table is the brand's only name we have: it is
 * returned as is, never guessed.
 *
 * Sources:
 * - letsbonk `FfYek5…` — MAINNET-2026 §1.7 (chainstacklabs/pumpfun-bonkfun-bot LetsBonk address provider);
 *   FACTS §1 (platform config of every saved 2025 bonk.fun transaction).
 * - letsbonk `8pCtbn…`, `BuM6KD…` and raydium `4Bu96X…` (Raydium's own platform, the SDK's default) —
 *   nathanliow/twitter-token-launch `src/app/launchpad/bonk/consts.ts` (BONK_PLATFORM_ID_2/3,
 *   RAYDIUM_PLATFORM_ID); third-party, weaker evidence.
 * - stonkfun `4E876q…` (standard coins) and `6BwHHD…` (reward coins: Token-2022 with a 1 %/3 % transfer
 *   fee) — MAINNET-2026 §1.7 (chainstacklabs/pumpfun-bonkfun-bot `src/platforms/stonkfun/addresses.py`); the
 *   2026-12 fixtures' sources state them for their launches.
 */

/** Known platform_config → brand. */
export const LAUNCHPAD_BRANDS: ReadonlyMap<string, string> = new Map([
  ['FfYek5vEz23cMkWsdJwG2oa6EphsvXSHrGpdALN4g6W1', 'letsbonk'],
  ['8pCtbn9iatQ8493mDQax4xfEUjhoVBpUWYVQoRU18333', 'letsbonk'],
  ['BuM6KDpWiTcxvrpXywWFiw45R2RNH8WURdvqoTDV1BW4', 'letsbonk'],
  ['4Bu96XjU84XjPDSpveTVf6LYGCkfW5FK7SNkREWcEfV4', 'raydium'],
  ['4E876qZTE9FJMrBzgVtBrSrzz2TLivB5Y5QXPjB4gZL7', 'stonkfun'],
  ['6BwHHDg3u1854jC8PDLXvR4spTcLNaoBxLJNGC4nTESt', 'stonkfun'],
]);

/** The brand of a platform_config: its known name, else the address itself; null when there is none. */
export function launchpadBrandOf(platformConfig: string | null | undefined): string | null {
  if (platformConfig === null || platformConfig === undefined || platformConfig === '') return null;
  return LAUNCHPAD_BRANDS.get(platformConfig) ?? platformConfig;
}
