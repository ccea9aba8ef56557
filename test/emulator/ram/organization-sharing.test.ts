// RAM across the organization boundary, once an organization is declared: members receive shares at once when
// the organization enabled sharing, everyone else gets an invitation to accept or reject; outside accounts are
// external, and refused by a share that does not allow external principals; OU and organization principals
// reach their accounts. Driven through the operation table (harness.ts), so every output is model-checked.
import { beforeEach, describe, expect, it } from 'vitest';
import { organizationFrom, type OrganizationDeclaration, type OrganizationRecord } from '../../../src/emulator/organizations/organization.js';
import { OWNER, PEER, RamWorld, REGION, shareArnOf, START_S, STRANGER, type Json } from './harness.js';

const DEEP = '444455556666';
const OUTSIDER = '999988887777';
const SEVEN_DAYS_MS = 7 * 24 * 3600 * 1000;

function declare(world: RamWorld, sharing: boolean, extra: Partial<OrganizationDeclaration> = {}): OrganizationRecord {
  const org = organizationFrom({ managementAccount: OWNER, sharingWithOrganization: sharing, units: [{ name: 'prod', accounts: [PEER], units: [{ name: 'eu', accounts: [DEEP] }] }], accounts: [STRANGER], ...extra }, START_S);
  world.state.organizations.current = org as unknown as Record<string, unknown>;
  return org;
}

describe('RAM within an organization', () => {
  let world: RamWorld;
  let lc: string;
  let org: OrganizationRecord;
  const principals = (share: string, account = OWNER) =>
    (world.call('GetResourceShareAssociations', { associationType: 'PRINCIPAL', resourceShareArns: [share] }, { account })['resourceShareAssociations'] as Json[]).map((a) => [a['associatedEntity'], a['status'], a['external']]);
  const visibleTo = (account: string) => (world.call('ListResources', { resourceOwner: 'OTHER-ACCOUNTS' }, { account })['resources'] as Json[]).map((r) => r['arn']);

  beforeEach(() => {
    world = new RamWorld();
    lc = world.addLicenseConfiguration();
  });

  it('with sharing enabled, a member account is ASSOCIATED at once, not external, and sees the resource; no invitation', () => {
    org = declare(world, true);
    const share = shareArnOf(world.call('CreateResourceShare', { name: 'win', resourceArns: [lc], principals: [PEER] }));
    expect(principals(share)).toEqual([[PEER, 'ASSOCIATED', false]]);
    expect(visibleTo(PEER)).toEqual([lc]);
    expect(world.call('GetResourceShareInvitations', {}, { account: PEER })['resourceShareInvitations']).toEqual([]);
  });

  it('an OU reaches the accounts in it and below it; the organization every member; both need sharing enabled', () => {
    org = declare(world, true);
    const prod = org.units.find((u) => u.name === 'prod')!;
    const share = shareArnOf(world.call('CreateResourceShare', { name: 'win', resourceArns: [lc], principals: [prod.arn] }));
    expect(principals(share)).toEqual([[prod.arn, 'ASSOCIATED', false]]);
    expect([visibleTo(PEER), visibleTo(DEEP), visibleTo(STRANGER), visibleTo(OUTSIDER)]).toEqual([[lc], [lc], [], []]);
    const lc2 = world.addLicenseConfiguration();
    world.call('CreateResourceShare', { name: 'all', resourceArns: [lc2], principals: [org.arn] });
    expect(visibleTo(STRANGER)).toEqual([lc2]);
    const listed = world.call('ListPrincipals', { resourceOwner: 'OTHER-ACCOUNTS' }, { account: DEEP })['principals'] as Json[];
    expect(listed.map((p) => p['id'])).toEqual([OWNER, OWNER]);

    declare(world, false);
    expect(world.failure('CreateResourceShare', { name: 'x', principals: [org.arn] })).toEqual({
      type: 'UnknownResourceException', status: 400,
      message: `Organization ${org.id} could not be found: sharing with AWS Organizations is not enabled (EnableSharingWithAwsOrganization).`,
    });
  });

  it('refuses another organization\'s ARN or OU as UnknownResourceException', () => {
    org = declare(world, true);
    const foreign = 'arn:aws:organizations::555555555555:ou/o-abcdefghij/ou-abcd-abcdefgh';
    expect(world.failure('CreateResourceShare', { name: 'x', principals: [foreign] })).toMatchObject({ type: 'UnknownResourceException', message: expect.stringContaining('OrganizationalUnit ou-abcd-abcdefgh could not be found') });
  });

  it('without sharing enabled, a member gets an invitation (not external); EnableSharingWithAwsOrganization makes later shares immediate', () => {
    org = declare(world, false);
    const share = shareArnOf(world.call('CreateResourceShare', { name: 'win', resourceArns: [lc], principals: [PEER] }));
    expect(principals(share)).toEqual([[PEER, 'ASSOCIATING', false]]);
    expect(visibleTo(PEER)).toEqual([]);
    expect(world.failure('EnableSharingWithAwsOrganization', {}, { account: PEER })).toMatchObject({ type: 'OperationNotPermittedException', message: expect.stringContaining('Only the management account') });
    expect(world.failure('EnableSharingWithAwsOrganization', {}, { account: OUTSIDER })).toMatchObject({ type: 'OperationNotPermittedException' });
    expect(world.call('EnableSharingWithAwsOrganization', {})).toEqual({ returnValue: true });
    const later = shareArnOf(world.call('CreateResourceShare', { name: 'later', resourceArns: [world.addLicenseConfiguration()], principals: [STRANGER] }));
    expect(principals(later)).toEqual([[STRANGER, 'ASSOCIATED', false]]);
  });
});

