import {
  CreateLicenseConfigurationCommand, ListLicenseConfigurationsCommand, type LicenseManagerClient, type ListLicenseConfigurationsCommandInput,
} from '@aws-sdk/client-license-manager';
import { describe, expect, it } from 'vitest';
import { failureOf, launchConsuming, lmClient, testEmulator } from '../../helpers/emulator.js';
import { configurationInput, ISSUER } from './fixtures.js';

async function listAll(lm: LicenseManagerClient, MaxResults?: number): Promise<{ pages: number[]; names: string[]; arns: string[] }> {
  const pages: number[] = [];
  const items: Array<{ Name?: string; LicenseConfigurationArn?: string }> = [];
  let NextToken: string | undefined;
  do {
    const out = await lm.send(new ListLicenseConfigurationsCommand({ MaxResults, NextToken }));
    pages.push(out.LicenseConfigurations!.length);
    items.push(...out.LicenseConfigurations!);
    NextToken = out.NextToken;
  } while (NextToken);
  return { pages, names: items.map((c) => c.Name!), arns: items.map((c) => c.LicenseConfigurationArn!) };
}

async function seeded(count: number): Promise<LicenseManagerClient> {
  const lm = lmClient(testEmulator(), { account: ISSUER });
  for (let i = 0; i < count; i++) {
    await lm.send(new CreateLicenseConfigurationCommand(configurationInput({ Name: `config-${String(i).padStart(3, '0')}` })));
  }
  return lm;
}

const namesUpTo = (count: number) => Array.from({ length: count }, (_, i) => `config-${String(i).padStart(3, '0')}`);

describe('ListLicenseConfigurations pagination', () => {
  it('pages 250 configurations 100 at a time, each exactly once, in ARN order', async () => {
    const lm = await seeded(250);
    const { pages, names, arns } = await listAll(lm, 100);
    expect(pages).toEqual([100, 100, 50]);
    expect([...names].sort()).toEqual(namesUpTo(250));
    expect(arns).toEqual([...arns].sort());
  });

  it('returns 100 per page when MaxResults is absent', async () => {
    expect((await listAll(await seeded(150))).pages).toEqual([100, 50]);
  });

  it('keeps going from where it was when configurations are created between pages', async () => {
    const lm = await seeded(3);
    const first = await lm.send(new ListLicenseConfigurationsCommand({ MaxResults: 2 }));
    const lastSeen = first.LicenseConfigurations![1]!.LicenseConfigurationArn!;
    await lm.send(new CreateLicenseConfigurationCommand(configurationInput({ Name: 'late' })));
    const rest = await listAll(lm);
    const second = await lm.send(new ListLicenseConfigurationsCommand({ MaxResults: 10, NextToken: first.NextToken }));
    expect(second.LicenseConfigurations!.map((c) => c.LicenseConfigurationArn)).toEqual(rest.arns.filter((arn) => arn > lastSeen));
    expect([...first.LicenseConfigurations!, ...second.LicenseConfigurations!].map((c) => c.Name)).toEqual(expect.arrayContaining(namesUpTo(3)));
    expect(second.NextToken).toBeUndefined();
  });

  it('refuses a token it did not issue, and a MaxResults below 1', async () => {
    const lm = await seeded(1);
    expect(await failureOf(lm.send(new ListLicenseConfigurationsCommand({ NextToken: 'page-2' })))).toEqual({
      name: 'InvalidParameterValueException', status: 400, message: 'Invalid NextToken',
    });
    expect((await failureOf(lm.send(new ListLicenseConfigurationsCommand({ MaxResults: 0 })))).message).toBe('MaxResults must be at least 1, got 0');
  });
});

