import {
  CreateLicenseCommand, CreateLicenseVersionCommand, DeleteLicenseCommand, GetLicenseCommand, ListLicensesCommand,
  type CreateLicenseCommandInput, type LicenseManagerClient, type ListLicensesCommandInput,
} from '@aws-sdk/client-license-manager';
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../../src/emulator/index.js';
import { failureOf, lmClient, testEmulator } from '../../helpers/emulator.js';
import { ISSUER, licenseInput, NOW, STRANGER } from './fixtures.js';

function setup(): { emulator: Emulator; lm: LicenseManagerClient } {
  const emulator = testEmulator({ now: () => NOW });
  return { emulator, lm: lmClient(emulator, { account: ISSUER }) };
}

const create = async (lm: LicenseManagerClient, input: Partial<CreateLicenseCommandInput> = {}) => (await lm.send(new CreateLicenseCommand(licenseInput(input)))).LicenseArn!;
const getLicense = async (lm: LicenseManagerClient, LicenseArn: string, Version?: string) => (await lm.send(new GetLicenseCommand({ LicenseArn, Version }))).License!;

/** The members CreateLicenseVersion needs, taken from the fixture. */
function versionInput(LicenseArn: string, overrides: Record<string, unknown> = {}) {
  const { ProductSKU: _sku, Beneficiary: _beneficiary, Tags: _tags, ...rest } = licenseInput();
  return { ...rest, LicenseArn, Status: 'AVAILABLE' as const, ClientToken: 'version-2', ...overrides };
}

