// The watcher's one HTTP server on --listen: GET /healthz, /readyz, /status and /metrics, and POST /webhook,
// where a GitHub push event signed with LICENSECTL_WEBHOOK_SECRET asks for an immediate fetch. Unsigned or
// wrongly signed deliveries get 401 and change nothing.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BodyTooLarge, listenOn, readBody } from '../util/http-server.js';
import type { WatchStatus } from './status.js';
import type { WatchMetrics } from './watch-metrics.js';
import { urlOf, type ListenAddress } from './watch-options.js';

export interface WebhookReply {
  readonly accepted: boolean;
  readonly reason: string;
}

/** Called for each verified push with the pushed ref (e.g. `refs/heads/main`). */
export type PushHandler = (ref: string | undefined) => WebhookReply;

export interface ServerDeps {
  readonly status: WatchStatus;
  readonly metrics: WatchMetrics;
  readonly webhookSecret: string | undefined;
  readonly onPush: PushHandler;
}

export interface RunningWatchServer {
  readonly url: string;
  /** Starts answering with these; until then /healthz says `starting` and the rest get 503 (the port is taken first). */
  serve(deps: ServerDeps): void;
  close(): Promise<void>;
}

export const MAX_BODY_BYTES = 1024 * 1024;
const ROUTES: Readonly<Record<string, string>> = { '/healthz': 'GET', '/readyz': 'GET', '/status': 'GET', '/metrics': 'GET', '/webhook': 'POST' };

/**
 * Listens on `address` (failing at once with LISTEN_FAILED, naming the port and --listen, when it is taken), answering
 * with `deps` once given: the watcher takes its port before anything slow (a clone) or anything that changes the account.
 */
export async function startWatchServer(address: ListenAddress, deps?: ServerDeps): Promise<RunningWatchServer> {
  let serving = deps;
  const server = createServer((req, res) => {
    // Alive while starting (a first clone can take a while; a liveness probe must not kill it), ready for nothing else.
    if (!serving) return req.url?.split('?')[0] === '/healthz' ? sendJson(res, 200, { status: 'starting' }) : sendJson(res, 503, { error: 'starting' });
    route(req, res, serving).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: (error as Error).message });
    });
  });
  await listenOn(server, { host: address.host, port: address.port, flag: '--listen', freePort: '--listen 127.0.0.1:0' });
  const { port } = server.address() as AddressInfo;
  return {
    url: urlOf({ host: address.host, port }),
    serve: (given) => { serving = given; },
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

async function route(req: IncomingMessage, res: ServerResponse, deps: ServerDeps): Promise<void> {
  const path = (req.url ?? '/').split('?')[0]!;
  const method = ROUTES[path];
  if (!method) return sendJson(res, 404, { error: `no such endpoint: ${path}`, endpoints: Object.keys(ROUTES) });
  if (req.method !== method) return sendJson(res, 405, { error: `${path} accepts ${method} only` }, { allow: method });
  switch (path) {
    case '/healthz':
      return sendJson(res, 200, { status: 'alive' });
    case '/readyz': {
      const { ready, lastSuccessAt, lastResult } = deps.status.snapshot();
      return sendJson(res, ready ? 200 : 503, { ready, lastSuccessAt, lastOutcome: lastResult?.outcome ?? null });
    }
    case '/status':
      return sendJson(res, 200, deps.status.snapshot());
    case '/metrics':
      return sendText(res, 200, await deps.metrics.text(), deps.metrics.contentType);
    default:
      return handleWebhook(req, res, deps.webhookSecret, deps.onPush);
  }
}

async function handleWebhook(req: IncomingMessage, res: ServerResponse, secret: string | undefined, onPush: PushHandler): Promise<void> {
  let body: Buffer;
  try {
    body = await readBody(req, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) return sendJson(res, 413, { error: 'payload too large' }, { connection: 'close' });
    throw error;
  }
  if (!verifySignature(secret, body, header(req, 'x-hub-signature-256'))) {
    const reason = secret ? 'missing or invalid X-Hub-Signature-256' : 'webhooks are disabled: LICENSECTL_WEBHOOK_SECRET is not set';
    return sendJson(res, 401, { error: reason });
  }
  const event = header(req, 'x-github-event') ?? 'push';
  if (event === 'ping') return sendJson(res, 200, { accepted: false, reason: 'pong' });
  if (event !== 'push') return sendJson(res, 202, { accepted: false, reason: `ignored ${event} event` });
  sendJson(res, 202, onPush(refOf(body)));
}

const SIGNATURE_PREFIX = 'sha256=';

/** GitHub's `X-Hub-Signature-256`: `sha256=<hex HMAC-SHA256 of the raw body>`. */
export function signatureOf(secret: string, body: Uint8Array): string {
  return SIGNATURE_PREFIX + createHmac('sha256', secret).update(body).digest('hex');
}

/**
 * False for a missing secret, a missing or malformed header, or a signature of anything else. The
 * comparison runs in constant time so that a caller cannot learn the signature byte by byte.
 */
export function verifySignature(secret: string | undefined, body: Uint8Array, header: string | undefined): boolean {
  if (!secret || !header || !header.startsWith(SIGNATURE_PREFIX)) return false;
  const expected = Buffer.from(signatureOf(secret, body), 'utf8');
  const given = Buffer.from(header, 'utf8');
  // timingSafeEqual needs equal lengths; a length mismatch reveals only the length, which is public.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function refOf(body: Buffer): string | undefined {
  try {
    const payload = JSON.parse(body.toString('utf8')) as { ref?: unknown };
    return typeof payload.ref === 'string' ? payload.ref : undefined;
  } catch {
    // GitHub can also send form-encoded payloads; without a ref, the push is taken to concern our branch.
    return undefined;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = `${JSON.stringify(body, null, 2)}\n`;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string, contentType: string): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

