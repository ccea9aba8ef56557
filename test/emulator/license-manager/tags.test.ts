import {
  CreateGrantCommand, CreateLicenseCommand, CreateLicenseConfigurationCommand, GetLicenseConfigurationCommand,
  ListTagsForResourceCommand, TagResourceCommand, UntagResourceCommand, type LicenseManagerClient,
} from '@aws-sdk/client-license-manager';
import { describe, expect, it } from 'vitest';
import { failureOf, lmClient, testEmulator } from '../../helpers/emulator.js';
import { configurationInput, grantInput, ISSUER, licenseInput, STRANGER } from './fixtures.js';

async function resources(lm: LicenseManagerClient) {
  const configuration = (await lm.send(new CreateLicenseConfigurationCommand(configurationInput({ Tags: [{ Key: 'team', Value: 'platform' }] })))).LicenseConfigurationArn!;
  const license = (await lm.send(new CreateLicenseCommand(licenseInput({ Tags: [{ Key: 'team', Value: 'platform' }] })))).LicenseArn!;
  const grant = (await lm.send(new CreateGrantCommand(grantInput(license, { Tags: [{ Key: 'team', Value: 'platform' }] })))).GrantArn!;
  return { configuration, license, grant };
}

const tagsOf = async (lm: LicenseManagerClient, ResourceArn: string) => (await lm.send(new ListTagsForResourceCommand({ ResourceArn }))).Tags;

describe('TagResource, UntagResource and ListTagsForResource', () => {
  it.each(['configuration', 'license', 'grant'] as const)('tag a %s: add, overwrite, remove', async (kind) => {
    const lm = lmClient(testEmulator(), { account: ISSUER });
    const arn = (await resources(lm))[kind];
    expect(await tagsOf(lm, arn)).toEqual([{ Key: 'team', Value: 'platform' }]);
    await lm.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: 'team', Value: 'data' }, { Key: 'cost-centre', Value: '42' }] }));
    expect(await tagsOf(lm, arn)).toEqual([{ Key: 'team', Value: 'data' }, { Key: 'cost-centre', Value: '42' }]);
    await lm.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ['team', 'absent'] }));
    expect(await tagsOf(lm, arn)).toEqual([{ Key: 'cost-centre', Value: '42' }]);
  });

  it('shows the same tags in GetLicenseConfiguration', async () => {
    const lm = lmClient(testEmulator(), { account: ISSUER });
    const { configuration } = await resources(lm);
    await lm.send(new TagResourceCommand({ ResourceArn: configuration, Tags: [{ Key: 'licensectl:project', Value: 'acme' }] }));
    expect((await lm.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: configuration }))).Tags).toEqual([
      { Key: 'team', Value: 'platform' },
      { Key: 'licensectl:project', Value: 'acme' },
    ]);
  });

  it('treats an empty value as a value', async () => {
    const lm = lmClient(testEmulator(), { account: ISSUER });
    const { license } = await resources(lm);
    await lm.send(new TagResourceCommand({ ResourceArn: license, Tags: [{ Key: 'flag', Value: '' }] }));
    expect(await tagsOf(lm, license)).toContainEqual({ Key: 'flag', Value: '' });
  });

  it('refuses tags it cannot store, changing none of them', async () => {
    const lm = lmClient(testEmulator(), { account: ISSUER });
    const { license } = await resources(lm);
    const tooLong = 'k'.repeat(129);
    expect(await failureOf(lm.send(new TagResourceCommand({ ResourceArn: license, Tags: [{ Key: 'ok', Value: '1' }, { Key: tooLong, Value: 'x' }] })))).toEqual({
      name: 'InvalidParameterValueException', status: 400, message: 'Tag keys must be 1 to 128 characters long',
    });
    expect(await tagsOf(lm, license)).toEqual([{ Key: 'team', Value: 'platform' }]);
  });

  it('refuses missing members with ValidationException', async () => {
    const lm = lmClient(testEmulator(), { account: ISSUER });
    const { license } = await resources(lm);
    expect((await failureOf(lm.send(new TagResourceCommand({ ResourceArn: license } as never)))).name).toBe('ValidationException');
  });

  it.each([
    ['an unknown configuration', 'arn:aws:license-manager:us-east-1:111122223333:license-configuration:lic-0', 'Invalid license configuration ARN: arn:aws:license-manager:us-east-1:111122223333:license-configuration:lic-0'],
    ['an unknown license', 'arn:aws:license-manager::111122223333:license:l-0', 'Invalid license ARN: arn:aws:license-manager::111122223333:license:l-0'],
    ['an unknown grant', 'arn:aws:license-manager::111122223333:grant:g-0', 'Invalid grant ARN: arn:aws:license-manager::111122223333:grant:g-0'],
    ['a report generator that does not exist', 'arn:aws:license-manager:us-east-1:111122223333:report-generator:r-0', 'Invalid report generator ARN: arn:aws:license-manager:us-east-1:111122223333:report-generator:r-0'],
  ])('refuses %s with InvalidParameterValueException', async (_what, ResourceArn, message) => {
    const lm = lmClient(testEmulator(), { account: ISSUER });
    for (const call of [
      lm.send(new ListTagsForResourceCommand({ ResourceArn })),
      lm.send(new TagResourceCommand({ ResourceArn, Tags: [{ Key: 'k', Value: 'v' }] })),
      lm.send(new UntagResourceCommand({ ResourceArn, TagKeys: ['k'] })),
    ]) {
      expect(await failureOf(call)).toEqual({ name: 'InvalidParameterValueException', status: 400, message });
    }
  });

  it('hides every resource’s tags from other accounts', async () => {
    const emulator = testEmulator();
    const { configuration, license, grant } = await resources(lmClient(emulator, { account: ISSUER }));
    const stranger = lmClient(emulator, { account: STRANGER });
    for (const arn of [configuration, license, grant]) expect((await failureOf(stranger.send(new ListTagsForResourceCommand({ ResourceArn: arn })))).name).toBe('InvalidParameterValueException');
  });
});
