// ListResourceInventory over the simulated fleet: the caller's EC2 instances and Systems Manager managed
// instances, narrowed by the filters the model documents, each with its conditions; anything else refused.
import { ListResourceInventoryCommand, type InventoryFilter } from '@aws-sdk/client-license-manager';
import { describe, expect, it } from 'vitest';
import { failureOf, lmClient, OTHER_ACCOUNT, testEmulator } from '../../helpers/emulator.js';

async function world() {
  const emulator = testEmulator();
  const [web] = (await emulator.launchInstances({}, { imageId: 'ami-0web', platform: 'Linux/UNIX', name: 'web-1' })).launched;
  const [gone] = (await emulator.launchInstances({}, { imageId: 'ami-0web' })).launched;
  await emulator.changeInstances({}, 'terminate', [gone!]);
  await emulator.launchInstances({ account: OTHER_ACCOUNT }, { imageId: 'ami-0other' });
  const sql = await emulator.addManagedResource({}, 'SYSTEMS_MANAGER_MANAGED_INSTANCE', {
    name: 'dc-sql', platform: 'Microsoft Windows Server 2019 Datacenter', platformType: 'Windows', platformVersion: '10.0.17763',
    applications: [{ name: 'Microsoft SQL Server 2019 Enterprise', version: '15.0' }, { name: 'Notepad++' }],
  });
  const linux = await emulator.addManagedResource({}, 'SYSTEMS_MANAGER_MANAGED_INSTANCE', { platform: 'Ubuntu', platformType: 'Linux', platformVersion: '22.04' });
  await emulator.addManagedResource({}, 'RDS', { identifier: 'orders', platform: 'oracle-ee' });
  const lm = lmClient(emulator);
  const ids = async (...Filters: InventoryFilter[]) => (await lm.send(new ListResourceInventoryCommand({ Filters }))).ResourceInventoryList!.map((r) => r.ResourceId);
  return { lm, web: web!, sql, linux, ids };
}

describe('ListResourceInventory', () => {
  it('lists the caller’s running and stopped instances and managed instances, RDS and terminated instances aside', async () => {
    const { lm, web, sql, linux } = await world();
    const list = (await lm.send(new ListResourceInventoryCommand({}))).ResourceInventoryList!;
    expect(list).toEqual([
      { ResourceId: web, ResourceType: 'EC2_INSTANCE', ResourceArn: `arn:aws:ec2:us-east-1:000000000000:instance/${web}`, Platform: 'Linux/UNIX', ResourceOwningAccountId: '000000000000', AmiId: 'ami-0web', Region: 'us-east-1' },
      ...[sql, linux].sort().map((id) => expect.objectContaining({ ResourceId: id, ResourceType: 'SYSTEMS_MANAGER_MANAGED_INSTANCE', ResourceArn: `arn:aws:ssm:us-east-1:000000000000:managed-instance/${id}` })),
    ]);
    expect(list.find((r) => r.ResourceId === sql)).toMatchObject({ Platform: 'Microsoft Windows Server 2019 Datacenter', PlatformVersion: '10.0.17763' });
    const paged = await lm.send(new ListResourceInventoryCommand({ MaxResults: 2 }));
    expect(paged.ResourceInventoryList).toHaveLength(2);
    expect((await lm.send(new ListResourceInventoryCommand({ NextToken: paged.NextToken }))).ResourceInventoryList!.map((r) => r.ResourceId)).toEqual([list[2]!.ResourceId]);
  });

  it('filters by application name, platform, resource id, account, license included and the Name tag', async () => {
    const { web, sql, linux, ids } = await world();
    expect(await ids({ Name: 'application_name', Condition: 'EQUALS', Value: 'Notepad++' })).toEqual([sql]);
    expect(await ids({ Name: 'application_name', Condition: 'BEGINS_WITH', Value: 'Microsoft SQL Server' })).toEqual([sql]);
    expect(await ids({ Name: 'platform', Condition: 'BEGINS_WITH', Value: 'Microsoft Windows' })).toEqual([sql]);
    expect(await ids({ Name: 'platform', Condition: 'EQUALS', Value: 'Ubuntu' })).toEqual([linux]);
    expect((await ids({ Name: 'resource_id', Condition: 'NOT_EQUALS', Value: web })).sort()).toEqual([sql, linux].sort());
    expect(await ids({ Name: 'account_id', Condition: 'NOT_EQUALS', Value: '000000000000' })).toEqual([]);
    expect(await ids({ Name: 'license_included', Condition: 'EQUALS', Value: 'sql-server-enterprise' })).toEqual([]);
    expect(await ids({ Name: 'tag:Name', Condition: 'EQUALS', Value: 'web-1' })).toEqual([web]);
    expect(await ids({ Name: 'platform', Condition: 'BEGINS_WITH', Value: 'Microsoft' }, { Name: 'application_name', Condition: 'EQUALS', Value: 'Notepad' })).toEqual([]);
  });

  it('refuses filters the model does not document, conditions they do not take and missing values', async () => {
    const { lm } = await world();
    const refused = async (filter: InventoryFilter) => failureOf(lm.send(new ListResourceInventoryCommand({ Filters: [filter] })));
    expect(await refused({ Name: 'colour', Condition: 'EQUALS', Value: 'red' })).toMatchObject({
      name: 'InvalidParameterValueException', message: 'Invalid filter name "colour"; supported filters: account_id, application_name, license_included, platform, resource_id, tag:<key>',
    });
    expect((await refused({ Name: 'platform', Condition: 'NOT_EQUALS', Value: 'x' })).message).toBe('Filter platform takes the condition EQUALS or BEGINS_WITH, not NOT_EQUALS');
    expect((await refused({ Name: 'license_included', Condition: 'EQUALS', Value: 'oracle' })).message).toContain('Invalid value oracle for filter license_included');
    expect((await refused({ Name: 'resource_id', Condition: 'EQUALS' })).message).toBe('Filter resource_id needs a value');
    expect((await refused({ Name: 'tag:Name', Condition: 'NOT_EQUALS', Value: 'x' })).message).toBe('Filter tag:Name takes the condition EQUALS, not NOT_EQUALS');
  });
});
