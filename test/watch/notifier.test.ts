// --notify's delivery against a real HTTP receiver on this machine: the JSON body and its signature, retries with
// exponential backoff (on fake timers: exactly when each attempt goes), what is not retried, and that a slow receiver
// holds up nothing but its own queue.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/watch/log.js';
import { Notifier, type NotifierOptions } from '../../src/watch/notifier.js';
import type { Notification } from '../../src/watch/notify-events.js';
import { verifySignature } from '../../src/watch/server.js';
import type { LogLine } from './e2e/watcher-process.js';
import { receiver } from './receiver.js';

const NOTIFICATION: Notification = {
  text: 'licensectl p: drift corrected: update LicenseConfiguration/a (drift: licenseCount)',
  event: { type: 'drift-corrected', project: 'p', at: '2026-03-01T12:00:00.120Z', revision: 'abc123', changes: [] },
};

/** Lets real I/O run (setImmediate is not faked) until `done` holds. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; !done(); i += 1) {
    if (i > 10_000) throw new Error('never happened');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function memoryLogger() {
  const lines: LogLine[] = [];
  const stream = new Writable({ write(chunk: Buffer, _enc, done) { lines.push(JSON.parse(chunk.toString()) as LogLine); done(); } });
  return { lines, logger: createLogger(stream) };
}

describe('notifications', () => {
  let notifier: Notifier | undefined;
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await notifier?.stop(0);
    await close?.();
    notifier = close = undefined;
  });

  async function setup(statuses: number[], options: Partial<NotifierOptions> = {}) {
    const r = await receiver(statuses);
    close = r.close;
    const { lines, logger } = memoryLogger();
    notifier = new Notifier({ urls: [r.url], logger, random: () => 0, ...options });
    return { ...r, lines, notifier };
  }

  it('POSTs the text line and the event as JSON, signed with the secret over the raw body', async () => {
    const { next, notifier, lines } = await setup([200], { secret: 'n0t1fy' });
    const delivered = next();
    notifier.send(NOTIFICATION);
    const { headers, body } = await delivered;
    expect(JSON.parse(body)).toEqual(NOTIFICATION);
    expect(headers).toMatchObject({ 'content-type': 'application/json', 'x-licensectl-event': 'drift-corrected', 'x-licensectl-delivery': expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(headers['x-licensectl-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature('n0t1fy', Buffer.from(body), headers['x-licensectl-signature'] as string)).toBe(true);
    expect(verifySignature('other', Buffer.from(body), headers['x-licensectl-signature'] as string)).toBe(false);
    await notifier.idle();
    expect(lines).toEqual([expect.objectContaining({ event: 'notify', type: 'drift-corrected', attempt: 1, msg: expect.stringMatching(/^notification drift-corrected sent to 127\.0\.0\.1:\d+$/) })]);
  });

  it('sends no signature without a secret (as Slack’s incoming webhooks take them)', async () => {
    const { next, notifier } = await setup([200]);
    const delivered = next();
    notifier.send(NOTIFICATION);
    expect((await delivered).headers['x-licensectl-signature']).toBeUndefined();
  });

  describe('on fake timers', () => {
    beforeEach(() => { vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }); });
    afterEach(() => { vi.useRealTimers(); });

    it('retries a 5xx after 1 s, 2 s, 4 s (with this jitter), and gives up after 5 attempts, logging each failure', async () => {
      const { next, received, notifier, lines } = await setup([503]);
      notifier.send(NOTIFICATION);
      for (const [i, delay] of [1_000, 2_000, 4_000, 8_000].entries()) {
        // The failure is logged as the wait for the retry starts.
        await until(() => lines.length === i + 1);
        const delivered = next();
        await vi.advanceTimersByTimeAsync(delay - 1);
        expect(received).toHaveLength(i + 1);
        await vi.advanceTimersByTimeAsync(1);
        await delivered;
      }
      await notifier.idle();
      expect(received).toHaveLength(5);
      expect(new Set(received.map((r) => r.headers['x-licensectl-delivery'])).size).toBe(1);
      expect(lines.map((l) => [l.level, l.attempt, l.retryInMs])).toEqual([[40, 1, 1_000], [40, 2, 2_000], [40, 3, 4_000], [40, 4, 8_000], [50, 5, undefined]]);
      expect(lines.at(-1)!.msg).toMatch(/^notification drift-corrected to 127\.0\.0\.1:\d+ failed \(after 5 attempts\): HTTP 503$/);
    });

    it('stops retrying once a retry is accepted', async () => {
      const { received, notifier, lines } = await setup([500, 429, 200]);
      notifier.send(NOTIFICATION);
      await until(() => lines.length === 1);
      await vi.advanceTimersByTimeAsync(1_000);
      await until(() => lines.length === 2);
      await vi.advanceTimersByTimeAsync(2_000);
      await notifier.idle();
      expect(lines.map((l) => l.error ?? 'sent')).toEqual(['HTTP 500', 'HTTP 429', 'sent']);
      expect(received).toHaveLength(3);
    });

    it('does not retry what the receiver refuses (4xx), nor wait on it to send the next', async () => {
      const { received, notifier, lines } = await setup([400, 200]);
      notifier.send(NOTIFICATION);
      notifier.send({ ...NOTIFICATION, event: { ...NOTIFICATION.event, type: 'apply-failed' } });
      await notifier.idle();
      expect(received.map((r) => r.headers['x-licensectl-event'])).toEqual(['drift-corrected', 'apply-failed']);
      expect(lines[0]).toMatchObject({ level: 50, msg: expect.stringContaining('failed (not retried): HTTP 400') });
    });
  });

  it('returns at once while the receiver is slow, and delivers in order', async () => {
    const { next, received, hold, notifier } = await setup([200]);
    const release = hold();
    const first = next();
    notifier.send(NOTIFICATION);
    notifier.send({ ...NOTIFICATION, event: { ...NOTIFICATION.event, type: 'findings' } });
    await first;
    expect(received).toHaveLength(1);
    release();
    await notifier.idle();
    expect(received.map((r) => r.headers['x-licensectl-event'])).toEqual(['drift-corrected', 'findings']);
  });

  it('retries a receiver that cannot be reached, naming the error', async () => {
    const { lines, notifier } = await setup([200], { urls: [`http://127.0.0.1:${await closedPort()}/hook`], attempts: 2, backoff: { baseMs: 1, maxMs: 1, jitter: 0 } });
    notifier.send(NOTIFICATION);
    await notifier.idle();
    expect(lines.map((l) => l.error)).toEqual(['ECONNREFUSED', 'ECONNREFUSED']);
  });
});
