/**
 * A local Yellowstone (Geyser) gRPC server for tests and benchmarks, built on @grpc/grpc-js and the
 * client package's own protobuf messages.
 *
 * It keeps a history of the updates it was given (in slot order) and serves `Subscribe` like the real
 * server: `from_slot` replays the history from that slot when it is inside the replay window, otherwise
 * the stream ends with OUT_OF_RANGE `broadcast from X is not available, last available: Y`; without
 * `from_slot` a subscriber starts at the live head. Pings are answered with pongs. On command it drops
 * every connection, stalls (stops sending updates; silently: not even pongs), or forgets old slots.
 * It never builds transactions itself: whatever it is given must carry a message header and a 32-byte
 * blockhash (the client's `txEncode` aborts the process otherwise).
 */
import * as grpc from '@grpc/grpc-js';
import {
  GetLatestBlockhashResponse, GetSlotResponse, GetVersionResponse, PongResponse, PingRequest,
  SubscribeRequest, SubscribeRequestFilterAccounts, SubscribeRequestFilterBlocks, SubscribeRequestFilterBlocksMeta,
  SubscribeRequestFilterEntry, SubscribeRequestFilterSlots, SubscribeRequestFilterTransactions, SubscribeUpdate,
} from '@triton-one/yellowstone-grpc';
import bs58 from 'bs58';

export interface GeyserServerOptions {
  /** How many slots back from the newest one `from_slot` may reach (default: unlimited). */
  replayWindowSlots?: number;
  /** Token the client must send in `x-token`; unset = no check. */
  xToken?: string;
  /** Status code of refused replays: OUT_OF_RANGE (current servers) or INTERNAL (older ones). */
  refusalCode?: grpc.status;
}

/** What filter matching needs of an update (the full object is not kept: benchmarks store 100k+ updates). */
interface MatchInfo {
  kind: 'slot' | 'transaction' | 'block_meta' | 'other';
  slotStatus: number;
  accountKeys: Set<string>;
  isVote: boolean;
  failed: boolean;
  hasFilters: boolean;
}

interface StoredUpdate {
  slot: bigint;
  info: MatchInfo;
  bytes: Buffer;
}

interface Subscriber {
  call: grpc.ServerDuplexStream<Buffer, Buffer>;
  request: SubscribeRequest | null;
  cursor: number;
  closed: boolean;
  wake: (() => void) | null;
}

export interface GeyserServer {
  /** `http://127.0.0.1:PORT` */
  readonly endpoint: string;
  /** Every request received on any Subscribe stream (first requests and later ones, pings included). */
  readonly requests: SubscribeRequest[];
  /** `x-token` metadata of each Subscribe call. */
  readonly tokens: Array<string | null>;
  /** Subscribe calls accepted so far. */
  readonly connections: number;
  /** Updates written to clients (after filtering), all connections together. */
  readonly updatesSent: number;
  /** Appends updates (slots must not go backwards) and wakes live subscribers. */
  publish(updates: SubscribeUpdate[]): void;
  /** Ends every open Subscribe stream with UNAVAILABLE, as a server restart or network cut would. */
  dropAll(message?: string): void;
  /**
   * Stops (true) or resumes (false) sending updates to every subscriber; connections stay open. With
   * `silent` the server also stops answering pings, so nothing at all arrives (a stream that hangs with
   * its connection open); without it pings are still answered with pongs.
   */
  stall(stalled: boolean, options?: { silent?: boolean }): void;
  /** Forgets every stored update with slot < `slot`; older `from_slot` requests are refused. */
  forgetBefore(slot: bigint): void;
  /** Number of open Subscribe streams. */
  openStreams(): number;
  close(): Promise<void>;
}

