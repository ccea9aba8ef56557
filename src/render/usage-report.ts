// The usage report: one plain value built from what the store read (every configuration's totals and tracked
// resources, every license's consumption, the grants) and the plan's findings, and read by the text, CSV, HTML and
// JSON views. Pure: the time it was read is an input, never a clock read here.
import {
  headroomPercentOf,
  type ConfigurationStatus, type CountByType, type CountingType, encodeRules, type GrantSummary, headroomOf, type Kind, type LicenseRules,
  type Policies, type Target, type TrackedResource, type Usage,
} from '../model/index.js';
import type { Finding } from '../plan/types.js';
import { compareText } from '../util/canonical.js';

/** How close a count is to being used up: over it, near it (≥ 90% used, or under the policy's headroom), or neither. */
export type UsageLevel = 'over' | 'near' | 'ok' | 'unlimited';

export const NEAR_LIMIT_PERCENT = 90;
export const TOP_RESOURCES = 10;
const DAY_MS = 86_400_000;

export interface AccountUsage {
  readonly account: string;
  readonly consumed: number;
  readonly resources: number;
}

export interface ConfigurationReport {
  /** The document's name when managed, else the AWS name. */
  readonly name: string;
  readonly arn: string;
  readonly managed: boolean;
  readonly ownerAccount: string;
  readonly countingType: CountingType;
  /** null: no count. */
  readonly licenseCount: number | null;
  readonly consumed: number;
  readonly headroom: number | null;
  /** consumed / licenseCount in percent, one decimal; null without a (non-zero) count. */
  readonly usedPercent: number | null;
  readonly level: UsageLevel;
  readonly hardLimit: boolean;
  readonly rules: LicenseRules;
  readonly status: ConfigurationStatus;
  readonly expiry: string | null;
  readonly daysToExpiry: number | null;
  readonly consumedByType: readonly CountByType[];
  readonly associatedByType: readonly CountByType[];
  /** Consumption by the account owning each tracked resource, most first. */
  readonly byAccount: readonly AccountUsage[];
  /** How many resources track the configuration (ListUsageForLicenseConfiguration). */
  readonly trackedResources: number;
  /** The TOP_RESOURCES resources consuming the most, most first. */
  readonly topResources: readonly TrackedResource[];
}

export interface EntitlementReport {
  readonly name: string;
  readonly unit: string;
  readonly maxCount: number | null;
  readonly consumed: number;
  readonly usedPercent: number | null;
  readonly level: UsageLevel;
}

export interface LicenseReport {
  readonly name: string;
  readonly arn: string;
  readonly managed: boolean;
  readonly productName: string;
  readonly status: string;
  readonly validUntil: string | null;
  readonly daysToExpiry: number | null;
  readonly entitlements: readonly EntitlementReport[];
  /** Its grants by grantee. AWS reports no usage per grantee: only the license's total is known. */
  readonly grants: readonly Omit<GrantSummary, 'licenseArn'>[];
}

export interface ExpiringItem {
  readonly kind: Extract<Kind, 'LicenseConfiguration' | 'License'>;
  readonly name: string;
  readonly arn: string;
  readonly expiry: string;
  /** Negative: expired that many days ago. */
  readonly days: number;
}

export interface UsageReport {
  readonly formatVersion: '1';
  readonly project: string;
  readonly target: Pick<Target, 'store' | 'account' | 'region'>;
  /** When the account was read (ISO 8601). */
  readonly readAt: string;
  readonly policies: Pick<Policies, 'expiryWarningDays' | 'minHeadroomPercent'>;
  readonly summary: {
    readonly configurations: number; readonly overLimit: number; readonly nearLimit: number; readonly licenses: number;
    readonly grants: number; readonly expiring: number; readonly errors: number; readonly warnings: number;
  };
  /** Sorted by name, then ARN. */
  readonly configurations: readonly ConfigurationReport[];
  readonly licenses: readonly LicenseReport[];
  /** What expires within policies.expiryWarningDays (or has expired), soonest first. */
  readonly expiring: readonly ExpiringItem[];
  /** The plan's findings for the managed resources (policies included), sorted by address then code. */
  readonly findings: readonly Finding[];
}

