// License consumption through the simulated fleet, read through the SDK: instances launched from an AMI
// associated with a configuration consume by its counting type, rules and hard limits are enforced at launch
// (and at association), stopped instances release their licenses and terminated ones their associations.
import {
  CreateLicenseConfigurationCommand, GetLicenseConfigurationCommand, ListAssociationsForLicenseConfigurationCommand,
  ListLicenseConfigurationsCommand, ListLicenseSpecificationsForResourceCommand, ListUsageForLicenseConfigurationCommand,
  UpdateLicenseConfigurationCommand, UpdateLicenseSpecificationsForResourceCommand, type CreateLicenseConfigurationCommandInput,
} from '@aws-sdk/client-license-manager';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../src/emulator/index.js';
import { failureOf, launchConsuming, lmClient, testEmulator } from '../../helpers/emulator.js';

const ACCOUNT = '111122223333';
const NOW = new Date('2026-03-01T12:00:00.000Z');
const AMI = 'arn:aws:ec2:us-east-1::image/ami-0test';
const instanceArn = (id: string) => `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/${id}`;

async function setup(input: Partial<CreateLicenseConfigurationCommandInput> = {}, transport: 'in-process' | 'served' = 'in-process') {
  const emulator = testEmulator({ now: () => NOW });
  if (transport === 'served') servers.push(await startServer(emulator, { port: 0 }));
  const lm = lmClient(transport === 'served' ? servers.at(-1)!.url : emulator, { account: ACCOUNT });
  const arn = (await lm.send(new CreateLicenseConfigurationCommand({ Name: 'db', LicenseCountingType: 'vCPU', ...input }))).LicenseConfigurationArn!;
  const get = () => lm.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: arn }));
  const launch = (request: Parameters<typeof launchConsuming>[2] = {}) => launchConsuming(emulator, arn, { account: ACCOUNT, ...request });
  return { emulator, lm, arn, get, launch };
}

const servers: RunningServer[] = [];
afterEach(async () => Promise.all(servers.splice(0).map((s) => s.close())));

describe('consumption by counting type', () => {
  it.each([
    ['vCPU', [], 16],
    ['vCPU', ['#honorVcpuOptimization=True'], 8],
    ['vCPU', ['#honorVcpuOptimization=False'], 16],
    ['Core', [], 4],
    ['Socket', [], 2],
    ['Instance', [], 1],
  ] as const)('%s %j: an instance of 16 vCPUs (4 cores × 2 threads optimised), 2 sockets, on a host consumes %i', async (type, rules, each) => {
    const { get, launch } = await setup({ LicenseCountingType: type, LicenseRules: [...rules] });
    await launch({ count: 2, vcpus: 16, cores: 4, threadsPerCore: 2, sockets: 2, tenancy: 'host' });
    const out = await get();
    expect(out.ConsumedLicenses).toBe(2 * each);
    expect(out.ConsumedLicenseSummaryList).toEqual([
      { ResourceType: 'EC2_INSTANCE', ConsumedLicenses: 2 * each },
      { ResourceType: 'EC2_HOST', ConsumedLicenses: 0 },
      { ResourceType: 'SYSTEMS_MANAGER_MANAGED_INSTANCE', ConsumedLicenses: 0 },
    ]);
    expect(out.ManagedResourceSummaryList).toEqual([
      { ResourceType: 'EC2_INSTANCE', AssociationCount: 2 },
      { ResourceType: 'EC2_HOST', AssociationCount: 0 },
      { ResourceType: 'EC2_AMI', AssociationCount: 1 },
      { ResourceType: 'SYSTEMS_MANAGER_MANAGED_INSTANCE', AssociationCount: 0 },
    ]);
  });

  it('counts nothing for instances launched from an AMI no configuration is associated with', async () => {
    const { emulator, get, launch } = await setup();
    await launch({ vcpus: 4 });
    await emulator.launchInstances({ account: ACCOUNT }, { imageId: 'ami-0other', vcpus: 64 });
    expect((await get()).ConsumedLicenses).toBe(4);
  });
});

