// The rules that decide what a difference means: which fields AWS cannot change in place (a replace), which
// differences are not drift, and how a grant's lifecycle, driven by its grantee, is planned.
import { type Address, type Kind, type LiveResource, MUTABLE_RULES, type RuleName } from '../model/index.js';
import type { FieldDiff } from './types.js';

/**
 * - LicenseConfiguration: UpdateLicenseConfiguration has no LicenseCountingType, and "the only rule that you can add
 *   after you create a license configuration is licenseAffinityToHost" (aws-api.md §1.4).
 * - License: CreateLicenseVersion re-specifies the whole license but has no ProductSKU and no Beneficiary, so those
 *   cannot change. HomeRegion is in its input, yet a license lives in its home region (calls elsewhere get a
 *   RedirectException) and nothing documents moving one; a new version is written where the license lives, so
 *   a different home region means a new license.
 * - ResourceShare: none; its name and allowExternalPrincipals go through UpdateResourceShare, its principals and
 *   configurations through Associate/DisassociateResourceShare.
 * - Grant: CreateGrantVersion has no LicenseArn, Principals or HomeRegion (aws-api.md §2.2).
 * - Association: another resource is another association (its configurations move off the old one, onto the new);
 *   a configuration's AmiAssociationScope is set when it is added, so a new scope re-adds them all.
 * - ServiceSettings: none; UpdateServiceSettings sets every member.
 * - ReportGenerator: none; UpdateLicenseManagerReportGenerator re-specifies the whole generator.
 */
const FIXED_FIELDS: Readonly<Record<Kind, ReadonlySet<string>>> = {
  LicenseConfiguration: new Set(['countingType']),
  License: new Set(['beneficiary', 'homeRegion', 'productSku']),
  ResourceShare: new Set(),
  Grant: new Set(['homeRegion', 'license', 'principal']),
  Association: new Set(['resourceArn', 'amiAssociationScope']),
  ServiceSettings: new Set(),
  ReportGenerator: new Set(),
};

export function forcesReplacement(kind: Kind, path: string): boolean {
  if (FIXED_FIELDS[kind].has(path)) return true;
  return kind === 'LicenseConfiguration' && isImmutableRule(path);
}

function isImmutableRule(path: string): boolean {
  if (path === 'rules') return true;
  if (!path.startsWith('rules.')) return false;
  return !MUTABLE_RULES.includes(path.slice('rules.'.length) as RuleName);
}

/** Marks the diffs that force replacement and gives one reason for each, in path order. */
export function markReplacements(kind: Kind, diff: readonly FieldDiff[]): { diff: FieldDiff[]; reasons: string[] } {
  const reasons: string[] = [];
  const marked = diff.map((d): FieldDiff => {
    if (!forcesReplacement(kind, d.path)) return d;
    reasons.push(planMessages.cannotChangeInPlace(d.path));
    return { ...d, forcesReplacement: true };
  });
  return { diff: marked, reasons };
}

// Differences that are not drift: AWS cannot act on them, or they belong to someone else. Each leaves a warning.
export interface DriftFilter {
  readonly diff: readonly FieldDiff[];
  readonly warnings: readonly string[];
}

/**
 * For a change made in place:
 * - a configuration's licenseCount that the desired state drops cannot be cleared through the API
 *   (UpdateLicenseConfiguration has no way to unset it), so it is not planned and the plan says it stays;
 * - a grant the grantee has not yet accepted keeps whatever status it has; `status` is not compared.
 * A replace recreates the resource from the desired state, so these do not apply to it.
 */
export function withoutNonDrift(live: LiveResource, diff: readonly FieldDiff[]): DriftFilter {
  const warnings: string[] = [];
  const kept = diff.filter((d) => {
    if (isUnclearableLicenseCount(live, d)) {
      warnings.push(planMessages.licenseCountStays(d.before as number));
      return false;
    }
    // Applied by the grantee when it activates (app/grantee-steps.ts); the grantor's grant does not carry it.
    if (live.kind === 'Grant' && d.path === 'activationOverrideBehavior') return false;
    if (d.path === 'status' && awaitingActivation(live)) {
      warnings.push(planMessages.awaitingActivation);
      return false;
    }
    return !(grantLifecycle(live) === 'pending' && d.path === 'status');
  });
  if (grantLifecycle(live) === 'pending') warnings.push(planMessages.awaitingAcceptance(live.meta.status ?? ''));
  return { diff: kept, warnings };
}

