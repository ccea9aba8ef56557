// Guards against destructive mistakes, checked before any change is made.
import { LicensectlError } from '../errors/index.js';
import type { Plan } from '../plan/types.js';

export interface GuardOptions {
  readonly maxDeletes?: number;
  readonly allowEmpty: boolean;
  /** Resources in the desired state; zero while managed ones exist usually means the wrong directory or a bad merge. */
  readonly desiredCount: number;
}

export function checkGuards(plan: Plan, options: GuardOptions): void {
  if (plan.duplicates.length) {
    const list = plan.duplicates.map((d) => `${d.address} (${d.arns.join(', ')})`).join('; ');
    throw new LicensectlError('DUPLICATE_RESOURCES', `several live resources carry the ownership tags of one document: ${list}`, {
      hint: 'delete the extra copies or remove their licensectl: tags by hand; licensectl will not guess which one is real',
    });
  }
  const destroys = plan.changes.filter((c) => c.action === 'delete' || c.action === 'replace');
  if (options.maxDeletes !== undefined && destroys.length > options.maxDeletes) {
    throw new LicensectlError('TOO_MANY_DELETES', `the plan deletes or replaces ${destroys.length} resources, more than --max-deletes ${options.maxDeletes}`, {
      hint: `review the plan; raise --max-deletes to at least ${destroys.length} if it is intended`,
    });
  }
  const managed = plan.changes.filter((c) => c.action !== 'create').length;
  if (!options.allowEmpty && options.desiredCount === 0 && managed > 0) {
    throw new LicensectlError('EMPTY_DESIRED_STATE', `the desired state has no resources, but ${managed} managed resources exist; applying would delete them all`, {
      hint: 'check --dir; pass --allow-empty if you really mean to remove everything',
    });
  }
}
