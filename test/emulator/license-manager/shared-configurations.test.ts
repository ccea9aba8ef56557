// A configuration shared through RAM is usable by the account it is shared with: that account attaches its own
// resources to it (and they count against the owner's count and hard limit), while an account it is not shared
// with, or no longer shared with, is refused as AWS refuses an ARN it cannot see.
import {
  CreateLicenseConfigurationCommand, GetLicenseConfigurationCommand, ListUsageForLicenseConfigurationCommand,
  UpdateLicenseSpecificationsForResourceCommand,
} from '@aws-sdk/client-license-manager';
import { AssociateResourceShareCommand, CreateResourceShareCommand, DisassociateResourceShareCommand } from '@aws-sdk/client-ram';
import { describe, expect, it } from 'vitest';
import { failureOf, launchConsuming, lmClient, OTHER_ACCOUNT, ramClient, testEmulator } from '../../helpers/emulator.js';

const STRANGER = '333344445555';
const NOW = new Date('2026-03-01T12:00:00.000Z');

async function setup() {
  const emulator = testEmulator({ now: () => NOW });
  const owner = lmClient(emulator);
  const arn = (await owner.send(new CreateLicenseConfigurationCommand({ Name: 'win', LicenseCountingType: 'vCPU', LicenseCount: 20, LicenseCountHardLimit: true }))).LicenseConfigurationArn!;
  const share = (await ramClient(emulator).send(new CreateResourceShareCommand({ name: 'win-to-dev', resourceArns: [arn], principals: [OTHER_ACCOUNT] }))).resourceShare!.resourceShareArn!;
  return { emulator, owner, arn, share };
}

describe('configurations shared with another account', () => {
  it('the account shared with attaches its resources; they consume the owner\'s count, up to its hard limit', async () => {
    const { emulator, owner, arn } = await setup();
    await launchConsuming(emulator, arn, { account: OTHER_ACCOUNT, imageId: 'ami-0dev', count: 2, vcpus: 8 });
    expect((await owner.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: arn }))).ConsumedLicenses).toBe(16);
    const usage = await owner.send(new ListUsageForLicenseConfigurationCommand({ LicenseConfigurationArn: arn }));
    expect(usage.LicenseConfigurationUsageList!.filter((u) => u.ResourceType === 'EC2_INSTANCE').map((u) => [u.ResourceOwnerId, u.ConsumedLicenses])).toEqual([[OTHER_ACCOUNT, 8], [OTHER_ACCOUNT, 8]]);
    const refused = await emulator.launchInstances({ account: OTHER_ACCOUNT }, { imageId: 'ami-0dev', vcpus: 8 });
    expect(JSON.stringify(refused.refusal)).toContain('LicenseUsageException');
    expect(refused.launched).toEqual([]);
  });

  it('an account it is not shared with, or no longer, cannot attach to it', async () => {
    const { emulator, arn, share } = await setup();
    const attach = (account: string, image: string) => lmClient(emulator, { account }).send(new UpdateLicenseSpecificationsForResourceCommand({
      ResourceArn: `arn:aws:ec2:us-east-1::image/${image}`, AddLicenseSpecifications: [{ LicenseConfigurationArn: arn }],
    }));
    expect(await failureOf(attach(STRANGER, 'ami-0x'))).toMatchObject({ name: 'InvalidParameterValueException', message: `Invalid license configuration ARN: ${arn}` });
    await ramClient(emulator).send(new DisassociateResourceShareCommand({ resourceShareArn: share, principals: [OTHER_ACCOUNT] }));
    expect(await failureOf(attach(OTHER_ACCOUNT, 'ami-0y'))).toMatchObject({ name: 'InvalidParameterValueException' });
    await ramClient(emulator).send(new AssociateResourceShareCommand({ resourceShareArn: share, principals: [OTHER_ACCOUNT] }));
    await attach(OTHER_ACCOUNT, 'ami-0y');
  });
});
