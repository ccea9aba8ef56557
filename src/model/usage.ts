// License usage as AWS reports it: plain data the store reads, the planner turns into findings, and `report` renders.
// Nothing here is compared by the planner's diff; usage is never desired state.
import type { LicenseConfigurationSpec, LicenseSpec } from './specs.js';

/** A resource type (`EC2_INSTANCE`, `EC2_HOST`, `EC2_AMI`, `RDS`, `SYSTEMS_MANAGER_MANAGED_INSTANCE`) and a number. */
export interface CountByType {
  readonly resourceType: string;
  readonly count: number;
}

/** One row of ListUsageForLicenseConfiguration: a resource that tracks the configuration. */
export interface TrackedResource {
  readonly arn: string;
  readonly resourceType: string;
  readonly status: string;
  /** The account that owns the resource: where the configuration is shared to, or the owner itself. */
  readonly account: string;
  readonly consumed: number;
  /** ISO 8601, when AWS reports it. */
  readonly associatedAt: string | null;
}

export interface ConfigurationUsage {
  readonly arn: string;
  /** The configuration as AWS shows it (managed or not). */
  readonly spec: LicenseConfigurationSpec;
  readonly ownerAccount: string;
  /** ConsumedLicenses. */
  readonly consumed: number;
  /** ConsumedLicenseSummaryList, zero rows left out, sorted by type. */
  readonly consumedByType: readonly CountByType[];
  /** ManagedResourceSummaryList (associations, consuming or not), zero rows left out, sorted by type. */
  readonly associatedByType: readonly CountByType[];
  /** ListUsageForLicenseConfiguration, read only where asked for (a touched configuration, a report); sorted by ARN. */
  readonly resources?: readonly TrackedResource[];
}

/** One entitlement of a license: GetLicenseUsage's ConsumedValue against the license's MaxCount. */
export interface EntitlementUsage {
  readonly name: string;
  readonly unit: string;
  readonly consumed: number;
  /** null: unlimited, or a value entitlement. */
  readonly maxCount: number | null;
}

export interface LicenseUsage {
  readonly arn: string;
  readonly spec: LicenseSpec;
  /** Sorted by name. */
  readonly entitlements: readonly EntitlementUsage[];
}

/** A grant of a license as its grantor lists it (ListDistributedGrants). AWS reports no usage per grantee. */
export interface GrantSummary {
  readonly arn: string;
  readonly licenseArn: string;
  readonly name: string;
  readonly principal: string;
  readonly status: string;
}

/** What was read, keyed by ARN. A configuration or license absent from a map was not read. */
export interface Usage {
  readonly configurations: Readonly<Record<string, ConfigurationUsage>>;
  readonly licenses: Readonly<Record<string, LicenseUsage>>;
}

export const NO_USAGE: Usage = { configurations: {}, licenses: {} };

/** `a` with what `b` read on top (b's entry wins; a configuration's resources are kept when b has none). */
export function mergeUsage(a: Usage, b: Usage): Usage {
  const configurations = { ...a.configurations };
  for (const [arn, u] of Object.entries(b.configurations)) {
    const resources = u.resources ?? configurations[arn]?.resources;
    configurations[arn] = resources ? { ...u, resources } : u;
  }
  return { configurations, licenses: { ...a.licenses, ...b.licenses } };
}

/** The licenses a configuration has left before its count (null: no count), never negative. */
export function headroomOf(count: number | null, consumed: number): number | null {
  return count === null ? null : Math.max(0, count - consumed);
}

/**
 * The unused share of a count in percent, rounded down to a tenth (so a value under a policy's minimum is never shown
 * as meeting it), never negative; null without a positive count. Findings, the report and watch's gauges all use it.
 */
export function headroomPercentOf(count: number | null, consumed: number): number | null {
  return count === null || count <= 0 ? null : Math.floor((headroomOf(count, consumed)! / count) * 1000) / 10;
}
