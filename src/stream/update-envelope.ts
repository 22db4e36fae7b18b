/**
 * The envelope of a Yellowstone `SubscribeUpdate`, read from the protobuf bytes the server sent: its kind,
 * its slot, and for a transaction where its `SubscribeUpdateTransaction` and signature sit in the bytes.
 * Enough for the stream to route, skip and de-duplicate an update without normalising its transaction
 * (that is `normalize/from-yellowstone-bytes.ts`, run by the pipeline once the slot's block time is known).
 * Field numbers are those of geyser.proto.
 */
import { ProtobufWireError, WireReader } from './normalize/protobuf-wire.js';

/** The kind of a `SubscribeUpdate` and what the stream needs before normalising anything. */
export type UpdateEnvelope =
  | {
      kind: 'transaction';
      slot: bigint;
      /** The `SubscribeUpdateTransaction` message inside `bytes`. */
      start: number;
      end: number;
      /** The signature inside `bytes` (empty range when absent). */
      signatureStart: number;
      signatureEnd: number;
    }
  | { kind: 'slot'; slot: bigint; status: number }
  | { kind: 'block_meta'; slot: bigint; blockTime: number | null }
  | { kind: 'ping' }
  | { kind: 'pong' }
  | { kind: 'other' };

// SubscribeUpdate
const UPDATE_SLOT = 3;
const UPDATE_TRANSACTION = 4;
const UPDATE_PING = 6;
const UPDATE_BLOCK_META = 7;
const UPDATE_PONG = 9;

/** Reads the kind of an update and its slot (and a transaction's signature) from its bytes. Throws on corrupt bytes. */
export function readUpdateEnvelope(bytes: Uint8Array): UpdateEnvelope {
  const r = new WireReader(bytes, 0, bytes.length);
  while (r.more()) {
    const tag = r.tag();
    const field = tag >>> 3;
    if ((tag & 7) !== 2 || (field !== UPDATE_SLOT && field !== UPDATE_TRANSACTION && field !== UPDATE_PING && field !== UPDATE_BLOCK_META && field !== UPDATE_PONG)) {
      r.skip(tag & 7);
      continue;
    }
    const end = r.delimited();
    switch (field) {
      case UPDATE_TRANSACTION:
        return transactionEnvelope(bytes, r.pos, end);
      case UPDATE_SLOT:
        return slotEnvelope(new WireReader(bytes, r.pos, end));
      case UPDATE_BLOCK_META:
        return blockMetaEnvelope(new WireReader(bytes, r.pos, end));
      case UPDATE_PING:
        return { kind: 'ping' };
      default:
        return { kind: 'pong' };
    }
  }
  return { kind: 'other' };
}

/**
 * 'ping' or 'pong' for the server's keep-alive and the answer to ours, else null; reads top-level tags only
 * (the subscription answers pings before anything else looks at an update). Corrupt bytes → null.
 */
export function pingOrPong(bytes: Uint8Array): 'ping' | 'pong' | null {
  try {
    const r = new WireReader(bytes, 0, bytes.length);
    while (r.more()) {
      const tag = r.tag();
      if (tag === ((UPDATE_PING << 3) | 2)) return 'ping';
      if (tag === ((UPDATE_PONG << 3) | 2)) return 'pong';
      if (tag === ((UPDATE_TRANSACTION << 3) | 2) || tag === ((UPDATE_SLOT << 3) | 2) || tag === ((UPDATE_BLOCK_META << 3) | 2)) return null;
      r.skip(tag & 7);
    }
  } catch {
    // the mapper quarantines it
  }
  return null;
}

function transactionEnvelope(bytes: Uint8Array, start: number, end: number): UpdateEnvelope {
  const r = new WireReader(bytes, start, end);
  let slot = 0n;
  let signatureStart = start;
  let signatureEnd = start;
  while (r.more()) {
    const tag = r.tag();
    if (tag === 16) slot = r.uint64(); // slot = 2
    else if (tag === 10) { // transaction (SubscribeUpdateTransactionInfo) = 1
      const infoEnd = r.delimited();
      while (r.pos < infoEnd) {
        const infoTag = r.tag();
        if (infoTag === 10) { // signature = 1
          const sigEnd = r.delimited();
          signatureStart = r.pos;
          signatureEnd = sigEnd;
          r.pos = sigEnd;
        } else {
          r.skip(infoTag & 7);
        }
      }
      if (r.pos !== infoEnd) throw new ProtobufWireError('transaction info overruns its length');
    } else r.skip(tag & 7);
  }
  return { kind: 'transaction', slot, start, end, signatureStart, signatureEnd };
}

function slotEnvelope(r: WireReader): UpdateEnvelope {
  let slot = 0n;
  let status = 0;
  while (r.more()) {
    const tag = r.tag();
    if (tag === 8) slot = r.uint64(); // slot = 1
    else if (tag === 24) status = r.uint32(); // status = 3
    else r.skip(tag & 7);
  }
  return { kind: 'slot', slot, status };
}

function blockMetaEnvelope(r: WireReader): UpdateEnvelope {
  let slot = 0n;
  let blockTime: number | null = null;
  while (r.more()) {
    const tag = r.tag();
    if (tag === 8) slot = r.uint64(); // slot = 1
    else if (tag === 34) { // block_time (UnixTimestamp) = 4
      const end = r.delimited();
      blockTime = 0;
      while (r.pos < end) {
        const inner = r.tag();
        if (inner === 8) blockTime = r.uint64Number(); // timestamp = 1
        else r.skip(inner & 7);
      }
    } else r.skip(tag & 7);
  }
  return { kind: 'block_meta', slot, blockTime };
}
