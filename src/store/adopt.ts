// Adopting an existing resource: our ownership tags are added, nothing else. What differs from the document is then
// updated by the kind's own update (apply/execute-plan.ts), so a kill between the two leaves a managed resource whose
// next plan is that update. An Association has no resource to tag: its claims go on the configurations of the pairs
// it takes over (see kinds/association.ts).
import { TagResourceCommand } from '@aws-sdk/client-license-manager';
import { TagResourceCommand as RamTagResourceCommand } from '@aws-sdk/client-ram';
import { ASSOCIATION_TAG_PREFIX, ownershipTags } from '../model/index.js';
import { arnOfChange, beforeOf, toLmTags, toRamTags, type ApplyContext, type StoreChange, type StoreContext } from './kind-adapter.js';

export async function adoptResource(ctx: StoreContext, change: StoreChange, apply: ApplyContext): Promise<void> {
  const arn = arnOfChange(change);
  switch (change.kind) {
    case 'ResourceShare':
      await ctx.clients.ram.send(new RamTagResourceCommand({ resourceShareArn: arn, tags: toRamTags(ownershipTags(ctx.project, change.name)) }));
      return;
    case 'Association': {
      const { spec } = beforeOf(change, 'Association');
      const claim = { Key: `${ASSOCIATION_TAG_PREFIX}${change.name}`, Value: spec.resourceArn };
      for (const ref of spec.licenseConfigurations) {
        await ctx.clients.lm.send(new TagResourceCommand({ ResourceArn: apply.arnOf('LicenseConfiguration', ref), Tags: [claim] }));
      }
      return;
    }
    case 'ServiceSettings':
      throw new Error(`internal: ${change.address}: service settings have no ARN to adopt`);
    case 'LicenseConfiguration':
    case 'License':
    case 'Grant':
    case 'ReportGenerator':
      await ctx.clients.lm.send(new TagResourceCommand({ ResourceArn: arn, Tags: toLmTags(ownershipTags(ctx.project, change.name)) }));
  }
}