const identity = (value: Buffer): Buffer => value;
const rawMethod = (path: string, requestStream: boolean, responseStream: boolean): grpc.MethodDefinition<Buffer, Buffer> => ({
  path, requestStream, responseStream,
  requestSerialize: identity, requestDeserialize: identity, responseSerialize: identity, responseDeserialize: identity,
});
const GEYSER_SERVICE: grpc.ServiceDefinition = {
  Subscribe: rawMethod('/geyser.Geyser/Subscribe', true, true),
  Ping: rawMethod('/geyser.Geyser/Ping', false, false),
  GetLatestBlockhash: rawMethod('/geyser.Geyser/GetLatestBlockhash', false, false),
  GetSlot: rawMethod('/geyser.Geyser/GetSlot', false, false),
  GetVersion: rawMethod('/geyser.Geyser/GetVersion', false, false),
};

/** Starts the server on an ephemeral loopback port. */
export async function startGeyserServer(options: GeyserServerOptions = {}): Promise<GeyserServer> {
  const history: StoredUpdate[] = [];
  let base = 0; // history index 0 is absolute position `base` (after forgetBefore)
  let forgottenBefore: bigint | null = null;
  const subscribers = new Set<Subscriber>();
  const requests: SubscribeRequest[] = [];
  const tokens: Array<string | null> = [];
  let connections = 0;
  let updatesSent = 0;
  let stalled = false;
  let silent = false;

  const newestSlot = (): bigint | null => history[history.length - 1]?.slot ?? null;
  function firstAvailableSlot(): bigint | null {
    const oldest = history[0]?.slot ?? forgottenBefore;
    const newest = newestSlot();
    if (options.replayWindowSlots === undefined || newest === null) return oldest ?? null;
    const windowStart = newest - BigInt(options.replayWindowSlots) + 1n;
    return oldest === null || windowStart > oldest ? windowStart : oldest;
  }
  const wakeAll = (): void => subscribers.forEach((s) => s.wake?.());

  function handleSubscribe(call: grpc.ServerDuplexStream<Buffer, Buffer>): void {
    connections += 1;
    tokens.push((call.metadata.get('x-token')[0] as string | undefined) ?? null);
    if (options.xToken !== undefined && tokens[tokens.length - 1] !== options.xToken) {
      call.emit('error', { code: grpc.status.UNAUTHENTICATED, details: 'invalid x-token' });
      return;
    }
    // Like the real server: response headers go out at once; a refused replay then ends the open stream.
    call.sendMetadata(new grpc.Metadata());
    const subscriber: Subscriber = { call, request: null, cursor: base + history.length, closed: false, wake: null };
    subscribers.add(subscriber);
    const finish = (): void => {
      subscriber.closed = true;
      subscribers.delete(subscriber);
      subscriber.wake?.();
    };
    call.on('data', (bytes: Buffer) => handleRequest(subscriber, bytes));
    call.on('error', finish);
    call.on('cancelled', finish);
    call.on('close', finish);
    call.on('end', () => undefined);
  }

  function handleRequest(subscriber: Subscriber, bytes: Buffer): void {
    const request = restoreEmptyFilters(SubscribeRequest.decode(bytes), bytes);
    requests.push(request);
    if (request.ping) {
      if (!silent) writeUpdate(subscriber, Buffer.from(SubscribeUpdate.encode(pongUpdate(request.ping.id)).finish()));
      return;
    }
    const first = subscriber.request === null;
    subscriber.request = request;
    if (first && request.fromSlot !== undefined) {
      const from = BigInt(request.fromSlot);
      const available = firstAvailableSlot();
      if (available !== null && from < available) {
        const message = `broadcast from ${from} is not available, last available: ${available}`;
        subscriber.call.emit('error', { code: options.refusalCode ?? grpc.status.OUT_OF_RANGE, details: message });
        return;
      }
      subscriber.cursor = base + lowerBound(history, from);
    }
    if (first) void pump(subscriber);
  }

  function writeUpdate(subscriber: Subscriber, bytes: Buffer): boolean {
    if (subscriber.closed) return true;
    return subscriber.call.write(bytes);
  }

  async function pump(subscriber: Subscriber): Promise<void> {
    while (!subscriber.closed) {
      const index = subscriber.cursor - base;
      if (stalled || index >= history.length) {
        await new Promise<void>((resolve) => (subscriber.wake = resolve));
        subscriber.wake = null;
        continue;
      }
      subscriber.cursor += 1;
      const stored = history[Math.max(0, index)] as StoredUpdate;
      const filters = matchFilters(subscriber.request as SubscribeRequest, stored.info);
      if (filters.length === 0) continue;
      const bytes = withFilters(stored, filters);
      updatesSent += 1;
      if (!writeUpdate(subscriber, bytes)) {
        await new Promise<void>((resolve) => {
          subscriber.wake = resolve;
          subscriber.call.once('drain', resolve);
        });
        subscriber.wake = null;
      }
    }
  }

  const server = new grpc.Server();
  server.addService(GEYSER_SERVICE, {
    Subscribe: handleSubscribe,
    Ping: unary((bytes) => PongResponse.encode({ count: PingRequest.decode(bytes).count }).finish()),
    GetLatestBlockhash: unary(() =>
      GetLatestBlockhashResponse.encode({ slot: String(newestSlot() ?? 0n), blockhash: bs58.encode(new Uint8Array(32).fill(7)), lastValidBlockHeight: '0' }).finish()),
    GetSlot: unary(() => GetSlotResponse.encode({ slot: String(newestSlot() ?? 0n) }).finish()),
    GetVersion: unary(() => GetVersionResponse.encode({ version: JSON.stringify({ version: { package: 'megatron-geyser-stand-in' } }) }).finish()),
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))));

  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    tokens,
    get connections() { return connections; },
    get updatesSent() { return updatesSent; },
    publish(updates) {
      for (const update of updates) {
        const slot = slotOf(update);
        const newest = newestSlot();
        if (newest !== null && slot < newest) throw new Error(`publish: slot ${slot} after ${newest}`);
        history.push({ slot, info: describeUpdate(update), bytes: Buffer.from(SubscribeUpdate.encode(update).finish()) });
      }
      wakeAll();
    },
    dropAll(message = 'stand-in dropped the connection') {
      for (const subscriber of [...subscribers]) {
        subscriber.closed = true;
        subscribers.delete(subscriber);
        subscriber.call.emit('error', { code: grpc.status.UNAVAILABLE, details: message });
        subscriber.wake?.();
      }
    },
    stall(value, stallOptions = {}) {
      stalled = value;
      silent = value && (stallOptions.silent ?? false);
      if (!value) wakeAll();
    },
    forgetBefore(slot) {
      const count = lowerBound(history, slot);
      history.splice(0, count);
      base += count;
      forgottenBefore = slot;
    },
    openStreams: () => subscribers.size,
    async close() {
      for (const subscriber of [...subscribers]) subscriber.closed = true;
      wakeAll();
      server.forceShutdown();
    },
  };
}

