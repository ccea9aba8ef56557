// Released dedicated hosts and licenseAffinityToHost: a host that consumed a configuration's licenses keeps
// them while it is allocated and, released, until the affinity period after the release has passed; they count
// against the hard limit meanwhile. The emulator's clock is injected, so days pass without waiting.
import {
  CreateLicenseConfigurationCommand, GetLicenseConfigurationCommand, ListLicenseConfigurationsCommand, ListUsageForLicenseConfigurationCommand,
  UpdateLicenseConfigurationCommand, UpdateLicenseSpecificationsForResourceCommand, type LicenseManagerClient,
} from '@aws-sdk/client-license-manager';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type Emulator, type RunningServer } from '../../../src/emulator/index.js';
import { failureOf, launchConsuming, lmClient, testEmulator } from '../../helpers/emulator.js';

const DAY_MS = 86_400_000;
const hostArn = (id: string) => `arn:aws:ec2:us-east-1:000000000000:dedicated-host/${id}`;

async function world(rules: string[]) {
  const clock = { now: Date.parse('2026-03-01T12:00:00Z') };
  const emulator = testEmulator({ now: () => new Date(clock.now) });
  const lm = lmClient(emulator);
  const arn = (await lm.send(new CreateLicenseConfigurationCommand({
    Name: 'windows-byol', LicenseCountingType: 'Core', LicenseCount: 32, LicenseCountHardLimit: true, LicenseRules: rules,
  }))).LicenseConfigurationArn!;
  return { clock, emulator, lm, arn };
}

const consumed = async (lm: LicenseManagerClient, arn: string) => (await lm.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: arn }))).ConsumedLicenses;
const hostUsage = async (lm: LicenseManagerClient, arn: string) =>
  (await lm.send(new ListUsageForLicenseConfigurationCommand({ LicenseConfigurationArn: arn, Filters: [{ Name: 'resourceType', Values: ['EC2_HOST'] }] }))).LicenseConfigurationUsageList!
    .map((u) => [u.ResourceArn!.split('/').pop(), u.ResourceStatus, u.ConsumedLicenses]);
const onHost = (emulator: Emulator, arn: string, hostId: string) => launchConsuming(emulator, arn, { imageId: 'ami-0win', tenancy: 'host', hostId, cores: 4 });

describe('licenseAffinityToHost', () => {
  it('keeps a host’s licenses while it is allocated and for the affinity period after its release, against the hard limit', async () => {
    const { clock, emulator, lm, arn } = await world(['#licenseAffinityToHost=30']);
    const first = await emulator.allocateHost({}, { cores: 16, sockets: 1 });
    const [instance] = await onHost(emulator, arn, first);
    await emulator.changeInstances({}, 'stop', [instance!]);
    expect(await consumed(lm, arn)).toBe(16);
    const released = await emulator.releaseHosts({}, [first]);
    expect(released).toMatchObject([{ HostId: first, State: 'released', ReleaseTime: clock.now / 1000 }]);
    expect(await hostUsage(lm, arn)).toEqual([[first, 'released', 16]]);

    await onHost(emulator, arn, await emulator.allocateHost({}, { cores: 16, sockets: 1 }));
    expect(await consumed(lm, arn)).toBe(32);
    const third = await emulator.allocateHost({}, { cores: 16, sockets: 1 });
    await expect(onHost(emulator, arn, third)).rejects.toMatchObject({ type: 'LicenseUsageException', message: expect.stringContaining('which has 32 of 32 in use and a hard limit') });

    clock.now += 30 * DAY_MS - 1000;
    expect(await consumed(lm, arn)).toBe(32);
    clock.now += 1000;
    expect(await consumed(lm, arn)).toBe(16);
    expect((await hostUsage(lm, arn)).map(([id]) => id)).not.toContain(first);
    expect((await lm.send(new ListLicenseConfigurationsCommand({ Filters: [{ Name: 'usagelimitExceeded', Values: ['false'] }] }))).LicenseConfigurations!.map((c) => c.ConsumedLicenses)).toEqual([16]);
    await onHost(emulator, arn, third);
    expect(await consumed(lm, arn)).toBe(32);
  });

  it('applies to hosts that consumed before the rule was added by UpdateLicenseConfiguration', async () => {
    const { clock, emulator, lm, arn } = await world([]);
    const host = await emulator.allocateHost({}, { cores: 8, sockets: 1 });
    const ids = await onHost(emulator, arn, host);
    await emulator.changeInstances({}, 'terminate', ids);
    await lm.send(new UpdateLicenseConfigurationCommand({ LicenseConfigurationArn: arn, LicenseRules: ['#licenseAffinityToHost=1'] }));
    await emulator.releaseHosts({}, [host]);
    expect(await consumed(lm, arn)).toBe(8);
    clock.now += DAY_MS;
    expect(await consumed(lm, arn)).toBe(0);
  });
});

