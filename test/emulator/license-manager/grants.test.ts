import {
  AcceptGrantCommand, CreateGrantCommand, CreateGrantVersionCommand, CreateLicenseCommand, DeleteGrantCommand, DeleteLicenseCommand,
  GetGrantCommand, ListDistributedGrantsCommand, ListReceivedGrantsCommand, RejectGrantCommand,
  type CreateGrantCommandInput, type LicenseManagerClient,
} from '@aws-sdk/client-license-manager';
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../../src/emulator/index.js';
import { failureOf, lmClient, testEmulator } from '../../helpers/emulator.js';
import { GRANTEE, grantInput, ISSUER, licenseInput, NOW, STRANGER } from './fixtures.js';

interface World {
  emulator: Emulator;
  issuer: LicenseManagerClient;
  grantee: LicenseManagerClient;
  stranger: LicenseManagerClient;
  license: string;
}

async function world(): Promise<World> {
  const emulator = testEmulator({ now: () => NOW });
  const issuer = lmClient(emulator, { account: ISSUER });
  const license = (await issuer.send(new CreateLicenseCommand(licenseInput()))).LicenseArn!;
  return { emulator, issuer, grantee: lmClient(emulator, { account: GRANTEE }), stranger: lmClient(emulator, { account: STRANGER }), license };
}

const grant = async (w: World, overrides: Partial<CreateGrantCommandInput> = {}) => (await w.issuer.send(new CreateGrantCommand(grantInput(w.license, overrides)))).GrantArn!;
const getGrant = async (client: LicenseManagerClient, GrantArn: string, Version?: string) => (await client.send(new GetGrantCommand({ GrantArn, Version }))).Grant!;
const strip = <T extends { $metadata?: unknown }>({ $metadata: _metadata, ...rest }: T) => rest;

