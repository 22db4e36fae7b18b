/**
 * A bounded FIFO between the stream (producer) and the pipeline (consumer).
 *
 * `push` resolves only once the item is inside the queue: when the queue is full the producer's
 * `await queue.push(item)` does not return, so it stops reading the gRPC stream, the client stops
 * pulling, HTTP/2 flow control stops the server. Nothing is buffered beyond `capacity`.
 * One producer and one consumer are expected; several producers are served in arrival order.
 */
export interface BoundedQueue<T> {
  /** Waits for space, then enqueues. Rejects with `QueueClosedError` once the queue is closed. */
  push(item: T): Promise<void>;
  /** Enqueues when there is space; returns false (and drops nothing) when full or closed. */
  tryPush(item: T): boolean;
  /** Waits for the next item; resolves `undefined` when the queue is closed and drained. */
  shift(): Promise<T | undefined>;
  /** Takes up to `max` items already queued, without waiting. */
  drain(max: number): T[];
  /** Stops accepting items; the consumer still receives what is queued. Waiting producers reject. */
  close(): void;
  readonly size: number;
  readonly capacity: number;
  readonly closed: boolean;
  /** Number of times a producer had to wait for space (a measure of backpressure). */
  readonly fullWaits: number;
  [Symbol.asyncIterator](): AsyncIterator<T>;
}

/** Thrown to producers waiting on, or pushing to, a closed queue. */
export class QueueClosedError extends Error {
  constructor() {
    super('queue closed');
    this.name = 'QueueClosedError';
  }
}

/** Creates a queue holding at most `capacity` items (>= 1). */
export function createBoundedQueue<T>(capacity: number): BoundedQueue<T> {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`queue capacity must be a positive integer, got ${capacity}`);
  const items: T[] = [];
  let head = 0;
  let closed = false;
  let fullWaits = 0;
  const producers: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  const consumers: Array<(item: T | undefined) => void> = [];

  const size = (): number => items.length - head;
  function compact(): void {
    if (head > 1024 && head * 2 > items.length) {
      items.splice(0, head);
      head = 0;
    }
  }
  function take(): T {
    const item = items[head] as T;
    items[head] = undefined as T;
    head += 1;
    compact();
    producers.shift()?.resolve();
    return item;
  }
  function tryPush(item: T): boolean {
    if (closed) return false;
    const consumer = consumers.shift();
    if (consumer) {
      consumer(item);
      return true;
    }
    if (size() >= capacity) return false;
    items.push(item);
    return true;
  }
  async function push(item: T): Promise<void> {
    while (!tryPush(item)) {
      if (closed) throw new QueueClosedError();
      fullWaits += 1;
      await new Promise<void>((resolve, reject) => producers.push({ resolve, reject }));
    }
  }
  function shift(): Promise<T | undefined> {
    if (size() > 0) return Promise.resolve(take());
    if (closed) return Promise.resolve(undefined);
    return new Promise((resolve) => consumers.push(resolve));
  }
  function drain(max: number): T[] {
    const out: T[] = [];
    while (out.length < max && size() > 0) out.push(take());
    return out;
  }
  function close(): void {
    if (closed) return;
    closed = true;
    for (const consumer of consumers.splice(0)) consumer(undefined);
    for (const producer of producers.splice(0)) producer.reject(new QueueClosedError());
  }
  return {
    push,
    tryPush,
    shift,
    drain,
    close,
    get size() {
      return size();
    },
    capacity,
    get closed() {
      return closed;
    },
    get fullWaits() {
      return fullWaits;
    },
    [Symbol.asyncIterator]() {
      return {
        next: async () => {
          const item = await shift();
          return item === undefined && closed && size() === 0 ? { done: true, value: undefined } : { done: false, value: item as T };
        },
      };
    },
  };
}
