import { describe, expect, it } from 'vitest';
import { createBoundedQueue, QueueClosedError } from '../../../src/shared/bounded-queue.js';

describe('bounded queue', () => {
  it('keeps FIFO order and never holds more than its capacity', async () => {
    const queue = createBoundedQueue<number>(3);
    const pushed: number[] = [];
    const producer = (async () => {
      for (let i = 0; i < 10; i += 1) {
        await queue.push(i);
        pushed.push(i);
        expect(queue.size).toBeLessThanOrEqual(3);
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect({ size: queue.size, pushed }).toEqual({ size: 3, pushed: [0, 1, 2] });
    const received: number[] = [];
    for (let i = 0; i < 10; i += 1) received.push((await queue.shift()) as number);
    await producer;
    expect(received).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(queue.fullWaits).toBeGreaterThan(0);
  });

  it('hands an item straight to a waiting consumer', async () => {
    const queue = createBoundedQueue<string>(1);
    const next = queue.shift();
    expect(queue.tryPush('a')).toBe(true);
    expect(await next).toBe('a');
    expect(queue.size).toBe(0);
  });

  it('tryPush refuses when full, drain takes what is there', () => {
    const queue = createBoundedQueue<number>(2);
    expect([queue.tryPush(1), queue.tryPush(2), queue.tryPush(3)]).toEqual([true, true, false]);
    expect(queue.drain(10)).toEqual([1, 2]);
    expect(queue.drain(10)).toEqual([]);
  });

  it('close: the consumer drains what is queued, then gets undefined; waiting producers reject', async () => {
    const queue = createBoundedQueue<number>(1);
    await queue.push(1);
    const blocked = queue.push(2);
    queue.close();
    await expect(blocked).rejects.toBeInstanceOf(QueueClosedError);
    await expect(queue.push(3)).rejects.toBeInstanceOf(QueueClosedError);
    const items: number[] = [];
    for await (const item of queue) items.push(item);
    expect(items).toEqual([1]);
    expect(await queue.shift()).toBeUndefined();
  });

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => createBoundedQueue(0)).toThrow(RangeError);
    expect(() => createBoundedQueue(1.5)).toThrow(RangeError);
  });
});
