/**
 * Start-up check of GRPC_ENDPOINT and GRPC_X_TOKEN: connect with the Yellowstone client and open one
 * subscription (a bare ping request, no filters), then close it. Once running, the source retries every
 * failure with back-off; at start-up two of them mean a setting is wrong and retrying cannot help, so they
 * stop start-up with one line naming the cause and the fix:
 * - the endpoint cannot be reached (no connection, a transport failure, no answer in time);
 * - the server refuses the x-token (gRPC UNAUTHENTICATED).
 * Any other refusal (e.g. UNAVAILABLE while the server restarts) is left to the reconnect loop.
 * The lines show the endpoint's scheme, host and port only, and never the token.
 */
import { GrpcClient, type JsChannelOptions } from '@triton-one/yellowstone-grpc/napi';
import { SubscribeRequest } from '@triton-one/yellowstone-grpc';
import { FatalError } from '../shared/errors.js';
import { withTimeout } from '../shared/time.js';
import { describeErrorChain } from './out-of-range.js';

export interface EndpointCheckOptions {
  endpoint: string;
  xToken?: string;
  channelOptions?: JsChannelOptions;
  /** Longest wait for the connection and the subscription (default 10 s). */
  timeoutMs?: number;
}

export interface EndpointCheckResult {
  /** The server refused the subscription for a reason the reconnect loop may outlast (null: it opened). */
  refusal: string | null;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** How the native client words gRPC UNAUTHENTICATED (tonic's description of the code). */
const UNAUTHENTICATED_PATTERN = /Unauthenticated|does not have valid authentication credentials/i;

/** `scheme://host:port` of the endpoint: a path or query may carry a provider's key. */
export function describeEndpoint(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    return `${url.protocol}//${url.host}`;
  } catch {
    return '(unparseable GRPC_ENDPOINT)';
  }
}

/**
 * Connects and opens one subscription.
 * @throws FatalError when the endpoint is unreachable or refuses the x-token.
 */
export async function checkYellowstoneEndpoint(options: EndpointCheckOptions): Promise<EndpointCheckResult> {
  const where = `Yellowstone endpoint ${describeEndpoint(options.endpoint)}`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const scrub = (text: string): string => (options.xToken ? text.split(options.xToken).join('***') : text);
  const unreachable = (reason: string, cause: unknown): FatalError =>
    new FatalError(`${where} is unreachable (${scrub(reason)}): check GRPC_ENDPOINT (http:// or https://, host and port) and that the server is running`, null, { cause });
  let client: GrpcClient;
  try {
    client = await withTimeout(
      GrpcClient.new(options.endpoint, options.xToken ?? null, options.channelOptions ?? null, { enabled: false }),
      timeoutMs,
      () => new Error(`no connection after ${timeoutMs / 1000} s`),
    );
  } catch (error) {
    throw unreachable(innermostReason(error), error);
  }
  try {
    const request = Buffer.from(SubscribeRequest.encode(SubscribeRequest.fromPartial({ ping: { id: 1 } })).finish());
    const stream = await withTimeout(client.subscribe(request), timeoutMs, () => new Error(`no subscription after ${timeoutMs / 1000} s`), (late) => late.close());
    stream.close();
    return { refusal: null };
  } catch (error) {
    const chain = describeErrorChain(error);
    if (UNAUTHENTICATED_PATTERN.test(chain)) {
      throw new FatalError(options.xToken
        ? `${where} rejected the x-token (UNAUTHENTICATED): set GRPC_X_TOKEN to the token your provider gave you for this endpoint`
        : `${where} requires an x-token (UNAUTHENTICATED) and GRPC_X_TOKEN is not set: set it to the token your provider gave you`, null, { cause: error });
    }
    // A gRPC status is the server's answer (it was reached); anything else is the way there failing.
    if (!/gRPC status/i.test(chain)) throw unreachable(innermostReason(error), error);
    return { refusal: scrub(chain) };
  }
}

/**
 * The last two distinct parts of the native client's error chain ("tcp connect error: Connection refused
 * (os error 111)"): its outer parts only repeat that connecting failed.
 */
function innermostReason(error: unknown): string {
  const parts = [...new Set(describeErrorChain(error).split(': ').map((part) => part.trim()).filter(Boolean))];
  return parts.slice(-2).join(': ');
}
