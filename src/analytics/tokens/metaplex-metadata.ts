/**
 * Parses a Metaplex Token Metadata `Metadata` account (program `metaqbxxUerdq28cj1RbAWkYQm3ybzjb6a8bt518x1s`,
 * the PDA `["metadata", program id, mint]`), the name, symbol and uri of SPL Token mints (and of Token-2022
 * mints that point their metadata there). Pure; data that is not a Metadata account gives null, never an
 * exception.
 *
 * Layout (Borsh, public program facts; only the prefix we read):
 *   key u8 = 4 (MetadataV1) @0, update_authority pubkey @1, mint pubkey @33,
 *   data: name string (u32 length + bytes, NUL-padded to 32), symbol string (to 10), uri string (to 200),
 *   seller_fee_basis_points u16, creators Option<Vec<Creator>>, then flags, collection, uses... (not read).
 */
import { BorshReader } from '../../shared/borsh-reader.js';
import { decodeBase58 } from '../../shared/base58.js';
import { findProgramAddress } from '../../shared/program-address.js';
import { cleanMetadataText, type TokenMetadataText } from './metadata-text.js';

export const METAPLEX_METADATA_PROGRAM_ID = 'metaqbxxUerdq28cj1RbAWkYQm3ybzjb6a8bt518x1s';
/** `Key::MetadataV1`: the first byte of every Metadata account. */
const KEY_METADATA_V1 = 4;
/** Longest string the program stores (uri, 200 bytes); longer length prefixes mean this is not a Metadata. */
const MAX_TEXT_BYTES = 200;

export interface MetaplexMetadata extends TokenMetadataText {
  updateAuthority: string;
  mint: string;
}

/** The Metadata account's authority, mint and texts; null when `data` is not a MetadataV1 account. */
export function parseMetaplexMetadata(data: Uint8Array): MetaplexMetadata | null {
  if (data.length < 1 + 32 + 32 + 12 || data[0] !== KEY_METADATA_V1) return null;
  try {
    const r = new BorshReader(data, 1);
    const updateAuthority = r.pubkey();
    const mint = r.pubkey();
    const texts: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const at = r.offset;
      if (r.u32() > MAX_TEXT_BYTES) return null;
      r.offset = at;
      texts.push(cleanMetadataText(r.string()));
    }
    return { updateAuthority, mint, name: texts[0] as string, symbol: texts[1] as string, uri: texts[2] as string };
  } catch {
    return null;
  }
}

const METADATA_SEED = new TextEncoder().encode('metadata');
const METAPLEX_PROGRAM_BYTES = decodeBase58(METAPLEX_METADATA_PROGRAM_ID);

/** The Metadata account of `mint`: the PDA ["metadata", metadata program id, mint] of the metadata program. */
export function metaplexMetadataAddress(mint: string): string {
  return findProgramAddress([METADATA_SEED, METAPLEX_PROGRAM_BYTES, decodeBase58(mint)], METAPLEX_METADATA_PROGRAM_ID)[0];
}
