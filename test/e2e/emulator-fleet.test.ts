// `licensectl emulator fleet` against `licensectl emulator serve` (and a state file): instances launched from an
// AMI associated with a configuration consume its licenses, a hard limit refuses the launch past the count with
// AWS's reason (exit 1), rules are enforced, and stop, start and terminate release and retake licenses.
import { CreateLicenseConfigurationCommand, GetLicenseConfigurationCommand, UpdateLicenseSpecificationsForResourceCommand, type LicenseManagerClient } from '@aws-sdk/client-license-manager';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaProblems } from '../../src/app/schema.js';
import { Emulator } from '../../src/emulator/index.js';
import { runCli } from '../helpers/cli.js';
import { lmClient } from '../helpers/emulator.js';
import { serveEmulator, type ServedEmulator } from '../helpers/served.js';

const ACCOUNT = '111122223333';
const ID = /^i-[0-9a-f]{17}$/;

async function configurationWithAmi(lm: LicenseManagerClient, ami: string, input: { LicenseCountingType: 'vCPU' | 'Core'; LicenseCount: number; LicenseRules?: string[] }): Promise<string> {
  const { LicenseConfigurationArn } = await lm.send(new CreateLicenseConfigurationCommand({ Name: ami, LicenseCountHardLimit: true, ...input }));
  await lm.send(new UpdateLicenseSpecificationsForResourceCommand({
    ResourceArn: `arn:aws:ec2:us-east-1::image/${ami}`,
    AddLicenseSpecifications: [{ LicenseConfigurationArn: LicenseConfigurationArn! }],
  }));
  return LicenseConfigurationArn!;
}

describe('emulator fleet against emulator serve', () => {
  let served: ServedEmulator;
  let lm: LicenseManagerClient;
  beforeAll(async () => {
    served = await serveEmulator();
    lm = lmClient(served.url, { account: ACCOUNT });
  });
  afterAll(async () => { await served.stop(); });

  const fleet = (...args: string[]) => runCli(['emulator', 'fleet', ...args, '--endpoint', served.url, '--account', ACCOUNT]);
  const consumed = async (arn: string) => (await lm.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: arn }))).ConsumedLicenses;

  it('launches until the hard limit, then prints AWS’s reason and exits 1; stop, start and terminate follow', async () => {
    const arn = await configurationWithAmi(lm, 'ami-0sql', { LicenseCountingType: 'vCPU', LicenseCount: 10 });
    const launch = await fleet('launch', '--ami', 'ami-0sql', '--count', '3', '--vcpus', '4', '--cores', '2');
    expect(launch.status).toBe(1);
    const ids = launch.stdout.trim().split('\n');
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(id).toMatch(ID);
    expect(launch.stderr).toMatch(/^Error \[EMULATOR_FLEET_REFUSED\]: LicenseUsageException: You do not have enough licenses available to support a new resource launch\. Instance i-[0-9a-f]{17} needs 4 vCPU licenses of license configuration ami-0sql \(.*\), which has 8 of 10 in use and a hard limit\.$/m);
    expect(await consumed(arn)).toBe(8);

    expect(await fleet('stop', ids[0]!)).toMatchObject({ status: 0, stdout: `${ids[0]}\tstopped\n` });
    expect(await consumed(arn)).toBe(4);
    expect((await fleet('launch', '--ami', 'ami-0sql', '--vcpus', '4')).status).toBe(0);
    const start = await fleet('start', ids[0]!);
    expect(start.status).toBe(1);
    expect(start.stderr).toContain('LicenseUsageException: You do not have enough licenses available');
    expect(await fleet('terminate', ids[1]!)).toMatchObject({ status: 0, stdout: `${ids[1]}\tterminated\n` });
    expect(await consumed(arn)).toBe(4);
    expect((await fleet('start', ids[0]!)).status).toBe(0);
    expect(await consumed(arn)).toBe(8);

    const list = await fleet('list', '--json');
    const listing = JSON.parse(list.stdout) as { formatVersion: string; instances: Array<{ InstanceId: string; State: string }> };
    expect(schemaProblems('fleet-list.schema.json', listing)).toEqual([]);
    expect(listing.formatVersion).toBe('1');
    const instances = listing.instances;
    expect(instances.filter((i) => ids.includes(i.InstanceId)).map((i) => [i.InstanceId, i.State]).sort()).toEqual([[ids[0], 'running'], [ids[1], 'terminated']].sort());
  });

  it('refuses a launch that breaks a license rule, launching nothing', async () => {
    const arn = await configurationWithAmi(lm, 'ami-0win', { LicenseCountingType: 'Core', LicenseCount: 100, LicenseRules: ['#minimumCores=8'] });
    const small = await fleet('launch', '--ami', 'ami-0win', '--count', '2', '--tenancy', 'host', '--cores', '4');
    expect(small).toMatchObject({ status: 1, stdout: '' });
    expect(small.stderr).toMatch(/InvalidParameterValueException: Instance i-[0-9a-f]{17} breaks the license rules of license configuration ami-0win \(.*\): it has 4 cores, fewer than the minimum of 8/);
    const shared = await fleet('launch', '--ami', 'ami-0win', '--cores', '8');
    expect(shared.stderr).toContain('Core counting needs a Dedicated Host, and its tenancy is EC2-Default');
    const unknownHost = await fleet('launch', '--ami', 'ami-0win', '--tenancy', 'host', '--host-id', 'h-0123456789abcdef0', '--cores', '8');
    expect(unknownHost.stderr).toContain("InvalidHostID.NotFound: The host ID 'h-0123456789abcdef0' does not exist");
    const allocated = await fleet('allocate-host', '--cores', '24', '--sockets', '2');
    expect(allocated.status, allocated.stderr).toBe(0);
    const hostId = allocated.stdout.trim();
    expect(hostId).toMatch(/^h-[0-9a-f]{17}$/);
    const ok = await fleet('launch', '--ami', 'ami-0win', '--count', '2', '--tenancy', 'host', '--host-id', hostId, '--vcpus', '16', '--cores', '8');
    expect(ok.status, ok.stderr).toBe(0);
    expect(await consumed(arn)).toBe(24); // the host's cores, once for its two instances
  });

  it('releases a host once its instances are stopped; a configuration with licenseAffinityToHost keeps its licenses', async () => {
    const arn = await configurationWithAmi(lm, 'ami-0aff', { LicenseCountingType: 'Core', LicenseCount: 100, LicenseRules: ['#licenseAffinityToHost=90'] });
    const hostId = (await fleet('allocate-host', '--cores', '12', '--sockets', '1')).stdout.trim();
    const id = (await fleet('launch', '--ami', 'ami-0aff', '--tenancy', 'host', '--host-id', hostId)).stdout.trim();
    const busy = await fleet('release-host', hostId);
    expect(busy.status).toBe(1);
    expect(busy.stderr).toContain(`EMULATOR_FLEET_REFUSED]: IncorrectHostState: The host '${hostId}' runs instance ${id}; stop or terminate its instances before releasing it`);
    expect((await fleet('stop', id)).status).toBe(0);
    expect(await fleet('release-host', hostId)).toMatchObject({ status: 0, stdout: `${hostId}\treleased\n` });
    expect(await consumed(arn)).toBe(12);
    const listing = JSON.parse((await fleet('list', '--json')).stdout) as { hosts: Array<{ HostId: string; State: string; LicenseSpecifications: Array<{ HeldSince?: number }> }> };
    expect(schemaProblems('fleet-list.schema.json', listing)).toEqual([]);
    expect(listing.hosts.find((h) => h.HostId === hostId)).toMatchObject({ State: 'released', LicenseSpecifications: [{ HeldSince: expect.any(Number) }] });
  });

  it('refuses unknown instances with EC2’s error', async () => {
    const r = await fleet('terminate', 'i-00000000000000000');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("EMULATOR_FLEET_REFUSED]: InvalidInstanceID.NotFound: The instance ID 'i-00000000000000000' does not exist");
  });
});

