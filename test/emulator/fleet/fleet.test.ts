// The simulated fleet and its admin surface: the Emulator's functions (in-process) and the HTTP paths under
// /_licensectl/fleet on a served emulator.
import { ListLicenseConfigurationsCommand } from '@aws-sdk/client-license-manager';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../src/emulator/index.js';
import { lmClient, testEmulator } from '../../helpers/emulator.js';

const ACCOUNT = '111122223333';
const ID = /^i-[0-9a-f]{17}$/;

describe('the fleet, in-process', () => {
  it('launches instances from an AMI, registering the AMI, in the given account and region', async () => {
    const emulator = testEmulator();
    const { launched, refusal } = await emulator.launchInstances({ account: ACCOUNT, region: 'eu-west-1' }, { imageId: 'ami-0abc', count: 2, vcpus: 8, cores: 4, sockets: 1 });
    expect(refusal).toBeUndefined();
    expect(launched).toHaveLength(2);
    for (const id of launched) expect(id).toMatch(ID);
    const fleet = emulator.fleet({ account: ACCOUNT, region: 'eu-west-1' });
    expect(fleet.images).toEqual([{ Account: ACCOUNT, Region: 'eu-west-1', ImageId: 'ami-0abc', Platform: 'Linux/UNIX', LicenseSpecifications: [] }]);
    expect(fleet.instances.map((i) => i.InstanceId).sort()).toEqual([...launched].sort());
    expect(fleet.instances[0]).toMatchObject({ ImageId: 'ami-0abc', VCpus: 8, CoreCount: 4, ThreadsPerCore: 2, Sockets: 1, Tenancy: 'default', State: 'running' });
    expect(emulator.fleet({ account: ACCOUNT, region: 'us-east-1' })).toEqual({ instances: [], images: [], hosts: [], managed: [] });
    expect(emulator.fleet({ account: '000000000000' })).toEqual({ instances: [], images: [], hosts: [], managed: [] });
  });

  it('launches in the emulator’s default account and region when none is given', async () => {
    const emulator = testEmulator();
    const hostId = await emulator.allocateHost({}, { cores: 8, sockets: 1 });
    const { launched } = await emulator.launchInstances({}, { imageId: 'ami-1', tenancy: 'host', hostId });
    expect(emulator.fleet({ account: '000000000000', region: 'us-east-1' }).instances).toEqual([
      expect.objectContaining({ InstanceId: launched[0], Tenancy: 'host', HostId: hostId, VCpus: 2, CoreCount: 1, Sockets: 1 }),
    ]);
  });

  it('stops, starts and terminates instances', async () => {
    const emulator = testEmulator();
    const { launched: [id] } = await emulator.launchInstances({}, { imageId: 'ami-1' });
    const state = () => emulator.fleet().instances[0]!.State;
    await emulator.changeInstances({}, 'stop', [id!]);
    expect(state()).toBe('stopped');
    await emulator.changeInstances({}, 'start', [id!]);
    expect(state()).toBe('running');
    await emulator.changeInstances({}, 'terminate', [id!]);
    expect(state()).toBe('terminated');
    await expect(emulator.changeInstances({}, 'start', [id!])).rejects.toMatchObject({ type: 'IncorrectInstanceState' });
  });

  it('refuses unknown instances, all or nothing, as EC2 does', async () => {
    const emulator = testEmulator();
    const { launched: [id] } = await emulator.launchInstances({}, { imageId: 'ami-1' });
    await expect(emulator.changeInstances({}, 'stop', [id!, 'i-00000000000000000'])).rejects.toMatchObject({
      type: 'InvalidInstanceID.NotFound',
      message: "The instance ID 'i-00000000000000000' does not exist",
    });
    expect(emulator.fleet().instances[0]!.State).toBe('running');
    await expect(emulator.changeInstances({ account: ACCOUNT }, 'stop', [id!])).rejects.toMatchObject({ type: 'InvalidInstanceID.NotFound' });
  });

  it.each([
    [{ imageId: 'img-1' }, 'Invalid id: "img-1" (expecting "ami-...")'],
    [{ imageId: 'ami-1', count: 0 }, 'count must be a whole number of at least 1, got 0'],
    [{ imageId: 'ami-1', vcpus: 1.5 }, 'vcpus must be a whole number of at least 1, got 1.5'],
    [{ imageId: 'ami-1', hostId: 'h-1' }, 'A host id is given only with tenancy host'],
  ])('refuses a malformed launch %j and launches nothing', async (request, message) => {
    const emulator = testEmulator();
    const { launched, refusal } = await emulator.launchInstances({}, request);
    expect(launched).toEqual([]);
    expect(refusal).toMatchObject({ type: 'InvalidParameterValue', message });
    expect(emulator.fleet()).toEqual({ instances: [], images: [], hosts: [], managed: [] });
  });
});

describe('the fleet over HTTP (/_licensectl/fleet)', () => {
  let server: RunningServer | undefined;
  afterEach(async () => server?.close());

  async function served() {
    const emulator = testEmulator();
    server = await startServer(emulator, { port: 0 });
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${server!.url}${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    return { emulator, call };
  }

  it('launches, lists, stops and terminates', async () => {
    const { emulator, call } = await served();
    const launch = await call('POST', '/_licensectl/fleet/launch', { account: ACCOUNT, region: 'us-west-2', imageId: 'ami-7', count: 3 });
    expect(launch.status).toBe(200);
    const ids = launch.body['instances'] as string[];
    expect(ids).toHaveLength(3);
    expect(emulator.fleet({ account: ACCOUNT, region: 'us-west-2' }).instances).toHaveLength(3);
    const stop = await call('POST', '/_licensectl/fleet/stop', { account: ACCOUNT, region: 'us-west-2', instanceIds: [ids[0]] });
    expect(stop).toMatchObject({ status: 200, body: { instances: [{ InstanceId: ids[0], State: 'stopped' }] } });
    await call('POST', '/_licensectl/fleet/terminate', { account: ACCOUNT, region: 'us-west-2', instanceIds: [ids[1]] });
    const listed = await call('GET', `/_licensectl/fleet?account=${ACCOUNT}&region=us-west-2`);
    expect((listed.body['instances'] as Array<{ InstanceId: string; State: string }>).map((i) => [i.InstanceId, i.State]).sort()).toEqual(
      [[ids[0], 'stopped'], [ids[1], 'terminated'], [ids[2], 'running']].sort(),
    );
    expect((await lmClient(server!.url).send(new ListLicenseConfigurationsCommand({}))).LicenseConfigurations).toEqual([]); // AWS paths as before
  });

  it('answers refusals with EC2’s error and status, and unknown admin paths with 404', async () => {
    const { call } = await served();
    expect(await call('POST', '/_licensectl/fleet/stop', { instanceIds: ['i-00000000000000000'] })).toEqual({
      status: 400,
      body: { error: { type: 'InvalidInstanceID.NotFound', message: "The instance ID 'i-00000000000000000' does not exist" } },
    });
    expect(await call('POST', '/_licensectl/fleet/launch', { imageId: 'ami-1', account: '12' })).toMatchObject({
      status: 400,
      body: { error: { type: 'InvalidParameterValue', message: 'account must be a 12-digit account id, got "12"' } },
    });
    expect((await call('POST', '/_licensectl/fleet/reboot', {})).status).toBe(404);
  });
});