describe('CreateLicense and GetLicense', () => {
  it('creates an AVAILABLE license at version 1 and reads every member back', async () => {
    const { lm } = setup();
    const out = await lm.send(new CreateLicenseCommand(licenseInput({ LicenseMetadata: [{ Name: 'tier', Value: 'gold' }] })));
    expect(out.LicenseArn).toMatch(/^arn:aws:license-manager::111122223333:license:l-[0-9a-f]{32}$/);
    expect([out.Status, out.Version]).toEqual(['AVAILABLE', '1']);
    expect(await getLicense(lm, out.LicenseArn!)).toEqual({
      LicenseArn: out.LicenseArn,
      LicenseName: 'analytics-pro',
      ProductName: 'Acme Analytics',
      ProductSKU: 'acme-analytics-pro',
      Issuer: { Name: 'Acme Corp', KeyFingerprint: 'aws:111122223333:Acme Corp:issuer-fingerprint' },
      HomeRegion: 'us-east-1',
      Status: 'AVAILABLE',
      Validity: { Begin: '2026-01-01T00:00:00Z', End: '2027-01-01T00:00:00Z' },
      Beneficiary: ISSUER,
      Entitlements: [{ Name: 'seats', Unit: 'Count', MaxCount: 50, AllowCheckIn: true }],
      ConsumptionConfiguration: { RenewType: 'Monthly', ProvisionalConfiguration: { MaxTimeToLiveInMinutes: 60 } },
      LicenseMetadata: [{ Name: 'tier', Value: 'gold' }],
      CreateTime: '2026-03-01T12:00:00Z',
      Version: '1',
    });
  });

  it('answers a retry with the same client token with the first response, creating nothing', async () => {
    const { emulator, lm } = setup();
    const first = await lm.send(new CreateLicenseCommand(licenseInput()));
    const retry = await lm.send(new CreateLicenseCommand(licenseInput()));
    expect(retry.LicenseArn).toBe(first.LicenseArn);
    expect(Object.keys(emulator.snapshot().licenseManager.licenses)).toHaveLength(1);
  });

  it('refuses the same client token with different members', async () => {
    const { lm } = setup();
    await create(lm);
    expect(await failureOf(lm.send(new CreateLicenseCommand(licenseInput({ LicenseName: 'other' }))))).toEqual({
      name: 'ValidationException', status: 400, message: 'The client token license-1 was already used with different request parameters',
    });
  });

  it.each([
    ['a missing beneficiary', { Beneficiary: undefined }, "1 validation error detected: Value null at 'beneficiary' failed to satisfy constraint: Member must not be null"],
    ['an unknown entitlement unit', { Entitlements: [{ Name: 'seats', Unit: 'Seats' as never }] }, expect.stringMatching(/^1 validation error detected: Value 'Seats' at 'entitlements\.1\.member\.unit' failed to satisfy constraint: Member must satisfy enum value set: \[Count, None, /)],
    ['a validity that is not ISO 8601', { Validity: { Begin: '01/01/2026' } }, expect.stringMatching(/^1 validation error detected: Value '01\/01\/2026' at 'validity\.begin' failed to satisfy constraint: Member must satisfy regular expression pattern/)],
    ['a validity that ends before it begins', { Validity: { Begin: '2027-01-01T00:00:00Z', End: '2026-01-01T00:00:00Z' } }, 'Validity End 2026-01-01T00:00:00Z must be after Begin 2027-01-01T00:00:00Z'],
    ['a repeated entitlement', { Entitlements: [{ Name: 'seats', Unit: 'Count', MaxCount: 1 }, { Name: 'seats', Unit: 'Count', MaxCount: 2 }] }, 'Entitlement seats is given more than once'],
    [
      'both consumption configurations',
      { ConsumptionConfiguration: { ProvisionalConfiguration: { MaxTimeToLiveInMinutes: 60 }, BorrowConfiguration: { AllowEarlyCheckIn: true, MaxTimeToLiveInMinutes: 60 } } },
      'ConsumptionConfiguration takes either a ProvisionalConfiguration or a BorrowConfiguration, not both',
    ],
  ])('refuses %s with ValidationException', async (_what, input, message) => {
    const { emulator, lm } = setup();
    expect(await failureOf(lm.send(new CreateLicenseCommand(licenseInput(input as Partial<CreateLicenseCommandInput>))))).toEqual({ name: 'ValidationException', status: 400, message });
    expect(emulator.snapshot().licenseManager.licenses).toEqual({});
  });

  it('answers unknown licenses and other accounts’ licenses with ResourceNotFoundException', async () => {
    const { emulator, lm } = setup();
    const arn = await create(lm);
    const missing = 'arn:aws:license-manager::111122223333:license:l-00000000000000000000000000000000';
    expect(await failureOf(lm.send(new GetLicenseCommand({ LicenseArn: missing })))).toEqual({ name: 'ResourceNotFoundException', status: 400, message: `License ${missing} not found` });
    expect((await failureOf(lmClient(emulator, { account: STRANGER }).send(new GetLicenseCommand({ LicenseArn: arn })))).name).toBe('ResourceNotFoundException');
  });
});

describe('ListLicenses', () => {
  async function catalogue() {
    const { emulator, lm } = setup();
    const pro = await create(lm);
    const basic = await create(lm, { ClientToken: 'basic', ProductSKU: 'acme-analytics-basic', Beneficiary: 'team-data' });
    const other = await create(lmClient(emulator, { account: STRANGER }), { ClientToken: 'stranger' });
    const names = async (input: ListLicensesCommandInput) =>
      ((await lm.send(new ListLicensesCommand(input))).Licenses ?? []).map((l) => l.LicenseArn);
    return { lm, pro, basic, other, names };
  }

  it('lists only the caller’s licenses, in ARN order', async () => {
    const { pro, basic, names } = await catalogue();
    expect(await names({})).toEqual([pro, basic].sort());
  });

  it.each([
    ['ProductSKU', ['acme-analytics-basic'], ['basic']],
    ['Beneficiary', ['team-data', 'nobody'], ['basic']],
    ['Status', ['AVAILABLE'], ['basic', 'pro']],
    ['Fingerprint', ['aws:111122223333:Acme Corp:issuer-fingerprint'], ['basic', 'pro']],
  ] as const)('filters by %s', async (Name, Values, expected) => {
    const catalogueOf = await catalogue();
    const arns = expected.map((key) => catalogueOf[key]).sort();
    expect(await catalogueOf.names({ Filters: [{ Name, Values: [...Values] }] })).toEqual(arns);
  });

  it('narrows to given ARNs and pages with NextToken', async () => {
    const { lm, pro, basic, names } = await catalogue();
    expect(await names({ LicenseArns: [basic] })).toEqual([basic]);
    const first = await lm.send(new ListLicensesCommand({ MaxResults: 1 }));
    const second = await lm.send(new ListLicensesCommand({ MaxResults: 1, NextToken: first.NextToken }));
    expect([...first.Licenses!, ...second.Licenses!].map((l) => l.LicenseArn)).toEqual([pro, basic].sort());
    expect(second.NextToken).toBeUndefined();
  });

  it('refuses unknown filters and page sizes over 100', async () => {
    const { lm } = await catalogue();
    expect(await failureOf(lm.send(new ListLicensesCommand({ Filters: [{ Name: 'IssuerName', Values: ['Acme Corp'] }] })))).toEqual({
      name: 'InvalidParameterValueException', status: 400, message: 'Invalid filter name "IssuerName"; supported filters: Beneficiary, ProductSKU, Fingerprint, Status',
    });
    expect((await failureOf(lm.send(new ListLicensesCommand({ MaxResults: 101 })))).name).toBe('ValidationException');
  });
});

describe('CreateLicenseVersion and DeleteLicense', () => {
  it('makes version 2 the latest and keeps version 1 readable', async () => {
    const { lm } = setup();
    const arn = await create(lm);
    const out = await lm.send(new CreateLicenseVersionCommand(versionInput(arn, { LicenseName: 'analytics-pro-2', SourceVersion: '1' })));
    expect([out.LicenseArn, out.Version, out.Status]).toEqual([arn, '2', 'AVAILABLE']);
    expect(await getLicense(lm, arn)).toMatchObject({ LicenseName: 'analytics-pro-2', ProductSKU: 'acme-analytics-pro', Beneficiary: ISSUER, Version: '2' });
    expect(await getLicense(lm, arn, '1')).toMatchObject({ LicenseName: 'analytics-pro', Version: '1' });
    expect(await failureOf(lm.send(new GetLicenseCommand({ LicenseArn: arn, Version: '3' })))).toEqual({
      name: 'ResourceNotFoundException', status: 400, message: `License ${arn} has no version 3`,
    });
  });

  it('is idempotent on its client token', async () => {
    const { lm } = setup();
    const arn = await create(lm);
    await lm.send(new CreateLicenseVersionCommand(versionInput(arn)));
    expect((await lm.send(new CreateLicenseVersionCommand(versionInput(arn)))).Version).toBe('2');
    expect((await getLicense(lm, arn)).Version).toBe('2');
  });

  it('refuses a stale source version with ConflictException', async () => {
    const { lm } = setup();
    const arn = await create(lm);
    await lm.send(new CreateLicenseVersionCommand(versionInput(arn)));
    expect(await failureOf(lm.send(new CreateLicenseVersionCommand(versionInput(arn, { ClientToken: 'version-3', SourceVersion: '1' }))))).toEqual({
      name: 'ConflictException', status: 409, message: `The source version 1 does not match the latest version 2 of license ${arn}`,
    });
    expect(await failureOf(lm.send(new DeleteLicenseCommand({ LicenseArn: arn, SourceVersion: '1' })))).toEqual({
      name: 'ConflictException', status: 409, message: `The source version 1 does not match the latest version 2 of license ${arn}`,
    });
  });

  it('deletes the latest version, leaving the license readable as DELETED', async () => {
    const { lm } = setup();
    const arn = await create(lm);
    const { $metadata: _metadata, ...out } = await lm.send(new DeleteLicenseCommand({ LicenseArn: arn, SourceVersion: '1' }));
    expect(out).toEqual({ Status: 'DELETED', DeletionDate: '2026-03-01T12:00:00Z' });
    expect((await getLicense(lm, arn)).Status).toBe('DELETED');
    expect((await lm.send(new ListLicensesCommand({}))).Licenses!.map((l) => l.Status)).toEqual(['DELETED']);
    expect(await failureOf(lm.send(new DeleteLicenseCommand({ LicenseArn: arn, SourceVersion: '1' })))).toEqual({
      name: 'ValidationException', status: 400, message: `License ${arn} is deleted`,
    });
    expect((await failureOf(lm.send(new CreateLicenseVersionCommand(versionInput(arn)))))).toMatchObject({ name: 'ValidationException' });
  });
});