/** One target's report in a project with spec.targets: a single target's, less what the whole report says once. */
export interface TargetUsageReport extends Omit<UsageReport, 'formatVersion' | 'project' | 'readAt' | 'policies'> {
  /** The unit's label: the target's name, or `name@region` for a target of several regions. */
  readonly label: string;
}

/** A target that could not be read, with the error's code and message. */
export interface TargetReportFailure {
  readonly label: string;
  readonly account: string;
  readonly region: string;
  readonly error: { readonly code: string; readonly message: string };
}

/** The report of a project with spec.targets: each target's, in the order of spec.targets, and the totals of all. */
export interface UsageReportSet extends Pick<UsageReport, 'formatVersion' | 'project' | 'readAt' | 'policies' | 'summary'> {
  readonly targets: readonly TargetUsageReport[];
  readonly failures: readonly TargetReportFailure[];
}

export function reportSetOf(project: string, readAt: string, reports: readonly (UsageReport & { readonly label: string })[], failures: readonly TargetReportFailure[], policies: UsageReport['policies']): UsageReportSet {
  const summary = { configurations: 0, overLimit: 0, nearLimit: 0, licenses: 0, grants: 0, expiring: 0, errors: 0, warnings: 0 };
  for (const r of reports) for (const key of Object.keys(summary) as (keyof typeof summary)[]) summary[key] += r.summary[key];
  const targets = reports.map(({ formatVersion: _v, project: _p, readAt: _r, policies: _o, ...own }) => own);
  return { formatVersion: '1', project, readAt, policies, summary, targets, failures };
}

/** One target's part of a report set as a report of its own (what the text and HTML views render per target). */
export function reportOfTarget(set: UsageReportSet, target: TargetUsageReport): UsageReport {
  const { label: _label, ...own } = target;
  return { formatVersion: set.formatVersion, project: set.project, readAt: set.readAt, policies: set.policies, ...own };
}

export interface ReportInput {
  readonly project: string;
  readonly target: Target;
  readonly readAt: string;
  readonly policies: Policies;
  /** Every configuration (with its tracked resources where it has any) and every license, by ARN. */
  readonly usage: Usage;
  /** Document names of managed configurations and licenses, by ARN. */
  readonly managedNames: ReadonlyMap<string, string>;
  readonly grants: readonly GrantSummary[];
  readonly findings: readonly Finding[];
}

