import type { CallContext } from '../../core/types.js';
import { associateEntity } from '../association-changes.js';
import { entitiesToAdd } from '../association-request.js';
import { withClientToken } from '../idempotency.js';
import { optionalBoolean, optionalObject, optionalStringList, requiredString, type Input, type Output } from '../input.js';
import { checkPermissionArns } from '../permissions.js';
import type { ShareRecord } from '../records.js';
import { createShare } from '../share-lifecycle.js';
import { mergeTags, readTags } from '../tags.js';
import { resourceShareView } from '../views.js';

export function createResourceShare(ctx: CallContext, input: Input): Output {
  return withClientToken(ctx, 'CreateResourceShare', input, () => {
    const name = requiredString(input, 'name');
    const tags = mergeTags([], readTags(input, 'tags') ?? []);
    checkPermissionArns(optionalStringList(input, 'permissionArns') ?? []);
    const resourceShareConfiguration = readShareConfiguration(input);
    const entities = entitiesToAdd(ctx, input);
    // The API default is true (Terraform's is false): an omitted member allows external principals.
    const allowExternalPrincipals = optionalBoolean(input, 'allowExternalPrincipals') ?? true;
    const share = createShare(ctx, { name, allowExternalPrincipals, tags, resourceShareConfiguration });
    for (const entity of entities) associateEntity(ctx, share, entity);
    return { resourceShare: resourceShareView(ctx, share) };
  });
}

function readShareConfiguration(input: Input): ShareRecord['resourceShareConfiguration'] {
  const configuration = optionalObject(input, 'resourceShareConfiguration');
  if (!configuration) return undefined;
  const retain = optionalBoolean(configuration, 'retainSharingOnAccountLeaveOrganization');
  return retain === undefined ? {} : { retainSharingOnAccountLeaveOrganization: retain };
}