describe('hard and soft limits', () => {
  it('refuses the launch that would exceed a hard limit, keeping those launched before it', async () => {
    const { emulator, arn, get, launch } = await setup({ LicenseCount: 10, LicenseCountHardLimit: true });
    await launch({ vcpus: 4 });
    const { launched, refusal } = await emulator.launchInstances({ account: ACCOUNT }, { imageId: 'ami-0test', vcpus: 4, count: 3 });
    expect(launched).toHaveLength(1);
    expect(refusal).toMatchObject({
      type: 'LicenseUsageException',
      status: 412,
      message: expect.stringMatching(
        new RegExp(`^You do not have enough licenses available to support a new resource launch\\. Instance i-[0-9a-f]{17} needs 4 vCPU licenses of license configuration db \\(${arn}\\), which has 8 of 10 in use and a hard limit\\.$`),
      ),
    });
    expect((await get()).ConsumedLicenses).toBe(8);
    expect(emulator.fleet({ account: ACCOUNT }).instances).toHaveLength(2);
  });

  it('lets a soft limit be exceeded, and the configuration shows as over its limit', async () => {
    const { lm, get, launch } = await setup({ LicenseCount: 10, LicenseCountHardLimit: false });
    await launch({ vcpus: 8, count: 2 });
    expect((await get()).ConsumedLicenses).toBe(16);
    const over = await lm.send(new ListLicenseConfigurationsCommand({ Filters: [{ Name: 'usagelimitExceeded', Values: ['true'] }] }));
    expect(over.LicenseConfigurations?.map((c) => c.Name)).toEqual(['db']);
  });

  it('refuses a start past the hard limit, since a started instance takes its licenses again', async () => {
    const { emulator, get, launch } = await setup({ LicenseCount: 8, LicenseCountHardLimit: true });
    const [first] = await launch({ vcpus: 8 });
    await emulator.changeInstances({ account: ACCOUNT }, 'stop', [first!]);
    expect((await get()).ConsumedLicenses).toBe(0);
    await launch({ vcpus: 8 });
    await expect(emulator.changeInstances({ account: ACCOUNT }, 'start', [first!])).rejects.toMatchObject({ type: 'LicenseUsageException' });
    expect(emulator.fleet({ account: ACCOUNT }).instances.find((i) => i.InstanceId === first)!.State).toBe('stopped');
  });

  it('refuses launches with a disabled configuration', async () => {
    const { lm, arn, launch } = await setup();
    await lm.send(new UpdateLicenseConfigurationCommand({ LicenseConfigurationArn: arn, LicenseConfigurationStatus: 'DISABLED' }));
    await expect(launch()).rejects.toMatchObject({
      type: 'InvalidParameterValueException',
      message: expect.stringMatching(/^Instance i-[0-9a-f]{17} cannot use license configuration db \(.*\): it is DISABLED, and launches cannot be performed with it$/),
    });
  });
});