function unary(handle: (request: Buffer) => Uint8Array): grpc.handleUnaryCall<Buffer, Buffer> {
  return (call, callback) => callback(null, Buffer.from(handle(call.request)));
}

function pongUpdate(id: number): SubscribeUpdate {
  return { filters: [], pong: { id }, createdAt: new Date() };
}

/** Slot an update belongs to (transaction, slot, block meta); 0 for others. */
export function slotOf(update: SubscribeUpdate): bigint {
  const slot = update.transaction?.slot ?? update.slot?.slot ?? update.blockMeta?.slot ?? update.block?.slot ?? '0';
  return BigInt(slot);
}

function lowerBound(history: StoredUpdate[], slot: bigint): number {
  let low = 0;
  let high = history.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((history[mid] as StoredUpdate).slot < slot) low = mid + 1;
    else high = mid;
  }
  return low;
}

function describeUpdate(update: SubscribeUpdate): MatchInfo {
  const info = update.transaction?.transaction;
  const keys = info
    ? [...(info.transaction?.message?.accountKeys ?? []), ...(info.meta?.loadedWritableAddresses ?? []), ...(info.meta?.loadedReadonlyAddresses ?? [])].map((key) => bs58.encode(key))
    : [];
  const kind = update.slot ? 'slot' : info ? 'transaction' : update.blockMeta ? 'block_meta' : 'other';
  return { kind, slotStatus: update.slot?.status ?? 0, accountKeys: new Set(keys), isVote: info?.isVote ?? false, failed: info?.meta?.err !== undefined, hasFilters: update.filters.length > 0 };
}

