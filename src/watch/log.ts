// One JSON line per reconcile on stdout (pino). The destination writes synchronously, so no line is
// lost when SIGTERM ends the process right after a pass.
import { destination, pino, stdTimeFunctions, type DestinationStream, type Logger } from 'pino';
import type { Outcome } from './outcome.js';
import type { ReconcileRecord } from './watch-status.js';

export type { Logger } from 'pino';

/** Drift addresses listed in one line; the rest are counted, so a line stays readable at 2,000 resources. */
export const MAX_LOGGED_CHANGES = 20;

export function createLogger(stream: DestinationStream = destination({ dest: 1, sync: true })): Logger {
  return pino({ base: { name: 'licensectl-watch' }, timestamp: stdTimeFunctions.isoTime }, stream);
}

export function logReconcile(logger: Logger, r: ReconcileRecord): void {
  const changes = r.drift.slice(0, MAX_LOGGED_CHANGES).map((d) => `${d.action} ${d.address}`);
  if (r.drift.length > MAX_LOGGED_CHANGES) changes.push(`…and ${r.drift.length - MAX_LOGGED_CHANGES} more`);
  logger[levelOf(r.outcome)]({
    event: 'reconcile',
    triggers: r.triggers,
    revision: r.revision,
    desiredRevision: r.desired.revision,
    outcome: r.outcome,
    counts: r.counts,
    drift: r.drift.length,
    changes,
    applied: r.applied,
    managed: r.managed,
    durationMs: r.durationMs,
    errorCode: r.error?.code ?? null,
    ...(r.error ? { error: r.error.message } : {}),
    ...(r.error?.diagnostics.length ? { diagnostics: r.error.diagnostics.slice(0, MAX_LOGGED_CHANGES) } : {}),
  }, `reconcile ${r.outcome}`);
}

function levelOf(outcome: Outcome): 'info' | 'warn' | 'error' {
  switch (outcome) {
    case 'synced':
    case 'drift-corrected':
      return 'info';
    case 'drift-detected':
    case 'invalid-config':
      return 'warn';
    case 'store-error':
    case 'apply-failed':
      return 'error';
  }
}