describe('license rules at launch', () => {
  it.each([
    [{ LicenseCountingType: 'vCPU', LicenseRules: ['#allowedTenancy=EC2-DedicatedHost'] }, {}, 'allowedTenancy is EC2-DedicatedHost, and its tenancy is EC2-Default'],
    [{ LicenseCountingType: 'vCPU', LicenseRules: ['#allowedTenancy=EC2-Default'] }, { tenancy: 'dedicated' }, 'allowedTenancy is EC2-Default, and its tenancy is EC2-DedicatedInstance'],
    [{ LicenseCountingType: 'vCPU', LicenseRules: ['#minimumVcpus=4'] }, { vcpus: 2 }, 'it has 2 vCPUs, fewer than the minimum of 4'],
    [{ LicenseCountingType: 'Instance', LicenseRules: ['#maximumVcpus=8'] }, { vcpus: 16 }, 'it has 16 vCPUs, more than the maximum of 8'],
    [{ LicenseCountingType: 'Core', LicenseRules: ['#minimumCores=8'] }, { tenancy: 'host', cores: 4 }, 'it has 4 cores, fewer than the minimum of 8'],
    [{ LicenseCountingType: 'Socket', LicenseRules: ['#maximumSockets=1'] }, { tenancy: 'host', sockets: 2 }, 'it has 2 sockets, more than the maximum of 1'],
    [{ LicenseCountingType: 'Core', LicenseRules: [] }, { tenancy: 'dedicated' }, 'Core counting needs a Dedicated Host, and its tenancy is EC2-DedicatedInstance'],
  ] as const)('%j refuses %j: %s', async (configuration, request, reason) => {
    const { emulator, get, launch } = await setup({ ...configuration, LicenseRules: [...configuration.LicenseRules] });
    const refusal = await launch(request).then(() => undefined, (error: Error) => error);
    expect(refusal).toMatchObject({ type: 'InvalidParameterValueException', message: expect.stringMatching(new RegExp(`breaks the license rules of license configuration db \\(.*\\): ${reason}$`)) });
    expect(emulator.fleet({ account: ACCOUNT }).instances).toEqual([]);
    expect((await get()).ConsumedLicenses).toBe(0);
  });
});

