// License consumption: what a fleet resource consumes of a configuration, whether it may (the rules, the hard
// limit), and the consumption members of the configuration that follow from its associations.
//
// A running (or pending) instance consumes by the counting type: Instance 1; vCPU its instance type's vCPUs,
// or its cores × threads per core when the configuration honours vCPU optimization; Core its cores; Socket its
// sockets. A stopped instance and an AMI stay associated but consume nothing (aws-api.md §1.6); a terminated
// instance has no associations left. A configuration's ConsumedLicenses, ConsumedLicenseSummaryList and
// ManagedResourceSummaryList are recounted from the fleet after every change to it.
//
// Dedicated hosts: under Core or Socket counting an instance placed on a host (its host id) consumes nothing
// itself; the host, associated with the configuration when such an instance is (or directly), consumes its
// own cores or sockets, once however many instances it runs, while at least one of them runs.
//
// licenseAffinityToHost (days, Core and Socket counting): the user guide's "Restricts license usage to the host
// for the specified number of days". Once a host has consumed a configuration's licenses (HeldSince on its
// specification) they stay with it: it keeps consuming while it is allocated, running instances or not, and
// after its release until the affinity period has passed since the release (the guide adds that the licenses
// are then "available for reuse within 24 hours"; the emulator frees them at the end of the period). They count
// against the hard limit meanwhile, so a launch that would take the licenses to another host is refused.
// Time passes between calls, so what a configuration consumes is computed at `now`: reads count afresh
// (`liveCounts`), writes store the counts (`recount`).
import { decodeRules } from '../../model/rules.js';
import type { CountingType, LicenseRules, Tenancy } from '../../model/specs.js';
import { ServiceError, type EmulatorState } from '../core/service-contract.js';
import { fleetEntries, hostOf, instances, type FleetEntry, type HostRecord, type InstanceRecord, type InstanceTenancy } from '../fleet/records.js';
import { invalidParameter } from './conventions.js';
import { configurations, CONSUMED_SUMMARY_TYPES, MANAGED_SUMMARY_TYPES, type ConfigurationRecord } from './configuration-records.js';

// The model's documentation of LicenseUsageException (HTTP 412).
const NOT_ENOUGH = 'You do not have enough licenses available to support a new resource launch.';
export const licenseUsage = (detail: string) => new ServiceError('LicenseUsageException', `${NOT_ENOUGH} ${detail}`, 412);

const RULE_TENANCY: Readonly<Record<InstanceTenancy, Tenancy>> = {
  default: 'EC2-Default',
  dedicated: 'EC2-DedicatedInstance',
  host: 'EC2-DedicatedHost',
};

export function consumes(instance: InstanceRecord): boolean {
  return instance.State === 'running' || instance.State === 'pending';
}

/** The licenses one running instance needs of a configuration, by its counting type. */
export function licensesNeeded(record: ConfigurationRecord, instance: Pick<InstanceRecord, 'VCpus' | 'CoreCount' | 'ThreadsPerCore' | 'Sockets'>): number {
  switch (record.LicenseCountingType as CountingType) {
    case 'Instance':
      return 1;
    case 'vCPU':
      return rulesOf(record).honorVcpuOptimization ? instance.CoreCount * instance.ThreadsPerCore : instance.VCpus;
    case 'Core':
      return instance.CoreCount;
    case 'Socket':
      return instance.Sockets;
  }
}

/** Whether a configuration charges the host of an instance placed on one rather than the instance. */
export function countsHosts(record: ConfigurationRecord): boolean {
  return record.LicenseCountingType === 'Core' || record.LicenseCountingType === 'Socket';
}

function hostMeasure(record: ConfigurationRecord, host: HostRecord): number {
  return record.LicenseCountingType === 'Core' ? host.Cores : host.Sockets;
}

/** Whether an instance other than `except` runs on the host. */
function hostRuns(state: EmulatorState, host: HostRecord, except?: InstanceRecord): boolean {
  return Object.values(instances(state)).some((i) => i !== except && consumes(i) && hostOf(state, i) === host);
}

const DAY_SECONDS = 86_400;

