import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, logReconcile } from '../../src/watch/log.js';
import { WatchStatus } from '../../src/watch/status.js';
import { INTERVAL, record, statusWithClock, T0 } from './builders.js';

describe('readiness', () => {
  it('is not ready before the first pass', () => {
    const { status } = statusWithClock();
    expect(status.ready()).toBe(false);
  });

  it('is ready for three intervals after a successful pass, then not', () => {
    const { status, setNow } = statusWithClock();
    status.record(record({ startedAt: T0, durationMs: 100 }));
    setNow(T0 + 100 + 3 * INTERVAL);
    expect(status.ready()).toBe(true);
    setNow(T0 + 101 + 3 * INTERVAL);
    expect(status.ready()).toBe(false);
  });

  it.each(['applied', 'drift-corrected', 'out-of-sync', 'drift-detected'] as const)('counts %s as success', (outcome) => {
    const { status } = statusWithClock();
    status.record(record({ outcome }));
    expect(status.ready(T0 + 1_000)).toBe(true);
  });

  it.each(['store-error', 'apply-failed', 'invalid-config'] as const)('is not ready right after %s, even with a recent success', (outcome) => {
    const { status } = statusWithClock();
    status.record(record({ startedAt: T0 }));
    status.record(record({ outcome, startedAt: T0 + 1_000, error: { code: 'X', message: 'x', diagnostics: [] } }));
    expect(status.ready(T0 + 2_000)).toBe(false);
  });
});

