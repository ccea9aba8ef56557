// The grant lifecycle across accounts, through the real SDK clients: distribution (PENDING_WORKFLOW), acceptance
// (DISABLED until activated), activation with its options, rejection, disabling by either side, deletion; grants to
// an OU or the organization reaching every member as its own child grant; and the organization-wide lists of the
// management account.
import {
  AcceptGrantCommand, CreateGrantCommand, CreateGrantVersionCommand, CreateLicenseCommand, CreateLicenseConfigurationCommand, DeleteGrantCommand,
  GetGrantCommand, GetLicenseCommand, ListDistributedGrantsCommand, ListLicenseConfigurationsForOrganizationCommand, ListReceivedGrantsCommand,
  ListReceivedGrantsForOrganizationCommand, ListReceivedLicensesCommand, ListReceivedLicensesForOrganizationCommand, RejectGrantCommand,
  type CreateGrantVersionCommandInput, type LicenseManagerClient,
} from '@aws-sdk/client-license-manager';
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../../src/emulator/index.js';
import { organizationOf } from '../../../src/emulator/organizations/organization.js';
import { failureOf, lmClient, testEmulator } from '../../helpers/emulator.js';
import { configurationInput, GRANTEE, grantInput, ISSUER, licenseInput, NOW, STRANGER } from './fixtures.js';

const MEMBER = '444455556666';
const ORGANIZATION = { managementAccount: ISSUER, units: [{ name: 'dev', accounts: [GRANTEE], units: [{ name: 'dev-eu', accounts: [MEMBER] }] }] };

interface World {
  emulator: Emulator;
  clock: { now: Date };
  license: string;
  as: (account: string) => LicenseManagerClient;
}

async function world(options: { organization?: boolean; shareDelayMs?: number } = {}): Promise<World> {
  const clock = { now: NOW };
  const emulator = testEmulator({ now: () => clock.now, shareDelayMs: options.shareDelayMs });
  if (options.organization !== false) await emulator.applyOrganization(ORGANIZATION);
  const as = (account: string) => lmClient(emulator, { account });
  const license = (await as(ISSUER).send(new CreateLicenseCommand(licenseInput()))).LicenseArn!;
  return { emulator, clock, license, as };
}

const unitArn = (w: World, name: string) => organizationOf(w.emulator.snapshot())!.units.find((u) => u.name === name)!.arn;
const orgArn = (w: World) => organizationOf(w.emulator.snapshot())!.arn;
const grantTo = async (w: World, principal: string, token = 'grant-1') =>
  (await w.as(ISSUER).send(new CreateGrantCommand(grantInput(w.license, { Principals: [principal], ClientToken: token })))).GrantArn!;
const statusOf = async (client: LicenseManagerClient, GrantArn: string) => (await client.send(new GetGrantCommand({ GrantArn }))).Grant!.GrantStatus;
const version = (client: LicenseManagerClient, input: Omit<CreateGrantVersionCommandInput, 'ClientToken'> & { ClientToken?: string }) =>
  client.send(new CreateGrantVersionCommand({ ClientToken: `v-${Math.random()}`, ...input }));
const received = async (client: LicenseManagerClient) => (await client.send(new ListReceivedGrantsCommand({}))).Grants ?? [];
const root = (account: string) => `arn:aws:iam::${account}:root`;

