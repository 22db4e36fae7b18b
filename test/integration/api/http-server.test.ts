/**
 * The operations server on an ephemeral port: /health status codes and body, /metrics text with our
 * metric names, prefix routes, 404 and 405.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, sendJson, type HealthReport, type HttpServer } from '../../../src/api/index.js';
import { createMetrics } from '../../../src/shared/metrics.js';

const OK_REPORT: HealthReport = {
  status: 'ok',
  stream: { connected: true, lagSlots: 2, lagSeconds: 0.8, lastSlot: '312345678' },
  database: { reachable: true, mode: 'timescaledb' },
  redis: { reachable: true, stale: false, enabled: true },
  queueDepth: 3,
  uptimeSeconds: 12,
};

describe('operations http server', () => {
  const metrics = createMetrics();
  let report: HealthReport | Error = OK_REPORT;
  let server: HttpServer;
  let base: string;

  beforeAll(async () => {
    server = createHttpServer({
      port: 0, host: '127.0.0.1', metrics: metrics.registry,
      health: async () => {
        if (report instanceof Error) throw report;
        return report;
      },
      routes: {
        '/tokens': (_req, res, url) => sendJson(res, 200, { route: 'tokens', path: url.pathname, q: url.searchParams.get('q') }),
        '/tokens/special': (_req, res) => sendJson(res, 200, { route: 'special' }),
        '/boom': () => { throw new Error('handler failed'); },
      },
    });
    const port = await server.listen();
    expect(port).toBeGreaterThan(0);
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await server.close();
  });

  it('answers /health 200 with the report when ok or degraded', async () => {
    report = OK_REPORT;
    const ok = await fetch(`${base}/health`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('application/json');
    expect(await ok.json()).toEqual(OK_REPORT);
    const degraded = { ...OK_REPORT, status: 'degraded' as const, redis: { reachable: false, stale: true, enabled: true } };
    report = degraded;
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(degraded);
  });

  it('answers /health 503 when down or when the health check itself fails', async () => {
    const down = { ...OK_REPORT, status: 'down' as const, database: { reachable: false, mode: 'plain' as const } };
    report = down;
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual(down);
    report = new Error('pool exhausted');
    const failed = await fetch(`${base}/health`);
    expect(failed.status).toBe(503);
    expect(await failed.json()).toEqual({ status: 'down', error: 'pool exhausted' });
  });

  it('serves Prometheus text on /metrics with our metric names and values', async () => {
    metrics.eventsDecoded.inc({ program: 'pumpfun', kind: 'trade' }, 3);
    metrics.quarantined.inc({ stage: 'decode', kind: 'unknown_discriminator' });
    metrics.commitLatency.observe(0.042);
    metrics.lastSlotCommitted.set(312345678);
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain('megatron_events_decoded_total{program="pumpfun",kind="trade"} 3');
    expect(text).toContain('megatron_quarantined_total{stage="decode",kind="unknown_discriminator"} 1');
    expect(text).toContain('megatron_commit_latency_seconds_bucket{le="0.05"} 1');
    expect(text).toContain('megatron_commit_latency_seconds_bucket{le="0.025"} 0');
    expect(text).toContain('megatron_last_slot_committed 312345678');
    for (const name of [
      'megatron_transactions_received_total', 'megatron_batch_rows_total', 'megatron_batch_size_rows',
      'megatron_batch_duration_seconds', 'megatron_queue_depth', 'megatron_stream_connected',
      'megatron_last_slot_seen', 'megatron_redis_connected', 'megatron_process_cpu_seconds_total',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
  });

  it('routes by the longest matching path prefix, on segment boundaries', async () => {
    expect(await (await fetch(`${base}/tokens/abc?q=x`)).json()).toEqual({ route: 'tokens', path: '/tokens/abc', q: 'x' });
    expect(await (await fetch(`${base}/tokens`)).json()).toEqual({ route: 'tokens', path: '/tokens', q: null });
    expect(await (await fetch(`${base}/tokens/special/1`)).json()).toEqual({ route: 'special' });
    const notPrefix = await fetch(`${base}/tokensx`);
    expect(notPrefix.status).toBe(404);
    expect(await notPrefix.json()).toEqual({ error: 'not found', path: '/tokensx' });
  });

  it('answers 500 for a failing route, 405 for writes and 404 otherwise', async () => {
    const boom = await fetch(`${base}/boom`);
    expect(boom.status).toBe(500);
    expect(await boom.json()).toEqual({ error: 'internal', message: 'handler failed' });
    const post = await fetch(`${base}/health`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });
});

describe('metrics registries', () => {
  it('are independent: two createMetrics() calls neither collide nor share values', async () => {
    const a = createMetrics({ collectProcessMetrics: false });
    const b = createMetrics({ collectProcessMetrics: false });
    a.transactionsReceived.inc({ source: 'grpc' }, 5);
    expect(await a.registry.metrics()).toContain('megatron_transactions_received_total{source="grpc"} 5');
    expect(await b.registry.metrics()).not.toContain('megatron_transactions_received_total{source="grpc"}');
    expect(await b.registry.metrics()).not.toContain('megatron_process_cpu');
  });
});