/** Whether a host holds a configuration's licenses by affinity at `now` (epoch seconds), running or not. */
function heldByAffinity(record: ConfigurationRecord, host: HostRecord, now: number): boolean {
  const days = rulesOf(record).licenseAffinityToHost;
  const spec = host.LicenseSpecifications.find((s) => s.LicenseConfigurationArn === record.LicenseConfigurationArn);
  if (days === undefined || spec?.HeldSince === undefined) return false;
  return host.State === 'available' || now < (host.ReleaseTime ?? 0) + days * DAY_SECONDS;
}

/** Whether a host consumes a configuration's licenses at `now`: an instance other than `except` runs on it, or affinity holds them. */
function hostConsumes(state: EmulatorState, record: ConfigurationRecord, host: HostRecord, now: number, except?: InstanceRecord): boolean {
  return hostRuns(state, host, except) || heldByAffinity(record, host, now);
}

const associated = (resource: { LicenseSpecifications: Array<{ LicenseConfigurationArn: string }> }, record: ConfigurationRecord) =>
  resource.LicenseSpecifications.some((s) => s.LicenseConfigurationArn === record.LicenseConfigurationArn);

/** What an associated resource consumes now: its need while it runs (a host: while an instance runs on it), nothing otherwise. */
export function consumedBy(state: EmulatorState, record: ConfigurationRecord, entry: FleetEntry, now: number): number {
  if (entry.host) return countsHosts(record) && hostConsumes(state, record, entry.host, now) ? hostMeasure(record, entry.host) : 0;
  if (entry.managed) return licensesNeeded(record, entry.managed);
  if (!entry.instance || !consumes(entry.instance)) return 0;
  return countsHosts(record) && hostOf(state, entry.instance) ? 0 : licensesNeeded(record, entry.instance);
}

/** What starting an instance adds to a configuration's consumption: its need, or its host's if the host is not consuming already. */
function addedBy(state: EmulatorState, record: ConfigurationRecord, instance: InstanceRecord, now: number): number {
  const host = hostOf(state, instance);
  if (!host || !countsHosts(record)) return licensesNeeded(record, instance);
  return associated(host, record) && hostConsumes(state, record, host, now, instance) ? 0 : hostMeasure(record, host);
}

function rulesOf(record: ConfigurationRecord): LicenseRules {
  return decodeRules(record.LicenseRules).rules;
}

/**
 * Refuses an instance that may not run under a configuration: a disabled configuration, a rule it breaks
 * (InvalidParameterValueException), or a hard limit it would exceed (LicenseUsageException). With
 * `viaHost` the configuration is its host's alone, and its rules are the host's business, not the instance's.
 */
export function checkMayConsume(state: EmulatorState, now: number, record: ConfigurationRecord, instance: InstanceRecord, viaHost = false): void {
  const name = `license configuration ${record.Name} (${record.LicenseConfigurationArn})`;
  if (record.Status !== 'AVAILABLE') throw invalidParameter(`Instance ${instance.InstanceId} cannot use ${name}: it is ${record.Status}, and launches cannot be performed with it`);
  const broken = viaHost ? undefined : brokenRule(record, instance);
  if (broken) throw invalidParameter(`Instance ${instance.InstanceId} breaks the license rules of ${name}: ${broken}`);
  const need = addedBy(state, record, instance, now);
  const inUse = liveCounts(state, record, now).ConsumedLicenses;
  if (record.LicenseCountHardLimit && record.LicenseCount !== undefined && inUse + need > record.LicenseCount) {
    const unit = record.LicenseCountingType;
    throw licenseUsage(
      `${hostOf(state, instance) && countsHosts(record) ? `Host ${instance.HostId} of instance` : 'Instance'} ${instance.InstanceId} needs ${need} ${unit} licenses of ${name}, which has ${inUse} of ${record.LicenseCount} in use and a hard limit.`,
    );
  }
}

