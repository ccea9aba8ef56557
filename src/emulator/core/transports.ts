// The two ways a request reaches the emulator. Embedded: the SDK clients' request handler hands each signed
// request to the emulator in this process (no socket, but everything else the SDK does — serialisation,
// signing, retries, error parsing — runs as it would against AWS). Served: an HTTP server
// (`licensectl emulator serve`) that any AWS client can point its endpoint at, which also answers the
// emulator's own admin paths under /_licensectl/ (fleet/admin-http.ts, organizations/admin-http.ts).
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpResponse, type HttpHandler, type HttpHandlerOptions, type HttpRequest } from '@smithy/protocol-http';
import { BodyTooLarge, listenOn, readBody } from '../../util/http-server.js';
import { ADMIN_PREFIX, adminResponse } from '../fleet/admin-http.js';
import { ORG_ADMIN_PATH, orgAdminResponse } from '../organizations/admin-http.js';
import type { Emulator } from './emulator.js';
import { abortError } from './faults.js';
import { serviceOfTarget } from './registry.js';
import { ServiceError, type ServiceName } from './service-contract.js';
import { errorResponse, type EmulatorRequest, type EmulatorResponse } from './wire.js';

export type InProcessHandler = HttpHandler<Record<string, never>> & { destroy(): void };

export function createInProcessHandler(emulator: Emulator): InProcessHandler {
  return {
    metadata: { handlerProtocol: 'http/1.1' },
    async handle(request: HttpRequest, options?: HttpHandlerOptions) {
      const signal = options?.abortSignal as AbortSignal | undefined;
      if (signal?.aborted) throw abortError();
      const answer = await emulator.handle(toEmulatorRequest(request), signal);
      const response = new HttpResponse({ statusCode: answer.status, headers: answer.headers, body: Buffer.from(answer.body) });
      return { response };
    },
    updateHttpClientConfig: () => undefined,
    httpHandlerConfigs: () => ({}),
    destroy: () => undefined,
  };
}

function toEmulatorRequest(request: HttpRequest): EmulatorRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
  return { method: request.method, path: request.path + queryString(request.query), headers, body: bodyText(request.body) };
}

function queryString(query: HttpRequest['query']): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query ?? {})) {
    const values = value === null ? [] : Array.isArray(value) ? value : [value];
    for (const v of values) parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(v)}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  throw new TypeError('the in-process emulator transport accepts string or byte request bodies only');
}

export interface ServerOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly host?: string;
  /** Receives one line per request: `METHOD path operation status ms`. */
  readonly log?: (line: string) => void;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

// Far above any request License Manager or RAM accept (their largest members are a few KB; neither service
// documents a body limit nor models a too-large error), and far below what would strain the process: a larger
// body is answered 413 RequestEntityTooLargeException, the name other AWS services give that error, without
// being buffered past this bound. A body declared larger is refused before a byte of it is read.
const MAX_REQUEST_BYTES = 16 * 1024 * 1024;
// After refusing a body, the server reads and discards this much more of it, so that a client still sending
// sees the answer (closing a socket with unread data resets it, and the client may lose the answer); past
// that, or after the keep-alive timeout without data, the connection is closed.
const DISCARD_BYTES = 64 * 1024 * 1024;

export async function startServer(emulator: Emulator, options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => void serve(emulator, req, res, options.log).catch(() => res.destroy()));
  server.keepAliveTimeout = 5_000;
  await listenOn(server, { host, port: options.port, flag: '--port', freePort: '--port 0' });
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, port, close };
}

async function serve(emulator: Emulator, req: IncomingMessage, res: ServerResponse, log?: (line: string) => void): Promise<void> {
  const started = performance.now();
  const method = req.method ?? 'GET';
  const path = req.url ?? '/';
  const form = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
  const target = req.headers['x-amz-target'];
  const service: ServiceName = target !== undefined ? (serviceOfTarget(String(target)) ?? 'license-manager') : form ? 'sts' : 'ram';
  let answer: EmulatorResponse;
  try {
    if (Number(req.headers['content-length'] ?? 0) > MAX_REQUEST_BYTES) throw new BodyTooLarge(MAX_REQUEST_BYTES);
    const body = (await readBody(req, MAX_REQUEST_BYTES)).toString('utf8');
    answer = !path.startsWith(ADMIN_PREFIX)
      ? await emulator.handle({ method, path, headers: headersOf(req), body })
      : path.startsWith(ORG_ADMIN_PATH)
        ? await orgAdminResponse(emulator, method, path, body)
        : await adminResponse(emulator, method, path, body);
  } catch (error) {
    answer = error instanceof BodyTooLarge ? tooLarge(service) : internalError(error);
    if (error instanceof BodyTooLarge) discardRest(req);
  }
  res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
  res.end(answer.body);
  log?.(`${method} ${path} ${answer.operation ?? '-'} ${answer.status} ${(performance.now() - started).toFixed(1)}ms`);
}

/** Reads what is still coming of a refused body without keeping it, up to DISCARD_BYTES, then closes the connection. */
function discardRest(req: IncomingMessage): void {
  if (req.complete) return;
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_BYTES) req.socket.destroy();
  });
  req.on('error', () => undefined);
  req.resume();
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  return headers;
}

/** Answered in the shape of the service the request was for (its message member, a request id). */
function tooLarge(service: ServiceName): EmulatorResponse {
  const error = new ServiceError('RequestEntityTooLargeException', `Request body exceeds the limit of ${MAX_REQUEST_BYTES} bytes`, 413);
  return errorResponse(service, error, randomUUID());
}

/** The emulator's own failures (an unreadable state file) reach HTTP clients as a 500 with the reason. */
function internalError(error: unknown): EmulatorResponse {
  const code = (error as { code?: string }).code;
  const message = `${code ? `${code}: ` : ''}${(error as Error).message}`;
  const body = JSON.stringify({ __type: 'ServerInternalException', Message: message, message });
  return { status: 500, headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'ServerInternalException' }, body };
}
