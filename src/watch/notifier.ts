// --notify: each event POSTed as JSON to every URL given, signed with LICENSECTL_NOTIFY_SECRET the way GitHub signs
// its webhooks (`X-Licensectl-Signature: sha256=<hex HMAC-SHA256 of the raw body>`). Sending never holds up a pass:
// each URL has its own queue, drained in the background in order; a delivery that fails with a network error, a
// timeout, 408, 429 or a 5xx is retried with exponential backoff a bounded number of times, and every failure is logged.
import { randomUUID } from 'node:crypto';
import { errorName } from '../store/index.js';
import type { Logger } from './log.js';
import type { Notification } from './notify-events.js';
import { Backoff, type BackoffPolicy, type Random } from './schedule.js';
import { signatureOf } from './server.js';

export interface NotifierOptions {
  readonly urls: readonly string[];
  readonly secret?: string;
  readonly logger: Logger;
  /** Attempts per delivery, the first included. */
  readonly attempts?: number;
  readonly backoff?: BackoffPolicy;
  readonly timeoutMs?: number;
  /** Deliveries waiting per URL; past it the oldest is dropped (and logged). */
  readonly maxQueued?: number;
  readonly random?: Random;
}

/** 5 attempts: the first, then after about 1 s, 2 s, 4 s and 8 s (each shortened by up to 20 %). */
export const NOTIFY_ATTEMPTS = 5;
export const NOTIFY_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000, jitter: 0.2 };
export const NOTIFY_TIMEOUT_MS = 10_000;
const MAX_QUEUED = 100;

interface Delivery {
  readonly id: string;
  readonly type: string;
  readonly body: string;
}

export class Notifier {
  private readonly outboxes: Outbox[];

  constructor(options: NotifierOptions) {
    this.outboxes = options.urls.map((url) => new Outbox(url, options));
  }

  /** Queues the notification for every URL and returns at once. */
  send(notification: Notification): void {
    const delivery = { id: randomUUID(), type: notification.event.type, body: JSON.stringify(notification) };
    for (const outbox of this.outboxes) outbox.push(delivery);
  }

  /** Resolves once every queue is empty (delivered, or given up). */
  async idle(): Promise<void> {
    await Promise.all(this.outboxes.map((o) => o.idle()));
  }

  /** Waits up to `graceMs` for the queues to empty, then abandons what is left (logged). */
  async stop(graceMs = 5_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => { timer = setTimeout(resolve, graceMs); });
    await Promise.race([this.idle(), late]);
    clearTimeout(timer);
    await Promise.all(this.outboxes.map((o) => o.abandon()));
  }
}

type Attempt = { readonly ok: true } | { readonly ok: false; readonly retryable: boolean; readonly reason: string };

class Outbox {
  private readonly queue: Delivery[] = [];
  private draining: Promise<void> | null = null;
  private readonly stopping = new AbortController();
  /** Where log lines say deliveries go: the host only, since a webhook URL's path is often its secret (Slack's is). */
  private readonly to: string;

  constructor(private readonly url: string, private readonly options: NotifierOptions) {
    this.to = new URL(url).host;
  }

  push(delivery: Delivery): void {
    if (this.stopping.signal.aborted) return;
    if (this.queue.length >= (this.options.maxQueued ?? MAX_QUEUED)) {
      const dropped = this.queue.shift()!;
      this.options.logger.warn({ event: 'notify', to: this.to, type: dropped.type, delivery: dropped.id }, `notification ${dropped.type} to ${this.to} dropped: too many waiting`);
    }
    this.queue.push(delivery);
    this.draining ??= this.drain();
  }

  idle(): Promise<void> {
    return this.draining ?? Promise.resolve();
  }

  async abandon(): Promise<void> {
    const left = this.queue.splice(0);
    this.stopping.abort();
    await this.idle();
    if (left.length) this.options.logger.warn({ event: 'notify', to: this.to, abandoned: left.length }, `${left.length} notifications to ${this.to} not sent: stopping`);
  }

  /** Delivers until the queue is empty; `draining` is cleared in the same turn as the last look at the queue. */
  private async drain(): Promise<void> {
    try {
      for (let next = this.queue.shift(); next && !this.stopping.signal.aborted; next = this.queue.shift()) await this.deliver(next);
    } finally {
      // Synchronously after the queue was seen empty: a push after this starts a new drain, none is left waiting.
      this.draining = null;
    }
  }

  private async deliver(delivery: Delivery): Promise<void> {
    const { logger } = this.options;
    const attempts = this.options.attempts ?? NOTIFY_ATTEMPTS;
    const backoff = new Backoff(this.options.backoff ?? NOTIFY_BACKOFF, this.options.random);
    const fields = { event: 'notify', to: this.to, type: delivery.type, delivery: delivery.id };
    for (let attempt = 1; ; attempt += 1) {
      const result = await this.post(delivery);
      if (result.ok) {
        logger.info({ ...fields, attempt }, `notification ${delivery.type} sent to ${this.to}`);
        return;
      }
      if (this.stopping.signal.aborted) return;
      if (!result.retryable || attempt >= attempts) {
        const why = result.retryable ? `after ${attempt} attempts` : 'not retried';
        logger.error({ ...fields, attempt, error: result.reason }, `notification ${delivery.type} to ${this.to} failed (${why}): ${result.reason}`);
        return;
      }
      const delayMs = backoff.fail();
      logger.warn({ ...fields, attempt, error: result.reason, retryInMs: delayMs }, `notification ${delivery.type} to ${this.to} failed: ${result.reason}; retrying`);
      await sleep(delayMs, this.stopping.signal);
    }
  }

  private async post(delivery: Delivery): Promise<Attempt> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.options.timeoutMs ?? NOTIFY_TIMEOUT_MS);
    const headers: Record<string, string> = {
      'content-type': 'application/json', 'user-agent': 'licensectl-watch', 'x-licensectl-event': delivery.type, 'x-licensectl-delivery': delivery.id,
    };
    if (this.options.secret) headers['x-licensectl-signature'] = signatureOf(this.options.secret, Buffer.from(delivery.body));
    try {
      const response = await fetch(this.url, { method: 'POST', headers, body: delivery.body, signal: AbortSignal.any([timeout.signal, this.stopping.signal]) });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return { ok: true };
      const status = response.status;
      return { ok: false, retryable: status === 408 || status === 429 || status >= 500, reason: `HTTP ${status}` };
    } catch (error) {
      const reason = timeout.signal.aborted ? 'timed out' : causeOf(error);
      return { ok: false, retryable: true, reason };
    } finally {
      clearTimeout(timer);
    }
  }
}

/** fetch's "fetch failed" names its cause (ECONNREFUSED, ENOTFOUND, "bad port", …) only inside. */
function causeOf(error: unknown): string {
  const cause = ((error as { cause?: unknown }).cause ?? error) as { code?: unknown; message?: unknown };
  if (typeof cause.code === 'string') return cause.code;
  const name = errorName(cause);
  return name === 'Error' && typeof cause.message === 'string' && cause.message ? cause.message : name;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
