/**
 * Parses what the token-metadata job needs from a mint account: decimals, and for Token-2022 mints the
 * metadata pointer and the token-metadata extension (name, symbol, uri stored in the mint itself, as
 * Pump.fun `create_v2` coins do). Pure; data that is not an initialized mint gives null, never an exception.
 *
 * Layouts (public program facts):
 * - Mint, 82 bytes: mint_authority COption<Pubkey> @0, supply u64 @36, decimals u8 @44, is_initialized u8
 *   @45, freeze_authority COption<Pubkey> @46.
 * - Token-2022 with extensions: the base is padded to 165 bytes, byte 165 is the account type (1 = mint),
 *   then TLV entries from byte 166: type u16 LE, length u16 LE, value. ExtensionType 18 = MetadataPointer
 *   {authority, metadata_address: OptionalNonZeroPubkey}, 19 = TokenMetadata {update_authority
 *   OptionalNonZeroPubkey, mint Pubkey, name, symbol, uri: Borsh strings, additional_metadata
 *   Vec<(String, String)>} (spl-token-2022 `ExtensionType`; spl-token-metadata-interface `TokenMetadata`).
 */
import { BorshReader } from '../../shared/borsh-reader.js';
import { encodeBase58 } from '../../shared/base58.js';
import { cleanMetadataText, type TokenMetadataText } from './metadata-text.js';

const MINT_BASE_BYTES = 82;
const ACCOUNT_TYPE_OFFSET = 165;
const ACCOUNT_TYPE_MINT = 1;
export const EXTENSION_METADATA_POINTER = 18;
export const EXTENSION_TOKEN_METADATA = 19;

export interface Token2022Metadata extends TokenMetadataText {
  updateAuthority: string | null;
  mint: string;
  /** `additional_metadata` key/value pairs, in order. */
  additional: Array<[string, string]>;
}

export interface MintMetadataFacts {
  decimals: number;
  supply: bigint;
  /** Token-2022 MetadataPointer's address (null without the extension or when it points nowhere). */
  metadataPointer: string | null;
  /** Token-2022 TokenMetadata extension, when the mint carries one (and it reads). */
  metadata: Token2022Metadata | null;
}

/** Decimals and in-mint metadata of a mint account; null when `data` is not an initialized mint. */
export function parseMintMetadata(data: Uint8Array): MintMetadataFacts | null {
  if (data.length < MINT_BASE_BYTES || data[45] !== 1) return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const facts: MintMetadataFacts = { decimals: data[44] as number, supply: view.getBigUint64(36, true), metadataPointer: null, metadata: null };
  if (data.length <= ACCOUNT_TYPE_OFFSET) return facts;
  if (data[ACCOUNT_TYPE_OFFSET] !== ACCOUNT_TYPE_MINT) return null;
  for (let offset = ACCOUNT_TYPE_OFFSET + 1; offset + 4 <= data.length; ) {
    const type = view.getUint16(offset, true);
    const length = view.getUint16(offset + 2, true);
    const start = offset + 4;
    if (type === 0 || start + length > data.length) break;
    const value = data.subarray(start, start + length);
    if (type === EXTENSION_METADATA_POINTER && length >= 64) facts.metadataPointer = optionalKey(value, 32);
    else if (type === EXTENSION_TOKEN_METADATA) facts.metadata = readTokenMetadata(value);
    offset = start + length;
  }
  return facts;
}

function readTokenMetadata(value: Uint8Array): Token2022Metadata | null {
  const r = new BorshReader(value, 32);
  let metadata: Token2022Metadata;
  try {
    const mint = r.pubkey();
    const name = cleanMetadataText(r.string());
    const symbol = cleanMetadataText(r.string());
    const uri = cleanMetadataText(r.string());
    metadata = { updateAuthority: optionalKey(value, 0), mint, name, symbol, uri, additional: [] };
  } catch {
    return null;
  }
  // A cut additional_metadata vector leaves the three texts readable: keep them and the pairs read so far.
  try {
    const count = r.remaining >= 4 ? r.u32() : 0;
    for (let i = 0; i < count; i += 1) metadata.additional.push([r.string(), r.string()]);
  } catch {
    return metadata;
  }
  return metadata;
}

/** An OptionalNonZeroPubkey: 32 zero bytes mean none. */
function optionalKey(bytes: Uint8Array, offset: number): string | null {
  const key = bytes.subarray(offset, offset + 32);
  return key.length === 32 && !key.every((b) => b === 0) ? encodeBase58(key) : null;
}