describe('CreateGrant and GetGrant', () => {
  it('creates a grant waiting for the grantee, readable by issuer and grantee alike', async () => {
    const w = await world();
    const out = await w.issuer.send(new CreateGrantCommand(grantInput(w.license)));
    expect(out.GrantArn).toMatch(/^arn:aws:license-manager::111122223333:grant:g-[0-9a-f]{32}$/);
    expect([out.Status, out.Version]).toEqual(['PENDING_WORKFLOW', '1']);
    const expected = {
      GrantArn: out.GrantArn,
      GrantName: 'analytics-to-dev',
      ParentArn: w.license,
      LicenseArn: w.license,
      GranteePrincipalArn: `arn:aws:iam::${GRANTEE}:root`,
      HomeRegion: 'us-east-1',
      GrantStatus: 'PENDING_ACCEPT',
      Version: '1',
      GrantedOperations: ['CheckoutLicense', 'CheckInLicense'],
    };
    expect(await getGrant(w.issuer, out.GrantArn!)).toEqual(expected);
    expect(await getGrant(w.grantee, out.GrantArn!)).toEqual(expected);
    expect(await failureOf(w.stranger.send(new GetGrantCommand({ GrantArn: out.GrantArn })))).toEqual({
      name: 'ResourceNotFoundException', status: 400, message: `Grant ${out.GrantArn} not found`,
    });
  });

  it('is idempotent on its client token, and refuses the token with different members', async () => {
    const w = await world();
    const first = await grant(w);
    expect(await grant(w)).toBe(first);
    expect(Object.keys(w.emulator.snapshot().licenseManager.grants)).toEqual([first]);
    expect(await failureOf(w.issuer.send(new CreateGrantCommand(grantInput(w.license, { GrantName: 'other' }))))).toEqual({
      name: 'ValidationException', status: 400, message: 'The client token grant-1 was already used with different request parameters',
    });
  });

  it('refuses organization and OU principals when no organization is declared', async () => {
    const w = await world();
    const principal = 'arn:aws:organizations::111122223333:ou/o-abc123def4/ou-ab12-cdef3456';
    expect(await failureOf(w.issuer.send(new CreateGrantCommand(grantInput(w.license, { Principals: [principal] }))))).toEqual({
      name: 'InvalidParameterValueException', status: 400, message: `Invalid principal ${principal}: no such organization or organizational unit`,
    });
  });

  it.each([
    ['a principal that is not an account root, organization or OU', { Principals: ['arn:aws:iam::222233334444:user/bob'] }, 'InvalidParameterValueException',
      'Invalid principal arn:aws:iam::222233334444:user/bob: expected arn:aws:iam::<account>:root or an organization or OU ARN'],
    ['two principals', { Principals: ['arn:aws:iam::222233334444:root', 'arn:aws:iam::333344445555:root'] }, 'ValidationException',
      "1 validation error detected: Value '[\"arn:aws:iam::222233334444:root\",\"arn:aws:iam::333344445555:root\"]' at 'principals' failed to satisfy constraint: Member must have length less than or equal to 1"],
    ['an unknown operation', { AllowedOperations: ['ShareLicense' as never] }, 'ValidationException',
      "1 validation error detected: Value 'ShareLicense' at 'allowedOperations.1.member' failed to satisfy constraint: Member must satisfy enum value set: [CreateGrant, CheckoutLicense, CheckoutBorrowLicense, CheckInLicense, ExtendConsumptionLicense, ListPurchasedLicenses, CreateToken]"],
  ])('refuses %s', async (_what, overrides, name, message) => {
    const w = await world();
    expect(await failureOf(w.issuer.send(new CreateGrantCommand(grantInput(w.license, overrides))))).toEqual({ name, status: 400, message });
    expect(w.emulator.snapshot().licenseManager.grants).toEqual({});
  });

  it('grants only licenses the caller has and has not deleted', async () => {
    const w = await world();
    expect((await failureOf(w.stranger.send(new CreateGrantCommand(grantInput(w.license)))))).toEqual({
      name: 'ResourceNotFoundException', status: 400, message: `License ${w.license} not found`,
    });
    await w.issuer.send(new DeleteLicenseCommand({ LicenseArn: w.license, SourceVersion: '1' }));
    expect((await failureOf(w.issuer.send(new CreateGrantCommand(grantInput(w.license))))).message).toBe(`License ${w.license} is deleted`);
  });
});

