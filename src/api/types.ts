/**
 * Shapes the HTTP API serves and accepts. No I/O here, so the app can build a `HealthReport` without
 * importing the server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { VenueMixReport } from './venue-mix.js';

/** `ok`: everything up. `degraded`: serving, but the stream lags or Redis is down/stale. `down`: not serving. */
export type HealthStatus = 'ok' | 'degraded' | 'down';

/** Body of GET /health. */
export interface HealthReport {
  status: HealthStatus;
  stream: {
    connected: boolean;
    /** Slots between the newest slot seen on the chain and the last committed one; null before the first. */
    lagSlots: number | null;
    /** Seconds between now and the block time of the last committed slot; null when unknown. */
    lagSeconds: number | null;
    /** Last committed slot as a decimal string; null before the first commit. */
    lastSlot: string | null;
  };
  database: { reachable: boolean; mode: 'timescaledb' | 'plain' };
  redis: { reachable: boolean; stale: boolean; enabled: boolean };
  queueDepth: number;
  uptimeSeconds: number;
  /** Trades per venue over the last few minutes, and the AMM trades dropped as not ours (venue-mix.ts). */
  venues?: VenueMixReport;
}

/**
 * Handles one request whose path starts with the route's prefix. `url` is the parsed request URL. The
 * handler writes the response; a thrown error becomes a 500 JSON answer.
 */
export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) => void | Promise<void>;
