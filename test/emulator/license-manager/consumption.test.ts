// Seller-issued license consumption: checkout (provisional, perpetual, borrow), check-in, extension, usage,
// and the grantee's side (ListReceivedLicenses, GetLicense, checkout under an ACTIVE grant), in-process and served.
import {
  AcceptGrantCommand, CheckInLicenseCommand, CheckoutBorrowLicenseCommand, CheckoutLicenseCommand, CreateGrantCommand, CreateGrantVersionCommand, CreateLicenseCommand,
  ExtendLicenseConsumptionCommand, GetLicenseCommand, GetLicenseUsageCommand, ListReceivedLicensesCommand,
  type CheckoutLicenseCommandInput, type CreateLicenseCommandInput, type LicenseManagerClient,
} from '@aws-sdk/client-license-manager';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../src/emulator/index.js';
import { failureOf, lmClient, testEmulator, type EmulatorTarget } from '../../helpers/emulator.js';
import { GRANTEE, grantInput, ISSUER, licenseInput, NOW, STRANGER } from './fixtures.js';

const FINGERPRINT = 'aws:111122223333:Acme Corp:issuer-fingerprint';
const clock = { now: NOW };
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

async function world(license: Partial<CreateLicenseCommandInput> = {}, target?: (e: ReturnType<typeof testEmulator>) => Promise<EmulatorTarget>) {
  clock.now = NOW;
  const emulator = testEmulator({ now: () => clock.now });
  const at = target ? await target(emulator) : emulator;
  const issuer = lmClient(at, { account: ISSUER });
  const arn = (await issuer.send(new CreateLicenseCommand(licenseInput({ Entitlements: [{ Name: 'seats', Unit: 'Count', MaxCount: 3, AllowCheckIn: true }], ...license })))).LicenseArn!;
  return { emulator, issuer, grantee: lmClient(at, { account: GRANTEE }), stranger: lmClient(at, { account: STRANGER }), arn };
}

const checkout = (client: LicenseManagerClient, overrides: Partial<CheckoutLicenseCommandInput> = {}) =>
  client.send(new CheckoutLicenseCommand({
    ProductSKU: 'acme-analytics-pro', KeyFingerprint: FINGERPRINT, CheckoutType: 'PROVISIONAL',
    Entitlements: [{ Name: 'seats', Value: '1', Unit: 'Count' }], ClientToken: `c-${Math.random()}`, ...overrides,
  }));
const usage = async (client: LicenseManagerClient, LicenseArn: string) => (await client.send(new GetLicenseUsageCommand({ LicenseArn }))).LicenseUsage!.EntitlementUsages;
const seats = (used: number) => [{ Name: 'seats', ConsumedValue: String(used), MaxCount: '3', Unit: 'Count' }];

async function grantTo(w: Awaited<ReturnType<typeof world>>, operations: string[]) {
  const grant = (await w.issuer.send(new CreateGrantCommand(grantInput(w.arn, { AllowedOperations: operations as never })))).GrantArn!;
  await w.grantee.send(new AcceptGrantCommand({ GrantArn: grant }));
  await w.grantee.send(new CreateGrantVersionCommand({ GrantArn: grant, Status: 'ACTIVE', ClientToken: 'activate' }));
}

