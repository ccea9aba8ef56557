// Resolves references in specs (a managed resource's name, or an ARN) to ARNs while a plan is applied:
// ARNs of resources created earlier in the same apply win over those read at plan time.
import { addressOf, LicensectlError, type Kind } from './deps.js';
import type { Plan } from '../plan/types.js';
import type { RefResolver } from '../store/index.js';

export class ApplyRefs implements RefResolver {
  private readonly arns = new Map<string, string>();

  constructor(plan: Plan) {
    for (const change of plan.changes) if (change.arn && change.action !== 'replace' && change.action !== 'delete') this.arns.set(change.address, change.arn);
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
}
