// Dedicated hosts in the simulated fleet: allocated through the admin surface, instances launched onto them,
// and Core and Socket counting that charges the host once (however many instances it runs) as EC2_HOST.
import {
  CreateLicenseConfigurationCommand, GetLicenseConfigurationCommand, ListLicenseSpecificationsForResourceCommand, ListUsageForLicenseConfigurationCommand,
  UpdateLicenseSpecificationsForResourceCommand, type CreateLicenseConfigurationCommandInput, type LicenseManagerClient,
} from '@aws-sdk/client-license-manager';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type Emulator, type RunningServer } from '../../../src/emulator/index.js';
import { failureOf, launchConsuming, lmClient, testEmulator } from '../../helpers/emulator.js';

const ACCOUNT = '000000000000';
const hostArn = (id: string) => `arn:aws:ec2:us-east-1:${ACCOUNT}:dedicated-host/${id}`;

async function world(configuration: Partial<CreateLicenseConfigurationCommandInput> = {}) {
  const emulator = testEmulator();
  const lm = lmClient(emulator);
  const arn = (await lm.send(new CreateLicenseConfigurationCommand({
    Name: 'windows-byol', LicenseCountingType: 'Core', LicenseCount: 100, LicenseRules: ['#allowedTenancy=EC2-DedicatedHost'], ...configuration,
  }))).LicenseConfigurationArn!;
  return { emulator, lm, arn };
}

const consumed = async (lm: LicenseManagerClient, arn: string) => (await lm.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: arn })));
const usage = async (lm: LicenseManagerClient, arn: string, type?: string) =>
  (await lm.send(new ListUsageForLicenseConfigurationCommand({ LicenseConfigurationArn: arn, ...(type ? { Filters: [{ Name: 'resourceType', Values: [type] }] } : {}) }))).LicenseConfigurationUsageList!
    .map((u) => [u.ResourceType, u.ResourceArn!.split('/').pop(), u.ConsumedLicenses]);
const onHost = (emulator: Emulator, arn: string, hostId: string, count = 1) => launchConsuming(emulator, arn, { imageId: 'ami-0win', tenancy: 'host', hostId, cores: 4, vcpus: 8, count });

