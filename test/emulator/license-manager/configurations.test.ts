import {
  CreateLicenseConfigurationCommand, DeleteLicenseConfigurationCommand, GetLicenseConfigurationCommand,
  ListLicenseConfigurationsCommand, TagResourceCommand, UpdateLicenseConfigurationCommand, UpdateLicenseSpecificationsForResourceCommand,
  type CreateLicenseConfigurationCommandInput, type LicenseManagerClient,
} from '@aws-sdk/client-license-manager';
import { describe, expect, it } from 'vitest';
import { emptyState, type Emulator } from '../../../src/emulator/index.js';
import { failureOf, launchConsuming, lmClient, testEmulator } from '../../helpers/emulator.js';
import { lmRequest } from '../core/raw-requests.js';
import { configurationInput, ISSUER, STRANGER } from './fixtures.js';

const ARN = /^arn:aws:license-manager:us-east-1:111122223333:license-configuration:lic-[0-9a-f]{32}$/;

function setup(): { emulator: Emulator; lm: LicenseManagerClient } {
  const emulator = testEmulator();
  return { emulator, lm: lmClient(emulator, { account: ISSUER }) };
}

async function create(lm: LicenseManagerClient, input: Partial<CreateLicenseConfigurationCommandInput> = {}): Promise<string> {
  return (await lm.send(new CreateLicenseConfigurationCommand(configurationInput(input)))).LicenseConfigurationArn!;
}

const get = async (lm: LicenseManagerClient, LicenseConfigurationArn: string) => {
  const { $metadata: _metadata, ...out } = await lm.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn }));
  return out;
};

