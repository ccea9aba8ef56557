// The watcher's Prometheus metrics: passes by outcome and their duration, drift and managed resources, the last
// success, API calls, and the license gauges and findings (license-metrics.ts), all from the pass records.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { LicenseMetrics } from './license-metrics.js';
import { isSuccess, OUTCOMES, type ReconcileRecord } from './outcome.js';

/**
 * Prometheus metrics in a registry of their own (never prom-client's global one, so that two watchers in
 * one process, or tests, do not share counters). With spec.targets every per-target series (outcomes, drift,
 * managed resources, last success, API calls, the license gauges and findings) carries a `target` label; the pass's
 * duration stays one series. A project that gains or loses spec.targets starts the series afresh in the new shape.
 */
export class WatchMetrics {
  readonly registry = new Registry();
  private series: MetricSeries;
  /** The targets of the last pass that had any: a pass that failed before reaching them counts for each. */
  private targets: readonly string[] = [];

  /** `clock`: epoch milliseconds, for the seconds to each configuration's expiry when scraped. */
  constructor(private readonly clock: () => number = Date.now, targeted = false) {
    this.series = new MetricSeries(this.registry, clock, targeted);
  }

  observe(record: ReconcileRecord): void {
    const targeted = record.targets !== undefined;
    if (record.project !== null && targeted !== this.series.targeted) {
      this.registry.clear();
      this.series = new MetricSeries(this.registry, this.clock, targeted);
    }
    this.series.duration.observe(record.durationMs / 1000);
    if (!this.series.targeted) {
      this.observePart({}, record, record.startedAt + record.durationMs);
      this.series.licenses.observe([{ scope: {}, usage: record.usage, findings: record.findings }]);
      return;
    }
    if (record.targets?.length) this.targets = record.targets.map((t) => t.target);
    // A pass that failed as a whole (the lock was held) or read an invalid desired state counts so for every target.
    const parts = record.targets?.length ? record.targets : this.targets.map((target) => ({ ...record, target }));
    for (const part of parts) {
      const outcome = record.outcome === 'invalid-config' && isSuccess(part.outcome) ? record.outcome : part.outcome;
      this.observePart({ target: part.target }, { ...part, outcome }, record.startedAt + record.durationMs);
    }
    this.series.licenses.observe((record.targets ?? []).map((t) => ({ scope: { target: t.target }, usage: t.usage, findings: t.findings })));
  }

  private observePart(scope: Readonly<Record<string, string>>, part: Pick<ReconcileRecord, 'outcome' | 'counts' | 'changes' | 'applied' | 'deferred' | 'managed' | 'observed'>, endedAt: number): void {
    const { series } = this;
    series.exportOutcomes(scope);
    series.reconciles.inc({ ...scope, outcome: part.outcome });
    // What still differs after the pass: the drift found, less what was corrected.
    if (part.counts) series.drifted.set(scope, part.changes.length - (part.applied?.applied ?? 0) + part.deferred.length + (part.observed?.length ?? 0));
    if (part.managed !== null) series.managed.set(scope, part.managed);
    if (isSuccess(part.outcome)) series.lastSuccess.set(scope, endedAt / 1000);
  }

  countCall(operation: string, outcome: 'ok' | 'error', target?: string): void {
    this.series.apiCalls.inc({ ...(this.series.targeted && target !== undefined ? { target } : {}), operation, outcome });
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/** The watcher's series, with a `target` label on each per-target one when `targeted`. */
class MetricSeries {
  readonly reconciles: Counter;
  readonly duration: Histogram;
  readonly drifted: Gauge;
  readonly managed: Gauge;
  readonly lastSuccess: Gauge;
  readonly apiCalls: Counter;
  readonly licenses: LicenseMetrics;

  constructor(registry: Registry, clock: () => number, readonly targeted: boolean) {
    const registers = [registry];
    const place = targeted ? ['target'] : [];
    const per = targeted ? ' (by target)' : '';
    this.reconciles = new Counter({ name: 'licensectl_reconciles_total', help: `Reconcile passes by outcome${per}.`, labelNames: [...place, 'outcome'], registers });
    this.duration = new Histogram({
      name: 'licensectl_reconcile_duration_seconds', help: 'Wall time of one reconcile pass.',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120], registers,
    });
    this.drifted = new Gauge({ name: 'licensectl_drifted_resources', help: `Resources whose live state differs from the desired state after the last pass that planned (deletes in their grace period and observe-only resources included)${per}.`, labelNames: place, registers });
    this.managed = new Gauge({ name: 'licensectl_managed_resources', help: `Resources managed by this project after the last pass that read the store${per}.`, labelNames: place, registers });
    this.lastSuccess = new Gauge({ name: 'licensectl_last_success_timestamp_seconds', help: `When the last successful pass ended (Unix time)${per}.`, labelNames: place, registers });
    this.apiCalls = new Counter({ name: 'licensectl_api_calls_total', help: `AWS API calls by operation and outcome (retries count once)${per}.`, labelNames: [...place, 'operation', 'outcome'], registers });
    this.licenses = new LicenseMetrics(registry, clock, targeted);
    if (!targeted) this.exportOutcomes({});
  }

  private readonly exported = new Set<string>();

  /**
   * Every outcome is exported from the start (with targets, from a target's first pass), so rate() and alerts see a
   * zero rather than no series.
   */
  exportOutcomes(scope: Readonly<Record<string, string>>): void {
    const key = JSON.stringify(scope);
    if (this.exported.has(key)) return;
    this.exported.add(key);
    for (const outcome of OUTCOMES) this.reconciles.inc({ ...scope, outcome }, 0);
  }
}