/** The first rule an instance breaks, described; undefined when it keeps them all. */
function brokenRule(record: ConfigurationRecord, instance: InstanceRecord): string | undefined {
  const rules = rulesOf(record);
  const tenancy = RULE_TENANCY[instance.Tenancy];
  const counting = record.LicenseCountingType as CountingType;
  if ((counting === 'Core' || counting === 'Socket') && tenancy !== 'EC2-DedicatedHost')
    return `${counting} counting needs a Dedicated Host, and its tenancy is ${tenancy}`;
  if (rules.allowedTenancy && !rules.allowedTenancy.includes(tenancy))
    return `allowedTenancy is ${rules.allowedTenancy.join(',')}, and its tenancy is ${tenancy}`;
  const measures: ReadonlyArray<readonly [string, number | undefined, number | undefined, number]> = [
    ['vCPUs', rules.minimumVcpus, rules.maximumVcpus, instance.VCpus],
    ['cores', rules.minimumCores, rules.maximumCores, instance.CoreCount],
    ['sockets', rules.minimumSockets, rules.maximumSockets, instance.Sockets],
  ];
  for (const [what, min, max, value] of measures) {
    if (min !== undefined && value < min) return `it has ${value} ${what}, fewer than the minimum of ${min}`;
    if (max !== undefined && value > max) return `it has ${value} ${what}, more than the maximum of ${max}`;
  }
  return undefined;
}

/** The fleet resources associated with a configuration at `now` (epoch seconds), with what each consumes; a released host only while affinity holds it. */
export function usageOf(state: EmulatorState, record: ConfigurationRecord, now: number): Array<{ entry: FleetEntry; consumed: number; associationTime: number; scope?: string }> {
  const usage = [];
  for (const entry of fleetEntries(state)) {
    const spec = entry.record.LicenseSpecifications.find((s) => s.LicenseConfigurationArn === record.LicenseConfigurationArn);
    if (!spec || (entry.host?.State === 'released' && !heldByAffinity(record, entry.host, now))) continue;
    usage.push({
      entry,
      consumed: consumedBy(state, record, entry, now),
      associationTime: spec.AssociationTime,
      ...(spec.AmiAssociationScope === undefined ? {} : { scope: spec.AmiAssociationScope }),
    });
  }
  return usage;
}

type Counts = Pick<ConfigurationRecord, 'ConsumedLicenses' | 'ConsumedLicenseSummaryList' | 'ManagedResourceSummaryList'>;

/** A configuration's consumption members as the fleet makes them at `now` (epoch seconds). */
export function liveCounts(state: EmulatorState, record: ConfigurationRecord, now: number): Counts {
  const consumed = new Map<string, number>();
  const managed = new Map<string, number>();
  for (const { entry, consumed: n } of usageOf(state, record, now)) {
    if (entry.type !== 'EC2_AMI') consumed.set(entry.type, (consumed.get(entry.type) ?? 0) + n); // AMIs consume nothing and have no row
    managed.set(entry.type, (managed.get(entry.type) ?? 0) + 1);
  }
  return {
    ConsumedLicenses: [...consumed.values()].reduce((a, b) => a + b, 0),
    ConsumedLicenseSummaryList: withRows(CONSUMED_SUMMARY_TYPES, consumed).map((ResourceType) => ({ ResourceType, ConsumedLicenses: consumed.get(ResourceType) ?? 0 })),
    ManagedResourceSummaryList: withRows(MANAGED_SUMMARY_TYPES, managed).map((ResourceType) => ({ ResourceType, AssociationCount: managed.get(ResourceType) ?? 0 })),
  };
}

/** The rows License Manager always reports, then a row for any other type present (RDS). */
const withRows = (always: readonly string[], present: ReadonlyMap<string, number>) => [...always, ...[...present.keys()].filter((t) => !always.includes(t))];

/**
 * Stores the consumption members of the given configurations (all of them when none are named), and marks the
 * hosts consuming one under Core or Socket counting as holding its licenses since `now`.
 */
export function recount(state: EmulatorState, now: number, arns?: Iterable<string>): void {
  const table = configurations(state);
  for (const arn of arns ?? Object.keys(table)) {
    const record = table[arn];
    if (!record) continue;
    for (const { entry } of usageOf(state, record, now)) {
      const spec = entry.host && countsHosts(record) && hostRuns(state, entry.host) ? entry.host.LicenseSpecifications.find((s) => s.LicenseConfigurationArn === arn) : undefined;
      if (spec) spec.HeldSince ??= now;
    }
    Object.assign(record, liveCounts(state, record, now));
  }
}