describe('associations and usage through the API', () => {
  it.each(['in-process', 'served'] as const)('lists specifications, associations and usage (%s)', async (transport) => {
    const { emulator, lm, arn, get } = await setup({}, transport);
    const launched = await launchConsuming(emulator, arn, { account: ACCOUNT, vcpus: 4, count: 2 });
    const [running, stopped] = [...launched].sort();
    await emulator.changeInstances({ account: ACCOUNT }, 'stop', [stopped!]);
    expect((await lm.send(new ListLicenseSpecificationsForResourceCommand({ ResourceArn: AMI }))).LicenseSpecifications).toEqual([{ LicenseConfigurationArn: arn }]);
    expect((await lm.send(new ListLicenseSpecificationsForResourceCommand({ ResourceArn: instanceArn(running!) }))).LicenseSpecifications).toEqual([{ LicenseConfigurationArn: arn }]);
    const associations = (await lm.send(new ListAssociationsForLicenseConfigurationCommand({ LicenseConfigurationArn: arn }))).LicenseConfigurationAssociations;
    expect(associations).toEqual([
      { ResourceArn: AMI, ResourceType: 'EC2_AMI', ResourceOwnerId: ACCOUNT, AssociationTime: NOW },
      { ResourceArn: instanceArn(running!), ResourceType: 'EC2_INSTANCE', ResourceOwnerId: ACCOUNT, AssociationTime: NOW },
      { ResourceArn: instanceArn(stopped!), ResourceType: 'EC2_INSTANCE', ResourceOwnerId: ACCOUNT, AssociationTime: NOW },
    ]);
    const usage = (await lm.send(new ListUsageForLicenseConfigurationCommand({ LicenseConfigurationArn: arn }))).LicenseConfigurationUsageList;
    expect(usage?.map((u) => [u.ResourceArn, u.ResourceType, u.ResourceStatus, u.ConsumedLicenses])).toEqual([
      [AMI, 'EC2_AMI', 'available', 0],
      [instanceArn(running!), 'EC2_INSTANCE', 'running', 4],
      [instanceArn(stopped!), 'EC2_INSTANCE', 'stopped', 0],
    ]);
    const filtered = async (Name: string, Values: string[]) =>
      (await lm.send(new ListUsageForLicenseConfigurationCommand({ LicenseConfigurationArn: arn, Filters: [{ Name, Values }] }))).LicenseConfigurationUsageList?.map((u) => u.ResourceArn);
    expect(await filtered('resourceType', ['EC2_AMI'])).toEqual([AMI]);
    expect(await filtered('resourceArn', [instanceArn(stopped!)])).toEqual([instanceArn(stopped!)]);
    expect(await filtered('resourceAccount', ['999988887777'])).toEqual([]);
    expect((await failureOf(filtered('resourceName', ['x']))).name).toBe('InvalidParameterValueException');
    const page = await lm.send(new ListAssociationsForLicenseConfigurationCommand({ LicenseConfigurationArn: arn, MaxResults: 2 }));
    expect(page.LicenseConfigurationAssociations).toHaveLength(2);
    expect(page.NextToken).toBeDefined();
    expect((await get()).ConsumedLicenses).toBe(4);
  });

  it('releases licenses and associations when an instance is terminated', async () => {
    const { emulator, lm, arn, get, launch } = await setup();
    const [id] = await launch({ vcpus: 4 });
    await emulator.changeInstances({ account: ACCOUNT }, 'terminate', [id!]);
    expect((await get()).ConsumedLicenses).toBe(0);
    expect((await get()).ManagedResourceSummaryList?.find((r) => r.ResourceType === 'EC2_INSTANCE')?.AssociationCount).toBe(0);
    expect((await lm.send(new ListLicenseSpecificationsForResourceCommand({ ResourceArn: instanceArn(id!) }))).LicenseSpecifications).toEqual([]);
    expect(await failureOf(lm.send(new UpdateLicenseSpecificationsForResourceCommand({ ResourceArn: instanceArn(id!), AddLicenseSpecifications: [{ LicenseConfigurationArn: arn }] })))).toEqual({
      name: 'InvalidResourceStateException',
      status: 400,
      message: `Instance ${id} is terminated; License Manager cannot allocate a license to it`,
    });
  });

  it('associates a running instance directly, under the same hard limit, and disassociates it', async () => {
    const { emulator, lm, arn, get } = await setup({ LicenseCount: 6, LicenseCountHardLimit: true });
    const { launched: [a, b] } = await emulator.launchInstances({ account: ACCOUNT }, { imageId: 'ami-0plain', vcpus: 4, count: 2 });
    const associate = (id: string) => lm.send(new UpdateLicenseSpecificationsForResourceCommand({ ResourceArn: instanceArn(id), AddLicenseSpecifications: [{ LicenseConfigurationArn: arn }] }));
    await associate(a!);
    expect((await get()).ConsumedLicenses).toBe(4);
    expect(await failureOf(associate(b!))).toMatchObject({ name: 'LicenseUsageException', status: 412 });
    await lm.send(new UpdateLicenseSpecificationsForResourceCommand({ ResourceArn: instanceArn(a!), RemoveLicenseSpecifications: [{ LicenseConfigurationArn: arn }] }));
    await associate(b!);
    expect((await get()).ConsumedLicenses).toBe(4);
  });

  it('refuses resources of another account or region, unknown instances and unknown configurations', async () => {
    const { lm, arn } = await setup();
    const update = (ResourceArn: string, LicenseConfigurationArn = arn) =>
      failureOf(lm.send(new UpdateLicenseSpecificationsForResourceCommand({ ResourceArn, AddLicenseSpecifications: [{ LicenseConfigurationArn }] })));
    expect((await update('arn:aws:ec2:eu-west-1::image/ami-1')).name).toBe('InvalidParameterValueException');
    expect((await update('arn:aws:ec2:us-east-1:999988887777:instance/i-0123456789abcdef0')).name).toBe('InvalidParameterValueException');
    expect((await update(instanceArn('i-0123456789abcdef0'))).message).toBe(`Invalid resource ARN: ${instanceArn('i-0123456789abcdef0')}: the instance i-0123456789abcdef0 does not exist`);
    const other = arn.replace(/lic-[0-9a-f]+$/, 'lic-00000000000000000000000000000000');
    expect((await update(AMI, other)).message).toBe(`Invalid license configuration ARN: ${other}`);
    const never = 'arn:aws:ec2:us-east-1::image/ami-0never';
    await lm.send(new UpdateLicenseSpecificationsForResourceCommand({ ResourceArn: never, RemoveLicenseSpecifications: [{ LicenseConfigurationArn: arn }] }));
    expect((await lm.send(new ListLicenseSpecificationsForResourceCommand({ ResourceArn: never }))).LicenseSpecifications).toEqual([]);
  });
});