describe('released hosts without affinity', () => {
  it('lose their associations and licenses at release', async () => {
    const { emulator, lm, arn } = await world([]);
    const host = await emulator.allocateHost({}, { cores: 16, sockets: 1 });
    const ids = await onHost(emulator, arn, host);
    await emulator.changeInstances({}, 'stop', ids);
    await emulator.releaseHosts({}, [host]);
    expect(await hostUsage(lm, arn)).toEqual([]);
    expect(emulator.fleet().hosts[0]).toMatchObject({ State: 'released', LicenseSpecifications: [] });
  });

  it('are released only when no instance runs on them, and can no longer be used', async () => {
    const { emulator, lm, arn } = await world([]);
    const host = await emulator.allocateHost({}, { cores: 16, sockets: 1 });
    const ids = await onHost(emulator, arn, host);
    await expect(emulator.releaseHosts({}, [host])).rejects.toMatchObject({
      type: 'IncorrectHostState', message: `The host '${host}' runs instance ${ids[0]}; stop or terminate its instances before releasing it`,
    });
    await expect(emulator.releaseHosts({}, ['h-0123456789abcdef0'])).rejects.toMatchObject({ type: 'InvalidHostID.NotFound' });
    await emulator.changeInstances({}, 'stop', ids);
    await emulator.releaseHosts({}, [host]);
    await expect(emulator.releaseHosts({}, [host])).rejects.toMatchObject({ type: 'IncorrectHostState', message: `The host '${host}' is released and can no longer be used` });
    await expect(onHost(emulator, arn, host)).rejects.toMatchObject({ type: 'IncorrectHostState' });
    await expect(emulator.changeInstances({}, 'start', ids)).rejects.toMatchObject({ type: 'IncorrectHostState' });
    expect(await failureOf(lm.send(new UpdateLicenseSpecificationsForResourceCommand({ ResourceArn: hostArn(host), AddLicenseSpecifications: [{ LicenseConfigurationArn: arn }] })))).toMatchObject({
      name: 'InvalidResourceStateException', message: `Host ${host} is released; License Manager cannot associate it`,
    });
  });
});

describe('releasing hosts over HTTP (/_licensectl/fleet/release-host)', () => {
  let server: RunningServer | undefined;
  afterEach(async () => server?.close());

  it('releases hosts and answers AWS’s refusal', async () => {
    const { emulator } = await world([]);
    server = await startServer(emulator, { port: 0 });
    const post = async (body: object) => (await fetch(`${server!.url}/_licensectl/fleet/release-host`, { method: 'POST', body: JSON.stringify(body) })).json() as Promise<Record<string, unknown>>;
    const host = await emulator.allocateHost({}, { cores: 8, sockets: 1 });
    expect(await post({ hostIds: [host] })).toMatchObject({ hosts: [{ HostId: host, State: 'released' }] });
    expect(await post({ hostIds: [host] })).toEqual({ error: { type: 'IncorrectHostState', message: `The host '${host}' is released and can no longer be used` } });
    expect(await post({ hostIds: 'h-1' })).toEqual({ error: { type: 'InvalidParameterValue', message: 'hostIds must be a list of host ids' } });
  });
});
