/**
 * Ids without round trips: tokens and pools are keyed by a name-based UUID (RFC 4122 version 5) of
 * their on-chain address, so the pipeline can write a trade without asking the database for its
 * token's id, and a replay produces the same ids.
 */
import { createHash } from 'node:crypto';

/** Namespace of Megatron's ids: UUID v5 of the URL namespace and "https://megatron.dev/solana". */
const MEGATRON_NAMESPACE = uuidBytes('6ba7b811-9dad-11d1-80b4-00c04fd430c8');
const NAMESPACE_BYTES = v5Bytes(MEGATRON_NAMESPACE, 'https://megatron.dev/solana');

const cache = new Map<string, string>();
const CACHE_MAX_ENTRIES = 200_000;

/** UUID v5 of `kind:address` (kind keeps a token's id distinct from a pool at the same address). */
export function deriveId(kind: 'token' | 'pool', address: string): string {
  const key = `${kind}:${address}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const id = formatUuid(v5Bytes(NAMESPACE_BYTES, key));
  if (cache.size >= CACHE_MAX_ENTRIES) cache.clear();
  cache.set(key, id);
  return id;
}

/** The token id of a mint. */
export function tokenIdOf(mint: string): string {
  return deriveId('token', mint);
}

/** The pool id of a pool / bonding-curve address. */
export function poolIdOf(address: string): string {
  return deriveId('pool', address);
}

function v5Bytes(namespace: Uint8Array, name: string): Uint8Array {
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  const bytes = new Uint8Array(hash.subarray(0, 16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return bytes;
}

function uuidBytes(uuid: string): Uint8Array {
  return Uint8Array.from(Buffer.from(uuid.replace(/-/g, ''), 'hex'));
}

function formatUuid(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
