// The SDK clients' transport in embedded mode: hands each signed request to the emulator in this process
// and returns its answer as an HttpResponse. No socket, but everything else the SDK does (serialisation,
// signing, retries, error parsing) runs as it would against AWS.
import { HttpResponse, type HttpHandler, type HttpHandlerOptions, type HttpRequest } from '@smithy/protocol-http';
import type { Emulator } from './emulator.js';
import { abortError } from './faults.js';
import type { EmulatorRequest } from './http-types.js';

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
