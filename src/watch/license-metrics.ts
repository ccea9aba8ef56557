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

/**
 * The license gauges and finding metrics, registered in the watcher's registry. A pass that read no usage (the store
 * failed, or the desired state never validated) leaves the last values in place; a pass that did replaces them all,
 * so the series of a configuration that is no longer managed disappear.
 */
export class LicenseMetrics {
  private readonly count: Gauge;
  private readonly consumed: Gauge;
  private readonly headroom: Gauge;
  private readonly findings: Gauge;
  private readonly findingsSeen: Counter;
  /** Document name → epoch milliseconds of its expiry: seconds to expiry are worked out when scraped. */
  private expiries = new Map<string, number>();
  /** Every code and severity exported so far: once seen, a series stays (at 0 when the finding is gone). */
  private readonly findingSeries = new Set<string>();

  constructor(registry: Registry, clock: () => number = Date.now) {
    const registers = [registry];
    const labelNames = ['name'];
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
        for (const [name, at] of expiries()) this.set({ name }, (at - now) / 1000);
      },
    });
    this.findings = new Gauge({ name: 'licensectl_findings', help: 'Findings of the last pass that planned, by code and severity.', labelNames: ['code', 'severity'], registers });
    this.findingsSeen = new Counter({ name: 'licensectl_findings_total', help: 'Findings by code and severity, counted once in every pass that planned and found them.', labelNames: ['code', 'severity'], registers });
  }

  observe(record: ReconcileRecord): void {
    if (record.usage) this.observeUsage(record.usage);
    if (record.findings) this.observeFindings(record.findings);
  }

  private observeUsage(usage: UsageReading): void {
    for (const gauge of [this.count, this.consumed, this.headroom]) gauge.reset();
    const expiries = new Map<string, number>();
    for (const r of usage.configurations) {
      this.consumed.set({ name: r.name }, r.consumed);
      if (r.licenseCount !== null) this.count.set({ name: r.name }, r.licenseCount);
      const ratio = headroomRatio(r);
      if (ratio !== null) this.headroom.set({ name: r.name }, ratio);
      if (r.expiry !== null) expiries.set(r.name, Date.parse(r.expiry));
    }
    this.expiries = expiries;
  }

  private observeFindings(findings: NonNullable<ReconcileRecord['findings']>): void {
    const counts = new Map<string, number>();
    for (const f of findings) {
      const key = JSON.stringify([f.code, f.severity]);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      this.findingSeries.add(key);
    }
    for (const key of this.findingSeries) {
      const [code, severity] = JSON.parse(key) as [string, string];
      const n = counts.get(key) ?? 0;
      this.findings.set({ code, severity }, n);
      if (n > 0) this.findingsSeen.inc({ code, severity }, n);
    }
  }
}
