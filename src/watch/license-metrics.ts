// What the watcher exports about the licenses themselves: per managed license configuration its count, consumption,
// headroom and time to expiry, and the plan's findings by code. All of it comes from what a pass read for its plan
// (a configuration's totals come with ListLicenseConfigurations), so the metrics cost no AWS call of their own.
import { Counter, Gauge, type Registry } from 'prom-client';
import { type Address, headroomOf, headroomPercentOf, type LicenseConfigurationSpec, type Policies, type Usage } from '../model/index.js';
import type { Plan } from '../plan/types.js';
import type { ConfigurationReading, ReconcileRecord, UsageReading } from './outcome.js';

/**
 * The managed configurations of `plan` that exist and whose usage was read, by document name, as they are after the
 * pass: where `applied` holds a configuration's change, its count and expiry are the document's (a delete, gone).
 */
export function readingOf(plan: Plan, usage: Usage, policies: Pick<Policies, 'minHeadroomPercent'>, applied: ReadonlySet<Address> = new Set()): UsageReading {
  const configurations: ConfigurationReading[] = [];
  for (const c of plan.changes) {
    const read = c.kind === 'LicenseConfiguration' && c.arn ? usage.configurations[c.arn] : undefined;
    if (!read || (c.action === 'delete' && applied.has(c.address))) continue;
    const spec = applied.has(c.address) && c.after ? (c.after.spec as LicenseConfigurationSpec) : read.spec;
    configurations.push({ name: c.name, arn: read.arn, licenseCount: spec.licenseCount, consumed: read.consumed, expiry: spec.expiry });
  }
  return { minHeadroomPercent: policies.minHeadroomPercent, configurations: configurations.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
}

/** Unused licenses over the count, in [0, 1]; null without a count (or with a count of 0). */
export function headroomRatio(r: Pick<ConfigurationReading, 'licenseCount' | 'consumed'>): number | null {
  const headroom = headroomOf(r.licenseCount, r.consumed);
  return headroom === null || !r.licenseCount ? null : headroom / r.licenseCount;
}

/** Headroom in percent, as the findings compute it; null without a count. */
export function headroomPercent(r: Pick<ConfigurationReading, 'licenseCount' | 'consumed'>): number | null {
  return headroomPercentOf(r.licenseCount, r.consumed);
}

/** The labels that place a series: `{target}` with spec.targets, none without (the metrics then look as they always did). */
type Scope = Readonly<Record<string, string>>;

/**
 * The license gauges and finding metrics, registered in the watcher's registry; with spec.targets each series carries
 * its target's label. A pass that read no usage for a target (the store failed, or the desired state never validated)
 * leaves that target's last values in place; a pass that did replaces them all, so the series of a configuration that
 * is no longer managed disappear.
 */
export class LicenseMetrics {
  private readonly count: Gauge;
  private readonly consumed: Gauge;
  private readonly headroom: Gauge;
  private readonly findings: Gauge;
  private readonly findingsSeen: Counter;
  /** By scope: document name → epoch milliseconds of its expiry (seconds to expiry are worked out when scraped). */
  private readonly expiries = new Map<string, { scope: Scope; at: Map<string, number>; names: readonly string[] }>();
  /** By scope: every code and severity exported so far (once seen, a series stays, at 0 when the finding is gone). */
  private readonly findingSeries = new Map<string, Set<string>>();

  constructor(registry: Registry, clock: () => number = Date.now, targeted = false) {
    const registers = [registry];
    const place = targeted ? ['target'] : [];
    const labelNames = [...place, 'name'];
    this.count = new Gauge({ name: 'licensectl_configuration_license_count', help: 'licenseCount of each managed license configuration, by document name (absent without a count).', labelNames, registers });
    this.consumed = new Gauge({ name: 'licensectl_configuration_consumed_licenses', help: 'Licenses consumed (ConsumedLicenses) of each managed license configuration, by document name.', labelNames, registers });
    this.headroom = new Gauge({ name: 'licensectl_configuration_headroom_ratio', help: 'Unused licenses over licenseCount (0 to 1; 0 when over the count), by document name (absent without a count).', labelNames, registers });
    const expiries = () => this.expiries;
    new Gauge({
      name: 'licensectl_configuration_expiry_seconds', help: 'Seconds until a managed license configuration expires (negative once expired), by document name (absent without an expiry).',
      labelNames, registers,
      collect() {
        this.reset();
        const now = clock();
        for (const { scope, at } of expiries().values()) for (const [name, ms] of at) this.set({ ...scope, name }, (ms - now) / 1000);
      },
    });
    this.findings = new Gauge({ name: 'licensectl_findings', help: 'Findings of the last pass that planned, by code and severity.', labelNames: [...place, 'code', 'severity'], registers });
    this.findingsSeen = new Counter({ name: 'licensectl_findings_total', help: 'Findings by code and severity, counted once in every pass that planned and found them.', labelNames: [...place, 'code', 'severity'], registers });
  }

  /** One pass's readings: of the project, or of each of its targets (`scope` then `{target}`). */
  observe(parts: readonly { scope: Scope; usage: UsageReading | null; findings: ReconcileRecord['findings'] }[]): void {
    for (const { scope, usage, findings } of parts) {
      if (usage) this.observeUsage(scope, usage);
      if (findings) this.observeFindings(scope, findings);
    }
  }

  private observeUsage(scope: Scope, usage: UsageReading): void {
    const key = JSON.stringify(scope);
    for (const name of this.expiries.get(key)?.names ?? []) for (const gauge of [this.count, this.consumed, this.headroom]) gauge.remove({ ...scope, name });
    const at = new Map<string, number>();
    for (const r of usage.configurations) {
      const labels = { ...scope, name: r.name };
      this.consumed.set(labels, r.consumed);
      if (r.licenseCount !== null) this.count.set(labels, r.licenseCount);
      const ratio = headroomRatio(r);
      if (ratio !== null) this.headroom.set(labels, ratio);
      if (r.expiry !== null) at.set(r.name, Date.parse(r.expiry));
    }
    this.expiries.set(key, { scope, at, names: usage.configurations.map((r) => r.name) });
  }

  private observeFindings(scope: Scope, findings: NonNullable<ReconcileRecord['findings']>): void {
    const series = this.findingSeries.get(JSON.stringify(scope)) ?? new Set<string>();
    this.findingSeries.set(JSON.stringify(scope), series);
    const counts = new Map<string, number>();
    for (const f of findings) {
      const key = JSON.stringify([f.code, f.severity]);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      series.add(key);
    }
    for (const key of series) {
      const [code, severity] = JSON.parse(key) as [string, string];
      const n = counts.get(key) ?? 0;
      this.findings.set({ ...scope, code, severity }, n);
      if (n > 0) this.findingsSeen.inc({ ...scope, code, severity }, n);
    }
  }
}