/** Names of the request's filters that match the update (empty = not sent). */
function matchFilters(request: SubscribeRequest, info: MatchInfo): string[] {
  if (info.kind === 'slot') {
    return Object.entries(request.slots)
      .filter(([, filter]) => !filter.filterByCommitment || info.slotStatus === (request.commitment ?? 0))
      .map(([name]) => name);
  }
  if (info.kind !== 'transaction') return info.kind === 'block_meta' ? Object.keys(request.blocksMeta) : [];
  const keys = info.accountKeys;
  const failed = info.failed;
  return Object.entries(request.transactions)
    .filter(([, filter]) => (filter.vote === undefined || filter.vote === info.isVote) && (filter.failed === undefined || filter.failed === failed))
    .filter(([, filter]) => filter.accountInclude.length === 0 || filter.accountInclude.some((key) => keys.has(key)))
    .filter(([, filter]) => !filter.accountExclude.some((key) => keys.has(key)))
    .filter(([, filter]) => filter.accountRequired.every((key) => keys.has(key)))
    .map(([name]) => name);
}

/** The stored bytes with the `filters` field set (field 1, repeated string), without re-encoding the update. */
function withFilters(stored: StoredUpdate, filters: string[]): Buffer {
  if (stored.info.hasFilters) return stored.bytes;
  const prefix = Buffer.from(SubscribeUpdate.encode({ filters, createdAt: undefined }).finish());
  return Buffer.concat([prefix, stored.bytes]);
}

/** Map fields of `SubscribeRequest` by field number, with a maker of their empty filter value. */
const MAP_FIELDS: Record<number, { field: keyof SubscribeRequest; empty: () => object }> = {
  1: { field: 'accounts', empty: () => SubscribeRequestFilterAccounts.fromPartial({}) },
  2: { field: 'slots', empty: () => SubscribeRequestFilterSlots.fromPartial({}) },
  3: { field: 'transactions', empty: () => SubscribeRequestFilterTransactions.fromPartial({}) },
  10: { field: 'transactionsStatus', empty: () => SubscribeRequestFilterTransactions.fromPartial({}) },
  4: { field: 'blocks', empty: () => SubscribeRequestFilterBlocks.fromPartial({}) },
  5: { field: 'blocksMeta', empty: () => SubscribeRequestFilterBlocksMeta.fromPartial({}) },
  8: { field: 'entry', empty: () => SubscribeRequestFilterEntry.fromPartial({}) },
};

/**
 * The JavaScript decoder drops map entries whose value is an empty message (`slots: { s: {} }` is
 * encoded with the value left out). Walks the raw bytes and puts such entries back as empty filters.
 */
export function restoreEmptyFilters(request: SubscribeRequest, bytes: Uint8Array): SubscribeRequest {
  let offset = 0;
  const readVarint = (): number => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[offset++] as number;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  };
  while (offset < bytes.length) {
    const tag = readVarint();
    const wireType = tag & 7;
    if (wireType === 0) readVarint();
    else if (wireType === 1) offset += 8;
    else if (wireType === 5) offset += 4;
    else if (wireType === 2) {
      const length = readVarint();
      const mapField = MAP_FIELDS[Math.floor(tag / 8)];
      if (mapField) restoreEntry(request, mapField, bytes.subarray(offset, offset + length));
      offset += length;
    } else break;
  }
  return request;
}

function restoreEntry(request: SubscribeRequest, mapField: { field: keyof SubscribeRequest; empty: () => object }, entry: Uint8Array): void {
  // An entry is `key` (field 1, string) and `value` (field 2, message); only the key is needed here.
  if (entry[0] !== 0x0a) return;
  let length = 0;
  let shift = 0;
  let offset = 1;
  for (;;) {
    const byte = entry[offset++] as number;
    length += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) break;
    shift += 7;
  }
  const key = Buffer.from(entry.subarray(offset, offset + length)).toString('utf8');
  const map = request[mapField.field] as Record<string, object>;
  if (!(key in map)) map[key] = mapField.empty();
}
