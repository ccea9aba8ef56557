// The watcher's log: pino, one line per event, as JSON (for log collectors) or as readable text (on a terminal).
// Every message says what happened in words (`reconcile applied: update LicenseConfiguration/a (document changed:
// licenseCount)`), so the text form is the JSON line's time, level and message, with its error when there is one.
import { destination, pino, stdTimeFunctions, type DestinationStream, type Logger } from 'pino';
import { printable, redactUrls } from '../util/safe-text.js';
import { describeChange } from './change-causes.js';
import type { Outcome, ReconcileRecord } from './outcome.js';
import { describeDeferred } from './prune-grace.js';

export type { Logger } from 'pino';

export const LOG_FORMATS = ['text', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Text on a terminal, JSON otherwise (piped into a file, a container's log, a collector), as mature tools choose. */
export function defaultLogFormat(isTTY: boolean | undefined): LogFormat {
  return isTTY ? 'text' : 'json';
}

/** Changes listed in one line; the rest are counted, so a line stays readable at 2,000 resources. */
export const MAX_LOGGED_CHANGES = 20;

/**
 * pino on stdout; the destination writes synchronously, so no line is lost when SIGTERM ends the process right
 * after a pass. Every line is redacted as a whole before it is written (whatever field or message carries a URL),
 * which keeps it JSON: the redaction never crosses a quote. The text form is made from the redacted line.
 */
export function createLogger(stream: DestinationStream = destination({ dest: 1, sync: true }), format: LogFormat = 'json'): Logger {
  return pino({ base: { name: 'licensectl-watch' }, timestamp: stdTimeFunctions.isoTime }, redacting(stream, format));
}

function redacting(stream: DestinationStream, format: LogFormat): DestinationStream & { flush(cb: (error?: Error) => void): void } {
  const flushable = stream as DestinationStream & { flush?: (cb: (error?: Error) => void) => void };
  return {
    write: (line: string) => stream.write(format === 'json' ? redactUrls(line) : textLine(redactUrls(line))),
    flush: (cb) => (flushable.flush ? flushable.flush(cb) : cb()),
  };
}

const LEVELS: Readonly<Record<number, string>> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

interface JsonLine {
  readonly time?: string;
  readonly level?: number;
  readonly msg?: string;
  readonly errorCode?: string | null;
  readonly error?: string;
  readonly diagnostics?: readonly { file?: string; line?: number; column?: number; severity?: string; message?: string }[];
}

/**
 * One JSON line as text: `2026-03-01T12:00:00.000Z INFO  reconcile synced`, its error after the message, and its
 * diagnostics below it, indented, as `file:line:column: severity: message`. Control characters are escaped, so a
 * file name cannot forge a line.
 */
export function textLine(json: string): string {
  const line = JSON.parse(json) as JsonLine;
  const level = (LEVELS[line.level ?? 30] ?? String(line.level)).padEnd(5);
  const error = line.error !== undefined ? ` — ${line.errorCode ? `[${line.errorCode}] ` : ''}${line.error}` : '';
  const diagnostics = (line.diagnostics ?? []).map((d) => {
    const at = [d.file, d.line, d.column].filter((p) => p !== undefined).join(':');
    return `\n    ${at ? `${at}: ` : ''}${d.severity ?? 'error'}: ${printable(d.message ?? '')}`;
  });
  return `${line.time ?? ''} ${level} ${printable(`${line.msg ?? ''}${error}`)}${diagnostics.join('')}\n`;
}

/** The log line of one pass: its outcome and each change in words in the message, the same as fields for machines. */
export function logReconcile(logger: Logger, r: ReconcileRecord): void {
  const end = r.startedAt + r.durationMs;
  const changes = r.changes.slice(0, MAX_LOGGED_CHANGES);
  const deferred = r.deferred.slice(0, MAX_LOGGED_CHANGES);
  const observed = (r.observed ?? []).slice(0, MAX_LOGGED_CHANGES);
  const words = [
    ...changes.map(describeChange), ...deferred.map((d) => describeDeferred(d, end)),
    ...observed.map((o) => `observed ${o.target ? `${o.target}/` : ''}${o.address} (${o.missing ? 'missing, not created' : `drift, not corrected: ${o.fields.join(', ')}`})`),
  ];
  const more = r.changes.length - changes.length + r.deferred.length - deferred.length;
  if (more > 0) words.push(`…and ${more} more`);
  logger[levelOf(r.outcome)]({
    event: 'reconcile',
    triggers: r.triggers,
    revision: r.revision,
    desiredRevision: r.desired.revision,
    outcome: r.outcome,
    counts: r.counts,
    drift: r.changes.filter((c) => c.cause === 'drift').length,
    changes,
    ...(observed.length ? { observed } : {}),
    pendingDeletes: deferred.map((d) => ({ ...(d.target ? { target: d.target } : {}), address: d.address, absentSince: iso(d.absentSince), deleteAt: iso(d.deleteAt) })),
    applied: r.applied,
    managed: r.managed,
    ...(r.findings?.length ? { findings: r.findings.slice(0, MAX_LOGGED_CHANGES).map(({ code, severity, address, message }) => ({ code, severity, address, message })) } : {}),
    ...(r.targets ? { targets: r.targets.map((t) => ({ target: t.target, outcome: t.outcome, errorCode: t.error?.code ?? null })) } : {}),
    durationMs: r.durationMs,
    errorCode: r.error?.code ?? null,
    ...(r.error ? { error: r.error.message } : {}),
    ...(r.error?.diagnostics.length ? { diagnostics: r.error.diagnostics.slice(0, MAX_LOGGED_CHANGES) } : {}),
  }, `reconcile ${r.outcome}${r.targets?.length ? ` (${targetsInWords(r.targets)})` : ''}${words.length ? `: ${words.join('; ')}` : ''}`);
}

/** `dev synced, prod store-error`: each target's outcome, in the order of spec.targets. */
function targetsInWords(targets: NonNullable<ReconcileRecord['targets']>): string {
  return targets.map((t) => `${t.target} ${t.outcome}`).join(', ');
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function levelOf(outcome: Outcome): 'info' | 'warn' | 'error' {
  switch (outcome) {
    case 'synced':
    case 'applied':
    case 'drift-corrected':
      return 'info';
    case 'out-of-sync':
    case 'drift-detected':
    case 'invalid-config':
      return 'warn';
    case 'store-error':
    case 'apply-failed':
    case 'refused':
      return 'error';
  }
}
