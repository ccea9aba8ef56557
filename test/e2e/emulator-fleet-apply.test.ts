// `licensectl emulator fleet apply FILE` against `emulator serve` and a state file: a fleet written in YAML is
// converged to (hosts allocated, instances launched, stopped, started, replaced, terminated), a second apply
// changes nothing, and a bad file is refused with every problem located, changing nothing.
import { CreateLicenseConfigurationCommand, GetLicenseConfigurationCommand, UpdateLicenseSpecificationsForResourceCommand } from '@aws-sdk/client-license-manager';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Emulator } from '../../src/emulator/index.js';
import { runCli } from '../helpers/cli.js';
import { lmClient } from '../helpers/emulator.js';
import { serveEmulator, type ServedEmulator } from '../helpers/served.js';

const ACCOUNT = '111122223333';
let dir: string;
beforeAll(async () => { dir = await mkdtemp(path.join(tmpdir(), 'licensectl-fleet-apply-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function fleetFile(name: string, yaml: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, yaml);
  return file;
}

const FLEET = `hosts:
  win-host: { cores: 16, sockets: 2 }
instances:
  sql-1: { ami: ami-0win, cores: 8, host: win-host }
  sql-2: { ami: ami-0win, cores: 4, host: win-host }
  web-1: { ami: ami-0web, vcpus: 4 }
  web-2: { ami: ami-0web, state: stopped }
`;

/** The changes an apply printed, ids left out: "action name". */
const changes = (stdout: string) => stdout.trim().split('\n').map((line) => line.split('\t').slice(0, 2).join(' '));

describe('emulator fleet apply against emulator serve', () => {
  let served: ServedEmulator;
  beforeAll(async () => { served = await serveEmulator(); });
  afterAll(async () => { await served.stop(); });
  const fleet = (...args: string[]) => runCli(['emulator', 'fleet', ...args, '--endpoint', served.url, '--account', ACCOUNT]);

  it('converges the fleet to the file, counts the host once, changes nothing the second time, and follows edits', async () => {
    const lm = lmClient(served.url, { account: ACCOUNT });
    const arn = (await lm.send(new CreateLicenseConfigurationCommand({ Name: 'sql', LicenseCountingType: 'Core', LicenseCount: 100 }))).LicenseConfigurationArn!;
    await lm.send(new UpdateLicenseSpecificationsForResourceCommand({ ResourceArn: 'arn:aws:ec2:us-east-1::image/ami-0win', AddLicenseSpecifications: [{ LicenseConfigurationArn: arn }] }));
    const file = await fleetFile('fleet.yaml', FLEET);
    const first = await fleet('apply', file);
    expect(first.status, first.stderr).toBe(0);
    expect(changes(first.stdout)).toEqual(['allocate-host win-host', 'launch sql-1', 'launch sql-2', 'launch web-1', 'launch web-2', 'stop web-2']);
    expect((await lm.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: arn }))).ConsumedLicenses).toBe(16);

    const second = await fleet('apply', file);
    expect(second).toMatchObject({ status: 0, stdout: `the fleet matches ${file}: nothing to change\n` });

    await writeFile(file, FLEET.replace('vcpus: 4', 'vcpus: 8').replace('state: stopped', 'state: running').replace('host: win-host }\n  web-1', 'host: win-host, state: terminated }\n  web-1'));
    const third = await fleet('apply', file);
    expect(third.status, third.stderr).toBe(0);
    expect(changes(third.stdout)).toEqual(['terminate sql-2', 'terminate web-1', 'start web-2', 'launch web-1']);
    const listing = JSON.parse((await fleet('list', '--json')).stdout) as { instances: Array<{ Name?: string; State: string; VCpus: number }>; hosts: Array<{ Name?: string }> };
    const live = listing.instances.filter((i) => i.State !== 'terminated').map((i) => [i.Name, i.State, i.VCpus]).sort();
    expect(live).toEqual([['sql-1', 'running', 2], ['web-1', 'running', 8], ['web-2', 'running', 2]]);
    expect(listing.hosts.map((h) => h.Name)).toEqual(['win-host']);
    expect((await fleet('apply', file)).stdout).toContain('nothing to change');
  });

  it('releases a host the file says is released, after terminating its instances', async () => {
    const file = await fleetFile('release.yaml', 'hosts:\n  old-host: { cores: 8, sockets: 1 }\ninstances:\n  app-1: { ami: ami-0app, host: old-host }\n');
    expect((await fleet('apply', file)).status).toBe(0);
    await writeFile(file, 'hosts:\n  old-host: { cores: 8, sockets: 1, state: released }\ninstances:\n  app-1: { ami: ami-0app, host: old-host, state: terminated }\n');
    const release = await fleet('apply', file);
    expect(release.status, release.stderr).toBe(0);
    expect(changes(release.stdout)).toEqual(['terminate app-1', 'release-host old-host']);
    const listing = JSON.parse((await fleet('list', '--json')).stdout) as { hosts: Array<{ Name?: string; State: string }> };
    expect(listing.hosts.filter((h) => h.Name === 'old-host').map((h) => h.State)).toEqual(['released']);
    expect((await fleet('apply', file)).stdout).toContain('nothing to change');
    await writeFile(file, 'hosts:\n  old-host: { cores: 8, sockets: 1, state: released }\ninstances:\n  app-1: { ami: ami-0app, host: old-host }\n');
    expect((await fleet('apply', file)).stderr).toContain('instances.app-1.host: host old-host is released: an instance on it is terminated');
  });

  it('refuses a bad file naming file, line and field of every problem, and changes nothing', async () => {
    const before = (await fleet('list', '--json')).stdout;
    const file = await fleetFile('bad.yaml', [
      'hosts:',
      '  h1: { cores: 0, sockets: 2 }',
      'instances:',
      '  web-9:',
      '    ami: img-1',
      '    tenancy: shared',
      '  sql-9: { ami: ami-1, host: nope, colour: red }',
      '',
    ].join('\n'));
    const r = await fleet('apply', file);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${file}:2:16: error: hosts.h1.cores: cores must be a whole number from 1 to 4096, got 0`);
    expect(r.stderr).toContain(`${file}:5:10: error: instances.web-9.ami: ami must be an AMI id (ami-…), got "img-1"`);
    expect(r.stderr).toContain(`${file}:6:14: error: instances.web-9.tenancy: tenancy must be one of default, dedicated, host, got "shared"`);
    expect(r.stderr).toContain(`${file}:7:30: error: instances.sql-9.host: host must name a host of this file's hosts, got "nope"`);
    expect(r.stderr).toContain(`${file}:7:36: error: instances.sql-9.colour: unknown field colour`);
    expect(r.stderr).toContain(`Error [INVALID_CONFIG]: 5 errors in fleet file ${file}`);
    expect((await fleet('list', '--json')).stdout).toBe(before);
    const broken = await fleet('apply', await fleetFile('broken.yaml', 'instances: [\n'));
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/broken\.yaml:1:\d+: error: unclosed bracket/);
  });
});

describe('emulator fleet apply on a state file', () => {
  it('applies a fleet to the file, where the embedded emulator reads it', async () => {
    const statePath = path.join(dir, 'emulator.json');
    const file = await fleetFile('small.yaml', 'instances:\n  a: { ami: ami-0a }\n  b: { ami: ami-0a, state: stopped }\n');
    const r = await runCli(['emulator', 'fleet', 'apply', file, '--state', statePath]);
    expect(r.status, r.stderr).toBe(0);
    expect(changes(r.stdout)).toEqual(['launch a', 'launch b', 'stop b']);
    expect(new Emulator({ statePath }).fleet().instances.map((i) => [i.Name, i.State]).sort()).toEqual([['a', 'running'], ['b', 'stopped']]);
  });
});
