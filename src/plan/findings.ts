// Findings: what a plan's changes do to license usage, and where they break the project's policies. Pure: the
// changes, the usage the store read, the policies and the plan's time in; findings out, sorted by address and code.
// A finding is only as good as the usage read: a configuration or license absent from `usage` yields none.
import picomatch from 'picomatch';
import {
  type Address, type AssociationSpec, type CountByType, type TrackedResource, DEFAULT_POLICIES, type ConfigurationUsage, type LicenseConfigurationSpec, type LicenseSpec, type Policies,
  type ResourceShareSpec, type Usage, type GrantSpec, compareAddresses, headroomPercentOf,
} from '../model/index.js';
import { compareText } from '../util/canonical.js';
import { plural } from '../util/words.js';
import { arnsOf, consumingAccounts, lostShares, type ArnsOf } from './change-usage.js';
import type { Finding, FindingCode, ResourceChange } from './types.js';

const DAY_MS = 86_400_000;

type Emit = (code: FindingCode, message: string, numbers?: Record<string, number>, subjects?: readonly string[]) => void;

/** Every finding of `changes`; `now` is the plan's createdAt. */
export function findingsOf(changes: readonly ResourceChange[], usage: Usage, policies: Policies = DEFAULT_POLICIES, now: string): Finding[] {
  const findings: Finding[] = [];
  const arns = arnsOf(changes);
  const paired = pairedByAssociations(changes);
  for (const c of changes) {
    const emit: Emit = (code, message, numbers = {}, subjects = []) => findings.push(finding(code, c, message, numbers, subjects));
    policyFindings(c, policies, emit);
    switch (c.kind) {
      case 'LicenseConfiguration': configurationFindings(c, usage, policies, emit, now, paired.get(c.name) ?? new Set()); break;
      case 'License': licenseFindings(c, usage, policies, emit, now); break;
      case 'ResourceShare': shareFindings(c, usage, arns, emit); break;
      case 'Grant': grantFindings(c, usage, arns, emit); break;
      case 'Association': break;
    }
  }
  return findings.sort((a, b) => compareAddresses(a.address, b.address) || compareText(a.code, b.code) || compareText(a.message, b.message));
}

/** Severity and override follow from the code, except where the numbers decide (see SEVERITY_BY_NUMBERS). */
const RULES: Record<FindingCode, { severity: Finding['severity']; override: Finding['override'] }> = {
  COUNT_BELOW_USAGE: { severity: 'error', override: 'allow-overage' },
  HARD_LIMIT_AT_CAPACITY: { severity: 'error', override: 'allow-overage' },
  ENTITLEMENT_BELOW_USAGE: { severity: 'error', override: 'allow-overage' },
  CONFIGURATION_IN_USE: { severity: 'error', override: 'allow-in-use' },
  LICENSE_IN_USE: { severity: 'error', override: 'allow-in-use' },
  HEADROOM_BELOW_POLICY: { severity: 'error', override: null },
  POLICY_PROTECTED: { severity: 'error', override: null },
  POLICY_HARD_LIMIT_REQUIRED: { severity: 'error', override: null },
  POLICY_PRINCIPAL_NOT_ALLOWED: { severity: 'error', override: null },
  HEADROOM_LOW: { severity: 'warning', override: null },
  RULES_BREAK_TRACKED: { severity: 'warning', override: null },
  SHARE_REMOVES_CONSUMER: { severity: 'warning', override: null },
  GRANT_IN_USE: { severity: 'warning', override: null },
  EXPIRING: { severity: 'warning', override: null },
  EXPIRED: { severity: 'warning', override: null },
};

/** `numbers.warningOnly` (1) turns an error code into a warning: the same event where nothing would be refused. */
function finding(code: FindingCode, c: ResourceChange, message: string, numbers: Record<string, number>, subjects: readonly string[]): Finding {
  const { warningOnly, ...rest } = numbers;
  const rule = warningOnly ? { severity: 'warning' as const, override: null } : RULES[code];
  return { code, ...rule, address: c.address, message, numbers: rest, subjects: [...new Set(subjects)].sort(compareText) };
}

// ---- Policies: every kind

