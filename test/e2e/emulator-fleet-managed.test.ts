// `licensectl emulator fleet` for resources outside EC2, against `emulator serve` and a state file: on-premises
// servers registered as Systems Manager managed instances with their inventory, RDS DB instances, and the
// automated discovery that associates them with the configurations whose product information they match.
import {
  CreateLicenseConfigurationCommand, GetLicenseConfigurationCommand, ListFailuresForLicenseConfigurationOperationsCommand, ListResourceInventoryCommand,
  ListUsageForLicenseConfigurationCommand, type LicenseManagerClient,
} from '@aws-sdk/client-license-manager';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaProblems } from '../../src/app/schema.js';
import { Emulator } from '../../src/emulator/index.js';
import { runCli } from '../helpers/cli.js';
import { lmClient } from '../helpers/emulator.js';
import { serveEmulator, type ServedEmulator } from '../helpers/served.js';

const ACCOUNT = '555566667777';
const SQL = 'Microsoft SQL Server 2019 Enterprise';
const PRODUCTS = [{ ResourceType: 'SSM_MANAGED', ProductInformationFilterList: [{ ProductInformationFilterName: 'Application Name', ProductInformationFilterValue: [SQL], ProductInformationFilterComparator: 'EQUALS' }] }];

async function sqlConfiguration(lm: LicenseManagerClient, count: number): Promise<string> {
  return (await lm.send(new CreateLicenseConfigurationCommand({
    Name: 'sql', LicenseCountingType: 'vCPU', LicenseCount: count, LicenseCountHardLimit: true, ProductInformationList: PRODUCTS, DisassociateWhenNotFound: true,
  }))).LicenseConfigurationArn!;
}

describe('managed instances and RDS through emulator fleet, against emulator serve', () => {
  let served: ServedEmulator;
  let lm: LicenseManagerClient;
  beforeAll(async () => {
    served = await serveEmulator();
    lm = lmClient(served.url, { account: ACCOUNT });
  });
  afterAll(async () => { await served.stop(); });
  const fleet = (...args: string[]) => runCli(['emulator', 'fleet', ...args, '--endpoint', served.url, '--account', ACCOUNT]);

  it('registers servers that discovery associates, follows their inventory, and lists them', async () => {
    const arn = await sqlConfiguration(lm, 8);
    const register = await fleet('register-managed-instance', '--platform', 'Microsoft Windows Server 2019 Datacenter', '--platform-type', 'Windows', '--vcpus', '8', '--application', `${SQL}@15.0.2000.5`);
    expect(register.status, register.stderr).toBe(0);
    const id = register.stdout.trim();
    expect(id).toMatch(/^mi-[0-9a-f]{17}$/);
    const got = await lm.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: arn }));
    expect(got.ConsumedLicenses).toBe(8);
    expect(got.AutomatedDiscoveryInformation?.LastRunTime).toBeInstanceOf(Date);

    const second = (await fleet('register-managed-instance', '--platform', 'Windows Server', '--vcpus', '4', '--application', SQL)).stdout.trim();
    const failures = (await lm.send(new ListFailuresForLicenseConfigurationOperationsCommand({ LicenseConfigurationArn: arn }))).LicenseOperationFailureList!;
    expect(failures.map((f) => [f.ResourceArn, f.OperationRequestedBy])).toEqual([[`arn:aws:ssm:us-east-1:${ACCOUNT}:managed-instance/${second}`, 'License Manager Automated Discovery']]);

    expect(await fleet('set-inventory', id, '--application', 'Notepad++@8.6')).toMatchObject({ status: 0, stdout: `${id}\tNotepad++\t8.6\n` });
    const usage = async () => (await lm.send(new ListUsageForLicenseConfigurationCommand({ LicenseConfigurationArn: arn }))).LicenseConfigurationUsageList!.map((u) => u.ResourceArn!.split('/').pop());
    expect(await usage()).toEqual([second]); // the first let go of its licenses, so discovery could take the second

    expect((await fleet('launch-rds', '--identifier', 'orders', '--engine', 'oracle-ee', '--license-pack', 'olap', '--vcpus', '4')).stdout).toBe('orders\n');
    const inventory = (await lm.send(new ListResourceInventoryCommand({ Filters: [{ Name: 'application_name', Condition: 'BEGINS_WITH', Value: 'Notepad' }] }))).ResourceInventoryList!;
    expect(inventory.map((r) => [r.ResourceId, r.ResourceType])).toEqual([[id, 'SYSTEMS_MANAGER_MANAGED_INSTANCE']]);

    const list = await fleet('list', '--json');
    const listing = JSON.parse(list.stdout) as { managed: Array<{ ResourceId: string; ResourceType: string }> };
    expect(schemaProblems('fleet-list.schema.json', listing)).toEqual([]);
    expect(listing.managed.map((m) => m.ResourceId).sort()).toEqual([id, second, 'orders'].sort());
    expect((await fleet('list')).stdout).toContain(`orders\tRDS\toracle-ee\t4/2/2/1\t-\t-\n`);

    expect(await fleet('deregister', second, 'orders')).toMatchObject({ status: 0, stdout: `${second}\tderegistered\norders\tderegistered\n` });
    expect(await usage()).toEqual([]);
  });

  it('refuses a malformed --application and an unknown id with the reason', async () => {
    const bad = await fleet('register-managed-instance', '--platform', 'Windows', '--application', 'SQL@');
    expect(bad).toMatchObject({ status: 1, stdout: '' });
    expect(bad.stderr).toContain('Error [USAGE]: --application must be NAME or NAME@VERSION, got "SQL@"');
    const unknown = await fleet('set-inventory', 'mi-00000000000000000');
    expect(unknown.stderr).toContain('EMULATOR_FLEET_REFUSED]: InvalidInstanceId: Managed instance mi-00000000000000000 not found');
  });
});

