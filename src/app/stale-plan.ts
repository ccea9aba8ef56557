// A saved plan is applied only if every resource it touches is still as it was when the plan was made.
import { LicensectlError } from '../errors/index.js';
import { addressOf, type LiveState, type Target } from '../model/index.js';
import { fingerprintOf } from '../plan/fingerprint.js';
import type { Plan } from '../plan/types.js';

export function checkPlanTarget(plan: Plan, project: string, target: Target): void {
  const mismatches = (['store', 'account', 'region', 'endpoint'] as const).filter((k) => plan.target[k] !== target[k]).map((k) => `${k} ${plan.target[k]} ≠ ${target[k]}`);
  if (plan.project !== project) mismatches.unshift(`project ${plan.project} ≠ ${project}`);
  if (mismatches.length) {
    throw new LicensectlError('PLAN_TARGET_MISMATCH', `the saved plan was made for another target (${mismatches.join(', ')})`, { hint: 'run plan again against this target' });
  }
}

export function checkFingerprints(plan: Plan, live: LiveState): void {
  const byAddress = new Map(live.managed.map((r) => [addressOf(r.kind, r.name), r]));
  const changed = plan.changes
    .filter((c) => c.action !== 'no-op' && fingerprintOf(byAddress.get(c.address) ?? null) !== c.fingerprint)
    .map((c) => c.address);
  if (changed.length) {
    throw new LicensectlError('STALE_PLAN', `the saved plan is stale: ${changed.join(', ')} changed since it was made`, {
      hint: 'run `licensectl plan --out FILE` again and review the new plan',
    });
  }
}
