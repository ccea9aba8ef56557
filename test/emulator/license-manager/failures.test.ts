// ListFailuresForLicenseConfigurationOperations: refused launches and starts (a rule broken, a hard limit
// reached), refused associations and resources automated discovery could not associate are kept per
// configuration as AWS's LicenseOperationFailure entries, although the refused call changes nothing else.
import {
  CreateLicenseConfigurationCommand, DeleteLicenseConfigurationCommand, ListFailuresForLicenseConfigurationOperationsCommand,
  UpdateLicenseSpecificationsForResourceCommand, type LicenseManagerClient,
} from '@aws-sdk/client-license-manager';
import { describe, expect, it } from 'vitest';
import { failureOf, launchConsuming, lmClient, OTHER_ACCOUNT, testEmulator } from '../../helpers/emulator.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const instanceArn = (id: string) => `arn:aws:ec2:us-east-1:000000000000:instance/${id}`;

async function world() {
  const emulator = testEmulator({ now: () => NOW });
  const lm = lmClient(emulator);
  const arn = (await lm.send(new CreateLicenseConfigurationCommand({
    Name: 'sql', LicenseCountingType: 'vCPU', LicenseCount: 8, LicenseCountHardLimit: true, LicenseRules: ['#maximumVcpus=8'],
  }))).LicenseConfigurationArn!;
  return { emulator, lm, arn };
}

const failures = async (lm: LicenseManagerClient, arn: string, MaxResults?: number) =>
  (await lm.send(new ListFailuresForLicenseConfigurationOperationsCommand({ LicenseConfigurationArn: arn, ...(MaxResults ? { MaxResults } : {}) })));

describe('ListFailuresForLicenseConfigurationOperations', () => {
  it('lists a launch refused past the hard limit and one refused for a rule, with the refusal', async () => {
    const { emulator, lm, arn } = await world();
    expect((await failures(lm, arn)).LicenseOperationFailureList).toEqual([]);
    await launchConsuming(emulator, arn, { vcpus: 8 });
    const { refusal } = await emulator.launchInstances({}, { imageId: 'ami-0test', vcpus: 2 });
    const broken = await emulator.launchInstances({}, { imageId: 'ami-0test', vcpus: 16 });
    expect(emulator.fleet().instances).toHaveLength(1);
    const listed = (await failures(lm, arn)).LicenseOperationFailureList!;
    expect(listed).toEqual([
      {
        ResourceArn: expect.stringMatching(/^arn:aws:ec2:us-east-1:000000000000:instance\/i-[0-9a-f]{17}$/), ResourceType: 'EC2_INSTANCE', ResourceOwnerId: '000000000000',
        OperationName: 'RunInstances', OperationRequestedBy: '000000000000', FailureTime: NOW, ErrorMessage: `LicenseUsageException: ${refusal!.message}`,
      },
      expect.objectContaining({ OperationName: 'RunInstances', ErrorMessage: `InvalidParameterValueException: ${broken.refusal!.message}` }),
    ]);
    expect(listed[1]!.ErrorMessage).toContain('more than the maximum of 8');
  });

  it('lists refused starts and associations, pages them, and forgets them with the configuration', async () => {
    const { emulator, lm, arn } = await world();
    const [first] = await launchConsuming(emulator, arn, { vcpus: 4 });
    await emulator.changeInstances({}, 'stop', [first!]);
    await launchConsuming(emulator, arn, { vcpus: 8 });
    await expect(emulator.changeInstances({}, 'start', [first!])).rejects.toMatchObject({ type: 'LicenseUsageException' });
    const [plain] = (await emulator.launchInstances({}, { imageId: 'ami-plain', vcpus: 2 })).launched;
    const refused = await failureOf(lm.send(new UpdateLicenseSpecificationsForResourceCommand({ ResourceArn: instanceArn(plain!), AddLicenseSpecifications: [{ LicenseConfigurationArn: arn }] })));
    expect(refused.name).toBe('LicenseUsageException');
    const page = await failures(lm, arn, 1);
    expect(page.LicenseOperationFailureList!.map((f) => [f.OperationName, f.ResourceArn])).toEqual([['StartInstances', instanceArn(first!)]]);
    const rest = await lm.send(new ListFailuresForLicenseConfigurationOperationsCommand({ LicenseConfigurationArn: arn, MaxResults: 1, NextToken: page.NextToken }));
    expect(rest.LicenseOperationFailureList!.map((f) => [f.OperationName, f.ResourceArn])).toEqual([['UpdateLicenseSpecificationsForResource', instanceArn(plain!)]]);
    expect(rest.NextToken).toBeUndefined();
    expect(emulator.fleet().instances.find((i) => i.InstanceId === plain)!.LicenseSpecifications).toEqual([]);

    await emulator.changeInstances({}, 'terminate', emulator.fleet().instances.map((i) => i.InstanceId));
    await lm.send(new UpdateLicenseSpecificationsForResourceCommand({ ResourceArn: 'arn:aws:ec2:us-east-1::image/ami-0test', RemoveLicenseSpecifications: [{ LicenseConfigurationArn: arn }] }));
    await lm.send(new DeleteLicenseConfigurationCommand({ LicenseConfigurationArn: arn }));
    expect(emulator.snapshot().licenseManager.failures).toEqual({});
  });

  it('lists what automated discovery could not associate, requested by License Manager Automated Discovery', async () => {
    const { emulator, lm } = await world();
    const arn = (await lm.send(new CreateLicenseConfigurationCommand({
      Name: 'oracle', LicenseCountingType: 'vCPU', LicenseCount: 4, LicenseCountHardLimit: true,
      ProductInformationList: [{ ResourceType: 'RDS', ProductInformationFilterList: [{ ProductInformationFilterName: 'Engine Edition', ProductInformationFilterValue: ['oracle-ee'], ProductInformationFilterComparator: 'EQUALS' }] }],
    }))).LicenseConfigurationArn!;
    await emulator.addManagedResource({}, 'RDS', { identifier: 'small', platform: 'oracle-ee', vcpus: 4 });
    await emulator.addManagedResource({}, 'RDS', { identifier: 'large', platform: 'oracle-ee', vcpus: 4 });
    expect((await failures(lm, arn)).LicenseOperationFailureList).toEqual([{
      ResourceArn: 'arn:aws:rds:us-east-1:000000000000:db:large', ResourceType: 'RDS', ResourceOwnerId: '000000000000', OperationName: 'AutomatedDiscovery',
      OperationRequestedBy: 'License Manager Automated Discovery', FailureTime: NOW,
      ErrorMessage: 'large needs 4 vCPU licenses of license configuration oracle, which has 4 of 4 in use and a hard limit',
    }]);
  });

  it('is the owner’s to read', async () => {
    const { emulator, arn } = await world();
    expect(await failureOf(lmClient(emulator, { account: OTHER_ACCOUNT }).send(new ListFailuresForLicenseConfigurationOperationsCommand({ LicenseConfigurationArn: arn })))).toMatchObject({
      name: 'InvalidParameterValueException', message: `Invalid license configuration ARN: ${arn}`,
    });
  });
});
