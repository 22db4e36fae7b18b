/**
 * Test-side writers of the accounts the token-metadata job reads (not a test file): a mint (SPL, or Token-2022
 * with a metadata pointer to itself and the token-metadata extension), and a Metaplex Metadata account.
 * Layouts as the programs write them (see src/analytics/tokens/*.ts for the facts).
 */
import { BorshWriter } from '../../src/simulate/borsh-writer.js';

export interface MetadataTexts {
  name: string;
  symbol: string;
  uri: string;
}

/** Mint base: supply, decimals, initialized; `tlv` entries make it a Token-2022 mint with extensions. */
export function mintAccount(decimals: number, tlv: Array<[number, Uint8Array]> = []): Uint8Array {
  const base = Buffer.alloc(82);
  base.writeBigUInt64LE(1_000_000_000_000_000n, 36);
  base[44] = decimals;
  base[45] = 1;
  if (tlv.length === 0) return base;
  const parts: Uint8Array[] = [base, Buffer.alloc(165 - 82), Uint8Array.of(1)];
  for (const [type, value] of tlv) {
    const head = Buffer.alloc(4);
    head.writeUInt16LE(type, 0);
    head.writeUInt16LE(value.length, 2);
    parts.push(head, value);
  }
  return Buffer.concat(parts);
}

/** MetadataPointer (18) to `address`, and TokenMetadata (19) of `mint` with `texts` and additional pairs. */
export function token2022MetadataTlv(mint: string, texts: MetadataTexts, additional: Array<[string, string]> = []): Array<[number, Uint8Array]> {
  const pointer = new BorshWriter().bytes(new Uint8Array(32)).pubkey(mint).finish();
  const w = new BorshWriter().bytes(new Uint8Array(32)).pubkey(mint).string(texts.name).string(texts.symbol).string(texts.uri).u32(additional.length);
  for (const [k, v] of additional) w.string(k).string(v);
  return [[18, pointer], [19, w.finish()]];
}

/** A Borsh string NUL-padded to `width` bytes, as the Metaplex program stores name / symbol / uri. */
function padded(w: BorshWriter, text: string, width: number): BorshWriter {
  const bytes = new TextEncoder().encode(text);
  const out = new Uint8Array(Math.max(width, bytes.length));
  out.set(bytes);
  return w.u32(out.length).bytes(out);
}

/** A Metaplex MetadataV1 account of `mint` (key 4, authority, mint, NUL-padded texts, then the rest zeroed). */
export function metaplexMetadataAccount(mint: string, texts: MetadataTexts, updateAuthority = mint): Uint8Array {
  const w = new BorshWriter().u8(4).pubkey(updateAuthority).pubkey(mint);
  padded(w, texts.name, 32);
  padded(w, texts.symbol, 10);
  padded(w, texts.uri, 200);
  return w.u16(0).u8(0).u8(1).u8(1).bytes(new Uint8Array(100)).finish();
}
