// Which fields AWS cannot change in place: a difference in any of them turns an update into a replace.
import { MUTABLE_RULES, type Kind, type RuleName } from '../model/index.js';
import { planMessages } from './messages.js';
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
 */
const FIXED_FIELDS: Readonly<Record<Kind, ReadonlySet<string>>> = {
  LicenseConfiguration: new Set(['countingType']),
  License: new Set(['beneficiary', 'homeRegion', 'productSku']),
  ResourceShare: new Set(),
  Grant: new Set(['homeRegion', 'license', 'principal']),
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