describe('ListDistributedGrants and ListReceivedGrants', () => {
  async function two(w: World) {
    const toGrantee = await grant(w);
    const toStranger = await grant(w, { ClientToken: 'grant-2', GrantName: 'to-stranger', Principals: [`arn:aws:iam::${STRANGER}:root`] });
    return { toGrantee, toStranger };
  }
  const arnsOf = (out: { Grants?: Array<{ GrantArn?: string }> }) => (out.Grants ?? []).map((g) => g.GrantArn);

  it('shows the issuer what it distributed and each grantee what it received', async () => {
    const w = await world();
    const { toGrantee, toStranger } = await two(w);
    expect(arnsOf(await w.issuer.send(new ListDistributedGrantsCommand({})))).toEqual([toGrantee, toStranger].sort());
    expect(arnsOf(await w.grantee.send(new ListReceivedGrantsCommand({})))).toEqual([toGrantee]);
    expect(arnsOf(await w.grantee.send(new ListDistributedGrantsCommand({})))).toEqual([]);
    expect(arnsOf(await w.issuer.send(new ListReceivedGrantsCommand({})))).toEqual([]);
  });

  it.each([
    ['GranteePrincipalARN', [`arn:aws:iam::${STRANGER}:root`], ['toStranger']],
    ['GrantStatus', ['PENDING_ACCEPT'], ['toGrantee', 'toStranger']],
    ['GrantStatus', ['ACTIVE'], []],
    ['ProductSKU', ['acme-analytics-pro'], ['toGrantee', 'toStranger']],
    ['LicenseIssuerName', ['Someone Else'], []],
  ] as const)('filters distributed grants by %s %j', async (Name, Values, expected) => {
    const w = await world();
    const arns = await two(w);
    const out = await w.issuer.send(new ListDistributedGrantsCommand({ Filters: [{ Name, Values: [...Values] }] }));
    expect(arnsOf(out)).toEqual(expected.map((key) => arns[key]).sort());
  });

  it('filters received grants by granter account and license', async () => {
    const w = await world();
    const { toGrantee } = await two(w);
    const list = (Name: string, Values: string[]) => w.grantee.send(new ListReceivedGrantsCommand({ Filters: [{ Name, Values }] }));
    expect(arnsOf(await list('GranterAccountId', [ISSUER]))).toEqual([toGrantee]);
    expect(arnsOf(await list('LicenseArn', [w.license]))).toEqual([toGrantee]);
    expect(await failureOf(list('GranteePrincipalARN', ['x']))).toEqual({
      name: 'InvalidParameterValueException', status: 400,
      message: 'Invalid filter name "GranteePrincipalARN"; supported filters: LicenseArn, GrantStatus, ProductSKU, LicenseIssuerName, GranterAccountId',
    });
  });

  it('pages with NextToken', async () => {
    const w = await world();
    const { toGrantee, toStranger } = await two(w);
    const first = await w.issuer.send(new ListDistributedGrantsCommand({ MaxResults: 1 }));
    const second = await w.issuer.send(new ListDistributedGrantsCommand({ MaxResults: 1, NextToken: first.NextToken }));
    expect([...arnsOf(first), ...arnsOf(second)]).toEqual([toGrantee, toStranger].sort());
    expect(second.NextToken).toBeUndefined();
  });
});

