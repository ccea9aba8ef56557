// The RAM operations table served by the emulator core (restJson1: method and lower-case path).
// Handlers read and mutate `ctx.state.ram` and only read License Manager's configurations.
import type { OperationHandler, OperationSpec } from '../core/types.js';
import { associateResourceShare } from './operations/associate-resource-share.js';
import { createResourceShare } from './operations/create-resource-share.js';
import { deleteResourceShare } from './operations/delete-resource-share.js';
import { disassociateResourceShare } from './operations/disassociate-resource-share.js';
import { getResourceShareAssociations } from './operations/get-resource-share-associations.js';
import { getResourceShares } from './operations/get-resource-shares.js';
import { listPrincipals } from './operations/list-principals.js';
import { listResourceSharePermissions } from './operations/list-resource-share-permissions.js';
import { listResources } from './operations/list-resources.js';
import { tagResource, untagResource } from './operations/tag-resource.js';
import { updateResourceShare } from './operations/update-resource-share.js';

function operation(name: string, handler: OperationHandler, options: { readOnly: boolean; method?: 'POST' | 'DELETE' }): OperationSpec {
  const method = options.method ?? 'POST';
  return { service: 'ram', name, http: { method, path: `/${name.toLowerCase()}` }, readOnly: options.readOnly, handler };
}

export const ramOperations: OperationSpec[] = [
  operation('CreateResourceShare', createResourceShare, { readOnly: false }),
  operation('GetResourceShares', getResourceShares, { readOnly: true }),
  operation('UpdateResourceShare', updateResourceShare, { readOnly: false }),
  operation('DeleteResourceShare', deleteResourceShare, { readOnly: false, method: 'DELETE' }),
  operation('AssociateResourceShare', associateResourceShare, { readOnly: false }),
  operation('DisassociateResourceShare', disassociateResourceShare, { readOnly: false }),
  operation('GetResourceShareAssociations', getResourceShareAssociations, { readOnly: true }),
  operation('ListResources', listResources, { readOnly: true }),
  operation('ListPrincipals', listPrincipals, { readOnly: true }),
  operation('ListResourceSharePermissions', listResourceSharePermissions, { readOnly: true }),
  operation('TagResource', tagResource, { readOnly: false }),
  operation('UntagResource', untagResource, { readOnly: false }),
];
