// Builders for the watcher's values, so tests state only what they are about.
import type { ReconcileRecord } from '../../src/watch/outcome.js';
import { WatchStatus } from '../../src/watch/status.js';

export const T0 = Date.parse('2026-03-01T12:00:00.000Z');
export const INTERVAL = 60_000;

export function record(overrides: Partial<ReconcileRecord> = {}): ReconcileRecord {
  return {
    outcome: 'synced', project: 'p', triggers: ['interval'], startedAt: T0, durationMs: 120,
    desired: { revision: 'abc123', valid: true, diagnostics: [] }, revision: 'abc123',
    counts: { create: 0, update: 0, replace: 0, delete: 0, noop: 3 }, changes: [], deferred: [], managed: 3, applied: null, findings: [], usage: { minHeadroomPercent: null, configurations: [] }, error: null,
    ...overrides,
  };
}

/** A status whose clock the test moves. */
export function statusWithClock(mode: 'correct' | 'warn' = 'correct') {
  let now = T0;
  const status = new WatchStatus({ mode, intervalMs: INTERVAL, source: { type: 'directory', dir: '/project' }, clock: () => now });
  return { status, setNow: (ms: number) => { now = ms; } };
}