describe('CheckoutLicense, CheckInLicense and GetLicenseUsage', () => {
  it('checks out provisionally for an hour, counts it per entitlement, and gives it back on check-in', async () => {
    const w = await world();
    expect(await usage(w.issuer, w.arn)).toEqual(seats(0));
    const out = await checkout(w.issuer, { Beneficiary: 'user-1', NodeId: 'node-1' });
    expect(out).toMatchObject({
      CheckoutType: 'PROVISIONAL', LicenseArn: w.arn, EntitlementsAllowed: [{ Name: 'seats', Value: '1', Unit: 'Count' }],
      NodeId: 'node-1', IssuedAt: '2026-03-01T12:00:00Z', Expiration: '2026-03-01T13:00:00Z',
    });
    expect(out.LicenseConsumptionToken).toMatch(/^[0-9a-f]{32}$/);
    expect(out.SignedToken!.length).toBeGreaterThanOrEqual(4096);
    expect(out.SignedToken!.split('.')).toHaveLength(3);
    expect(await usage(w.issuer, w.arn)).toEqual(seats(1));
    await w.issuer.send(new CheckInLicenseCommand({ LicenseConsumptionToken: out.LicenseConsumptionToken }));
    expect(await usage(w.issuer, w.arn)).toEqual(seats(0));
    expect(await failureOf(w.issuer.send(new CheckInLicenseCommand({ LicenseConsumptionToken: out.LicenseConsumptionToken })))).toMatchObject({
      name: 'ResourceNotFoundException', status: 400,
    });
  });

  it('refuses a checkout past the entitlement\'s MaxCount with NoEntitlementsAllowedException, and changes nothing', async () => {
    const w = await world();
    await checkout(w.issuer, { Entitlements: [{ Name: 'seats', Value: '2', Unit: 'Count' }] });
    expect(await failureOf(checkout(w.issuer, { Entitlements: [{ Name: 'seats', Value: '2', Unit: 'Count' }] }))).toEqual({
      name: 'NoEntitlementsAllowedException', status: 400,
      message: `Entitlement seats of license ${w.arn} is exhausted: 2 of 3 in use, 2 asked`,
    });
    expect(await usage(w.issuer, w.arn)).toEqual(seats(2));
    await checkout(w.issuer);
    expect(await usage(w.issuer, w.arn)).toEqual(seats(3));
    expect((await failureOf(checkout(w.issuer, { Entitlements: [{ Name: 'cores', Unit: 'Count' }] }))).name).toBe('NoEntitlementsAllowedException');
  });

  it('lets an entitlement with Overage go past its MaxCount', async () => {
    const w = await world({ Entitlements: [{ Name: 'seats', Unit: 'Count', MaxCount: 1, Overage: true, AllowCheckIn: true }] });
    await checkout(w.issuer);
    await checkout(w.issuer);
    expect(await usage(w.issuer, w.arn)).toEqual([{ Name: 'seats', ConsumedValue: '2', MaxCount: '1', Unit: 'Count' }]);
  });

  it('releases a provisional checkout when it expires; extends it an hour at a time up to MaxTimeToLiveInMinutes', async () => {
    const w = await world({ ConsumptionConfiguration: { ProvisionalConfiguration: { MaxTimeToLiveInMinutes: 150 } } });
    const token = (await checkout(w.issuer)).LicenseConsumptionToken!;
    const extend = (DryRun?: boolean) => w.issuer.send(new ExtendLicenseConsumptionCommand({ LicenseConsumptionToken: token, DryRun }));
    expect(await extend(true)).toMatchObject({ LicenseConsumptionToken: token, Expiration: '2026-03-01T14:00:00Z' });
    expect((await extend()).Expiration).toBe('2026-03-01T14:00:00Z');
    expect((await extend()).Expiration).toBe('2026-03-01T14:30:00Z');
    expect(await failureOf(extend())).toMatchObject({ name: 'ValidationException', message: `License consumption token ${token} already lasts the license's maximum of 150 minutes` });
    clock.now = minutes(149);
    expect(await usage(w.issuer, w.arn)).toEqual(seats(1));
    clock.now = minutes(150);
    expect(await usage(w.issuer, w.arn)).toEqual(seats(0));
    expect((await failureOf(extend())).name).toBe('ResourceNotFoundException');
  });

  it('checks out perpetually without expiry; an entitlement without AllowCheckIn cannot be checked in', async () => {
    const w = await world({ Entitlements: [{ Name: 'seats', Unit: 'Count', MaxCount: 3 }] });
    const out = await checkout(w.issuer, { CheckoutType: 'PERPETUAL' });
    expect(out.CheckoutType).toBe('PERPETUAL');
    expect(out.Expiration).toBeUndefined();
    clock.now = minutes(60 * 24 * 200);
    expect(await usage(w.issuer, w.arn)).toEqual(seats(1));
    expect(await failureOf(w.issuer.send(new CheckInLicenseCommand({ LicenseConsumptionToken: out.LicenseConsumptionToken })))).toEqual({
      name: 'ConflictException', status: 409, message: `Entitlement seats of license ${w.arn} does not allow check-in`,
    });
    expect((await failureOf(w.issuer.send(new ExtendLicenseConsumptionCommand({ LicenseConsumptionToken: out.LicenseConsumptionToken })))).name).toBe('ValidationException');
  });

  it('answers a retried checkout with the same client token with the first answer, consuming once', async () => {
    const w = await world();
    const first = await checkout(w.issuer, { ClientToken: 'same' });
    expect((await checkout(w.issuer, { ClientToken: 'same' })).LicenseConsumptionToken).toBe(first.LicenseConsumptionToken);
    expect(await usage(w.issuer, w.arn)).toEqual(seats(1));
  });

  it('finds no license for another SKU or fingerprint', async () => {
    const w = await world();
    expect((await failureOf(checkout(w.issuer, { KeyFingerprint: 'aws:999:x:issuer-fingerprint' }))).name).toBe('ResourceNotFoundException');
    expect((await failureOf(checkout(w.stranger))).name).toBe('ResourceNotFoundException');
  });
});

