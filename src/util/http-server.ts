// What the emulator's server (`emulator serve --port`) and the watcher's (`watch --listen`) share: taking a port,
// and reading a request's body with a bound.
import type { IncomingMessage } from 'node:http';
import type { Server } from 'node:net';
import { LicensectlError } from '../errors/index.js';

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body larger than ${limit} bytes`);
  }
}

/** The raw bytes (signatures are over them); rejects with BodyTooLarge past `limit` without buffering the rest. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        reject(new BodyTooLarge(limit));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

// A port that cannot be had is LISTEN_FAILED naming the address, the flag that chose it and, for a port in use, how
// to choose another.
export interface ListenOptions {
  readonly host: string;
  readonly port: number;
  /** The flag that chose the address: `--port`, `--listen`. */
  readonly flag: string;
  /** How to ask for a free port with that flag: `--port 0`. */
  readonly freePort: string;
}

export function listenOn(server: Server, options: ListenOptions): Promise<void> {
  const { host, port, flag, freePort } = options;
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const where = `${host.includes(':') ? `[${host}]` : host}:${port}`;
      const taken = error.code === 'EADDRINUSE';
      const reason = taken ? `port ${port} is already in use` : error.code === 'EACCES' ? `permission denied (ports below 1024 need privileges)` : error.message;
      reject(new LicensectlError('LISTEN_FAILED', `cannot listen on ${where} (${flag}): ${reason}`, {
        cause: error,
        hint: taken ? `stop the process that holds port ${port}, or choose another port with ${flag} (${freePort} picks a free one)` : `choose another address with ${flag}`,
      }));
    });
    server.listen(port, host, () => resolve());
  });
}
