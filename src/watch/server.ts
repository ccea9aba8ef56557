// The watcher's one HTTP server on --listen: /healthz, /readyz, /status, /metrics and POST /webhook.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LicensectlError } from '../errors/index.js';
import { sendJson, sendText } from './http-json.js';
import { urlOf, type ListenAddress } from './listen-address.js';
import type { WatchMetrics } from './metrics.js';
import type { WatchStatus } from './watch-status.js';
import { handleWebhook, type PushHandler } from './webhook.js';

export interface ServerDeps {
  readonly status: WatchStatus;
  readonly metrics: WatchMetrics;
  readonly webhookSecret: string | undefined;
  readonly onPush: PushHandler;
}

export interface RunningWatchServer {
  readonly url: string;
  close(): Promise<void>;
}

const ROUTES: Readonly<Record<string, string>> = { '/healthz': 'GET', '/readyz': 'GET', '/status': 'GET', '/metrics': 'GET', '/webhook': 'POST' };

export async function startWatchServer(address: ListenAddress, deps: ServerDeps): Promise<RunningWatchServer> {
  const server = createServer((req, res) => {
    route(req, res, deps).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: (error as Error).message });
    });
  });
  await listen(server, address);
  const { port } = server.address() as AddressInfo;
  return {
    url: urlOf({ host: address.host, port }),
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
    case '/readyz':
      return readiness(res, deps.status);
    case '/status':
      return sendJson(res, 200, deps.status.snapshot());
    case '/metrics':
      return sendText(res, 200, await deps.metrics.text(), deps.metrics.contentType);
    default:
      return handleWebhook(req, res, deps.webhookSecret, deps.onPush);
  }
}

function readiness(res: ServerResponse, status: WatchStatus): void {
  const { ready, lastSuccessAt, lastResult } = status.snapshot();
  sendJson(res, ready ? 200 : 503, { ready, lastSuccessAt, lastOutcome: lastResult?.outcome ?? null });
}

function listen(server: Server, address: ListenAddress): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const taken = error.code === 'EADDRINUSE';
      reject(new LicensectlError('LISTEN_FAILED', `cannot listen on ${address.host}:${address.port}: ${taken ? 'the address is already in use' : error.message}`, {
        cause: error, hint: taken ? 'stop the other process or choose another port with --listen' : 'check --listen',
      }));
    });
    server.listen(address.port, address.host, () => resolve());
  });
}