describe('/status snapshot', () => {
  const CHANGES = [
    { address: 'LicenseConfiguration/a', action: 'update', cause: 'drift', fields: ['licenseCount'] },
    { address: 'LicenseConfiguration/b', action: 'create', cause: 'desired', document: 'added', fields: [] },
  ] as const;

  it('reports the synced revision, the last result, the changes with their causes, the deletes held back and the next run', () => {
    const { status } = statusWithClock('warn');
    status.record(record({
      outcome: 'out-of-sync', triggers: ['file', 'interval'], revision: 'r2', desired: { revision: 'r2', valid: true, diagnostics: [] },
      counts: { create: 1, update: 1, replace: 0, delete: 0, noop: 1 }, changes: CHANGES,
      deferred: [{ address: 'Grant/g', absentSince: T0 - 15_000, deleteAt: T0 + 45_000 }],
    }));
    status.scheduled(T0 + INTERVAL);
    expect(status.snapshot(T0 + 1_000)).toEqual({
      mode: 'warn', interval: '1m', source: { type: 'directory', dir: '/project' }, ready: true, running: false, reconciles: 1,
      revision: 'r2', lastSuccessAt: '2026-03-01T12:00:00.120Z', nextRunAt: '2026-03-01T12:01:00.000Z',
      desired: { revision: 'r2', valid: true, diagnostics: [] },
      lastResult: {
        outcome: 'out-of-sync', triggers: ['file', 'interval'], revision: 'r2', startedAt: '2026-03-01T12:00:00.000Z', durationMs: 120,
        counts: { create: 1, update: 1, replace: 0, delete: 0, noop: 1 }, applied: null, managed: 3, errorCode: null,
      },
      changes: CHANGES, observed: [], findings: [],
      pendingDeletes: [{
        address: 'Grant/g', absentSince: '2026-03-01T11:59:45.000Z', deleteAt: '2026-03-01T12:00:45.000Z', message: 'Grant/g: document absent, deleting in 44s',
      }],
      lastError: null, git: null,
    });
  });

  it('counts the time left of a held-back delete from when /status is read, and says when it is due', () => {
    const { status } = statusWithClock();
    status.record(record({ deferred: [{ address: 'Grant/g', absentSince: T0, deleteAt: T0 + 90_000 }] }));
    expect(status.snapshot(T0 + 500).pendingDeletes[0]!.message).toBe('Grant/g: document absent, deleting in 90s');
    expect(status.snapshot(T0 + 30_000).pendingDeletes[0]!.message).toBe('Grant/g: document absent, deleting in 1m');
    expect(status.snapshot(T0 + 90_000).pendingDeletes[0]!.message).toBe('Grant/g: document absent, deleting at the next pass');
  });

  it('keeps the synced revision and the last known changes through an invalid commit, with its diagnostics', () => {
    const { status } = statusWithClock();
    status.record(record({ revision: 'good', changes: [CHANGES[0]] }));
    const diagnostic = { severity: 'error' as const, code: 'YAML_SYNTAX', message: 'bad indentation', file: 'a.yaml', line: 3, column: 1 };
    status.record(record({
      outcome: 'invalid-config', startedAt: T0 + 5_000, revision: 'good', desired: { revision: 'bad', valid: false, diagnostics: [diagnostic] },
      counts: null, changes: [], error: { code: 'INVALID_CONFIG', message: '1 error in the desired state', diagnostics: [diagnostic] },
    }));
    const snapshot = status.snapshot(T0 + 6_000);
    expect(snapshot.revision).toBe('good');
    expect(snapshot.changes).toEqual([CHANGES[0]]);
    expect(snapshot.desired).toEqual({ revision: 'bad', valid: false, diagnostics: [diagnostic] });
    expect(snapshot.lastError).toEqual({
      code: 'INVALID_CONFIG', message: '1 error in the desired state', diagnostics: [diagnostic], outcome: 'invalid-config', at: '2026-03-01T12:00:05.120Z',
    });
  });

  it('clears the last error after a success', () => {
    const { status } = statusWithClock();
    status.record(record({ outcome: 'store-error', counts: null, error: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED', diagnostics: [] } }));
    expect(status.snapshot().lastError?.code).toBe('ECONNREFUSED');
    status.record(record({ startedAt: T0 + 2_000 }));
    expect(status.snapshot().lastError).toBeNull();
  });

  it('shows a pass in progress', () => {
    const { status } = statusWithClock();
    status.started();
    expect(status.snapshot().running).toBe(true);
  });
});

describe('credentials in URLs', () => {
  const TOKEN = 'ghp_s3cretT0ken';
  const url = `https://ci-bot:${TOKEN}@git.example.com/acme/licenses.git`;

  it('never reach /status: not the watched repository, an error, a diagnostic or a fetch error', () => {
    const status = new WatchStatus({ mode: 'correct', intervalMs: INTERVAL, source: { type: 'git', repo: url, branch: 'main', clone: '/cache/licenses-0123' }, clock: () => T0 });
    const diagnostic = { severity: 'error' as const, code: 'LIST_FAILED', message: `cannot read ${url}`, hint: `check https://${TOKEN}@git.example.com` };
    status.record(record({ outcome: 'store-error', counts: null, error: { code: 'GIT_FETCH_FAILED', message: `cannot fetch ${url}`, hint: `retry ${url}`, diagnostics: [diagnostic] } }));
    status.fetched({ at: T0, sha: 'c1', moved: false, error: new Error(`unable to access '${url}': 403`) });
    const snapshot = status.snapshot();
    expect(JSON.stringify(snapshot)).not.toContain(TOKEN);
    expect(snapshot.source).toEqual({ type: 'git', repo: 'https://***@git.example.com/acme/licenses.git', branch: 'main', clone: '/cache/licenses-0123' });
    expect(snapshot.lastError?.message).toBe('cannot fetch https://***@git.example.com/acme/licenses.git');
    expect(snapshot.git?.error?.message).toBe("unable to access 'https://***@git.example.com/acme/licenses.git': 403");
  });

  it('never reach a log line, in a field or in the message, and every line stays JSON', () => {
    const raw: string[] = [];
    const logger = createLogger(new Writable({ write(chunk: Buffer, _enc, done) { raw.push(chunk.toString()); done(); } }));
    logger.info({ event: 'start', source: { type: 'git', repo: url, branch: 'main' } }, `watching ${url}`);
    logger.warn({ event: 'fetch', errorCode: 'GIT_FETCH_FAILED', error: `fatal: unable to access "${url}"` }, 'git fetch failed');
    logReconcile(logger, record({ outcome: 'store-error', counts: null, error: { code: 'X', message: `cannot reach ${url}`, diagnostics: [] } }));
    expect(raw).toHaveLength(3);
    for (const line of raw) expect(line).not.toContain(TOKEN);
    const parsed = raw.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed[0]).toMatchObject({ source: { repo: 'https://***@git.example.com/acme/licenses.git' }, msg: 'watching https://***@git.example.com/acme/licenses.git' });
    expect(parsed[1]).toMatchObject({ error: 'fatal: unable to access "https://***@git.example.com/acme/licenses.git"' });
    expect(parsed[2]).toMatchObject({ error: 'cannot reach https://***@git.example.com/acme/licenses.git' });
  });
});