function policyFindings(c: ResourceChange, policies: Policies, emit: Emit): void {
  if ((c.action === 'delete' || c.action === 'replace') && matches(policies.protect, c)) {
    emit('POLICY_PROTECTED', `${c.address} is protected by spec.policies.protect and would be ${c.action === 'delete' ? 'deleted' : 'replaced (deleted and created again)'}`);
  }
  const after = c.after?.spec;
  if (!after || policies.allowedPrincipals === null) return;
  const principals = c.kind === 'ResourceShare' ? (after as ResourceShareSpec).principals : c.kind === 'Grant' ? [(after as GrantSpec).principal] : [];
  const allowed = picomatch([...policies.allowedPrincipals]);
  const refused = principals.filter((p) => !allowed(p));
  if (refused.length) emit('POLICY_PRINCIPAL_NOT_ALLOWED', `${c.address} names ${refused.join(', ')}, not among spec.policies.allowedPrincipals`, {}, refused);
}

function matches(patterns: readonly string[], c: ResourceChange): boolean {
  if (!patterns.length) return false;
  const match = picomatch([...patterns]);
  return match(c.name) || match(c.address);
}

// ---- License configurations

/**
 * The resources each configuration (by name) is paired with through an Association document of this plan: apply
 * releases and re-makes those pairs itself, so they do not keep a configuration in use.
 */
function pairedByAssociations(changes: readonly ResourceChange[]): Map<string, Set<string>> {
  const paired = new Map<string, Set<string>>();
  for (const c of changes) {
    if (c.kind !== 'Association') continue;
    for (const body of [c.before, c.after]) {
      const spec = body?.spec as AssociationSpec | undefined;
      for (const name of spec?.licenseConfigurations ?? []) paired.set(name, (paired.get(name) ?? new Set()).add(spec!.resourceArn));
    }
  }
  return paired;
}

function configurationFindings(c: ResourceChange, usage: Usage, policies: Policies, emit: Emit, now: string, paired: ReadonlySet<string>): void {
  const before = c.before?.spec as LicenseConfigurationSpec | undefined;
  const after = c.after?.spec as LicenseConfigurationSpec | undefined;
  if (after && matches(policies.requireHardLimit, c) && (!after.hardLimit || after.licenseCount === null)) {
    emit('POLICY_HARD_LIMIT_REQUIRED', `${c.address} must have a licenseCount and hardLimit: true (spec.policies.requireHardLimit)`);
  }
  if (after && c.action !== 'delete') expiryFindings(after.expiry, policies, now, emit, c.address);
  const read = c.arn ? usage.configurations[c.arn] : undefined;
  if (!read) return;
  const u = withoutPaired(read, paired);
  const associated = u.associatedByType.reduce((n, r) => n + r.count, 0);
  const gone = c.action === 'delete' || c.action === 'replace' ? c.action : after?.status === 'DISABLED' && before?.status !== 'DISABLED' ? 'deactivate' : null;
  if (gone && (u.consumed > 0 || associated > 0)) {
    const verb = gone === 'delete' ? 'deleted' : gone === 'replace' ? 'replaced (deleted and created again)' : 'deactivated';
    emit('CONFIGURATION_IN_USE', `${c.address} is ${verb} while it tracks ${whereTracked(u, associated)}`, { consumed: u.consumed, resources: associated }, accountsOf(u));
  }
  // What stays in use through the change counts: our own pairs too.
  if (!after || !before || c.action === 'delete') return;
  rulesFindings(c, before, after, read, emit);
  if (c.action === 'replace') return;
  const count = after.licenseCount;
  const lowered = count !== null && (before.licenseCount === null || count < before.licenseCount);
  const overCount = lowered && read.consumed > count;
  const atCapacity = !overCount && count !== null && after.hardLimit && !before.hardLimit && read.consumed >= count;
  if (overCount) {
    const launches = after.hardLimit ? '; with the hard limit, new launches would be refused' : '';
    emit('COUNT_BELOW_USAGE', `${c.address}: licenseCount ${count} is below the ${read.consumed} licenses in use${launches}`, { licenseCount: count, consumed: read.consumed, ...(after.hardLimit ? {} : { warningOnly: 1 }) });
  }
  if (atCapacity) {
    const over = read.consumed > count;
    emit('HARD_LIMIT_AT_CAPACITY', `${c.address}: the hard limit is turned on with ${read.consumed} of ${count} licenses in use; ${over ? 'the configuration is over its count' : 'the next launch would be refused'}`, { licenseCount: count, consumed: read.consumed, ...(over ? {} : { warningOnly: 1 }) });
  }
  // A lowered count is always held to the policy (a lower one must not slip past it as a mere warning); use that has
  // grown into the headroom is said only where no finding above says more.
  if (lowered || !atCapacity) headroomFindings(c, count, lowered, read.consumed, policies, emit);
}