describe('dedicated hosts, in-process', () => {
  it('allocates hosts with their cores and sockets, listed with the fleet', async () => {
    const { emulator } = await world();
    const id = await emulator.allocateHost({}, { cores: 48, sockets: 2 });
    expect(id).toMatch(/^h-[0-9a-f]{17}$/);
    expect(emulator.fleet().hosts).toEqual([
      { Account: ACCOUNT, Region: 'us-east-1', HostId: id, Cores: 48, Sockets: 2, State: 'available', AllocationTime: expect.any(Number), LicenseSpecifications: [] },
    ]);
    await expect(emulator.allocateHost({}, { cores: 0, sockets: 1 })).rejects.toMatchObject({ type: 'InvalidParameterValue', message: 'cores must be a whole number of at least 1, got 0' });
  });

  it('refuses a launch onto a host that does not exist in the account and region', async () => {
    const { emulator } = await world();
    const id = await emulator.allocateHost({ account: '111122223333' }, { cores: 8, sockets: 1 });
    const { launched, refusal } = await emulator.launchInstances({}, { imageId: 'ami-1', tenancy: 'host', hostId: id });
    expect(launched).toEqual([]);
    expect(refusal).toMatchObject({ type: 'InvalidHostID.NotFound', message: `The host ID '${id}' does not exist` });
  });

  it('charges a host its cores once under Core counting, however many instances run on it, as EC2_HOST', async () => {
    const { emulator, lm, arn } = await world();
    const host = await emulator.allocateHost({}, { cores: 16, sockets: 2 });
    const ids = await onHost(emulator, arn, host, 3);
    const out = await consumed(lm, arn);
    expect(out.ConsumedLicenses).toBe(16);
    expect(out.ConsumedLicenseSummaryList).toContainEqual({ ResourceType: 'EC2_HOST', ConsumedLicenses: 16 });
    expect(out.ManagedResourceSummaryList).toContainEqual({ ResourceType: 'EC2_HOST', AssociationCount: 1 });
    expect(await usage(lm, arn, 'EC2_HOST')).toEqual([['EC2_HOST', host, 16]]);
    expect((await usage(lm, arn, 'EC2_INSTANCE')).map(([, , n]) => n)).toEqual([0, 0, 0]);
    expect((await lm.send(new ListLicenseSpecificationsForResourceCommand({ ResourceArn: hostArn(host) }))).LicenseSpecifications).toEqual([{ LicenseConfigurationArn: arn }]);
    await emulator.changeInstances({}, 'stop', ids.slice(0, 2));
    expect((await consumed(lm, arn)).ConsumedLicenses).toBe(16);
    await emulator.changeInstances({}, 'stop', ids.slice(2));
    expect((await consumed(lm, arn)).ConsumedLicenses).toBe(0);
    await emulator.changeInstances({}, 'start', ids.slice(0, 1));
    expect((await consumed(lm, arn)).ConsumedLicenses).toBe(16);
  });

  it('charges each host its sockets under Socket counting', async () => {
    const { emulator, lm, arn } = await world({ LicenseCountingType: 'Socket', LicenseCount: 10 });
    for (const sockets of [2, 4]) await onHost(emulator, arn, await emulator.allocateHost({}, { cores: 32, sockets }), 2);
    expect((await consumed(lm, arn)).ConsumedLicenses).toBe(6);
  });

  it('refuses with a hard limit a launch that would bring a new host in, but not one onto a host already counted', async () => {
    const { emulator, lm, arn } = await world({ LicenseCount: 20, LicenseCountHardLimit: true });
    const first = await emulator.allocateHost({}, { cores: 16, sockets: 1 });
    const second = await emulator.allocateHost({}, { cores: 16, sockets: 1 });
    await onHost(emulator, arn, first);
    await expect(onHost(emulator, arn, second)).rejects.toMatchObject({
      type: 'LicenseUsageException',
      message: expect.stringMatching(new RegExp(`Host ${second} of instance i-[0-9a-f]{17} needs 16 Core licenses of license configuration windows-byol .* which has 16 of 20 in use and a hard limit`)),
    });
    await onHost(emulator, arn, first, 2);
    expect((await consumed(lm, arn)).ConsumedLicenses).toBe(16);
  });

  it('associates a host directly: it consumes while an instance runs on it; an unknown host is refused', async () => {
    const { emulator, lm, arn } = await world();
    const host = await emulator.allocateHost({}, { cores: 12, sockets: 1 });
    await emulator.launchInstances({}, { imageId: 'ami-plain', tenancy: 'host', hostId: host });
    await lm.send(new UpdateLicenseSpecificationsForResourceCommand({ ResourceArn: hostArn(host), AddLicenseSpecifications: [{ LicenseConfigurationArn: arn }] }));
    expect(await usage(lm, arn)).toEqual([['EC2_HOST', host, 12]]);
    expect(await failureOf(lm.send(new ListLicenseSpecificationsForResourceCommand({ ResourceArn: hostArn('h-0123456789abcdef0') })))).toMatchObject({
      name: 'InvalidParameterValueException',
      message: `Invalid resource ARN: ${hostArn('h-0123456789abcdef0')}: the host h-0123456789abcdef0 does not exist`,
    });
  });

  it('keeps charging instances, not hosts, under vCPU counting', async () => {
    const { emulator, lm, arn } = await world({ LicenseCountingType: 'vCPU', LicenseRules: [] });
    await onHost(emulator, arn, await emulator.allocateHost({}, { cores: 16, sockets: 1 }), 2);
    expect((await consumed(lm, arn)).ConsumedLicenses).toBe(16);
    expect(emulator.fleet().hosts[0]!.LicenseSpecifications).toEqual([]);
  });
});

describe('dedicated hosts over HTTP (/_licensectl/fleet/allocate-host)', () => {
  let server: RunningServer | undefined;
  afterEach(async () => server?.close());

  it('allocates a host, launches onto it and lists it', async () => {
    const { emulator, lm, arn } = await world();
    server = await startServer(emulator, { port: 0 });
    const post = async (path: string, body: object) => (await fetch(`${server!.url}/_licensectl/fleet/${path}`, { method: 'POST', body: JSON.stringify(body) })).json() as Promise<Record<string, unknown>>;
    const { hostId } = (await post('allocate-host', { cores: 8, sockets: 1 })) as { hostId: string };
    expect(hostId).toMatch(/^h-[0-9a-f]{17}$/);
    expect(await post('allocate-host', { cores: 'many', sockets: 1 })).toEqual({ error: { type: 'InvalidParameterValue', message: 'cores must be a whole number of at least 1, got many' } });
    await lmClient(server.url).send(new UpdateLicenseSpecificationsForResourceCommand({ ResourceArn: 'arn:aws:ec2:us-east-1::image/ami-0win', AddLicenseSpecifications: [{ LicenseConfigurationArn: arn }] }));
    expect(await post('launch', { imageId: 'ami-0win', tenancy: 'host', hostId, count: 2, cores: 4 })).toMatchObject({ instances: [expect.any(String), expect.any(String)] });
    const listing = (await (await fetch(`${server.url}/_licensectl/fleet`)).json()) as { hosts: Array<{ HostId: string }> };
    expect(listing.hosts.map((h) => h.HostId)).toEqual([hostId]);
    expect(await usage(lm, arn, 'EC2_HOST')).toEqual([['EC2_HOST', hostId, 8]]);
  });
});
