// The emulator over HTTP (`licensectl emulator serve`): any AWS client can point its endpoint here.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BodyTooLarge, readBody } from '../../util/http-body.js';
import type { Emulator } from './emulator.js';
import type { EmulatorResponse } from './http-types.js';

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

export async function startServer(emulator: Emulator, options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => void serve(emulator, req, res, options.log));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
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
  let answer: EmulatorResponse;
  try {
    const body = (await readBody(req, MAX_REQUEST_BYTES)).toString('utf8');
    answer = await emulator.handle({ method, path, headers: headersOf(req), body });
  } catch (error) {
    answer = error instanceof BodyTooLarge ? tooLarge(error) : internalError(error);
  }
  res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
  res.end(answer.body);
  log?.(`${method} ${path} ${answer.operation ?? '-'} ${answer.status} ${(performance.now() - started).toFixed(1)}ms`);
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  return headers;
}

// Far above any request License Manager or RAM accept (their largest members are a few hundred KB), and far below
// what would strain the process: a larger body is refused without being buffered.
const MAX_REQUEST_BYTES = 16 * 1024 * 1024;

function tooLarge(error: BodyTooLarge): EmulatorResponse {
  const message = error.message;
  const body = JSON.stringify({ __type: 'RequestEntityTooLargeException', Message: message, message });
  return { status: 413, headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'RequestEntityTooLargeException', connection: 'close' }, body };
}

/** The emulator's own failures (an unreadable state file) reach HTTP clients as a 500 with the reason. */
function internalError(error: unknown): EmulatorResponse {
  const code = (error as { code?: string }).code;
  const message = `${code ? `${code}: ` : ''}${(error as Error).message}`;
  const body = JSON.stringify({ __type: 'ServerInternalException', Message: message, message });
  return { status: 500, headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'ServerInternalException' }, body };
}
