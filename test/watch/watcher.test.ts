// The reconcile loop on fake timers with an injected clock (what runs when, exactly), then the whole
// watcher in this process (embedded emulator, no git): triggers, status and the log line of each pass.
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GitOps } from '../../src/watch/git-source.js';
import type { Outcome, ReconcileOutcome, ReconcileRecord } from '../../src/watch/outcome.js';
import { backoffCeiling, ReconcileLoop } from '../../src/watch/schedule.js';
import { createLogger } from '../../src/watch/log.js';
import { WatchStatus, type StatusSnapshot } from '../../src/watch/status.js';
import type { WatchOptions } from '../../src/watch/watch-options.js';
import { startWatcher, type RunningWatcher } from '../../src/watch/watcher.js';
import { CONFIG_YAML, PROJECT_YAML, projectDir, removeDir } from '../helpers/cli.js';
import { record, T0 } from './builders.js';
import { waitUntil, type LogLine } from './e2e/watcher-process.js';

describe('the reconcile loop', () => {
  beforeEach(() => { vi.useFakeTimers({ now: T0 }); });
  afterEach(() => { vi.useRealTimers(); });

  /** A loop whose passes end with the outcomes given, one by one (the last repeats), and jitter `random`. */
  function loop(outcomes: Outcome[], { intervalMs = 60_000, random = 0.5, deferred = [] as ReconcileOutcome['deferred'], targets = undefined as ReconcileOutcome['targets'] } = {}) {
    const status = new WatchStatus({ mode: 'correct', intervalMs, source: { type: 'directory', dir: '/project' }, clock: () => Date.now() });
    const records: ReconcileRecord[] = [];
    const signals: AbortSignal[] = [];
    let gate: Promise<void> = Promise.resolve();
    const pass = async (signal: AbortSignal): Promise<ReconcileOutcome> => {
      signals.push(signal);
      await gate;
      const outcome = outcomes[Math.min(signals.length, outcomes.length) - 1]!;
      return record({ outcome, deferred, error: outcome === 'synced' ? null : { code: 'X', message: 'x', diagnostics: [] }, ...(targets ? { targets } : {}) });
    };
    const reconcile = new ReconcileLoop({ pass, status, observe: (r) => records.push(r), intervalMs, clock: () => Date.now(), random: () => random });
    const hold = () => {
      let release = () => {};
      gate = new Promise((resolve) => { release = resolve; });
      return release;
    };
    const triggers = () => records.map((r) => r.triggers);
    const nextIn = () => Date.parse(status.snapshot().nextRunAt!) - Date.now();
    return { reconcile, status, records, signals, triggers, nextIn, hold };
  }

  it('runs a pass at start, then one interval (±10 %) after each success', async () => {
    const { reconcile, status, triggers, nextIn } = loop(['synced'], { random: 0 });
    reconcile.request('start');
    await reconcile.idle();
    expect(status.snapshot()).toMatchObject({ reconciles: 1, lastResult: { startedAt: new Date(T0).toISOString(), triggers: ['start'] } });
    expect(nextIn()).toBe(54_000);
    await vi.advanceTimersByTimeAsync(53_999);
    expect(triggers()).toEqual([['start']]);
    await vi.advanceTimersByTimeAsync(1);
    expect(triggers()).toEqual([['start'], ['interval']]);
    expect(nextIn()).toBe(54_000);
  });

  it('retries a failing store after the backoff delay, not at the (shorter) interval, and starts over after a success', async () => {
    const { reconcile, status, triggers, nextIn } = loop(['store-error', 'apply-failed', 'store-error', 'synced', 'store-error'], { intervalMs: 200, random: 0 });
    reconcile.request('start');
    await reconcile.idle();
    expect(nextIn()).toBe(1_000);
    await vi.advanceTimersByTimeAsync(999);
    expect(triggers()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(nextIn()).toBe(2_000);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(nextIn()).toBe(4_000);
    expect(status.snapshot()).toMatchObject({ ready: false, lastError: { outcome: 'store-error' } });
    await vi.advanceTimersByTimeAsync(4_000);
    expect(status.snapshot()).toMatchObject({ ready: true, lastResult: { outcome: 'synced' } });
    expect(nextIn()).toBe(180);
    await vi.advanceTimersByTimeAsync(180);
    expect(nextIn()).toBe(1_000);
    expect(triggers()).toEqual([['start'], ['retry'], ['retry'], ['retry'], ['interval']]);
  });

  it('with targets, retries no later than the interval while another target succeeds; backs off when all fail', async () => {
    const part = (target: string, outcome: Outcome) => ({ ...record({ outcome }), target, account: '111122223333', region: 'us-east-1' });
    const some = loop(['store-error'], { intervalMs: 1_500, random: 0, targets: [part('a', 'synced'), part('b', 'store-error')] });
    some.reconcile.request('start');
    await some.reconcile.idle();
    expect(some.nextIn()).toBe(1_000);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(some.nextIn()).toBe(1_350);
    await vi.advanceTimersByTimeAsync(1_350);
    expect(some.nextIn()).toBe(1_350);
    expect(some.triggers()).toEqual([['start'], ['retry'], ['interval']]);
    await some.reconcile.stop();
    const all = loop(['store-error'], { intervalMs: 1_500, random: 0, targets: [part('a', 'store-error')] });
    all.reconcile.request('start');
    await all.reconcile.idle();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(all.nextIn()).toBe(2_000);
  });

  it('runs a pass when a delete held back by --prune-grace falls due, sooner than the interval', async () => {
    const deferred = [{ address: 'Grant/g' as const, absentSince: T0, deleteAt: T0 + 45_000 }, { address: 'Grant/h' as const, absentSince: T0, deleteAt: T0 + 50_000 }];
    const { reconcile, triggers, nextIn } = loop(['synced'], { random: 0.5, deferred });
    reconcile.request('start');
    await reconcile.idle();
    expect(nextIn()).toBe(45_000);
    await vi.advanceTimersByTimeAsync(44_999);
    expect(triggers()).toEqual([['start']]);
    await vi.advanceTimersByTimeAsync(1);
    expect(triggers()).toEqual([['start'], ['grace']]);
  });

  it('keeps the interval when it comes before the held-back delete', async () => {
    const { reconcile, nextIn } = loop(['synced'], { random: 0.5, deferred: [{ address: 'Grant/g', absentSince: T0, deleteAt: T0 + 3_600_000 }] });
    reconcile.request('start');
    await reconcile.idle();
    expect(nextIn()).toBe(60_000);
  });

  it('waits the interval, not the backoff, after an invalid desired state', async () => {
    const { reconcile, nextIn } = loop(['invalid-config'], { intervalMs: 200, random: 0 });
    reconcile.request('start');
    await reconcile.idle();
    expect(nextIn()).toBe(180);
  });

  it('folds the requests made during a pass into one more pass that names them all', async () => {
    const { reconcile, status, triggers, hold } = loop(['synced']);
    const release = hold();
    reconcile.request('start');
    expect(status.snapshot().running).toBe(true);
    for (const t of ['file', 'webhook', 'file', 'git'] as const) reconcile.request(t);
    release();
    await reconcile.idle();
    expect(triggers()).toEqual([['start'], ['file', 'git', 'webhook']]);
  });

  it('on stop, aborts the pass in flight, schedules nothing more and refuses new requests', async () => {
    const { reconcile, status, signals, triggers, hold } = loop(['synced']);
    const release = hold();
    reconcile.request('start');
    reconcile.request('file');
    const stopped = reconcile.stop();
    expect(signals[0]!.aborted).toBe(true);
    release();
    await stopped;
    reconcile.request('webhook');
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(triggers()).toEqual([['start']]);
    expect(status.snapshot().nextRunAt).toBeNull();
  });
});

const config = (name: string, count: number) => CONFIG_YAML(name, `countingType: Core\nlicenseCount: ${count}`);
const NO_GIT: GitOps & { sourceRevision(dir: string): Promise<{ revision: string | null; dirty: boolean | null }> } = {
  ensureClone: () => Promise.reject(new Error('no git in this test')),
  fetchBranch: () => Promise.reject(new Error('no git in this test')),
  gitSource: () => { throw new Error('no git in this test'); },
  sourceRevision: async () => ({ revision: 'rev-1', dirty: false }),
};

function memoryLogger() {
  const lines: LogLine[] = [];
  const stream = new Writable({ write(chunk: Buffer, _enc, done) { lines.push(JSON.parse(chunk.toString()) as LogLine); done(); } });
  return { lines, logger: createLogger(stream) };
}

describe('the watcher in-process', () => {
  let watcher: RunningWatcher | undefined;
  let dir: string | undefined;
  beforeAll(() => { process.env.LICENSECTL_MAX_ATTEMPTS = '1'; });
  afterEach(async () => {
    await watcher?.stop();
    if (dir) await removeDir(dir);
    watcher = dir = undefined;
  });

  /** A watcher whose clock stands still at T0, and whose jitter is `random`. */
  async function start(files: Record<string, string>, overrides: Partial<WatchOptions> = {}, random = 0.5) {
    dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('inproc'), ...files });
    const { lines, logger } = memoryLogger();
    const options: WatchOptions = {
      source: { type: 'directory', dir }, intervalMs: 3_600_000, mode: 'correct', listen: { host: '127.0.0.1', port: 0 }, pruneGraceMs: 60_000, logFormat: 'json',
      storeFlags: { concurrency: 4 }, ...overrides,
    };
    watcher = await startWatcher(options, { git: NO_GIT, logger, clock: () => T0, random: () => random });
    const url = watcher.url;
    const reconciles = () => lines.filter((l) => l.event === 'reconcile');
    const status = async () => (await (await fetch(`${url}/status`)).json()) as StatusSnapshot;
    /** The status between passes, once `done` holds. */
    const settled = (done: (s: StatusSnapshot) => boolean) =>
      waitUntil(async () => { const s = await status(); return !s.running && s.nextRunAt !== null && done(s) && s; }, 10_000, 'the watcher to settle');
    return { lines, reconciles, url, settled, write: (file: string, content: string) => writeFile(path.join(dir!, file), content) };
  }

  it('refuses at start --only-targets for a project without targets, or a pattern that selects no target', async () => {
    await expect(start({}, { onlyTargets: ['a'] })).rejects.toMatchObject({ code: 'USAGE', message: '--only-targets needs spec.targets in licensectl.yaml' });
    await removeDir(dir!);
    const targets = 'apiVersion: licensectl/v1\nkind: Project\nmetadata: {name: org}\nspec:\n  targets: [{name: a, account: "111122223333", regions: [us-east-1]}]\n  defaultTargets: ["*"]\n';
    await expect(start({ 'licensectl.yaml': targets }, { onlyTargets: ['prod-*'] })).rejects.toMatchObject({ code: 'USAGE', message: '--only-targets "prod-*" selects no target' });
  });

  it('reconciles at start and logs one line with the revision, counts and duration', async () => {
    const { reconciles, lines } = await start({ 'a.yaml': config('a', 1) });
    await waitUntil(async () => reconciles()[0], 5_000, 'the first pass');
    expect(lines[0]).toMatchObject({ event: 'start', mode: 'correct', source: { type: 'directory' } });
    expect(reconciles()[0]).toMatchObject({
      msg: 'reconcile applied: create LicenseConfiguration/a (since start)', triggers: ['start'], revision: 'rev-1', outcome: 'applied',
      counts: { create: 1, update: 0, replace: 0, delete: 0, noop: 0 }, drift: 0,
      changes: [{ address: 'LicenseConfiguration/a', action: 'create', cause: 'unknown', fields: [] }], pendingDeletes: [],
      applied: { applied: 1, failed: 0, skipped: 0 }, managed: 1, errorCode: null,
    });
    expect(reconciles()[0]!.durationMs).toEqual(expect.any(Number));
  });

  it('reconciles after a burst of saves, with a pass triggered by the files', async () => {
    const { reconciles, write } = await start({ 'a.yaml': config('a', 1) });
    await waitUntil(async () => reconciles()[0], 5_000, 'the first pass');
    for (let i = 2; i <= 6; i += 1) await write('a.yaml', config('a', i));
    await write('.a.yaml.swp', 'junk');
    const pass = await waitUntil(async () => reconciles().find((l) => l.triggers?.includes('file')), 10_000, 'the pass after the saves');
    expect(pass).toMatchObject({
      triggers: ['file'], outcome: 'applied', msg: 'reconcile applied: update LicenseConfiguration/a (document changed: licenseCount)',
      changes: [{ address: 'LicenseConfiguration/a', action: 'update', cause: 'desired', document: 'changed', fields: ['licenseCount'] }],
    });
  });

  it('holds back the delete of a removed document, saying so in the log and /status, and deletes nothing when it is restored', async () => {
    const { reconciles, write, settled } = await start({ 'licensectl.yaml': PROJECT_YAML('inproc', '  prune: true\n'), 'a.yaml': config('a', 1), 'b.yaml': config('b', 2) });
    await settled((s) => s.reconciles >= 1);
    await rm(path.join(dir!, 'b.yaml'));
    const held = await waitUntil(async () => reconciles().find((l) => l.triggers?.includes('file')), 10_000, 'the pass after the removal');
    expect(held).toMatchObject({
      outcome: 'synced', msg: 'reconcile synced: LicenseConfiguration/b: document absent, deleting in 1m', counts: { delete: 0 },
      pendingDeletes: [{ address: 'LicenseConfiguration/b', absentSince: '2026-03-01T12:00:00.000Z', deleteAt: '2026-03-01T12:01:00.000Z' }],
    });
    const status = await settled((s) => s.reconciles >= 2);
    expect(status.pendingDeletes).toEqual([{
      address: 'LicenseConfiguration/b', absentSince: '2026-03-01T12:00:00.000Z', deleteAt: '2026-03-01T12:01:00.000Z', message: 'LicenseConfiguration/b: document absent, deleting in 1m',
    }]);
    expect(status.nextRunAt).toBe('2026-03-01T12:01:00.000Z');
    await write('b.yaml', config('b', 2));
    const restored = await settled((s) => s.reconciles >= 3);
    expect(restored).toMatchObject({ lastResult: { outcome: 'synced', triggers: ['file'] }, pendingDeletes: [], changes: [] });
    expect(reconciles().map((l) => l.outcome)).toEqual(['applied', 'synced', 'synced']);
  });

  it('schedules the next pass one interval (±10 %) after a success, and shows it in /status', async () => {
    const { settled } = await start({ 'a.yaml': config('a', 1) }, { intervalMs: 60_000 }, 0.5);
    const status = await settled((s) => s.reconciles >= 1);
    expect(status).toMatchObject({ ready: true, lastResult: { outcome: 'applied', startedAt: '2026-03-01T12:00:00.000Z' } });
    expect(status.nextRunAt).toBe('2026-03-01T12:01:00.000Z');
  });

  it('retries a failing store after the backoff delay, not at the (shorter) interval', async () => {
    const { reconciles, url, settled } = await start({ 'a.yaml': config('a', 1) }, { intervalMs: 200, storeFlags: { concurrency: 1, endpoint: 'http://127.0.0.1:9' } }, 0);
    const status = await settled((s) => s.reconciles >= 2);
    expect(reconciles().slice(0, 2).map((l) => [l.outcome, l.triggers])).toEqual([['store-error', ['start']], ['store-error', ['retry']]]);
    expect(status).toMatchObject({ ready: false, lastResult: { outcome: 'store-error', triggers: ['retry'] }, lastError: { code: 'ECONNREFUSED' } });
    // Each failure doubles the delay (1 s, 2 s, …), far beyond the 200 ms interval.
    expect(Date.parse(status.nextRunAt!) - T0).toBe(backoffCeiling(status.reconciles));
    expect((await fetch(`${url}/readyz`)).status).toBe(503);
  });
});