describe('managed instances and RDS in a fleet file, on a state file', () => {
  let dir: string;
  beforeAll(async () => { dir = await mkdtemp(path.join(tmpdir(), 'licensectl-fleet-managed-')); });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('registers, re-inventories and deregisters them as the file says; a second apply changes nothing', async () => {
    const statePath = path.join(dir, 'emulator.json');
    const file = path.join(dir, 'fleet.yaml');
    const arn = await sqlConfiguration(lmClient(new Emulator({ statePath })), 100);
    const yaml = (apps: string) => `managedInstances:\n  dc-sql: { platform: Windows Server, vcpus: 8, applications: [${apps}] }\nrds:\n  orders: { engine: oracle-ee, licensePacks: [olap] }\n`;
    await writeFile(file, yaml(`{ name: ${SQL}, version: '15.0' }`));
    const apply = (...extra: string[]) => runCli(['emulator', 'fleet', 'apply', file, '--state', statePath, ...extra]);
    const first = await apply();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout.trim().split('\n').map((l) => l.split('\t').slice(0, 2).join(' '))).toEqual(['register dc-sql', 'register orders']);
    const consumed = async () => (await lmClient(new Emulator({ statePath })).send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: arn }))).ConsumedLicenses;
    expect(await consumed()).toBe(8);
    expect((await apply()).stdout).toContain('nothing to change');

    await writeFile(file, yaml('{ name: Notepad++ }'));
    expect((await apply()).stdout).toMatch(/^set-inventory\tdc-sql\tmi-[0-9a-f]{17}\n$/);
    expect(await consumed()).toBe(0);
    await writeFile(file, 'managedInstances: {}\n');
    expect((await apply()).stdout.split('\n').map((l) => l.split('\t').slice(0, 2).join(' ')).filter(Boolean)).toEqual(['deregister orders', 'deregister dc-sql']); // by ARN: rds before ssm
    expect(new Emulator({ statePath }).fleet().managed).toEqual([]);

    await writeFile(file, 'rds:\n  orders: { licensePacks: olap }\n');
    const bad = await apply();
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('rds.orders.engine: engine must be a non-empty string, got null');
    expect(bad.stderr).toContain('rds.orders.licensePacks: licensePacks must be a list of strings');
  });
});
