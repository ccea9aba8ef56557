// Managed instances (on-premises servers with a Systems Manager inventory) and RDS DB instances in the fleet,
// and automated discovery: a configuration's ProductInformationList associates the resources whose inventory
// matches, they consume by its counting type, DisassociateWhenNotFound lets them go when the software is
// uninstalled, and every run sets AutomatedDiscoveryInformation.LastRunTime.
import {
  CreateLicenseConfigurationCommand, GetLicenseConfigurationCommand, ListUsageForLicenseConfigurationCommand, UpdateLicenseConfigurationCommand,
  type CreateLicenseConfigurationCommandInput, type LicenseManagerClient,
} from '@aws-sdk/client-license-manager';
import { describe, expect, it } from 'vitest';
import { lmClient, testEmulator } from '../../helpers/emulator.js';

const SQL_SERVER = [{ ResourceType: 'SSM_MANAGED', ProductInformationFilterList: [
  { ProductInformationFilterName: 'Application Name', ProductInformationFilterValue: ['Microsoft SQL Server 2019 Enterprise'], ProductInformationFilterComparator: 'EQUALS' },
  { ProductInformationFilterName: 'Platform Type', ProductInformationFilterValue: ['Windows'], ProductInformationFilterComparator: 'EQUALS' },
] }];
const SQL = { name: 'Microsoft SQL Server 2019 Enterprise', version: '15.0.2000.5', publisher: 'Microsoft Corporation' };

async function world(configuration: Partial<CreateLicenseConfigurationCommandInput> = {}) {
  const clock = { now: Date.parse('2026-03-01T12:00:00Z') };
  const emulator = testEmulator({ now: () => new Date(clock.now) });
  const lm = lmClient(emulator);
  const create = () => lm.send(new CreateLicenseConfigurationCommand({
    Name: 'sql-enterprise', LicenseCountingType: 'vCPU', LicenseCount: 16, ProductInformationList: SQL_SERVER, DisassociateWhenNotFound: true, ...configuration,
  }));
  return { clock, emulator, lm, create };
}

const usage = async (lm: LicenseManagerClient, arn: string) =>
  (await lm.send(new ListUsageForLicenseConfigurationCommand({ LicenseConfigurationArn: arn }))).LicenseConfigurationUsageList!
    .map((u) => [u.ResourceType, u.ResourceArn!.split(/[/:]/).pop(), u.ResourceStatus, u.ConsumedLicenses]);
const get = async (lm: LicenseManagerClient, arn: string) => lm.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: arn }));

describe('managed instances and RDS DB instances in the fleet', () => {
  it('registers managed instances with their inventory and creates DB instances, listed with the fleet', async () => {
    const { emulator } = await world();
    const id = await emulator.addManagedResource({}, 'SYSTEMS_MANAGER_MANAGED_INSTANCE', {
      platform: 'Microsoft Windows Server 2019 Datacenter', platformType: 'Windows', platformVersion: '10.0.17763', vcpus: 8, applications: [SQL],
    });
    expect(id).toMatch(/^mi-[0-9a-f]{17}$/);
    expect(await emulator.addManagedResource({}, 'RDS', { identifier: 'orders-db', platform: 'oracle-ee', licensePacks: ['olap'], vcpus: 4 })).toBe('orders-db');
    expect(emulator.fleet().managed.map((m) => [m.ResourceType, m.ResourceId, m.Platform, m.VCpus, m.Applications])).toEqual([
      ['RDS', 'orders-db', 'oracle-ee', 4, []],
      ['SYSTEMS_MANAGER_MANAGED_INSTANCE', id, 'Microsoft Windows Server 2019 Datacenter', 8, [{ Name: SQL.name, Version: SQL.version, Publisher: SQL.publisher }]],
    ]);
    await expect(emulator.addManagedResource({}, 'RDS', { identifier: 'orders-db', platform: 'oracle-ee' })).rejects.toMatchObject({ type: 'DBInstanceAlreadyExists' });
    await expect(emulator.addManagedResource({}, 'RDS', { identifier: '1db', platform: 'oracle-ee' })).rejects.toMatchObject({ type: 'InvalidParameterValue' });
    await expect(emulator.setInventory({}, id, [{ version: '1' } as never])).rejects.toMatchObject({ message: 'every application has a name' });
    await expect(emulator.setInventory({}, 'orders-db', [])).rejects.toMatchObject({ message: 'orders-db is an RDS DB instance; only managed instances have an application inventory' });
    expect((await emulator.removeManagedResources({}, [id, 'orders-db'])).map((m) => m.ResourceId)).toEqual([id, 'orders-db']);
    expect(emulator.fleet().managed).toEqual([]);
    await expect(emulator.removeManagedResources({}, ['mi-00000000000000000'])).rejects.toMatchObject({ type: 'InvalidInstanceId' });
  });
});