/**
 * A grant accepted and not yet activated: DISABLED at version 1 ("grants that are accepted but not yet activated have
 * a status of Disabled"). Only the grantee can activate it, so a desired ACTIVE is its step, not drift. AcceptGrant
 * makes no version while every status change through CreateGrantVersion makes one, so no grant disabled by either
 * side since is still at version 1.
 */
function awaitingActivation(live: LiveResource): boolean {
  return live.kind === 'Grant' && live.meta.status === 'DISABLED' && live.meta.version === '1';
}

function isUnclearableLicenseCount(live: LiveResource, d: FieldDiff): boolean {
  return live.kind === 'LicenseConfiguration' && d.path === 'licenseCount' && d.after === null && typeof d.before === 'number';
}

// The grantee, not the grantor, drives much of a grant's lifecycle; this is how each live status is planned.
/**
 * - settled (ACTIVE, DISABLED, and WORKFLOW_COMPLETED: an organization or OU grant distributed as child grants, whose
 *   statuses are the members'): the grantor's choice; `spec.status` is compared like any field.
 * - pending (PENDING_ACCEPT, PENDING_WORKFLOW, or a status AWS adds later): the grantee has yet to act, so a different
 *   status is not drift; the change carries a warning instead. (An accepted grant not yet activated is settled but
 *   its status is not drift either: see awaitingActivation.)
 * - unusable (REJECTED, FAILED_WORKFLOW): "a rejected grant cannot be activated", so if it is still desired it is
 *   replaced by a new one (Terraform also treats REJECTED as gone). If the grantee keeps rejecting, every apply
 *   offers it again; that is the honest reading of a desired state that wants the grant.
 * - gone (DELETED, PENDING_DELETE): deleted grants stay readable for a while. There is nothing left to update or
 *   delete, so a desired grant is created anew and an undesired one is left out of the plan.
 */
export type GrantLifecycle = 'settled' | 'pending' | 'unusable' | 'gone';

const LIFECYCLE_BY_STATUS: ReadonlyMap<string, GrantLifecycle> = new Map([
  ['ACTIVE', 'settled'],
  ['DISABLED', 'settled'],
  ['WORKFLOW_COMPLETED', 'settled'],
  ['REJECTED', 'unusable'],
  ['FAILED_WORKFLOW', 'unusable'],
  ['DELETED', 'gone'],
  ['PENDING_DELETE', 'gone'],
]);

/** The lifecycle of a live resource; every kind but Grant, and a grant without a known status, is settled. */
export function grantLifecycle(live: LiveResource): GrantLifecycle {
  if (live.kind !== 'Grant' || live.meta.status === undefined) return 'settled';
  return LIFECYCLE_BY_STATUS.get(live.meta.status) ?? 'pending';
}

// Every reason and warning the planner writes, in one place so that tests and docs can quote them.
export const planMessages = {
  cannotChangeInPlace: (path: string) => `${path} cannot change in place`,
  licenseCountStays: (count: number) => `licenseCount cannot be removed through the API; it stays ${count}`,
  awaitingAcceptance: (status: string) => `awaiting acceptance by the grantee (status ${status})`,
  awaitingActivation: 'accepted, awaiting activation by the grantee (status DISABLED)',
  grantUnusable: (status: string) =>
    `the live grant is ${status} and can never become active again; it is replaced by a new grant`,
  grantGone: (arn: string, status: string) => `the live grant ${arn} is ${status}; a new grant is created`,
  licenseReplaced: (license: Address) => `${license} is replaced and a grant cannot move to another license`,
  configurationReplaced: (configuration: Address) => `re-associates ${configuration}, which is replaced`,
  pruned: 'no longer in the desired state (prune is on)',
  observedKept: (address: Address) => `${address} is no longer in the desired state but spec.observe selects it; it is kept`,
  observedMissing: 'observed (spec.management: observe) but not found live; it is not created',
  pruneOff: (address: Address) => `${address} is no longer in the desired state but prune is off; it is kept`,
  duplicate: (address: Address, arns: readonly string[]) =>
    `${address} matches ${arns.length} live resources with the same ownership tags (${arns.join(', ')}); ` +
    'nothing is planned for it until all but one are removed',
  declaredTwice: (address: Address) => `${address} is declared more than once in the desired state; only one declaration is planned`,
  partial: (targets: readonly Address[]) =>
    `the plan is partial (--target ${targets.join(', ')}): only these and the changes they depend on are planned; ` +
    'other differences may be pending',
  targetMatchesNothing: (address: Address) => `--target ${address} matches no resource in the desired or live state`,
} as const;
