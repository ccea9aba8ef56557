// Differences that are not drift: AWS cannot act on them, or they belong to someone else. Each leaves a warning.
import type { LiveResource } from '../model/index.js';
import { grantLifecycle } from './grant-status.js';
import { planMessages } from './messages.js';
import type { FieldDiff } from './types.js';

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
    return !(grantLifecycle(live) === 'pending' && d.path === 'status');
  });
  if (grantLifecycle(live) === 'pending') warnings.push(planMessages.awaitingAcceptance(live.meta.status ?? ''));
  return { diff: kept, warnings };
}

function isUnclearableLicenseCount(live: LiveResource, d: FieldDiff): boolean {
  return live.kind === 'LicenseConfiguration' && d.path === 'licenseCount' && d.after === null && typeof d.before === 'number';
}