export function buildUsageReport(input: ReportInput): UsageReport {
  const daysTo = (iso: string | null) => (iso === null ? null : Math.floor((Date.parse(iso) - Date.parse(input.readAt)) / DAY_MS));
  const byName = <T extends { name: string; arn: string }>(a: T, b: T) => compareText(a.name, b.name) || compareText(a.arn, b.arn);
  const configurations = Object.values(input.usage.configurations).map((u): ConfigurationReport => {
    const count = u.spec.licenseCount;
    const resources = u.resources ?? [];
    return {
      name: input.managedNames.get(u.arn) ?? u.spec.displayName, arn: u.arn, managed: input.managedNames.has(u.arn), ownerAccount: u.ownerAccount,
      countingType: u.spec.countingType, licenseCount: count, consumed: u.consumed, headroom: headroomOf(count, u.consumed),
      usedPercent: percentOf(u.consumed, count), level: levelOf(u.consumed, count, input.policies.minHeadroomPercent),
      hardLimit: u.spec.hardLimit, rules: u.spec.rules, status: u.spec.status, expiry: u.spec.expiry, daysToExpiry: daysTo(u.spec.expiry),
      consumedByType: u.consumedByType, associatedByType: u.associatedByType, byAccount: accountsOf(resources),
      trackedResources: resources.length,
      topResources: [...resources].sort((a, b) => b.consumed - a.consumed || compareText(a.arn, b.arn)).slice(0, TOP_RESOURCES),
    };
  }).sort(byName);
  const licenses = Object.values(input.usage.licenses).map((u): LicenseReport => ({
    name: input.managedNames.get(u.arn) ?? u.spec.displayName, arn: u.arn, managed: input.managedNames.has(u.arn),
    productName: u.spec.productName, status: u.spec.status, validUntil: u.spec.validity.end, daysToExpiry: daysTo(u.spec.validity.end),
    entitlements: u.entitlements.map((e) => ({ ...e, usedPercent: percentOf(e.consumed, e.maxCount), level: levelOf(e.consumed, e.maxCount, null) })),
    grants: input.grants.filter((g) => g.licenseArn === u.arn)
      .map(({ arn, name, principal, status }) => ({ arn, name, principal, status }))
      .sort((a, b) => compareText(a.principal, b.principal) || compareText(a.name, b.name) || compareText(a.arn, b.arn)),
  })).sort(byName);
  const warnDays = input.policies.expiryWarningDays;
  const expiring: ExpiringItem[] = warnDays === 0 ? [] : [
    ...configurations.map((c) => ({ kind: 'LicenseConfiguration' as const, name: c.name, arn: c.arn, expiry: c.expiry, days: c.daysToExpiry })),
    ...licenses.map((l) => ({ kind: 'License' as const, name: l.name, arn: l.arn, expiry: l.validUntil, days: l.daysToExpiry })),
  ].filter((e): e is ExpiringItem => e.expiry !== null && e.days !== null && e.days <= warnDays)
    .sort((a, b) => a.days - b.days || compareText(a.kind, b.kind) || compareText(a.name, b.name));
  const { store, account, region } = input.target;
  return {
    formatVersion: '1', project: input.project, target: { store, account, region }, readAt: input.readAt,
    policies: { expiryWarningDays: warnDays, minHeadroomPercent: input.policies.minHeadroomPercent },
    summary: {
      configurations: configurations.length,
      overLimit: configurations.filter((c) => c.level === 'over').length,
      nearLimit: configurations.filter((c) => c.level === 'near').length,
      licenses: licenses.length,
      grants: licenses.reduce((n, l) => n + l.grants.length, 0),
      expiring: expiring.length,
      errors: input.findings.filter((f) => f.severity === 'error').length,
      warnings: input.findings.filter((f) => f.severity === 'warning').length,
    },
    configurations, licenses, expiring, findings: input.findings,
  };
}

/** Percent of `max` used, rounded down to a tenth as the level is judged (99.96% is 99.9%, near, never "100%"); null without a positive maximum. */
function percentOf(consumed: number, max: number | null): number | null {
  return max === null || max <= 0 ? null : Math.floor((consumed / max) * 1000) / 10;
}

function levelOf(consumed: number, max: number | null, minHeadroomPercent: number | null): UsageLevel {
  if (max === null) return 'unlimited';
  if (consumed > max) return 'over';
  if (max === 0) return 'ok';
  const headroom = headroomPercentOf(max, consumed)!;
  const near = (consumed / max) * 100 >= NEAR_LIMIT_PERCENT || (minHeadroomPercent !== null && headroom < minHeadroomPercent);
  return near ? 'near' : 'ok';
}

function accountsOf(resources: readonly TrackedResource[]): AccountUsage[] {
  const byAccount = new Map<string, { consumed: number; resources: number }>();
  for (const r of resources) {
    const row = byAccount.get(r.account) ?? { consumed: 0, resources: 0 };
    byAccount.set(r.account, { consumed: row.consumed + r.consumed, resources: row.resources + 1 });
  }
  return [...byAccount].map(([account, row]) => ({ account, ...row })).sort((a, b) => b.consumed - a.consumed || compareText(a.account, b.account));
}

/** Rules as `name=value` words (`allowedTenancy=EC2-DedicatedHost minimumCores=8`); empty without rules. */
export function rulesText(rules: LicenseRules): string {
  return encodeRules(rules).map((r) => r.slice(1)).join(' ');
}

/** `EC2_INSTANCE=12;EC2_HOST=4`: rows of a type and a count, as one field. */
export function countsText(rows: readonly { readonly key: string; readonly count: number }[], separator = ';'): string {
  return rows.map((r) => `${r.key}=${r.count}`).join(separator);
}
