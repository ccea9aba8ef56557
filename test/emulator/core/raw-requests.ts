// Hand-built wire requests, for what the SDK never sends (unknown operations, malformed JSON, raw headers).
import type { EmulatorRequest } from '../../../src/emulator/index.js';

export interface RawOptions {
  readonly account?: string;
  readonly region?: string;
  readonly body?: string;
}

export function authorization(account = '000000000000', region = 'us-east-1', service = 'license-manager'): string {
  return `AWS4-HMAC-SHA256 Credential=AKID${account}/20260301/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`;
}

export function lmRequest(operation: string, input: unknown, options: RawOptions = {}): EmulatorRequest {
  return {
    method: 'POST',
    path: '/',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSLicenseManager.${operation}`,
      authorization: authorization(options.account, options.region),
    },
    body: options.body ?? JSON.stringify(input),
  };
}

export function ramRequest(method: string, path: string, input?: unknown, options: RawOptions = {}): EmulatorRequest {
  return {
    method,
    path,
    headers: { 'content-type': 'application/json', authorization: authorization(options.account, options.region, 'ram') },
    body: options.body ?? (input === undefined ? '' : JSON.stringify(input)),
  };
}

export interface StreamOutcome {
  readonly status?: number;
  readonly headers?: Record<string, string | string[] | undefined>;
  readonly body?: string;
  /** Body bytes written when the answer had arrived, and in all. */
  readonly sentBeforeAnswer?: number;
  readonly sent: number;
  /** The server closed the connection before the client had sent all it meant to. */
  readonly cut: boolean;
}

/**
 * POSTs `total` body bytes over a plain socket (so that no HTTP client decides when to stop), generated on the
 * fly in 1 MiB chunks, chunked unless the headers declare a length; goes on sending after the answer until all
 * is sent or the server closes the connection.
 */
export async function streamBody(url: string, path: string, headers: Record<string, string>, total: number): Promise<StreamOutcome> {
  const { connect } = await import('node:net');
  const { hostname, port } = new URL(url);
  const chunked = !Object.keys(headers).some((name) => name.toLowerCase() === 'content-length');
  const head = Object.entries({ host: `${hostname}:${port}`, authorization: authorization(), ...headers, ...(chunked ? { 'transfer-encoding': 'chunked' } : {}) })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  const data = Buffer.alloc(1024 * 1024, 0x20);
  const chunk = chunked ? Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')]) : data;
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let sent = 0;
    let allSent = false;
    let received = Buffer.alloc(0);
    let answer: Omit<StreamOutcome, 'sent' | 'cut'> | undefined;
    let done = false;
    const finish = (cut: boolean) => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve({ ...answer, sent, cut });
    };
    socket.on('data', (part: Buffer) => {
      received = Buffer.concat([received, part]);
      answer ??= parseAnswer(received, sent);
      if (answer && allSent) finish(false);
    });
    socket.on('error', () => finish(!allSent));
    socket.on('close', () => finish(!allSent));
    const pump = () => {
      while (!done && sent < total) {
        sent += data.length;
        if (!socket.write(chunk)) return void socket.once('drain', pump);
      }
      if (done) return;
      allSent = true;
      if (chunked) socket.write('0\r\n\r\n');
      if (answer) finish(false);
    };
    socket.once('connect', () => {
      socket.write(`POST ${path} HTTP/1.1\r\n${head}\r\n`);
      pump();
    });
  });
}

/** A whole HTTP response with a content-length, once it has arrived. */
function parseAnswer(received: Buffer, sent: number): Omit<StreamOutcome, 'sent' | 'cut'> | undefined {
  const end = received.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine, ...lines] = received.subarray(0, end).toString('latin1').split('\r\n');
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  const body = received.subarray(end + 4);
  if (body.length < Number(headers['content-length'])) return undefined;
  return { status: Number(statusLine!.split(' ')[1]), headers, body: body.toString('utf8'), sentBeforeAnswer: sent };
}