describe('RAM invitations to accounts outside the organization', () => {
  let world: RamWorld;
  let lc: string;
  let share: string;
  let invitation: Json;
  const invitations = (account = OUTSIDER, input: Json = {}) => world.call('GetResourceShareInvitations', input, { account })['resourceShareInvitations'] as Json[];
  const principalStatus = () => (world.call('GetResourceShareAssociations', { associationType: 'PRINCIPAL', resourceShareArns: [share] })['resourceShareAssociations'] as Json[]).map((a) => [a['status'], a['external']]);
  const visibleToOutsider = () => (world.call('ListResources', { resourceOwner: 'OTHER-ACCOUNTS' }, { account: OUTSIDER })['resources'] as Json[]).length;

  beforeEach(() => {
    world = new RamWorld();
    declare(world, true);
    lc = world.addLicenseConfiguration();
    share = shareArnOf(world.call('CreateResourceShare', { name: 'win', resourceArns: [lc], principals: [OUTSIDER] }));
    invitation = invitations()[0]!;
  });

  it('sends the outside account an invitation: the association is ASSOCIATING and external, nothing is shared yet', () => {
    expect(invitation).toEqual({
      resourceShareInvitationArn: expect.stringMatching(new RegExp(`^arn:aws:ram:${REGION}:${OWNER}:resource-share-invitation/[0-9a-f-]{36}$`)),
      resourceShareName: 'win', resourceShareArn: share, senderAccountId: OWNER, receiverAccountId: OUTSIDER, invitationTimestamp: START_S, status: 'PENDING',
    });
    expect(principalStatus()).toEqual([['ASSOCIATING', true]]);
    expect(visibleToOutsider()).toBe(0);
    expect(world.call('GetResourceShares', { resourceOwner: 'OTHER-ACCOUNTS' }, { account: OUTSIDER })['resourceShares']).toEqual([]);
    // Only the receiver sees it, in the share's region.
    expect(invitations(OWNER)).toEqual([]);
    expect(world.call('GetResourceShareInvitations', {}, { account: OUTSIDER, region: 'eu-west-1' })['resourceShareInvitations']).toEqual([]);
  });

  it('ListPendingInvitationResources shows what the share holds before it is accepted', () => {
    const resources = world.call('ListPendingInvitationResources', { resourceShareInvitationArn: invitation['resourceShareInvitationArn'] }, { account: OUTSIDER })['resources'] as Json[];
    expect(resources).toEqual([{ arn: lc, type: 'license-manager:LicenseConfiguration', resourceShareArn: share, status: 'AVAILABLE', creationTime: START_S, lastUpdatedTime: START_S, resourceRegionScope: 'REGIONAL' }]);
    expect(world.failure('ListPendingInvitationResources', { resourceShareInvitationArn: invitation['resourceShareInvitationArn'] }, { account: PEER }).type).toBe('ResourceShareInvitationArnNotFoundException');
  });

  it('accepted, the association becomes ASSOCIATED and the resource usable; accepting again is refused', () => {
    world.advance(1000);
    const accepted = world.call('AcceptResourceShareInvitation', { resourceShareInvitationArn: invitation['resourceShareInvitationArn'] }, { account: OUTSIDER });
    expect(accepted['resourceShareInvitation']).toMatchObject({ status: 'ACCEPTED', receiverAccountId: OUTSIDER });
    expect(principalStatus()).toEqual([['ASSOCIATED', true]]);
    expect(visibleToOutsider()).toBe(1);
    expect(invitations()[0]!['status']).toBe('ACCEPTED');
    expect(world.failure('AcceptResourceShareInvitation', { resourceShareInvitationArn: invitation['resourceShareInvitationArn'] }, { account: OUTSIDER }).type).toBe('ResourceShareInvitationAlreadyAcceptedException');
    expect(world.failure('RejectResourceShareInvitation', { resourceShareInvitationArn: invitation['resourceShareInvitationArn'] }, { account: OUTSIDER }).type).toBe('ResourceShareInvitationAlreadyAcceptedException');
  });

  it('rejected, the principal is DISASSOCIATED and nothing is shared; associating it again sends a new invitation', () => {
    const rejected = world.call('RejectResourceShareInvitation', { resourceShareInvitationArn: invitation['resourceShareInvitationArn'] }, { account: OUTSIDER });
    expect(rejected['resourceShareInvitation']).toMatchObject({ status: 'REJECTED' });
    expect(principalStatus()).toEqual([['DISASSOCIATED', true]]);
    expect(visibleToOutsider()).toBe(0);
    expect(world.failure('AcceptResourceShareInvitation', { resourceShareInvitationArn: invitation['resourceShareInvitationArn'] }, { account: OUTSIDER }).type).toBe('ResourceShareInvitationAlreadyRejectedException');
    expect(world.failure('ListPendingInvitationResources', { resourceShareInvitationArn: invitation['resourceShareInvitationArn'] }, { account: OUTSIDER }).type).toBe('ResourceShareInvitationAlreadyRejectedException');
    world.call('AssociateResourceShare', { resourceShareArn: share, principals: [OUTSIDER] });
    const fresh = invitations().find((i) => i['status'] === 'PENDING')!;
    expect(fresh['resourceShareInvitationArn']).not.toBe(invitation['resourceShareInvitationArn']);
  });

  it('expires after seven days unanswered', () => {
    world.advance(SEVEN_DAYS_MS);
    expect(invitations()[0]!['status']).toBe('EXPIRED');
    expect(principalStatus()).toEqual([['DISASSOCIATED', true]]);
    expect(world.failure('AcceptResourceShareInvitation', { resourceShareInvitationArn: invitation['resourceShareInvitationArn'] }, { account: OUTSIDER }).type).toBe('ResourceShareInvitationExpiredException');
  });

  it('refuses unknown, foreign and malformed invitation ARNs, and filters by share', () => {
    const unknown = `arn:aws:ram:${REGION}:${OWNER}:resource-share-invitation/00000000-0000-4000-8000-000000000000`;
    expect(world.failure('AcceptResourceShareInvitation', { resourceShareInvitationArn: unknown }, { account: OUTSIDER })).toEqual({
      type: 'ResourceShareInvitationArnNotFoundException', status: 400, message: `The resource share invitation ${unknown} could not be found.`,
    });
    expect(world.failure('RejectResourceShareInvitation', { resourceShareInvitationArn: invitation['resourceShareInvitationArn'] }, { account: PEER }).type).toBe('ResourceShareInvitationArnNotFoundException');
    expect(world.failure('GetResourceShareInvitations', { resourceShareInvitationArns: [unknown] }, { account: OUTSIDER }).type).toBe('ResourceShareInvitationArnNotFoundException');
    expect(world.failure('AcceptResourceShareInvitation', { resourceShareInvitationArn: 'not-an-arn' }, { account: OUTSIDER }).type).toBe('MalformedArnException');
    expect(invitations(OUTSIDER, { resourceShareArns: [share] })).toHaveLength(1);
    expect(invitations(OUTSIDER, { resourceShareArns: [share.replace(/[0-9a-f]{4}$/, '0000')] })).toEqual([]);
  });

  it('a share that does not allow external principals refuses an outside account, but not a member', () => {
    const closed = { name: 'closed', allowExternalPrincipals: false };
    expect(world.failure('CreateResourceShare', { ...closed, principals: [OUTSIDER] })).toMatchObject({ type: 'OperationNotPermittedException', message: expect.stringContaining(`${OUTSIDER} is outside the organization`) });
    const inside = shareArnOf(world.call('CreateResourceShare', { ...closed, principals: [PEER] }));
    expect(world.failure('AssociateResourceShare', { resourceShareArn: inside, principals: [`arn:aws:iam::${OUTSIDER}:role/reader`] }).type).toBe('OperationNotPermittedException');
  });

  it('an IAM role outside the organization is invited through its account, named as the receiver', () => {
    const role = `arn:aws:iam::${OUTSIDER}:role/reader`;
    world.call('AssociateResourceShare', { resourceShareArn: share, principals: [role] });
    expect(invitations().find((i) => i['receiverArn'] === role)).toMatchObject({ receiverAccountId: OUTSIDER, status: 'PENDING' });
  });
});

describe('RAM with no organization declared', () => {
  it('associates every account at once, none external, with no invitation (the emulator\'s behaviour before organizations)', () => {
    const world = new RamWorld();
    const lc = world.addLicenseConfiguration();
    const share = shareArnOf(world.call('CreateResourceShare', { name: 'win', resourceArns: [lc], principals: [OUTSIDER], allowExternalPrincipals: false }));
    const associations = world.call('GetResourceShareAssociations', { associationType: 'PRINCIPAL', resourceShareArns: [share] })['resourceShareAssociations'] as Json[];
    expect(associations.map((a) => [a['status'], a['external']])).toEqual([['ASSOCIATED', false]]);
    expect(world.call('GetResourceShareInvitations', {}, { account: OUTSIDER })['resourceShareInvitations']).toEqual([]);
    expect(world.failure('EnableSharingWithAwsOrganization', {})).toMatchObject({ type: 'OperationNotPermittedException', message: `Account ${OWNER} is not a member of an organization in AWS Organizations.` });
  });
});
