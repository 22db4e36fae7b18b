/**
 * What a token's accounts say about it: decimals and token program from the mint account (its owner), name,
 * symbol and uri from the Token-2022 metadata extension in the mint, else from the Metaplex Metadata
 * account (SPL Token mints, and Token-2022 mints that keep their metadata there). Pure: the job reads the
 * accounts (analytics/jobs/token-metadata-job.ts) and hands them here.
 */
import { TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID } from '../../contracts/programs.js';
import { METAPLEX_METADATA_PROGRAM_ID, parseMetaplexMetadata } from './metaplex-metadata.js';
import { parseMintMetadata } from './token-2022-mint.js';
import type { TokenMetadataText } from './metadata-text.js';

/** An account as RPC returned it. */
export interface AccountData {
  owner: string;
  data: Uint8Array;
}

export type MetadataSource = 'metaplex' | 'token_2022';

/** The mint account's part: null fields are not known from it. */
export interface MintSide {
  decimals: number | null;
  tokenProgram: string | null;
  /** Texts from the Token-2022 metadata extension (of this mint). */
  texts: TokenMetadataText | null;
  /** Why nothing could be read, when nothing could. */
  problem: string | null;
}

/** Reads the mint account of `mint` (absent: null). */
export function readMintSide(mint: string, account: AccountData | null): MintSide {
  if (account === null) return { decimals: null, tokenProgram: null, texts: null, problem: 'mint account not found' };
  if (account.owner !== TOKEN_PROGRAM_ID && account.owner !== TOKEN_2022_PROGRAM_ID) {
    return { decimals: null, tokenProgram: null, texts: null, problem: `mint account owned by ${account.owner}, not a token program` };
  }
  const parsed = parseMintMetadata(account.data);
  if (parsed === null) return { decimals: null, tokenProgram: account.owner, texts: null, problem: 'not an initialized mint' };
  const own = parsed.metadata !== null && parsed.metadata.mint === mint ? parsed.metadata : null;
  return { decimals: parsed.decimals, tokenProgram: account.owner, texts: own && { name: own.name, symbol: own.symbol, uri: own.uri }, problem: null };
}

/** Texts of the Metaplex Metadata account of `mint`; null when absent, not one, or of another mint. */
export function readMetaplexTexts(mint: string, account: AccountData | null): TokenMetadataText | null {
  if (account === null || account.owner !== METAPLEX_METADATA_PROGRAM_ID) return null;
  const parsed = parseMetaplexMetadata(account.data);
  if (parsed === null || parsed.mint !== mint) return null;
  return { name: parsed.name, symbol: parsed.symbol, uri: parsed.uri };
}

/** Decimals of a quote mint's account; null when it is not a readable mint. */
export function readMintDecimals(account: AccountData | null): number | null {
  if (account === null || (account.owner !== TOKEN_PROGRAM_ID && account.owner !== TOKEN_2022_PROGRAM_ID)) return null;
  return parseMintMetadata(account.data)?.decimals ?? null;
}
