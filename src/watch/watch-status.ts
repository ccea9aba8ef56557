// The watcher's state as /status and /readyz report it: the last pass, the last success, the last error,
// and when the next pass is due. The clock is injected so readiness can be tested without waiting.
import type { ReconcileOutcome, ErrorInfo, DriftEntry, DesiredInfo, Outcome } from './outcome.js';
import { errorInfoOf, isSuccess } from './outcome.js';
import type { FetchReport } from './git-poller.js';
import type { SourceDescription } from './desired-source.js';
import type { Trigger } from './triggers.js';
import type { WatchMode } from './reconcile.js';
import { formatDuration } from '../util/duration.js';

export interface ReconcileRecord extends ReconcileOutcome {
  readonly triggers: readonly Trigger[];
  /** Epoch milliseconds. */
  readonly startedAt: number;
  readonly durationMs: number;
}

export interface StatusOptions {
  readonly mode: WatchMode;
  readonly intervalMs: number;
  readonly source: SourceDescription;
  readonly clock?: () => number;
}

/** Readiness allows this many intervals since the last success: one missed pass is not an outage. */
export const READY_INTERVALS = 3;

export class WatchStatus {
  private last: ReconcileRecord | null = null;
  private lastPlanned: ReconcileRecord | null = null;
  private lastSuccessAt: number | null = null;
  private syncedRevision: string | null = null;
  private lastError: (ErrorInfo & { outcome: Outcome; at: number }) | null = null;
  private nextRunAt: number | null = null;
  private running = false;
  private fetch: GitFetchStatus | null = null;
  private total = 0;
  private readonly clock: () => number;

  constructor(private readonly options: StatusOptions) {
    this.clock = options.clock ?? Date.now;
  }

  started(): void {
    this.running = true;
  }

  record(record: ReconcileRecord): void {
    this.running = false;
    this.total += 1;
    this.last = record;
    if (record.counts) this.lastPlanned = record;
    if (record.error) this.lastError = { ...record.error, outcome: record.outcome, at: record.startedAt + record.durationMs };
    if (isSuccess(record.outcome)) {
      this.lastSuccessAt = record.startedAt + record.durationMs;
      this.syncedRevision = record.revision;
      this.lastError = null;
    }
  }

  fetched(report: FetchReport): void {
    const error = report.error ? errorInfoOf(report.error) : null;
    this.fetch = { lastFetchAt: iso(report.at)!, sha: report.sha, error, lastMoveAt: report.moved ? iso(report.at) : (this.fetch?.lastMoveAt ?? null) };
  }

  scheduled(at: number | null): void {
    this.nextRunAt = at;
  }

  /** The last pass succeeded, and did so within READY_INTERVALS intervals. */
  ready(now: number = this.clock()): boolean {
    if (!this.last || !isSuccess(this.last.outcome) || this.lastSuccessAt === null) return false;
    return now - this.lastSuccessAt <= READY_INTERVALS * this.options.intervalMs;
  }

  snapshot(now: number = this.clock()): StatusSnapshot {
    return {
      mode: this.options.mode,
      interval: formatDuration(this.options.intervalMs),
      source: this.options.source,
      ready: this.ready(now),
      running: this.running,
      reconciles: this.total,
      revision: this.syncedRevision,
      lastSuccessAt: iso(this.lastSuccessAt),
      nextRunAt: iso(this.nextRunAt),
      desired: this.last?.desired ?? null,
      lastResult: this.last ? resultJson(this.last) : null,
      drift: this.lastPlanned?.drift ?? [],
      lastError: this.lastError ? { ...this.lastError, at: iso(this.lastError.at)! } : null,
      git: this.fetch,
    };
  }
}

export interface StatusSnapshot {
  readonly mode: WatchMode;
  readonly interval: string;
  readonly source: SourceDescription;
  readonly ready: boolean;
  readonly running: boolean;
  readonly reconciles: number;
  /** Revision of the desired state the last successful pass reconciled. */
  readonly revision: string | null;
  readonly lastSuccessAt: string | null;
  readonly nextRunAt: string | null;
  readonly desired: DesiredInfo | null;
  readonly lastResult: ResultJson | null;
  /** From the last pass that could plan. */
  readonly drift: readonly DriftEntry[];
  readonly lastError: (ErrorInfo & { outcome: Outcome; at: string }) | null;
  /** With --repo: the last fetch of the branch. */
  readonly git: GitFetchStatus | null;
}

export interface GitFetchStatus {
  readonly lastFetchAt: string;
  /** The branch's commit as last fetched (the last known one when the fetch failed). */
  readonly sha: string;
  /** When a fetch last found a new commit. */
  readonly lastMoveAt: string | null;
  readonly error: ErrorInfo | null;
}

export interface ResultJson {
  readonly outcome: Outcome;
  readonly triggers: readonly Trigger[];
  readonly revision: string | null;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly counts: ReconcileOutcome['counts'];
  readonly applied: ReconcileOutcome['applied'];
  readonly managed: number | null;
  readonly errorCode: string | null;
}

function resultJson(r: ReconcileRecord): ResultJson {
  return {
    outcome: r.outcome, triggers: r.triggers, revision: r.revision, startedAt: iso(r.startedAt)!, durationMs: r.durationMs,
    counts: r.counts, applied: r.applied, managed: r.managed, errorCode: r.error?.code ?? null,
  };
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
