/**
 * POST /signals/{id}/execution — a user's executor reports that it acted on a signal. Megatron never
 * trades; this only records `was_executed`, `execution_time`, `execution_price` and
 * `execution_signature` on the signal row. Requires `Authorization: Bearer <SIGNAL_EXECUTION_TOKEN>`
 * (the route is not mounted when no token is configured).
 *
 * Body (JSON, ≤ 16 KB): {"execution_time": ISO-8601, "execution_price": "decimal", "execution_signature": base58 | null}.
 * Answers 200 with the updated fields, 400 on a bad body, 401 without the token, 404 for an unknown signal.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { Queryable } from '../postgres/pg-pool.js';
import { recordSignalExecution } from '../postgres/signals-repository.js';
import { sendJson } from './http-server.js';
import type { RouteHandler } from './types.js';

const MAX_BODY_BYTES = 16 * 1024;
const PATH = /^\/signals\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/execution$/i;

const ExecutionBody = z.object({
  execution_time: z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'not an ISO-8601 time'),
  execution_price: z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(/^\d+(\.\d+)?$/, 'not a non-negative decimal')),
  execution_signature: z.string().regex(/^[1-9A-HJ-NP-Za-km-z]{32,88}$/, 'not a base58 signature').nullable().optional(),
});

export function createSignalExecutionRoute(db: Queryable, token: string): RouteHandler {
  const expected = Buffer.from(`Bearer ${token}`);
  return async (req, res, url) => {
    const id = PATH.exec(url.pathname)?.[1];
    if (!id) return sendJson(res, 404, { error: 'not found', path: url.pathname });
    const given = Buffer.from(req.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return sendJson(res, 401, { error: 'unauthorized' });
    const body = await readJson(req);
    if (body === undefined) return sendJson(res, 400, { error: 'body is not JSON of at most 16 KB' });
    const parsed = ExecutionBody.safeParse(body);
    if (!parsed.success) return sendJson(res, 400, { error: 'invalid body', issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
    const row = await recordSignalExecution(db, id, { time: new Date(parsed.data.execution_time), price: parsed.data.execution_price, signature: parsed.data.execution_signature ?? null });
    if (!row) return sendJson(res, 404, { error: 'no such signal', id });
    sendJson(res, 200, row);
  };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}
