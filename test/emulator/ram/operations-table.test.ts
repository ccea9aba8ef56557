import { describe, expect, it } from 'vitest';
import { ramOperations } from '../../../src/emulator/ram/index.js';

describe('ramOperations', () => {
  it('routes each operation by restJson1 method and lower-case path, reads marked read-only', () => {
    expect(ramOperations.map((op) => [op.service, op.name, `${op.http?.method} ${op.http?.path}`, op.readOnly])).toEqual([
      ['ram', 'CreateResourceShare', 'POST /createresourceshare', false],
      ['ram', 'GetResourceShares', 'POST /getresourceshares', true],
      ['ram', 'UpdateResourceShare', 'POST /updateresourceshare', false],
      ['ram', 'DeleteResourceShare', 'DELETE /deleteresourceshare', false],
      ['ram', 'AssociateResourceShare', 'POST /associateresourceshare', false],
      ['ram', 'DisassociateResourceShare', 'POST /disassociateresourceshare', false],
      ['ram', 'GetResourceShareAssociations', 'POST /getresourceshareassociations', true],
      ['ram', 'ListResources', 'POST /listresources', true],
      ['ram', 'ListPrincipals', 'POST /listprincipals', true],
      ['ram', 'ListResourceSharePermissions', 'POST /listresourcesharepermissions', true],
      ['ram', 'TagResource', 'POST /tagresource', false],
      ['ram', 'UntagResource', 'POST /untagresource', false],
      ['ram', 'GetResourceShareInvitations', 'POST /getresourceshareinvitations', true],
      ['ram', 'AcceptResourceShareInvitation', 'POST /acceptresourceshareinvitation', false],
      ['ram', 'RejectResourceShareInvitation', 'POST /rejectresourceshareinvitation', false],
      ['ram', 'ListPendingInvitationResources', 'POST /listpendinginvitationresources', true],
      ['ram', 'EnableSharingWithAwsOrganization', 'POST /enablesharingwithawsorganization', false],
    ]);
  });
});