describe('a grant to an account', () => {
  it('is PENDING_WORKFLOW when created, then PENDING_ACCEPT: at the next read, or after the propagation delay', async () => {
    const w = await world({ organization: false, shareDelayMs: 1000 });
    const out = await w.as(ISSUER).send(new CreateGrantCommand(grantInput(w.license)));
    expect(out.Status).toBe('PENDING_WORKFLOW');
    expect(await statusOf(w.as(GRANTEE), out.GrantArn!)).toBe('PENDING_WORKFLOW');
    expect(await failureOf(w.as(GRANTEE).send(new AcceptGrantCommand({ GrantArn: out.GrantArn })))).toMatchObject({
      name: 'ValidationException', message: `Grant ${out.GrantArn} is PENDING_WORKFLOW; only a grant in PENDING_ACCEPT can be accepted`,
    });
    w.clock.now = new Date(NOW.getTime() + 1000);
    expect(await statusOf(w.as(ISSUER), out.GrantArn!)).toBe('PENDING_ACCEPT');
    const immediate = await world({ organization: false });
    const arn = await grantTo(immediate, root(GRANTEE));
    expect(await statusOf(immediate.as(GRANTEE), arn)).toBe('PENDING_ACCEPT');
  });

  it('is accepted (DISABLED), activated with an override behaviour (ACTIVE), disabled and activated again by the grantee', async () => {
    const w = await world({ organization: false });
    const arn = await grantTo(w, root(GRANTEE));
    const grantee = w.as(GRANTEE);
    expect((await grantee.send(new AcceptGrantCommand({ GrantArn: arn }))).Status).toBe('DISABLED');
    expect((await grantee.send(new ListReceivedLicensesCommand({}))).Licenses![0]!.ReceivedMetadata).toEqual({ ReceivedStatus: 'DISABLED' });
    const on = await version(grantee, { GrantArn: arn, Status: 'ACTIVE', Options: { ActivationOverrideBehavior: 'DISTRIBUTED_GRANTS_ONLY' } });
    expect([on.Status, on.Version]).toEqual(['ACTIVE', '2']);
    expect((await grantee.send(new GetGrantCommand({ GrantArn: arn }))).Grant).toMatchObject({ GrantStatus: 'ACTIVE', Options: { ActivationOverrideBehavior: 'DISTRIBUTED_GRANTS_ONLY' } });
    expect((await grantee.send(new ListReceivedLicensesCommand({}))).Licenses![0]!.ReceivedMetadata).toEqual({
      ReceivedStatus: 'ACTIVE', AllowedOperations: ['CheckInLicense', 'CheckoutLicense'],
    });
    expect((await version(grantee, { GrantArn: arn, Status: 'DISABLED' })).Status).toBe('DISABLED');
    expect((await version(grantee, { GrantArn: arn, Status: 'ACTIVE', SourceVersion: '3' })).Status).toBe('ACTIVE');
    expect(await statusOf(w.as(ISSUER), arn)).toBe('ACTIVE');
  });

  it.each([
    ['activation before acceptance', 'PENDING_ACCEPT', { Status: 'ACTIVE' as const }, 'ValidationException', (arn: string) => `Grant ${arn} is PENDING_ACCEPT; accept it (AcceptGrant) before changing its status`],
    ['an override behaviour without activation', 'DISABLED', { Status: 'DISABLED' as const, Options: { ActivationOverrideBehavior: 'DISTRIBUTED_GRANTS_ONLY' as const } },
      'ValidationException', () => 'Options.ActivationOverrideBehavior can be used only when the version sets Status to ACTIVE'],
    ['a new name from the grantee', 'DISABLED', { GrantName: 'mine' }, 'AuthorizationException', (arn: string) => `The grantee of grant ${arn} can change only its status`],
  ])('refuses %s', async (_what, from, input, name, message) => {
    const w = await world({ organization: false });
    const arn = await grantTo(w, root(GRANTEE));
    if (from === 'DISABLED') await w.as(GRANTEE).send(new AcceptGrantCommand({ GrantArn: arn }));
    expect(await failureOf(version(w.as(GRANTEE), { GrantArn: arn, ...input }))).toMatchObject({ name, message: message(arn) });
  });

  it('lets the issuer disable an active grant and enable it again, but never activate for a grantee outside its organization', async () => {
    const w = await world({ organization: false });
    const arn = await grantTo(w, root(GRANTEE));
    const [issuer, grantee] = [w.as(ISSUER), w.as(GRANTEE)];
    expect(await failureOf(version(issuer, { GrantArn: arn, Status: 'ACTIVE' }))).toMatchObject({
      name: 'ValidationException', message: `Grant ${arn} is PENDING_ACCEPT; its status can change once the grantee has accepted it`,
    });
    await grantee.send(new AcceptGrantCommand({ GrantArn: arn }));
    expect(await failureOf(version(issuer, { GrantArn: arn, Status: 'ACTIVE' }))).toEqual({
      name: 'AuthorizationException', status: 403, message: `Only the grantee of grant ${arn} can activate it: account ${GRANTEE} accepted it and has not activated it`,
    });
    await version(grantee, { GrantArn: arn, Status: 'ACTIVE' });
    expect((await version(issuer, { GrantArn: arn, Status: 'DISABLED', StatusReason: 'audit' })).Status).toBe('DISABLED');
    expect(await failureOf(version(grantee, { GrantArn: arn, Status: 'ACTIVE' }))).toMatchObject({
      name: 'AuthorizationException', message: `Grant ${arn} was disabled by its issuer; only the issuer can enable it`,
    });
    expect((await version(issuer, { GrantArn: arn, Status: 'ACTIVE' })).Status).toBe('ACTIVE');
  });

  it('lets the issuer activate for a grantee in its organization (AWS documents it for grantors)', async () => {
    const w = await world();
    const arn = await grantTo(w, root(GRANTEE));
    await w.as(GRANTEE).send(new AcceptGrantCommand({ GrantArn: arn }));
    expect((await version(w.as(ISSUER), { GrantArn: arn, Status: 'ACTIVE', Options: { ActivationOverrideBehavior: 'ALL_GRANTS_PERMITTED_BY_ISSUER' } })).Status).toBe('ACTIVE');
  });

  it('is rejected (REJECTED, final), and deleted by its issuer from any status', async () => {
    const w = await world({ organization: false });
    const arn = await grantTo(w, root(GRANTEE));
    expect((await w.as(GRANTEE).send(new RejectGrantCommand({ GrantArn: arn }))).Status).toBe('REJECTED');
    for (const client of [w.as(GRANTEE), w.as(ISSUER)])
      expect(await failureOf(version(client, { GrantArn: arn, Status: 'ACTIVE' }))).toMatchObject({ message: `Grant ${arn} was rejected and cannot be activated` });
    expect(await failureOf(w.as(GRANTEE).send(new RejectGrantCommand({ GrantArn: arn })))).toMatchObject({ message: `Grant ${arn} is REJECTED and cannot be rejected` });
    expect((await w.as(ISSUER).send(new DeleteGrantCommand({ GrantArn: arn, Version: '1' }))).Status).toBe('DELETED');
    expect(await statusOf(w.as(GRANTEE), arn)).toBe('DELETED');
    expect(await failureOf(w.as(GRANTEE).send(new GetLicenseCommand({ LicenseArn: w.license })))).toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('shows the grantee the license while the grant waits, and lets it use the license only once ACTIVE', async () => {
    const w = await world({ organization: false });
    const arn = await grantTo(w, root(GRANTEE));
    expect((await w.as(GRANTEE).send(new GetLicenseCommand({ LicenseArn: w.license }))).License!.LicenseArn).toBe(w.license);
    expect((await w.as(GRANTEE).send(new ListReceivedLicensesCommand({}))).Licenses![0]!.ReceivedMetadata).toEqual({ ReceivedStatus: 'PENDING_ACCEPT' });
    expect(await failureOf(w.as(STRANGER).send(new GetLicenseCommand({ LicenseArn: w.license })))).toMatchObject({ name: 'ResourceNotFoundException' });
    await w.as(GRANTEE).send(new AcceptGrantCommand({ GrantArn: arn }));
    expect((await w.as(GRANTEE).send(new ListReceivedLicensesCommand({}))).Licenses![0]!.ReceivedMetadata!.AllowedOperations).toBeUndefined();
  });
});

describe('a grant to an OU or the organization', () => {
  it('refuses an OU of no declared organization, and an issuer outside the organization', async () => {
    const w = await world();
    const unknown = unitArn(w, 'dev').replace(/ou-[a-z0-9]+-[a-z0-9]+$/, 'ou-zzzz-zzzzzzzz');
    expect(await failureOf(w.as(ISSUER).send(new CreateGrantCommand(grantInput(w.license, { Principals: [unknown] }))))).toMatchObject({
      name: 'InvalidParameterValueException', message: `Invalid principal ${unknown}: no such organization or organizational unit`,
    });
    const outsider = w.as(STRANGER);
    const own = (await outsider.send(new CreateLicenseCommand(licenseInput()))).LicenseArn!;
    expect(await failureOf(outsider.send(new CreateGrantCommand(grantInput(own, { Principals: [orgArn(w)] }))))).toMatchObject({
      name: 'InvalidParameterValueException', message: expect.stringContaining(`account ${STRANGER} is not a member of organization o-`),
    });
  });

  it('reaches every account of the OU and the OUs below it, each with a child grant it accepts and activates for itself', async () => {
    const w = await world();
    const parent = await grantTo(w, unitArn(w, 'dev'));
    expect(await statusOf(w.as(ISSUER), parent)).toBe('WORKFLOW_COMPLETED');
    expect((await w.as(ISSUER).send(new ListDistributedGrantsCommand({}))).Grants!.map((g) => g.GrantArn)).toEqual([parent]);
    const [dev, eu] = [w.as(GRANTEE), w.as(MEMBER)];
    const [devChild] = await received(dev);
    const [euChild] = await received(eu);
    expect(devChild).toMatchObject({ ParentArn: parent, GranteePrincipalArn: root(GRANTEE), GrantStatus: 'PENDING_ACCEPT', Version: '1', LicenseArn: w.license });
    expect(euChild).toMatchObject({ ParentArn: parent, GranteePrincipalArn: root(MEMBER), GrantStatus: 'PENDING_ACCEPT' });
    expect(devChild!.GrantArn).toMatch(/^arn:aws:license-manager::111122223333:grant:g-[0-9a-f]{32}$/);
    expect(devChild!.GrantArn).not.toBe(euChild!.GrantArn);
    expect(await received(w.as(STRANGER))).toEqual([]);
    // A member accepts through its child's ARN or the parent's; only its own child moves.
    expect(await dev.send(new AcceptGrantCommand({ GrantArn: parent }))).toMatchObject({ GrantArn: devChild!.GrantArn, Status: 'DISABLED' });
    expect(await version(dev, { GrantArn: devChild!.GrantArn!, Status: 'ACTIVE' })).toMatchObject({ GrantArn: devChild!.GrantArn, Status: 'ACTIVE', Version: '2' });
    expect((await received(eu))[0]!.GrantStatus).toBe('PENDING_ACCEPT');
    expect((await dev.send(new GetLicenseCommand({ LicenseArn: w.license }))).License!.LicenseArn).toBe(w.license);
    expect((await dev.send(new ListReceivedLicensesCommand({}))).Licenses![0]!.ReceivedMetadata!.ReceivedStatus).toBe('ACTIVE');
    expect((await eu.send(new RejectGrantCommand({ GrantArn: euChild!.GrantArn }))).Status).toBe('REJECTED');
    expect(await statusOf(w.as(ISSUER), devChild!.GrantArn!)).toBe('ACTIVE');
    // The issuer disables the parent: active children are disabled with it; deleting it deletes them.
    await version(w.as(ISSUER), { GrantArn: parent, Status: 'DISABLED' });
    expect((await received(dev))[0]!.GrantStatus).toBe('DISABLED');
    expect((await version(w.as(ISSUER), { GrantArn: parent, Status: 'ACTIVE' })).Status).toBe('WORKFLOW_COMPLETED');
    expect((await received(dev))[0]!.GrantStatus).toBe('ACTIVE');
    await w.as(ISSUER).send(new DeleteGrantCommand({ GrantArn: parent, Version: '3' }));
    expect((await received(dev)).map((g) => g.GrantStatus)).toEqual(['DELETED']);
  });

  it('reaches every member but the issuer through the organization, members who join later included', async () => {
    const w = await world();
    const parent = await grantTo(w, orgArn(w));
    expect(await received(w.as(ISSUER))).toEqual([]);
    expect((await received(w.as(MEMBER))).map((g) => g.ParentArn)).toEqual([parent]);
    await w.emulator.applyOrganization({ ...ORGANIZATION, accounts: [STRANGER] });
    expect((await received(w.as(STRANGER))).map((g) => g.ParentArn)).toEqual([parent]);
  });

  it('replaces the member\'s other active grants of the product when activated with ALL_GRANTS_PERMITTED_BY_ISSUER', async () => {
    const w = await world();
    const direct = await grantTo(w, root(GRANTEE), 'direct');
    const dev = w.as(GRANTEE);
    await dev.send(new AcceptGrantCommand({ GrantArn: direct }));
    await version(dev, { GrantArn: direct, Status: 'ACTIVE' });
    const parent = await grantTo(w, unitArn(w, 'dev'), 'ou');
    await dev.send(new AcceptGrantCommand({ GrantArn: parent }));
    await version(dev, { GrantArn: parent, Status: 'ACTIVE', Options: { ActivationOverrideBehavior: 'ALL_GRANTS_PERMITTED_BY_ISSUER' } });
    expect((await dev.send(new GetGrantCommand({ GrantArn: direct }))).Grant).toMatchObject({ GrantStatus: 'DISABLED', Version: '3' });
  });
});

describe('the organization-wide lists', () => {
  it('show the management account what its members received, and the configurations of every member', async () => {
    const w = await world();
    const parent = await grantTo(w, unitArn(w, 'dev'), 'ou');
    const direct = await grantTo(w, root(MEMBER), 'direct');
    const management = w.as(ISSUER);
    const grants = (await management.send(new ListReceivedGrantsForOrganizationCommand({ LicenseArn: w.license }))).Grants!;
    expect(grants.map((g) => [g.GranteePrincipalArn, g.ParentArn]).sort()).toEqual([
      [root(GRANTEE), parent], [root(MEMBER), parent], [root(MEMBER), w.license],
    ].sort());
    const filtered = await management.send(new ListReceivedGrantsForOrganizationCommand({ LicenseArn: w.license, Filters: [{ Name: 'ParentArn', Values: [w.license] }] }));
    expect(filtered.Grants!.map((g) => g.GrantArn)).toEqual([direct]);
    const licenses = (await management.send(new ListReceivedLicensesForOrganizationCommand({ Filters: [{ Name: 'ProductSKU', Values: ['acme-analytics-pro'] }] }))).Licenses!;
    expect(licenses.map((l) => [l.LicenseArn, l.ReceivedMetadata!.ReceivedStatus])).toEqual([[w.license, 'PENDING_ACCEPT']]);
    const own = (await management.send(new CreateLicenseConfigurationCommand(configurationInput()))).LicenseConfigurationArn!;
    const theirs = (await w.as(MEMBER).send(new CreateLicenseConfigurationCommand(configurationInput({ Name: 'theirs' })))).LicenseConfigurationArn!;
    await w.as(STRANGER).send(new CreateLicenseConfigurationCommand(configurationInput({ Name: 'outside' })));
    const configurations = (await management.send(new ListLicenseConfigurationsForOrganizationCommand({}))).LicenseConfigurations!;
    expect(configurations.map((c) => [c.LicenseConfigurationArn, c.OwnerAccountId]).sort()).toEqual([[own, ISSUER], [theirs, MEMBER]].sort());
    const page = await management.send(new ListLicenseConfigurationsForOrganizationCommand({ MaxResults: 1 }));
    expect(page.LicenseConfigurations).toHaveLength(1);
    expect(page.NextToken).toBeDefined();
  });

  it.each([
    ['a member account', GRANTEE],
    ['an account outside any organization', STRANGER],
  ])('refuse %s', async (_who, account) => {
    const w = await world();
    const client = w.as(account);
    for (const call of [
      client.send(new ListReceivedGrantsForOrganizationCommand({ LicenseArn: w.license })),
      client.send(new ListReceivedLicensesForOrganizationCommand({})),
      client.send(new ListLicenseConfigurationsForOrganizationCommand({})),
    ]) expect(await failureOf(call)).toMatchObject({ name: 'AuthorizationException', status: 403, message: expect.stringContaining(`Account ${account} is not the management account`) });
  });

  it('require the license ARN for the organization\'s received grants, as the model says', async () => {
    const w = await world();
    expect((await failureOf(w.as(ISSUER).send(new ListReceivedGrantsForOrganizationCommand({} as never)))).name).toBe('ValidationException');
  });
});