describe('automated discovery', () => {
  it('associates managed instances whose inventory matches when the configuration is created, and sets LastRunTime', async () => {
    const { clock, emulator, lm, create } = await world();
    const sql = await emulator.addManagedResource({}, 'SYSTEMS_MANAGER_MANAGED_INSTANCE', { platform: 'Windows Server', platformType: 'Windows', vcpus: 8, applications: [SQL] });
    await emulator.addManagedResource({}, 'SYSTEMS_MANAGER_MANAGED_INSTANCE', { platform: 'Ubuntu', platformType: 'Linux', vcpus: 8, applications: [SQL] });
    await emulator.addManagedResource({}, 'SYSTEMS_MANAGER_MANAGED_INSTANCE', { platform: 'Windows Server', platformType: 'Windows', applications: [{ name: 'Notepad++' }] });
    const arn = (await create()).LicenseConfigurationArn!;
    expect(await usage(lm, arn)).toEqual([['SYSTEMS_MANAGER_MANAGED_INSTANCE', sql, 'Online', 8]]);
    const got = await get(lm, arn);
    expect(got.AutomatedDiscoveryInformation?.LastRunTime).toEqual(new Date(clock.now));
    expect(got.ConsumedLicenseSummaryList).toContainEqual({ ResourceType: 'SYSTEMS_MANAGER_MANAGED_INSTANCE', ConsumedLicenses: 8 });
    expect(got.ManagedResourceSummaryList).toContainEqual({ ResourceType: 'SYSTEMS_MANAGER_MANAGED_INSTANCE', AssociationCount: 1 });
  });

  it('discovers on fleet changes, and disassociates a server whose software was uninstalled when DisassociateWhenNotFound', async () => {
    const { clock, emulator, lm, create } = await world();
    const arn = (await create()).LicenseConfigurationArn!;
    expect((await get(lm, arn)).ConsumedLicenses).toBe(0);
    clock.now += 60_000;
    const id = await emulator.addManagedResource({}, 'SYSTEMS_MANAGER_MANAGED_INSTANCE', { platform: 'Windows Server', platformType: 'Windows', vcpus: 4, applications: [SQL] });
    expect((await get(lm, arn)).ConsumedLicenses).toBe(4);
    expect((await get(lm, arn)).AutomatedDiscoveryInformation?.LastRunTime).toEqual(new Date(clock.now));
    await emulator.setInventory({}, id, [{ name: 'Notepad++' }]);
    expect(await usage(lm, arn)).toEqual([]);
    await emulator.setInventory({}, id, [SQL]);
    expect((await get(lm, arn)).ConsumedLicenses).toBe(4);
    await lm.send(new UpdateLicenseConfigurationCommand({ LicenseConfigurationArn: arn, DisassociateWhenNotFound: false }));
    await emulator.setInventory({}, id, []);
    expect((await get(lm, arn)).ConsumedLicenses).toBe(4); // kept: the configuration does not disassociate
    await emulator.removeManagedResources({}, [id]);
    expect(await usage(lm, arn)).toEqual([]);
  });

  it.each([1, 4])('gives an uninstalled server’s licenses to a waiting one in the same run, whichever sorts first (seed %i)', async (seed) => {
    const emulator = testEmulator({ seed });
    const lm = lmClient(emulator);
    const arn = (await lm.send(new CreateLicenseConfigurationCommand({
      Name: 'sql', LicenseCountingType: 'vCPU', LicenseCount: 8, LicenseCountHardLimit: true, ProductInformationList: SQL_SERVER, DisassociateWhenNotFound: true,
    }))).LicenseConfigurationArn!;
    const server = { platform: 'Windows Server', platformType: 'Windows', vcpus: 8, applications: [SQL] };
    const first = await emulator.addManagedResource({}, 'SYSTEMS_MANAGER_MANAGED_INSTANCE', server);
    const waiting = await emulator.addManagedResource({}, 'SYSTEMS_MANAGER_MANAGED_INSTANCE', server);
    expect((await usage(lm, arn)).map(([, id]) => id)).toEqual([first]);
    await emulator.setInventory({}, first, []);
    expect((await usage(lm, arn)).map(([, id]) => id)).toEqual([waiting]);
  });

  it('matches RDS DB instances by engine edition and license pack, counting them by the counting type', async () => {
    const { emulator, lm, create } = await world({
      LicenseCountingType: 'Core', LicenseRules: [],
      ProductInformationList: [{ ResourceType: 'RDS', ProductInformationFilterList: [
        { ProductInformationFilterName: 'Engine Edition', ProductInformationFilterValue: ['oracle-ee'], ProductInformationFilterComparator: 'EQUALS' },
        { ProductInformationFilterName: 'License Pack', ProductInformationFilterValue: ['olap', 'ols'], ProductInformationFilterComparator: 'EQUALS' },
      ] }],
    });
    await emulator.addManagedResource({}, 'RDS', { identifier: 'olap-db', platform: 'oracle-ee', licensePacks: ['olap'], vcpus: 8, cores: 4 });
    await emulator.addManagedResource({}, 'RDS', { identifier: 'plain-db', platform: 'oracle-ee', vcpus: 8 });
    await emulator.addManagedResource({}, 'RDS', { identifier: 'se2-db', platform: 'oracle-se2', licensePacks: ['olap'] });
    const arn = (await create()).LicenseConfigurationArn!;
    expect(await usage(lm, arn)).toEqual([['RDS', 'olap-db', 'available', 4]]);
    expect((await get(lm, arn)).ConsumedLicenseSummaryList).toContainEqual({ ResourceType: 'RDS', ConsumedLicenses: 4 });
  });

  it('runs again when the product information is updated, and not for a disabled configuration', async () => {
    const { emulator, lm, create } = await world({ ProductInformationList: [] });
    const id = await emulator.addManagedResource({}, 'SYSTEMS_MANAGER_MANAGED_INSTANCE', { platform: 'Windows Server', platformType: 'Windows', applications: [SQL] });
    const arn = (await create()).LicenseConfigurationArn!;
    expect((await get(lm, arn)).AutomatedDiscoveryInformation).toBeUndefined();
    await lm.send(new UpdateLicenseConfigurationCommand({ LicenseConfigurationArn: arn, LicenseConfigurationStatus: 'DISABLED', ProductInformationList: SQL_SERVER }));
    expect(await usage(lm, arn)).toEqual([]);
    await lm.send(new UpdateLicenseConfigurationCommand({ LicenseConfigurationArn: arn, LicenseConfigurationStatus: 'AVAILABLE' }));
    expect((await usage(lm, arn)).map(([, resource]) => resource)).toEqual([id]);
  });
});
