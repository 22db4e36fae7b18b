/**
 * Yellowstone gRPC `SubscribeUpdateTransaction` → `ChainTransaction`. The generated code gives u64 as
 * strings (slot, index, fee, balances) and keys / signatures / data as Uint8Array; errors are bincode.
 * A Transaction V1 arrives in the same `Message` fields as legacy and v0 (header, account keys, blockhash,
 * compiled instructions; no lookup tables) plus `Message.config`, its inline compute budget
 * (yellowstone-grpc-proto 12.6+, in the installed client's proto as field 7).
 * Type-only import of the client: nothing of it is loaded at runtime here.
 */
import type { SubscribeUpdateTransaction } from '@triton-one/yellowstone-grpc';
import type { ChainTokenBalance, NormalizeResult } from '../../contracts/chain-transaction.js';
import { encodeBase58, encodePubkey } from '../../shared/base58.js';
import { assembleTransaction, makeTokenBalance, type InnerGroup } from './assemble.js';
import { computeBudgetFromConfig } from './compute-budget.js';
import { errFromBincode, errorCodeFromJson } from './error-code.js';
import { normalizeFailure } from './normalize-failure.js';

type TokenBalances = NonNullable<NonNullable<SubscribeUpdateTransaction['transaction']>['meta']>['preTokenBalances'];

/** Normalises a Yellowstone `SubscribeUpdateTransaction` (as the live stream delivers it). */
export function normalizeYellowstoneTransaction(update: SubscribeUpdateTransaction, txIndexHint?: number): NormalizeResult {
  let signature: string | null = null;
  let slot: bigint | null = null;
  try {
    slot = BigInt(update.slot as string | bigint);
    const info = update.transaction;
    const message = info?.transaction?.message;
    const meta = info?.meta;
    if (info === undefined || message === undefined || meta === undefined) throw new Error('transaction, message or meta missing');
    signature = encodeBase58(info.signature);
    const keys = collectKeys(message.accountKeys, meta.loadedWritableAddresses, meta.loadedReadonlyAddresses);
    const err = meta.err === undefined || meta.err === null ? null : errFromBincode(meta.err.err);
    const index = info.index as string | number | bigint | undefined;
    const header = {
      signature,
      slot,
      txIndex: index !== undefined && index !== '' ? Number(index) : (txIndexHint ?? null),
      blockTime: null,
      success: err === null,
      err,
      errorCode: errorCodeFromJson(err),
      fee: BigInt(meta.fee as string | bigint),
      accountKeys: keys,
      logMessages: meta.logMessages,
      preTokenBalances: readTokenBalances(meta.preTokenBalances, keys),
      postTokenBalances: readTokenBalances(meta.postTokenBalances, keys),
      preBalances: readBalances(meta.preBalances, null, null),
      postBalances: null as unknown as bigint[],
    };
    header.postBalances = readBalances(meta.postBalances, meta.preBalances, header.preBalances);
    const inner: InnerGroup[] = meta.innerInstructions;
    const config = message.config;
    const withBudget = config === undefined || config === null ? header : { ...header, computeBudget: computeBudgetFromConfig({ ...config }) };
    return { ok: true, tx: assembleTransaction(withBudget, message.instructions, inner) };
  } catch (error) {
    return normalizeFailure(error, signature, slot, { slot: String(update?.slot) });
  }
}

function collectKeys(staticKeys: Uint8Array[], writable: Uint8Array[], readonly: Uint8Array[]): string[] {
  const keys = new Array<string>(staticKeys.length + writable.length + readonly.length);
  let k = 0;
  for (const key of staticKeys) keys[k++] = encodePubkey(key);
  for (const key of writable) keys[k++] = encodePubkey(key);
  for (const key of readonly) keys[k++] = encodePubkey(key);
  return keys;
}

/**
 * u64 strings → bigint. Most accounts keep their lamports: a post balance whose text equals the pre
 * balance's reuses that bigint (BigInt(string) costs ~0.1 µs, and bigints are immutable).
 */
function readBalances(texts: unknown[], sameAsTexts: unknown[] | null, sameAs: bigint[] | null): bigint[] {
  const out = new Array<bigint>(texts.length);
  for (let i = 0; i < texts.length; i += 1) {
    const text = texts[i] as string | bigint;
    out[i] = sameAs !== null && sameAsTexts !== null && i < sameAs.length && sameAsTexts[i] === text ? (sameAs[i] as bigint) : BigInt(text);
  }
  return out;
}

function readTokenBalances(list: TokenBalances, keys: string[]): ChainTokenBalance[] {
  return list.map((b) =>
    makeTokenBalance(
      keys,
      b.accountIndex,
      b.mint,
      b.owner === '' ? null : b.owner,
      b.programId === '' ? null : b.programId,
      BigInt(b.uiTokenAmount?.amount ?? '0'),
      b.uiTokenAmount?.decimals ?? 0,
    ),
  );
}
