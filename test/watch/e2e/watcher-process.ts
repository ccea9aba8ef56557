// `licensectl watch` as a separate process: its JSON log lines, its HTTP endpoints, and a clean stop.
import type { ChildProcess } from 'node:child_process';
import { spawnCli } from '../../helpers/cli.js';

export interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly event?: string;
  readonly outcome?: string;
  readonly triggers?: string[];
  readonly revision?: string | null;
  readonly errorCode?: string | null;
  readonly [key: string]: unknown;
}

/** Environment that makes a failing store fail fast (one retry, short timeout) so tests stay short. */
export const FAST_FAILURE_ENV = { LICENSECTL_MAX_ATTEMPTS: '2', LICENSECTL_RETRY_BASE_MS: '20', LICENSECTL_TIMEOUT_MS: '2000' };

export class WatcherProcess {
  readonly lines: LogLine[] = [];
  stderr = '';
  private waiters: (() => void)[] = [];

  private constructor(readonly child: ChildProcess, public url = '') {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      for (const part of parts.filter(Boolean)) this.lines.push(JSON.parse(part) as LogLine);
      this.waiters.forEach((w) => w());
    });
    child.stderr!.on('data', (chunk: Buffer) => { this.stderr += chunk.toString(); });
    child.on('exit', () => this.waiters.forEach((w) => w()));
  }

  static async start(args: readonly string[], env: Record<string, string> = {}): Promise<WatcherProcess> {
    const child = spawnCli(['watch', '--listen', '127.0.0.1:0', ...args], { env: { ...FAST_FAILURE_ENV, ...env } });
    const watcher = new WatcherProcess(child);
    const start = await watcher.waitForLine((l) => l.event === 'start', 20_000);
    watcher.url = start.url as string;
    return watcher;
  }

  get reconciles(): LogLine[] {
    return this.lines.filter((l) => l.event === 'reconcile');
  }

  /** The first line from index `from` on that matches. */
  waitForLine(match: (line: LogLine) => boolean, timeoutMs = 10_000, from = 0): Promise<LogLine> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.lines.slice(from).find(match);
        if (found) return done(() => resolve(found));
        if (this.child.exitCode !== null) done(() => reject(new Error(`watch exited with ${this.child.exitCode}: ${this.stderr}`)));
      };
      const timer = setTimeout(() => done(() => reject(new Error(`no matching log line in ${timeoutMs} ms; lines:\n${this.lines.map((l) => JSON.stringify(l)).join('\n')}\n${this.stderr}`))), timeoutMs);
      const done = (finish: () => void) => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
        finish();
      };
      this.waiters.push(check);
      check();
    });
  }

  /** The next reconcile line logged after this call. */
  nextReconcile(match: (line: LogLine) => boolean = () => true, timeoutMs = 10_000): Promise<LogLine> {
    return this.waitForLine((l) => l.event === 'reconcile' && match(l), timeoutMs, this.lines.length);
  }

  async json(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await fetch(this.url + path);
    return { status: res.status, body: await res.json() as Record<string, unknown> };
  }

  async metrics(): Promise<string> {
    return (await fetch(`${this.url}/metrics`)).text();
  }

  /** Sends the signal and resolves with the exit code. */
  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve(this.child.exitCode);
      this.child.once('exit', (code) => resolve(code));
      this.child.kill(signal);
    });
  }
}

/** The value of one sample in Prometheus text output, e.g. `licensectl_reconciles_total{outcome="synced"}`; 0 when absent. */
export function sample(metricsText: string, series: string): number {
  const line = metricsText.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

export async function waitUntil<T>(probe: () => Promise<T | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
