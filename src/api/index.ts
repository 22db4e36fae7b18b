/** The read-only HTTP API: health, metrics, and the routes later issues add. */
export * from './types.js';
export { createHttpServer, sendJson, type HttpServer, type HttpServerOptions } from './http-server.js';
export { classifyHealth, DEFAULT_MAX_LAG_SLOTS } from './health-status.js';