function headroomFindings(c: ResourceChange, count: number | null, lowered: boolean, consumed: number, policies: Policies, emit: Emit): void {
  const min = policies.minHeadroomPercent;
  const percent = headroomPercentOf(count, consumed);
  if (min === null || count === null || percent === null || percent >= min) return;
  const numbers = { licenseCount: count, consumed, headroomPercent: percent, minHeadroomPercent: min };
  const left = consumed >= count ? `none of ${count} licenses unused (${consumed} in use)` : `${percent}% of ${count} licenses unused (${consumed} in use)`;
  if (lowered) emit('HEADROOM_BELOW_POLICY', `${c.address}: licenseCount ${count} leaves ${left}, under spec.policies.minHeadroomPercent ${min}%`, numbers);
  else emit('HEADROOM_LOW', `${c.address}: ${left}, under spec.policies.minHeadroomPercent ${min}%`, numbers);
}

// The counting dimension is the one AWS reports per resource (ConsumedLicenses): vCPUs, cores or sockets. Other rules
// (tenancy, and the dimensions not counted) need the instance itself, which License Manager does not report.
const BOUNDS = { vCPU: ['minimumVcpus', 'maximumVcpus'], Core: ['minimumCores', 'maximumCores'], Socket: ['minimumSockets', 'maximumSockets'] } as const;

function rulesFindings(c: ResourceChange, before: LicenseConfigurationSpec, after: LicenseConfigurationSpec, u: ConfigurationUsage, emit: Emit): void {
  // A resource's consumption is in the old counting type's units: against another type's bounds it says nothing.
  if (after.countingType === 'Instance' || after.countingType !== before.countingType || !u.resources) return;
  const [minRule, maxRule] = BOUNDS[after.countingType];
  const [min, max] = [after.rules[minRule], after.rules[maxRule]];
  if (min === before.rules[minRule] && max === before.rules[maxRule]) return;
  const breaking = u.resources.filter((r) => r.consumed > 0 && ((min !== undefined && r.consumed < min) || (max !== undefined && r.consumed > max)));
  if (!breaking.length) return;
  const bounds = [min === undefined ? '' : `${minRule} ${min}`, max === undefined ? '' : `${maxRule} ${max}`].filter(Boolean).join(', ');
  emit('RULES_BREAK_TRACKED', `${c.address}: ${plural(breaking.length, 'tracked resource')} would break ${bounds}: ${breaking.map((r) => `${r.arn} (${r.consumed} ${after.countingType})`).join(', ')}`, { resources: breaking.length }, breaking.map((r) => r.arn));
}

/** The usage of a configuration less the pairs an Association of the plan holds (see pairedByAssociations). */
function withoutPaired(u: ConfigurationUsage, paired: ReadonlySet<string>): ConfigurationUsage {
  const ours = (u.resources ?? []).filter((r) => paired.has(r.arn));
  if (!ours.length) return u;
  const less = (rows: readonly CountByType[], by: (r: TrackedResource) => number) => rows
    .map((row) => ({ ...row, count: row.count - ours.filter((r) => r.resourceType === row.resourceType).reduce((n, r) => n + by(r), 0) }))
    .filter((row) => row.count > 0);
  return {
    ...u,
    consumed: u.consumed - ours.reduce((n, r) => n + r.consumed, 0),
    consumedByType: less(u.consumedByType, (r) => r.consumed),
    associatedByType: less(u.associatedByType, () => 1),
    resources: u.resources!.filter((r) => !paired.has(r.arn)),
  };
}

function whereTracked(u: ConfigurationUsage, associated: number): string {
  const types = u.associatedByType.map((r) => `${r.count} ${r.resourceType}`).join(', ');
  const accounts = accountsOf(u);
  const where = accounts.length ? ` in ${accounts.length === 1 ? 'account' : 'accounts'} ${accounts.join(', ')}` : '';
  return `${plural(associated, 'resource')} (${types || 'none associated'}; ${plural(u.consumed, 'license')} consumed)${where}`;
}

function accountsOf(u: ConfigurationUsage): string[] {
  return [...new Set((u.resources ?? []).map((r) => r.account))].sort(compareText);
}