describe('CreateLicenseConfiguration and GetLicenseConfiguration', () => {
  it('stores every member and reads it back with tags, zero consumption and per-type summaries', async () => {
    const { lm } = setup();
    const arn = await create(lm, {
      Tags: [{ Key: 'team', Value: 'platform' }],
      LicenseRules: ['#allowedTenancy=EC2-DedicatedHost', '#minimumCores=8', '#licenseAffinityToHost=90'],
      ProductInformationList: [{
        ResourceType: 'SSM_MANAGED',
        ProductInformationFilterList: [{ ProductInformationFilterName: 'Platform Name', ProductInformationFilterComparator: 'EQUALS', ProductInformationFilterValue: ['Microsoft Windows Server 2022 Datacenter'] }],
      }],
      DisassociateWhenNotFound: true,
      LicenseExpiry: 1_814_400_000,
    });
    expect(arn).toMatch(ARN);
    expect(await get(lm, arn)).toEqual({
      LicenseConfigurationId: arn.split(':').pop(),
      LicenseConfigurationArn: arn,
      Name: 'windows-server',
      Description: 'BYOL, dedicated hosts only',
      LicenseCountingType: 'Core',
      LicenseRules: ['#allowedTenancy=EC2-DedicatedHost', '#minimumCores=8', '#licenseAffinityToHost=90'],
      LicenseCount: 256,
      LicenseCountHardLimit: true,
      ConsumedLicenses: 0,
      Status: 'AVAILABLE',
      OwnerAccountId: ISSUER,
      ConsumedLicenseSummaryList: [
        { ResourceType: 'EC2_INSTANCE', ConsumedLicenses: 0 },
        { ResourceType: 'EC2_HOST', ConsumedLicenses: 0 },
        { ResourceType: 'SYSTEMS_MANAGER_MANAGED_INSTANCE', ConsumedLicenses: 0 },
      ],
      ManagedResourceSummaryList: [
        { ResourceType: 'EC2_INSTANCE', AssociationCount: 0 },
        { ResourceType: 'EC2_HOST', AssociationCount: 0 },
        { ResourceType: 'EC2_AMI', AssociationCount: 0 },
        { ResourceType: 'SYSTEMS_MANAGER_MANAGED_INSTANCE', AssociationCount: 0 },
      ],
      Tags: [{ Key: 'team', Value: 'platform' }],
      ProductInformationList: [{
        ResourceType: 'SSM_MANAGED',
        ProductInformationFilterList: [{ ProductInformationFilterName: 'Platform Name', ProductInformationFilterComparator: 'EQUALS', ProductInformationFilterValue: ['Microsoft Windows Server 2022 Datacenter'] }],
      }],
      AutomatedDiscoveryInformation: { LastRunTime: expect.any(Date) }, // discovery ran at creation
      DisassociateWhenNotFound: true,
      LicenseExpiry: 1_814_400_000,
    });
  });

  it('defaults the optional members the way License Manager reports them', async () => {
    const { lm } = setup();
    const arn = await create(lm, { Description: undefined, LicenseCount: undefined, LicenseCountHardLimit: undefined, LicenseRules: undefined });
    const out = await get(lm, arn);
    expect(out).toMatchObject({ LicenseRules: [], LicenseCountHardLimit: false, DisassociateWhenNotFound: false, ProductInformationList: [], Tags: [] });
    expect(out).not.toHaveProperty('LicenseCount');
    expect(out).not.toHaveProperty('Description');
  });

  it('makes a new configuration for every call: the API has no client token', async () => {
    const { lm } = setup();
    expect(await create(lm)).not.toBe(await create(lm));
  });

  it.each([
    ['a malformed rule', { LicenseRules: ['allowedTenancy=EC2-Default'] }, 'Invalid license rule allowedTenancy=EC2-Default: expected #name=value, for example #allowedTenancy=EC2-DedicatedHost'],
    ['an unknown rule', { LicenseRules: ['#maximumThreads=4'] }, 'Invalid license rule #maximumThreads=4: expected #name=value, for example #allowedTenancy=EC2-DedicatedHost'],
    ['a rule of another counting type', { LicenseRules: ['#minimumVcpus=2'] }, 'License rule minimumVcpus is not supported for counting type Core (supported: allowedTenancy, licenseAffinityToHost, maximumCores, minimumCores)'],
    ['licenseAffinityToHost on vCPU', { LicenseCountingType: 'vCPU', LicenseRules: ['#licenseAffinityToHost=30'] }, 'License rule licenseAffinityToHost is not supported for counting type vCPU (supported: allowedTenancy, honorVcpuOptimization, maximumVcpus, minimumVcpus)'],
    ['an affinity of 0 days', { LicenseRules: ['#licenseAffinityToHost=0'] }, 'License rule licenseAffinityToHost must be between 1 and 180, got 0'],
    ['an affinity of 181 days', { LicenseRules: ['#licenseAffinityToHost=181'] }, 'License rule licenseAffinityToHost must be between 1 and 180, got 181'],
    ['a core count over 10000', { LicenseRules: ['#maximumCores=10001'] }, 'License rule maximumCores must be between 1 and 10000, got 10001'],
    ['a minimum above the maximum', { LicenseRules: ['#minimumCores=16', '#maximumCores=8'] }, 'minimumCores (16) must not exceed maximumCores (8)'],
    ['an unknown tenancy', { LicenseRules: ['#allowedTenancy=EC2-Shared'] }, 'Invalid allowedTenancy EC2-Shared (allowed: EC2-Default, EC2-DedicatedHost, EC2-DedicatedInstance)'],
    ['a repeated rule', { LicenseRules: ['#minimumCores=2', '#minimumCores=4'] }, 'License rule minimumCores is given more than once'],
    ['a negative license count', { LicenseCount: -1 }, 'LicenseCount must not be negative, got -1'],
    ['a reserved tag key', { Tags: [{ Key: 'aws:owner', Value: 'x' }] }, 'Tag key aws:owner uses the reserved prefix aws:'],
    ['an unknown product resource type', { ProductInformationList: [{ ResourceType: 'EC2', ProductInformationFilterList: [] }] }, 'Invalid product information resource type EC2 (allowed: SSM_MANAGED, RDS)'],
    [
      'an unknown product filter',
      { ProductInformationList: [{ ResourceType: 'RDS', ProductInformationFilterList: [{ ProductInformationFilterName: 'Platform Name', ProductInformationFilterComparator: 'EQUALS' }] }] },
      'Invalid product information filter Platform Name for RDS (allowed: Engine Edition, License Pack)',
    ],
    [
      'a wrong comparator',
      { ProductInformationList: [{ ResourceType: 'SSM_MANAGED', ProductInformationFilterList: [{ ProductInformationFilterName: 'Tag:env', ProductInformationFilterComparator: 'EQUALS', ProductInformationFilterValue: ['prod'] }] }] },
      'Product information filter Tag:env takes comparator NOT_EQUALS, not EQUALS',
    ],
    [
      'an undocumented value',
      { ProductInformationList: [{ ResourceType: 'RDS', ProductInformationFilterList: [{ ProductInformationFilterName: 'Engine Edition', ProductInformationFilterComparator: 'EQUALS', ProductInformationFilterValue: ['postgres'] }] }] },
      'Invalid value postgres for product information filter Engine Edition (allowed: oracle-ee, oracle-se, oracle-se1, oracle-se2, db2-se, db2-ae)',
    ],
  ])('refuses %s with InvalidParameterValueException', async (_what, input, message) => {
    const { emulator, lm } = setup();
    expect(await failureOf(lm.send(new CreateLicenseConfigurationCommand(configurationInput(input as never))))).toEqual({
      name: 'InvalidParameterValueException',
      status: 400,
      message,
    });
    expect(emulator.snapshot().licenseManager).toEqual(emptyState().licenseManager);
  });

  it('accepts every rule its counting type allows', async () => {
    const { lm } = setup();
    const rules = {
      Core: ['#allowedTenancy=EC2-DedicatedHost', '#licenseAffinityToHost=180', '#maximumCores=64', '#minimumCores=1'],
      Socket: ['#allowedTenancy=EC2-DedicatedHost', '#licenseAffinityToHost=1', '#maximumSockets=4', '#minimumSockets=1'],
      vCPU: ['#allowedTenancy=EC2-Default,EC2-DedicatedInstance', '#honorVcpuOptimization=True', '#maximumVcpus=10000', '#minimumVcpus=2'],
      Instance: ['#allowedTenancy=EC2-Default', '#maximumVcpus=16', '#minimumVcpus=2'],
    } as const;
    for (const [LicenseCountingType, LicenseRules] of Object.entries(rules)) {
      const arn = await create(lm, { LicenseCountingType: LicenseCountingType as never, LicenseRules: [...LicenseRules] });
      expect((await get(lm, arn)).LicenseRules).toEqual(LicenseRules);
    }
  });

  it('answers an unknown or malformed ARN with License Manager’s “Invalid license configuration ARN”', async () => {
    const { lm } = setup();
    const missing = 'arn:aws:license-manager:us-east-1:111122223333:license-configuration:lic-00000000000000000000000000000000';
    expect(await failureOf(lm.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: missing })))).toEqual({
      name: 'InvalidParameterValueException',
      status: 400,
      message: `Invalid license configuration ARN: ${missing}`,
    });
    expect((await failureOf(lm.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: 'windows' })))).message).toBe(
      'Invalid license configuration ARN: windows',
    );
  });
});

