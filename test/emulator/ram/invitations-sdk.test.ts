// A configuration shared with an account outside the organization becomes usable to it only once it accepts the
// invitation, through the real SDK clients in-process (RAM's invitation calls, License Manager's attachments).
import { CreateLicenseConfigurationCommand, GetLicenseConfigurationCommand } from '@aws-sdk/client-license-manager';
import { AcceptResourceShareInvitationCommand, CreateResourceShareCommand, GetResourceShareInvitationsCommand, ListPendingInvitationResourcesCommand } from '@aws-sdk/client-ram';
import { describe, expect, it } from 'vitest';
import { failureOf, launchConsuming, lmClient, ramClient, testEmulator } from '../../helpers/emulator.js';

const MGMT = '111122223333';
const MEMBER = '222233334444';
const OUTSIDER = '999988887777';

describe('a configuration shared across the organization boundary (SDK)', () => {
  it('a member uses it at once; an outside account after accepting its invitation, not before', async () => {
    const emulator = testEmulator({ now: () => new Date('2026-03-01T12:00:00Z') });
    await emulator.applyOrganization({ managementAccount: MGMT, sharingWithOrganization: true, accounts: [MEMBER] });
    const owner = lmClient(emulator, { account: MGMT });
    const arn = (await owner.send(new CreateLicenseConfigurationCommand({ Name: 'win', LicenseCountingType: 'vCPU', LicenseCount: 40 }))).LicenseConfigurationArn!;
    await ramClient(emulator, { account: MGMT }).send(new CreateResourceShareCommand({ name: 'win', resourceArns: [arn], principals: [MEMBER, OUTSIDER] }));

    await launchConsuming(emulator, arn, { account: MEMBER, imageId: 'ami-0member', vcpus: 4 });
    const before = await failureOf(launchConsuming(emulator, arn, { account: OUTSIDER, imageId: 'ami-0outside', vcpus: 4 }));
    expect(before.name).toBe('InvalidParameterValueException');

    const outsider = ramClient(emulator, { account: OUTSIDER });
    const [invitation] = (await outsider.send(new GetResourceShareInvitationsCommand({}))).resourceShareInvitations!;
    expect(invitation).toMatchObject({ status: 'PENDING', senderAccountId: MGMT, invitationTimestamp: new Date('2026-03-01T12:00:00Z') });
    const pending = await outsider.send(new ListPendingInvitationResourcesCommand({ resourceShareInvitationArn: invitation!.resourceShareInvitationArn! }));
    expect(pending.resources!.map((r) => r.arn)).toEqual([arn]);
    const accepted = await outsider.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: invitation!.resourceShareInvitationArn! }));
    expect(accepted.resourceShareInvitation!.status).toBe('ACCEPTED');

    await launchConsuming(emulator, arn, { account: OUTSIDER, imageId: 'ami-0outside', vcpus: 4 });
    expect((await owner.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: arn }))).ConsumedLicenses).toBe(8);
  });
});