describe('ListLicenseConfigurations selection', () => {
  async function catalogue() {
    const emulator = testEmulator();
    const lm = lmClient(emulator, { account: ISSUER });
    const make = async (Name: string, LicenseCountingType: 'Core' | 'vCPU', LicenseCountHardLimit: boolean, LicenseCount?: number) =>
      (await lm.send(new CreateLicenseConfigurationCommand(configurationInput({ Name, LicenseCountingType, LicenseCountHardLimit, LicenseCount, LicenseRules: [] })))).LicenseConfigurationArn!;
    const arns = { core: await make('core', 'Core', true, 10), vcpu: await make('vcpu', 'vCPU', false, 10), open: await make('open', 'vCPU', true) };
    await launchConsuming(emulator, arns.vcpu, { account: ISSUER, imageId: 'ami-0vcpu', vcpus: 11 });
    await launchConsuming(emulator, arns.open, { account: ISSUER, imageId: 'ami-0open', vcpus: 500 });
    const names = async (input: ListLicenseConfigurationsCommandInput) =>
      ((await lm.send(new ListLicenseConfigurationsCommand(input))).LicenseConfigurations ?? []).map((c) => c.Name).sort();
    return { lm, arns, names };
  }

  it('narrows to the given ARNs', async () => {
    const { arns, names } = await catalogue();
    expect(await names({ LicenseConfigurationArns: [arns.core, arns.open] })).toEqual(['core', 'open']);
  });

  it.each([
    [[{ Name: 'licenseCountingType', Values: ['vCPU'] }], ['open', 'vcpu']],
    [[{ Name: 'enforceLicenseCount', Values: ['true'] }], ['core', 'open']],
    [[{ Name: 'enforceLicenseCount', Values: ['False'] }], ['vcpu']],
    [[{ Name: 'usagelimitExceeded', Values: ['true'] }], ['vcpu']],
    [[{ Name: 'usagelimitExceeded', Values: ['false'] }], ['core', 'open']],
    [[{ Name: 'licenseCountingType', Values: ['vCPU'] }, { Name: 'enforceLicenseCount', Values: ['true'] }], ['open']],
  ])('filters by %j', async (Filters, expected) => {
    const { names } = await catalogue();
    expect(await names({ Filters })).toEqual(expected);
  });

  it('lists items without tags', async () => {
    const { lm } = await catalogue();
    const [item] = (await lm.send(new ListLicenseConfigurationsCommand({ MaxResults: 1 }))).LicenseConfigurations!;
    expect(item).not.toHaveProperty('Tags');
    expect(item).toMatchObject({ Status: 'AVAILABLE', OwnerAccountId: ISSUER });
  });

  it.each([
    [[{ Name: 'status', Values: ['AVAILABLE'] }], 'InvalidParameterValueException', 'Invalid filter name "status"; supported filters: licenseCountingType, enforceLicenseCount, usagelimitExceeded'],
    [[{ Name: 'LicenseCountingType', Values: ['Core'] }], 'InvalidParameterValueException', 'Invalid filter name "LicenseCountingType"; supported filters: licenseCountingType, enforceLicenseCount, usagelimitExceeded'],
    [[{ Name: 'licenseCountingType', Values: ['Cores'] }], 'InvalidParameterValueException', 'Invalid value Cores for filter licenseCountingType (allowed: vCPU, Instance, Core, Socket)'],
    [[{ Name: 'enforceLicenseCount', Values: ['yes'] }], 'InvalidParameterValueException', 'Invalid value yes for filter enforceLicenseCount (allowed: true, false)'],
    [[{ Name: 'licenseCountingType', Values: [] }], 'InvalidParameterValueException', 'Filter licenseCountingType needs a value'],
    [[{ Name: 'licenseCountingType', Values: ['Core', 'vCPU'] }], 'FilterLimitExceededException', 'Filter licenseCountingType takes only one value, got 2'],
    [[{ Name: 'licenseCountingType', Values: ['Core'] }, { Name: 'licenseCountingType', Values: ['vCPU'] }], 'FilterLimitExceededException', 'Filter licenseCountingType is given more than once'],
  ])('refuses the filters %j', async (Filters, name, message) => {
    const { lm } = await catalogue();
    expect(await failureOf(lm.send(new ListLicenseConfigurationsCommand({ Filters })))).toEqual({ name, status: 400, message });
  });
});