describe('CheckoutBorrowLicense', () => {
  const borrowing = { ConsumptionConfiguration: { BorrowConfiguration: { AllowEarlyCheckIn: false, MaxTimeToLiveInMinutes: 120 } } };
  const borrow = (client: LicenseManagerClient, LicenseArn: string, Value = '1', Name = 'seats') =>
    client.send(new CheckoutBorrowLicenseCommand({ LicenseArn, Entitlements: [{ Name, Value, Unit: 'Count' }], DigitalSignatureMethod: 'JWT_PS384', ClientToken: `b-${Math.random()}`, CheckoutMetadata: [{ Name: 'host', Value: 'laptop-7' }] }));

  it('borrows for the borrow configuration\'s time, all or nothing, and refuses an early check-in it does not allow', async () => {
    const w = await world(borrowing);
    const out = await borrow(w.issuer, w.arn, '2');
    expect(out).toMatchObject({ LicenseArn: w.arn, Expiration: '2026-03-01T14:00:00Z', CheckoutMetadata: [{ Name: 'host', Value: 'laptop-7' }] });
    expect((await failureOf(borrow(w.issuer, w.arn, '2'))).name).toBe('NoEntitlementsAllowedException');
    expect((await failureOf(borrow(w.issuer, w.arn, '1', 'cores'))).name).toBe('EntitlementNotAllowedException');
    expect(await usage(w.issuer, w.arn)).toEqual(seats(2));
    expect(await failureOf(w.issuer.send(new CheckInLicenseCommand({ LicenseConsumptionToken: out.LicenseConsumptionToken })))).toMatchObject({ name: 'ConflictException', status: 409 });
    clock.now = minutes(120);
    expect(await usage(w.issuer, w.arn)).toEqual(seats(0));
  });

  it('refuses to borrow from a license without a borrow configuration', async () => {
    const w = await world();
    expect(await failureOf(borrow(w.issuer, w.arn))).toEqual({
      name: 'ValidationException', status: 400, message: `License ${w.arn} does not allow borrowing: it has no borrow configuration`,
    });
  });
});

describe('the grantee of a license', () => {
  it('sees nothing before the grant is ACTIVE, then lists, reads and checks out the license within the grant\'s operations', async () => {
    const w = await world();
    expect((await w.grantee.send(new ListReceivedLicensesCommand({}))).Licenses).toEqual([]);
    expect((await failureOf(w.grantee.send(new GetLicenseCommand({ LicenseArn: w.arn })))).name).toBe('ResourceNotFoundException');
    expect((await failureOf(checkout(w.grantee))).name).toBe('ResourceNotFoundException');
    await grantTo(w, ['CheckoutLicense']);
    const received = (await w.grantee.send(new ListReceivedLicensesCommand({ Filters: [{ Name: 'ProductSKU', Values: ['acme-analytics-pro'] }] }))).Licenses!;
    expect(received.map((l) => [l.LicenseArn, l.ReceivedMetadata])).toEqual([[w.arn, { ReceivedStatus: 'ACTIVE', AllowedOperations: ['CheckoutLicense'] }]]);
    expect((await w.grantee.send(new GetLicenseCommand({ LicenseArn: w.arn }))).License!.LicenseName).toBe('analytics-pro');
    const out = await checkout(w.grantee);
    expect(out.LicenseArn).toBe(w.arn);
    expect(await usage(w.issuer, w.arn)).toEqual(seats(1));
    expect(await usage(w.grantee, w.arn)).toEqual(seats(1));
    expect(await failureOf(w.grantee.send(new CheckInLicenseCommand({ LicenseConsumptionToken: out.LicenseConsumptionToken })))).toMatchObject({
      name: 'AuthorizationException', status: 403,
    });
    expect((await failureOf(w.issuer.send(new CheckInLicenseCommand({ LicenseConsumptionToken: out.LicenseConsumptionToken })))).name).toBe('ResourceNotFoundException');
    expect((await w.issuer.send(new ListReceivedLicensesCommand({}))).Licenses).toEqual([]);
    expect((await failureOf(w.stranger.send(new GetLicenseUsageCommand({ LicenseArn: w.arn })))).name).toBe('InvalidParameterValueException');
  });
});

describe('consumption over serve', () => {
  let server: RunningServer | undefined;
  afterEach(async () => server?.close());

  it('checks out, counts and checks in for a grantee over HTTP', async () => {
    const w = await world({}, async (emulator) => {
      server = await startServer(emulator, { port: 0 });
      return server.url;
    });
    await grantTo(w, ['CheckoutLicense', 'CheckInLicense']);
    const out = await checkout(w.grantee);
    expect(await usage(w.grantee, w.arn)).toEqual(seats(1));
    await w.grantee.send(new CheckInLicenseCommand({ LicenseConsumptionToken: out.LicenseConsumptionToken }));
    expect(await usage(w.issuer, w.arn)).toEqual(seats(0));
  });
});