describe('the grant lifecycle', () => {
  it('lets the grantee accept a pending grant, once: accepted is DISABLED until activated', async () => {
    const w = await world();
    const arn = await grant(w);
    expect(strip(await w.grantee.send(new AcceptGrantCommand({ GrantArn: arn })))).toEqual({ GrantArn: arn, Status: 'DISABLED', Version: '1' });
    expect((await getGrant(w.issuer, arn)).GrantStatus).toBe('DISABLED');
    expect(await failureOf(w.grantee.send(new AcceptGrantCommand({ GrantArn: arn })))).toEqual({
      name: 'ValidationException', status: 400, message: `Grant ${arn} is DISABLED; only a grant in PENDING_ACCEPT can be accepted`,
    });
  });

  it('lets only the grantee accept or reject', async () => {
    const w = await world();
    const arn = await grant(w);
    expect(await failureOf(w.issuer.send(new AcceptGrantCommand({ GrantArn: arn })))).toEqual({
      name: 'AuthorizationException', status: 403, message: `Only the grantee of grant ${arn} can do this`,
    });
    expect((await failureOf(w.stranger.send(new RejectGrantCommand({ GrantArn: arn })))).name).toBe('ResourceNotFoundException');
  });

  it('keeps a rejected grant from being activated', async () => {
    const w = await world();
    const arn = await grant(w);
    expect(strip(await w.grantee.send(new RejectGrantCommand({ GrantArn: arn })))).toEqual({ GrantArn: arn, Status: 'REJECTED', Version: '1' });
    expect(await failureOf(w.issuer.send(new CreateGrantVersionCommand({ GrantArn: arn, ClientToken: 'v2', Status: 'ACTIVE' })))).toEqual({
      name: 'ValidationException', status: 400, message: `Grant ${arn} was rejected and cannot be activated`,
    });
  });

  it('makes new versions: the issuer changes name and operations; older versions stay readable', async () => {
    const w = await world();
    const arn = await grant(w);
    const out = await w.issuer.send(new CreateGrantVersionCommand({
      GrantArn: arn, ClientToken: 'v2', GrantName: 'analytics-to-dev-2', AllowedOperations: ['ListPurchasedLicenses'], SourceVersion: '1',
    }));
    expect(strip(out)).toEqual({ GrantArn: arn, Status: 'PENDING_ACCEPT', Version: '2' });
    expect(await getGrant(w.grantee, arn)).toMatchObject({ GrantName: 'analytics-to-dev-2', GrantedOperations: ['ListPurchasedLicenses'], GrantStatus: 'PENDING_ACCEPT', Version: '2' });
    expect(await getGrant(w.issuer, arn, '1')).toMatchObject({ GrantName: 'analytics-to-dev', GrantStatus: 'PENDING_ACCEPT', Version: '1' });
    expect((await w.issuer.send(new CreateGrantVersionCommand({ GrantArn: arn, ClientToken: 'v2', GrantName: 'analytics-to-dev-2', AllowedOperations: ['ListPurchasedLicenses'], SourceVersion: '1' }))).Version).toBe('2');
  });

  it('lets the grantee change only the status', async () => {
    const w = await world();
    const arn = await grant(w);
    await w.grantee.send(new AcceptGrantCommand({ GrantArn: arn }));
    expect(strip(await w.grantee.send(new CreateGrantVersionCommand({ GrantArn: arn, ClientToken: 'off', Status: 'DISABLED', StatusReason: 'paused' })))).toEqual({
      GrantArn: arn, Status: 'DISABLED', Version: '2',
    });
    expect(await getGrant(w.issuer, arn)).toMatchObject({ GrantStatus: 'DISABLED', StatusReason: 'paused' });
    expect(await failureOf(w.grantee.send(new CreateGrantVersionCommand({ GrantArn: arn, ClientToken: 'rename', GrantName: 'mine' })))).toEqual({
      name: 'AuthorizationException', status: 403, message: `The grantee of grant ${arn} can change only its status`,
    });
  });

  it.each([
    ['a stale source version', { SourceVersion: '0' }, "A grant version cannot be created since the source version provided doesn't match the latest version 1 in our records"],
    ['a status a version cannot set', { Status: 'PENDING_WORKFLOW' as const }, 'A new grant version can set the status to ACTIVE or DISABLED, not PENDING_WORKFLOW'],
  ])('refuses a version with %s', async (_what, overrides, message) => {
    const w = await world();
    const arn = await grant(w);
    expect(await failureOf(w.issuer.send(new CreateGrantVersionCommand({ GrantArn: arn, ClientToken: 'v', ...overrides })))).toEqual({ name: 'ValidationException', status: 400, message });
  });

  it('deletes only the latest version, leaving the grant readable as DELETED', async () => {
    const w = await world();
    const arn = await grant(w);
    await w.issuer.send(new CreateGrantVersionCommand({ GrantArn: arn, ClientToken: 'v2', GrantName: 'renamed' }));
    expect(await failureOf(w.issuer.send(new DeleteGrantCommand({ GrantArn: arn, Version: '1' })))).toEqual({
      name: 'ValidationException', status: 400,
      message: "A grant cannot be deleted since the version provided doesn't match the latest version 2 in our records",
    });
    expect((await failureOf(w.grantee.send(new DeleteGrantCommand({ GrantArn: arn, Version: '2' })))).name).toBe('AuthorizationException');
    expect(strip(await w.issuer.send(new DeleteGrantCommand({ GrantArn: arn, Version: '2', StatusReason: 'no longer needed' })))).toEqual({
      GrantArn: arn, Status: 'DELETED', Version: '2',
    });
    expect(await getGrant(w.grantee, arn)).toMatchObject({ GrantStatus: 'DELETED', StatusReason: 'no longer needed' });
    expect((await w.issuer.send(new ListDistributedGrantsCommand({}))).Grants!.map((g) => g.GrantStatus)).toEqual(['DELETED']);
    expect((await failureOf(w.issuer.send(new CreateGrantVersionCommand({ GrantArn: arn, ClientToken: 'v3', Status: 'ACTIVE' })))).message).toBe(`Grant ${arn} is deleted`);
  });
});
