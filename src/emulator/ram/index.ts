// The RAM operations table served by the emulator core (restJson1: method and lower-case path).
// Handlers read and mutate `ctx.state.ram` and only read License Manager's configurations and the organization,
// except EnableSharingWithAwsOrganization, which records on the organization that sharing with it is enabled.
import type { OperationHandler, OperationSpec } from '../core/service-contract.js';
import { associateResourceShare, disassociateResourceShare, getResourceShareAssociations } from './associations.js';
import {
  acceptResourceShareInvitation,
  enableSharingWithAwsOrganization,
  getResourceShareInvitations,
  listPendingInvitationResources,
  rejectResourceShareInvitation,
} from './invitations.js';
import { listResourceSharePermissions } from './permissions.js';
import { listPrincipals, listResources } from './principals-and-resources.js';
import { createResourceShare, deleteResourceShare, getResourceShares, updateResourceShare } from './resource-shares.js';
import { tagResource, untagResource } from './tags.js';

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
  operation('GetResourceShareInvitations', getResourceShareInvitations, { readOnly: true }),
  operation('AcceptResourceShareInvitation', acceptResourceShareInvitation, { readOnly: false }),
  operation('RejectResourceShareInvitation', rejectResourceShareInvitation, { readOnly: false }),
  operation('ListPendingInvitationResources', listPendingInvitationResources, { readOnly: true }),
  operation('EnableSharingWithAwsOrganization', enableSharingWithAwsOrganization, { readOnly: false }),
];
