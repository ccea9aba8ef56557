// The watcher's log lines: what one pass says, as JSON and as text.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, defaultLogFormat, logReconcile, MAX_LOGGED_CHANGES, textLine } from '../../src/watch/log.js';
import type { ChangeEntry } from '../../src/watch/outcome.js';
import { record, T0 } from './builders.js';

function captured(format: 'text' | 'json') {
  const raw: string[] = [];
  const logger = createLogger(new Writable({ write(chunk: Buffer, _enc, done) { raw.push(chunk.toString()); done(); } }), format);
  return { raw, logger };
}

const DRIFT: ChangeEntry = { address: 'LicenseConfiguration/a', action: 'update', cause: 'drift', fields: ['licenseCount', 'tags.team'] };
const EDIT: ChangeEntry = { address: 'Grant/g', action: 'create', cause: 'desired', document: 'added', fields: [] };

describe('the log line of a pass', () => {
  it('names each change with its cause and fields, and each delete held back with the time left', () => {
    const { raw, logger } = captured('json');
    logReconcile(logger, record({
      outcome: 'applied', durationMs: 1_000, changes: [DRIFT, EDIT],
      deferred: [{ address: 'Grant/x', absentSince: T0 - 14_000, deleteAt: T0 + 46_000 }],
    }));
    const line = JSON.parse(raw[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({
      level: 30, event: 'reconcile', outcome: 'applied', drift: 1, changes: [DRIFT, EDIT],
      pendingDeletes: [{ address: 'Grant/x', absentSince: '2026-03-01T11:59:46.000Z', deleteAt: '2026-03-01T12:00:46.000Z' }],
      msg: 'reconcile applied: update LicenseConfiguration/a (drift: licenseCount, tags.team); create Grant/g (document added); Grant/x: document absent, deleting in 45s',
    });
  });

  it('lists at most MAX_LOGGED_CHANGES changes and counts the rest', () => {
    const { raw, logger } = captured('json');
    const many = Array.from({ length: MAX_LOGGED_CHANGES + 3 }, (_, i): ChangeEntry => ({ ...DRIFT, address: `LicenseConfiguration/c${String(i).padStart(2, '0')}` }));
    logReconcile(logger, record({ outcome: 'drift-corrected', changes: many }));
    const line = JSON.parse(raw[0]!) as { msg: string; changes: unknown[]; drift: number };
    expect(line.changes).toHaveLength(MAX_LOGGED_CHANGES);
    expect(line.drift).toBe(MAX_LOGGED_CHANGES + 3);
    expect(line.msg.endsWith('; …and 3 more')).toBe(true);
  });

  it('is a warning for what --mode warn finds and an error for a failure', () => {
    const { raw, logger } = captured('json');
    logReconcile(logger, record({ outcome: 'out-of-sync', changes: [EDIT] }));
    logReconcile(logger, record({ outcome: 'apply-failed', error: { code: 'TOO_MANY_DELETES', message: 'too many', diagnostics: [] } }));
    expect(raw.map((l) => (JSON.parse(l) as { level: number }).level)).toEqual([40, 50]);
  });
});

describe('--log-format text', () => {
  it('writes time, level and message on one line, the error after it and diagnostics below', () => {
    const { raw, logger } = captured('text');
    logReconcile(logger, record({ outcome: 'drift-corrected', changes: [DRIFT] }));
    const diagnostic = { severity: 'error' as const, code: 'YAML_SYNTAX', message: 'bad indentation', file: 'a.yaml', line: 3, column: 1 };
    logReconcile(logger, record({ outcome: 'invalid-config', changes: [], error: { code: 'INVALID_CONFIG', message: '1 error in the desired state', diagnostics: [diagnostic] } }));
    expect(raw[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z INFO  reconcile drift-corrected: update LicenseConfiguration\/a \(drift: licenseCount, tags\.team\)\n$/);
    expect(raw[1]!.replace(/^\S+ /, '')).toBe('WARN  reconcile invalid-config — [INVALID_CONFIG] 1 error in the desired state\n    a.yaml:3:1: error: bad indentation\n');
  });

  it('escapes control characters, so a file name cannot forge a line, and redacts credentials in URLs', () => {
    const line = textLine(JSON.stringify({ time: 'T', level: 40, msg: 'fetch https://bot:tok@git.example.com/x failed\nFAKE', error: 'e\u001b[31m' }));
    expect(line).toBe('T WARN  fetch https://bot:tok@git.example.com/x failed\\nFAKE — e\\u001b[31m\n');
    const { raw, logger } = captured('text');
    logger.warn({ event: 'fetch', errorCode: 'GIT_FETCH_FAILED', error: 'cannot reach https://bot:tok@git.example.com/x' }, 'git fetch failed');
    expect(raw[0]).toContain('WARN  git fetch failed — [GIT_FETCH_FAILED] cannot reach https://***@git.example.com/x');
    expect(raw[0]).not.toContain('tok');
  });

  it('is the default on a terminal; JSON otherwise', () => {
    expect(defaultLogFormat(true)).toBe('text');
    expect(defaultLogFormat(false)).toBe('json');
    expect(defaultLogFormat(undefined)).toBe('json');
  });
});
