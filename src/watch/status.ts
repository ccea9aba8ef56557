// How the watcher is observed. Every pass is reported three ways: the state /status and /readyz serve
// (the last pass, the last success, the last error, when the next pass is due), Prometheus metrics, and
// one log line (log.ts). The clock is injected so readiness can be tested without waiting.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Finding } from '../plan/types.js';
import { formatDuration } from '../util/duration.js';
import { redactUrlsDeep } from '../util/safe-text.js';
import type { FetchReport } from './git-source.js';
import { LicenseMetrics } from './license-metrics.js';
import {
  errorInfoOf, isSuccess, OUTCOMES, type ChangeEntry, type DesiredInfo, type ErrorInfo, type Outcome, type ReconcileOutcome, type ReconcileRecord, type Trigger,
  type ObservedEntry,
} from './outcome.js';
import { describeDeferred } from './prune-grace.js';
import type { SourceDescription, WatchMode } from './reconcile.js';

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
      pendingDeletes: (this.lastPlanned?.deferred ?? []).map((d) => ({
        address: d.address, absentSince: iso(d.absentSince)!, deleteAt: iso(d.deleteAt)!, message: describeDeferred(d, now),
      })),
      lastError: this.lastError ? { ...this.lastError, at: iso(this.lastError.at)! } : null,
      git: this.fetch,
    });
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
}

interface PendingDelete {
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

/**
 * Prometheus metrics in a registry of their own (never prom-client's global one, so that two watchers in
 * one process, or tests, do not share counters).
 */
export class WatchMetrics {
  readonly registry = new Registry();
  private readonly reconciles = new Counter({ name: 'licensectl_reconciles_total', help: 'Reconcile passes by outcome.', labelNames: ['outcome'], registers: [this.registry] });
  private readonly duration = new Histogram({
    name: 'licensectl_reconcile_duration_seconds', help: 'Wall time of one reconcile pass.',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120], registers: [this.registry],
  });
  private readonly drifted = new Gauge({ name: 'licensectl_drifted_resources', help: 'Resources whose live state differs from the desired state after the last pass that planned (deletes in their grace period and observe-only resources included).', registers: [this.registry] });
  private readonly managed = new Gauge({ name: 'licensectl_managed_resources', help: 'Resources managed by this project after the last pass that read the store.', registers: [this.registry] });
  private readonly lastSuccess = new Gauge({ name: 'licensectl_last_success_timestamp_seconds', help: 'When the last successful pass ended (Unix time).', registers: [this.registry] });
  private readonly apiCalls = new Counter({ name: 'licensectl_api_calls_total', help: 'AWS API calls by operation and outcome (retries count once).', labelNames: ['operation', 'outcome'], registers: [this.registry] });

  private readonly licenses: LicenseMetrics;

  /** `clock`: epoch milliseconds, for the seconds to each configuration's expiry when scraped. */
  constructor(clock: () => number = Date.now) {
    this.licenses = new LicenseMetrics(this.registry, clock);
    // Every outcome is exported from the start, so rate() and alerts see a zero rather than no series.
    for (const outcome of OUTCOMES) this.reconciles.inc({ outcome }, 0);
  }

  observe(record: ReconcileRecord): void {
    this.reconciles.inc({ outcome: record.outcome });
    this.duration.observe(record.durationMs / 1000);
    // What still differs after the pass: the drift found, less what was corrected.
    if (record.counts) this.drifted.set(record.changes.length - (record.applied?.applied ?? 0) + record.deferred.length + (record.observed?.length ?? 0));
    if (record.managed !== null) this.managed.set(record.managed);
    if (isSuccess(record.outcome)) this.lastSuccess.set((record.startedAt + record.durationMs) / 1000);
    this.licenses.observe(record);
  }

  countCall(operation: string, outcome: 'ok' | 'error'): void {
    this.apiCalls.inc({ operation, outcome });
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
