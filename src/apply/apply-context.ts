// The apply context of one apply: references resolve to ARNs (those created earlier in the same apply win
// over those read at plan time), and client tokens derive from the plan so retries reuse them.
import { createHash } from 'node:crypto';
import { addressOf, LicensectlError, type Kind } from './deps.js';
import type { Plan, ResourceChange } from '../plan/types.js';
import type { ApplyContext } from '../store/index.js';

export class PlanApplyContext implements ApplyContext {
  private readonly arns = new Map<string, string>();
  private readonly planned = new Map<string, string>();
  private readonly seed: string;

  constructor(plan: Plan) {
    this.seed = `${plan.project}|${plan.createdAt}`;
    for (const change of plan.changes) {
      if (!change.arn) continue;
      this.planned.set(change.address, change.arn);
      if (change.action !== 'replace' && change.action !== 'delete') this.arns.set(change.address, change.arn);
    }
  }

  plannedArnOf(kind: Kind, nameOrArn: string): string | undefined {
    return nameOrArn.startsWith('arn:') ? nameOrArn : this.planned.get(addressOf(kind, nameOrArn));
  }

  record(address: string, arn: string): void {
    this.arns.set(address, arn);
  }

  arnOf(kind: Kind, nameOrArn: string): string {
    if (nameOrArn.startsWith('arn:')) return nameOrArn;
    const arn = this.arns.get(addressOf(kind, nameOrArn));
    if (!arn) {
      throw new LicensectlError('UNRESOLVED_REFERENCE', `${kind}/${nameOrArn} has no ARN yet`, {
        hint: 'it is referenced by another resource but was neither found in the account nor created by this apply',
      });
    }
    return arn;
  }

  clientToken(change: ResourceChange, purpose: string): string {
    const hex = createHash('sha256').update(`${this.seed}|${change.address}|${change.fingerprint}|${purpose}`).digest('hex');
    // UUID-shaped: accepted by every token field of both services (License Manager's report tokens stop at 36).
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  }
}
