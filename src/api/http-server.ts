/**
 * The operations HTTP server on node:http: GET /health (JSON, 503 when down), GET /metrics (Prometheus
 * text), and read-only routes added by path prefix. Anything else is a JSON 404.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { HealthReport, RouteHandler } from './types.js';
import { describeError } from '../shared/errors.js';

export interface HttpServerOptions {
  /** 0 picks a free port (see `listen()`'s result). */
  port: number;
  host?: string;
  health: () => Promise<HealthReport>;
  metrics: Registry;
  /** Extra read-only routes: path prefix (e.g. `/tokens`) → handler. The longest matching prefix wins. */
  routes?: Record<string, RouteHandler>;
  /** Routes that accept POST (e.g. an executor reporting back); same prefix matching. Other writes get 405. */
  postRoutes?: Record<string, RouteHandler>;
}

export interface HttpServer {
  /** Starts listening; resolves with the bound port. */
  listen(): Promise<number>;
  /** Stops accepting connections and closes idle ones. */
  close(): Promise<void>;
}

/** Creates (but does not start) the operations server. */
export function createHttpServer(opts: HttpServerOptions): HttpServer {
  const routes = Object.entries(opts.routes ?? {}).sort(([a], [b]) => b.length - a.length);
  const postRoutes = Object.entries(opts.postRoutes ?? {}).sort(([a], [b]) => b.length - a.length);
  const server = createServer((req, res) => {
    handleRequest(opts, req.method === 'POST' ? postRoutes : routes, req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: 'internal', message: describeError(err) });
      else res.end();
    });
  });
  return {
    listen: () =>
      new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(opts.port, opts.host ?? '0.0.0.0', () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeIdleConnections();
      }),
  };
}

async function handleRequest(
  opts: HttpServerOptions,
  routes: [string, RouteHandler][],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const post = req.method === 'POST' ? routes.find(([prefix]) => matchesPrefix(url.pathname, prefix)) : undefined;
  if (post) return post[1](req, res, url);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return sendJson(res, 405, { error: 'method not allowed' });
  }
  if (url.pathname === '/health') return sendHealth(opts, res);
  if (url.pathname === '/metrics') {
    const body = await opts.metrics.metrics();
    res.writeHead(200, { 'content-type': opts.metrics.contentType });
    res.end(body);
    return;
  }
  const route = routes.find(([prefix]) => matchesPrefix(url.pathname, prefix));
  if (route) return route[1](req, res, url);
  sendJson(res, 404, { error: 'not found', path: url.pathname });
}

async function sendHealth(opts: HttpServerOptions, res: ServerResponse): Promise<void> {
  let report: HealthReport;
  try {
    report = await opts.health();
  } catch (err) {
    return sendJson(res, 503, { status: 'down', error: describeError(err) });
  }
  sendJson(res, report.status === 'down' ? 503 : 200, report);
}

/** `/tokens` matches `/tokens` and `/tokens/abc`, not `/tokensx`. */
function matchesPrefix(pathname: string, prefix: string): boolean {
  if (!pathname.startsWith(prefix)) return false;
  return pathname.length === prefix.length || prefix.endsWith('/') || pathname[prefix.length] === '/';
}

/** Writes a JSON response (bigints as decimal strings). */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(text);
}