describe('UpdateLicenseConfiguration', () => {
  it('changes the members it is given and keeps the others', async () => {
    const { lm } = setup();
    const arn = await create(lm);
    await lm.send(new UpdateLicenseConfigurationCommand({
      LicenseConfigurationArn: arn,
      Name: 'windows-2025',
      LicenseCount: 512,
      LicenseCountHardLimit: false,
      LicenseConfigurationStatus: 'DISABLED',
      LicenseExpiry: 1_900_000_000,
    }));
    expect(await get(lm, arn)).toMatchObject({
      Name: 'windows-2025',
      Description: 'BYOL, dedicated hosts only',
      LicenseCount: 512,
      LicenseCountHardLimit: false,
      Status: 'DISABLED',
      LicenseExpiry: 1_900_000_000,
      LicenseRules: ['#allowedTenancy=EC2-DedicatedHost', '#minimumCores=8'],
    });
  });

  it('lets licenseAffinityToHost be added and changed', async () => {
    const { lm } = setup();
    const arn = await create(lm);
    for (const days of [30, 90]) {
      const LicenseRules = ['#allowedTenancy=EC2-DedicatedHost', '#minimumCores=8', `#licenseAffinityToHost=${days}`];
      await lm.send(new UpdateLicenseConfigurationCommand({ LicenseConfigurationArn: arn, LicenseRules }));
      expect((await get(lm, arn)).LicenseRules).toEqual(LicenseRules);
    }
  });

  it.each([
    ['changing another rule', ['#allowedTenancy=EC2-DedicatedHost', '#minimumCores=16'], 'License rule minimumCores cannot be changed after the license configuration is created; only licenseAffinityToHost can be added'],
    ['removing another rule', ['#allowedTenancy=EC2-DedicatedHost'], 'License rule minimumCores cannot be changed after the license configuration is created; only licenseAffinityToHost can be added'],
    ['adding another rule', ['#allowedTenancy=EC2-DedicatedHost', '#minimumCores=8', '#maximumCores=32'], 'License rule maximumCores cannot be changed after the license configuration is created; only licenseAffinityToHost can be added'],
    ['a rule of another counting type', ['#minimumVcpus=2'], 'License rule minimumVcpus is not supported for counting type Core (supported: allowedTenancy, licenseAffinityToHost, maximumCores, minimumCores)'],
  ])('refuses %s', async (_what, LicenseRules, message) => {
    const { lm } = setup();
    const arn = await create(lm);
    expect(await failureOf(lm.send(new UpdateLicenseConfigurationCommand({ LicenseConfigurationArn: arn, LicenseRules })))).toEqual({
      name: 'InvalidParameterValueException',
      status: 400,
      message,
    });
    expect((await get(lm, arn)).LicenseRules).toEqual(['#allowedTenancy=EC2-DedicatedHost', '#minimumCores=8']);
  });

  it('refuses a counting type change, which the SDK cannot even send', async () => {
    const { emulator, lm } = setup();
    const arn = await create(lm);
    const answer = await emulator.handle(lmRequest('UpdateLicenseConfiguration', { LicenseConfigurationArn: arn, LicenseCountingType: 'vCPU' }, { account: ISSUER }));
    expect([answer.status, JSON.parse(answer.body)]).toEqual([
      400,
      { __type: 'InvalidParameterValueException', Message: 'LicenseCountingType cannot be updated; create a new license configuration instead' },
    ]);
  });

  it('refuses an unknown status', async () => {
    const { lm } = setup();
    const arn = await create(lm);
    const error = await failureOf(lm.send(new UpdateLicenseConfigurationCommand({ LicenseConfigurationArn: arn, LicenseConfigurationStatus: 'PAUSED' as never })));
    expect([error.name, error.status]).toEqual(['ValidationException', 400]);
  });
});

