// How the watcher is observed. Every pass is reported three ways: the state /status and /readyz serve
// (the last pass, the last success, the last error, when the next pass is due; with spec.targets, each target's),
// Prometheus metrics (watch-metrics.ts), and one log line (log.ts). The clock is injected so readiness can be tested without waiting.
import type { Finding } from '../plan/types.js';
import { formatDuration } from '../util/duration.js';
import { redactUrlsDeep } from '../util/safe-text.js';
import type { FetchReport } from './git-source.js';
import {
  errorInfoOf, isSuccess, type ChangeEntry, type DeferredDelete, type DesiredInfo, type ErrorInfo, type Outcome, type ReconcileOutcome, type ReconcileRecord, type TargetOutcome, type Trigger,
  type ObservedEntry,
} from './outcome.js';
import { describeDeferred } from './prune-grace.js';
import type { WatchMode } from './judge-plan.js';
import type { SourceDescription } from './reconcile.js';

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
  /** With spec.targets: each target's own last pass, in the order of the last pass that reached them. */
  private targets = new Map<string, TargetMemory>();
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
    if (record.targets?.length) this.recordTargets(record, record.targets);
  }

  private recordTargets(record: ReconcileRecord, targets: readonly TargetOutcome[]): void {
    const at = record.startedAt + record.durationMs;
    this.targets = new Map(targets.map((t) => {
      const before = this.targets.get(t.target);
      const success = isSuccess(t.outcome);
      return [t.target, {
        last: t, startedAt: record.startedAt, durationMs: record.durationMs,
        planned: t.counts ? t : (before?.planned ?? null),
        lastSuccessAt: success ? at : (before?.lastSuccessAt ?? null),
        lastError: success ? null : t.error ? { ...t.error, outcome: t.outcome, at } : (before?.lastError ?? null),
      }];
    }));
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

  /** What /status serves; credentials in any URL in it (the watched repository, a store endpoint, an error) are redacted. */
  snapshot(now: number = this.clock()): StatusSnapshot {
    return redactUrlsDeep({
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
      changes: this.lastPlanned?.changes ?? [],
      observed: this.lastPlanned?.observed ?? [],
      findings: this.lastPlanned?.findings ?? [],
      pendingDeletes: (this.lastPlanned?.deferred ?? []).map((d) => pendingDelete(d, now)),
      lastError: this.lastError ? { ...this.lastError, at: iso(this.lastError.at)! } : null,
      git: this.fetch,
      ...(this.targets.size ? { targets: [...this.targets.values()].map((t) => targetJson(t, now)) } : {}),
    });
  }
}

interface TargetMemory {
  readonly last: TargetOutcome;
  readonly startedAt: number;
  readonly durationMs: number;
  readonly planned: TargetOutcome | null;
  readonly lastSuccessAt: number | null;
  readonly lastError: (ErrorInfo & { outcome: Outcome; at: number }) | null;
}

/** One target in /status: its part of the last pass that reached it, and its own changes, observed drift, findings and pending deletes. */
export interface TargetStatus {
  readonly target: string;
  readonly account: string;
  readonly region: string;
  readonly lastSuccessAt: string | null;
  readonly lastResult: Omit<ResultJson, 'triggers' | 'revision'>;
  readonly changes: readonly ChangeEntry[];
  /** Its observe-only resources that drifted or are missing (never corrected). */
  readonly observed: readonly ObservedEntry[];
  readonly findings: readonly Finding[];
  readonly pendingDeletes: readonly PendingDelete[];
  readonly lastError: (ErrorInfo & { outcome: Outcome; at: string }) | null;
}

function targetJson(t: TargetMemory, now: number): TargetStatus {
  const { last } = t;
  return {
    target: last.target, account: last.account, region: last.region, lastSuccessAt: iso(t.lastSuccessAt),
    lastResult: {
      outcome: last.outcome, startedAt: iso(t.startedAt)!, durationMs: t.durationMs, counts: last.counts, applied: last.applied, managed: last.managed, errorCode: last.error?.code ?? null,
    },
    changes: t.planned?.changes ?? [],
    observed: t.planned?.observed ?? [],
    findings: t.planned?.findings ?? [],
    pendingDeletes: (t.planned?.deferred ?? []).map((d) => pendingDelete(d, now)),
    lastError: t.lastError ? { ...t.lastError, at: iso(t.lastError.at)! } : null,
  };
}

function pendingDelete(d: DeferredDelete, now: number): PendingDelete {
  return { ...(d.target ? { target: d.target } : {}), address: d.address, absentSince: iso(d.absentSince)!, deleteAt: iso(d.deleteAt)!, message: describeDeferred(d, now) };
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
  /** Observe-only resources that drifted or are missing at the last pass that planned (never corrected). */
  readonly observed: readonly ObservedEntry[];
  readonly lastResult: ResultJson | null;
  /** From the last pass that could plan: what it changed (or, failing or in warn mode, would change), with causes and fields. */
  readonly changes: readonly ChangeEntry[];
  /** From the last pass that could plan: its findings (what refused its apply, when its outcome is `refused`). */
  readonly findings: readonly Finding[];
  /** From the last pass that could plan: deletes --prune-grace holds back, and when each is due. */
  readonly pendingDeletes: readonly PendingDelete[];
  readonly lastError: (ErrorInfo & { outcome: Outcome; at: string }) | null;
  /** With --repo: the last fetch of the branch. */
  readonly git: GitFetchStatus | null;
  /**
   * With spec.targets: each target's part of the last pass that reached it (the lists above then hold every
   * target's, each entry naming its target). Absent without spec.targets.
   */
  readonly targets?: readonly TargetStatus[];
}

interface PendingDelete {
  /** With spec.targets, in the pass's list of every target's. */
  readonly target?: string;
  readonly address: ChangeEntry['address'];
  readonly absentSince: string;
  readonly deleteAt: string;
  /** `Grant/x: document absent, deleting in 45s`, counted from when /status is read. */
  readonly message: string;
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

/** With milliseconds: two passes can end within the same second. */
function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