describe('emulator fleet on a state file', () => {
  let dir: string;
  beforeAll(async () => { dir = await mkdtemp(path.join(tmpdir(), 'licensectl-fleet-')); });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('launches into the file, where the embedded emulator counts the consumption', async () => {
    const statePath = path.join(dir, 'emulator.json');
    const lm = lmClient(new Emulator({ statePath }));
    const arn = await configurationWithAmi(lm, 'ami-0local', { LicenseCountingType: 'vCPU', LicenseCount: 64 });
    const launch = await runCli(['emulator', 'fleet', 'launch', '--state', statePath, '--ami', 'ami-0local', '--count', '2', '--vcpus', '8']);
    expect(launch.status, launch.stderr).toBe(0);
    expect((await lm.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: arn }))).ConsumedLicenses).toBe(16);
    const list = await runCli(['emulator', 'fleet', 'list', '--state', statePath]);
    expect(list.stdout.trim().split('\n').map((line) => line.split('\t').slice(1).join(' '))).toEqual([
      `running ami-0local 8/4/2/1 default - ${arn.split(':').pop()}`,
      `running ami-0local 8/4/2/1 default - ${arn.split(':').pop()}`,
    ]);
  });

  it('acts as the account of AWS_ACCESS_KEY_ID, as the emulator maps it, in AWS_REGION', async () => {
    const statePath = path.join(dir, 'keyed.json');
    const launch = await runCli(['emulator', 'fleet', 'launch', '--state', statePath, '--ami', 'ami-0k'], { env: { AWS_ACCESS_KEY_ID: 'AKID222233334444', AWS_REGION: 'eu-west-1' } });
    expect(launch.status, launch.stderr).toBe(0);
    expect(new Emulator({ statePath }).fleet({ account: '222233334444', region: 'eu-west-1' }).instances.map((i) => i.InstanceId)).toEqual([launch.stdout.trim()]);
  });

  it('refuses a malformed --account or --region before opening anything', async () => {
    const statePath = path.join(dir, 'never.json');
    const account = await runCli(['emulator', 'fleet', 'launch', '--state', statePath, '--ami', 'ami-1', '--account', '1234']);
    expect(account).toMatchObject({ status: 1, stdout: '' });
    expect(account.stderr).toContain('Error [USAGE]: --account must be a 12-digit account id, got "1234"');
    const region = await runCli(['emulator', 'fleet', 'list', '--state', statePath, '--region', 'useast1']);
    expect(region.stderr).toContain('Error [USAGE]: --region must be an AWS region such as us-east-1, got "useast1"');
    expect(existsSync(statePath)).toBe(false);
  });
});