describe('DeleteLicenseConfiguration', () => {
  it('removes the configuration and its tags', async () => {
    const { emulator, lm } = setup();
    const arn = await create(lm, { Tags: [{ Key: 'team', Value: 'platform' }] });
    await lm.send(new DeleteLicenseConfigurationCommand({ LicenseConfigurationArn: arn }));
    expect(emulator.snapshot().licenseManager).toEqual(emptyState().licenseManager);
    expect((await failureOf(lm.send(new DeleteLicenseConfigurationCommand({ LicenseConfigurationArn: arn })))).message).toBe(
      `Invalid license configuration ARN: ${arn}`,
    );
  });

  it('refuses while resources are associated, and allows it once they are gone', async () => {
    const { emulator, lm } = setup();
    const arn = await create(lm);
    const [instance] = await launchConsuming(emulator, arn, { account: ISSUER, tenancy: 'host', vcpus: 24, cores: 12 });
    expect((await get(lm, arn)).ConsumedLicenses).toBe(12);
    expect(await failureOf(lm.send(new DeleteLicenseConfigurationCommand({ LicenseConfigurationArn: arn })))).toEqual({
      name: 'InvalidParameterValueException',
      status: 400,
      message: `License configuration ${arn} is in use (2 associated resources, 12 licenses consumed); disassociate its resources before deleting it`,
    });
    await emulator.changeInstances({ account: ISSUER }, 'terminate', [instance!]);
    const image = 'arn:aws:ec2:us-east-1::image/ami-0test';
    await lm.send(new UpdateLicenseSpecificationsForResourceCommand({ ResourceArn: image, RemoveLicenseSpecifications: [{ LicenseConfigurationArn: arn }] }));
    await lm.send(new DeleteLicenseConfigurationCommand({ LicenseConfigurationArn: arn }));
  });
});

describe('account and region isolation', () => {
  it('shows a configuration to no other account and no other region', async () => {
    const { emulator, lm } = setup();
    const arn = await create(lm);
    for (const other of [lmClient(emulator, { account: STRANGER }), lmClient(emulator, { account: ISSUER, region: 'eu-west-1' })]) {
      expect((await other.send(new ListLicenseConfigurationsCommand({}))).LicenseConfigurations).toEqual([]);
      for (const call of [
        other.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: arn })),
        other.send(new UpdateLicenseConfigurationCommand({ LicenseConfigurationArn: arn, Name: 'stolen' })),
        other.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: 'k', Value: 'v' }] })),
        other.send(new DeleteLicenseConfigurationCommand({ LicenseConfigurationArn: arn })),
      ]) {
        expect(await failureOf(call)).toEqual({ name: 'InvalidParameterValueException', status: 400, message: `Invalid license configuration ARN: ${arn}` });
      }
    }
    expect((await get(lm, arn)).Name).toBe('windows-server');
  });
});