// ---- Licenses and grants

function licenseFindings(c: ResourceChange, usage: Usage, policies: Policies, emit: Emit, now: string): void {
  const after = c.after?.spec as LicenseSpec | undefined;
  if (after && c.action !== 'delete') expiryFindings(after.validity.end, policies, now, emit, c.address);
  const u = c.arn ? usage.licenses[c.arn] : undefined;
  if (!u) return;
  const consumed = u.entitlements.reduce((n, e) => n + e.consumed, 0);
  const goneVerb = c.action === 'delete' ? 'deleted' : c.action === 'replace' ? 'replaced (deleted and created again)' : after && after.status !== 'AVAILABLE' ? `set to ${after.status}` : null;
  if (goneVerb && consumed > 0) {
    emit('LICENSE_IN_USE', `${c.address} is ${goneVerb} while ${plural(consumed, 'unit')} of its entitlements are checked out`, { consumed });
  }
  if (!after || c.action === 'delete') return;
  for (const e of after.entitlements) {
    const used = u.entitlements.find((x) => x.name === e.name)?.consumed ?? 0;
    const was = (c.before?.spec as LicenseSpec | undefined)?.entitlements.find((x) => x.name === e.name)?.maxCount;
    if (e.maxCount === null || used <= e.maxCount || (was !== undefined && was !== null && was <= e.maxCount)) continue;
    const overage = e.overage ? ' (overage is allowed)' : '';
    emit('ENTITLEMENT_BELOW_USAGE', `${c.address}: entitlement ${e.name} maxCount ${e.maxCount} is below the ${used} in use${overage}`, { maxCount: e.maxCount, consumed: used, ...(e.overage ? { warningOnly: 1 } : {}) }, [e.name]);
  }
}

// Operations that keep checked-out licenses alive; losing one narrows what the grantee can do with them.
const CONSUMING_OPERATIONS = new Set(['CheckoutLicense', 'CheckoutBorrowLicense', 'CheckInLicense', 'ExtendConsumptionLicense']);

function grantFindings(c: ResourceChange, usage: Usage, arns: ArnsOf, emit: Emit): void {
  const before = c.before?.spec as GrantSpec | undefined;
  const after = c.after?.spec as GrantSpec | undefined;
  if (!before) return;
  const lost = before.allowedOperations.filter((op) => CONSUMING_OPERATIONS.has(op) && !after?.allowedOperations.includes(op));
  const how = c.action === 'delete' ? 'deleted' : c.action === 'replace' ? 'replaced' : after?.status === 'DISABLED' && before.status !== 'DISABLED' ? 'disabled' : lost.length ? `narrowed (loses ${lost.join(', ')})` : null;
  const u = usage.licenses[arns.license(before.license) ?? ''];
  if (!how || !u) return;
  const consumed = u.entitlements.reduce((n, e) => n + e.consumed, 0);
  if (consumed === 0) return;
  emit('GRANT_IN_USE', `${c.address} is ${how} while ${plural(consumed, 'unit')} of license ${before.license} are checked out; AWS does not report how many by grantee ${before.principal}`, { consumed }, [before.principal]);
}

// ---- Shares

function shareFindings(c: ResourceChange, usage: Usage, arns: ArnsOf, emit: Emit): void {
  for (const lost of lostShares(c)) {
    const u = usage.configurations[arns.configuration(lost.configuration) ?? ''];
    if (!u) continue;
    for (const { account, consumed } of consumingAccounts(u, lost)) {
      emit('SHARE_REMOVES_CONSUMER', `${c.address}: account ${account} consumes ${consumed} of the licenses of ${lost.configuration}, and ${lost.why}`, { consumed }, [account]);
    }
  }
}

// ---- Expiry

function expiryFindings(expiry: string | null, policies: Policies, now: string, emit: Emit, address: Address): void {
  if (expiry === null || policies.expiryWarningDays === 0) return;
  const days = Math.floor((Date.parse(expiry) - Date.parse(now)) / DAY_MS);
  if (days < 0) emit('EXPIRED', `${address} expired on ${expiry.slice(0, 10)}`, { days });
  else if (days <= policies.expiryWarningDays) emit('EXPIRING', `${address} expires on ${expiry.slice(0, 10)}, in ${plural(days, 'day')}`, { days, expiryWarningDays: policies.expiryWarningDays });
}
