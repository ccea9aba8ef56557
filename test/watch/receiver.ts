// A webhook receiver on this machine, for --notify: it records what it is sent and answers as told.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/**
 * An HTTP receiver answering each request with the next status of `statuses` (the last repeats); `hold` keeps
 * responses back until released. `next()` resolves with the next request received.
 */
export async function receiver(statuses: number[] = [200]) {
  const received: Received[] = [];
  const waiting: ((r: Received) => void)[] = [];
  let held: Promise<void> = Promise.resolve();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { headers: req.headers, body: Buffer.concat(chunks).toString() };
      const status = statuses[Math.min(received.length, statuses.length - 1)]!;
      received.push(r);
      waiting.shift()?.(r);
      void held.then(() => res.writeHead(status).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    next: () => new Promise<Received>((resolve) => waiting.push(resolve)),
    hold: () => {
      let release = () => {};
      held = new Promise((resolve) => { release = resolve; });
      return release;
    },
    close: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}
