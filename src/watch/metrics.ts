// Prometheus metrics in a registry of their own (never prom-client's global one, so that two watchers in
// one process, or tests, do not share counters).
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { isSuccess, OUTCOMES } from './outcome.js';
import type { ReconcileRecord } from './watch-status.js';

export class WatchMetrics {
  readonly registry = new Registry();
  private readonly reconciles = new Counter({ name: 'licensectl_reconciles_total', help: 'Reconcile passes by outcome.', labelNames: ['outcome'], registers: [this.registry] });
  private readonly duration = new Histogram({
    name: 'licensectl_reconcile_duration_seconds', help: 'Wall time of one reconcile pass.',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120], registers: [this.registry],
  });
  private readonly drifted = new Gauge({ name: 'licensectl_drifted_resources', help: 'Resources whose live state differs from the desired state after the last pass that planned.', registers: [this.registry] });
  private readonly managed = new Gauge({ name: 'licensectl_managed_resources', help: 'Resources managed by this project after the last pass that read the store.', registers: [this.registry] });
  private readonly lastSuccess = new Gauge({ name: 'licensectl_last_success_timestamp_seconds', help: 'When the last successful pass ended (Unix time).', registers: [this.registry] });
  private readonly apiCalls = new Counter({ name: 'licensectl_api_calls_total', help: 'AWS API calls by operation and outcome (retries count once).', labelNames: ['operation', 'outcome'], registers: [this.registry] });

  constructor() {
    // Every outcome is exported from the start, so rate() and alerts see a zero rather than no series.
    for (const outcome of OUTCOMES) this.reconciles.inc({ outcome }, 0);
  }

  observe(record: ReconcileRecord): void {
    this.reconciles.inc({ outcome: record.outcome });
    this.duration.observe(record.durationMs / 1000);
    // What still differs after the pass: the drift found, less what was corrected.
    if (record.counts) this.drifted.set(record.drift.length - (record.applied?.applied ?? 0));
    if (record.managed !== null) this.managed.set(record.managed);
    if (isSuccess(record.outcome)) this.lastSuccess.set((record.startedAt + record.durationMs) / 1000);
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
