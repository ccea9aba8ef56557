// The read side of AWS Organizations, as raw signed awsJson1_1 requests in-process (no Organizations SDK client
// is installed; the e2e test drives it with the AWS CLI): every operation, its paging, and AWS's errors for
// callers outside the organization, members that are not the management account or a delegated
// administrator, unknown parents and input the model refuses. Responses are checked against the model.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Emulator, EmulatorRequest } from '../../../src/emulator/index.js';
import { testEmulator } from '../../helpers/emulator.js';
import { authorization } from '../core/raw-requests.js';

const MGMT = '111122223333';
const PROD = '222233334444';
const PROD_EU = '333344445555';
const ROOT_MEMBER = '444455556666';
const ADMIN = PROD;
const OUTSIDER = '999988887777';

export const ORG_FILE = {
  managementAccount: MGMT,
  sharingWithOrganization: true,
  licenseManagerAdministrator: ADMIN,
  units: [{ name: 'prod', accounts: [PROD], units: [{ name: 'prod-eu', accounts: [PROD_EU] }] }, { name: 'sandbox' }],
  accounts: [ROOT_MEMBER],
};

function orgRequest(operation: string, input: unknown, account: string): EmulatorRequest {
  return {
    method: 'POST',
    path: '/',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSOrganizationsV20161128.${operation}`, authorization: authorization(account, 'us-east-1', 'organizations') },
    body: JSON.stringify(input),
  };
}

async function call(emulator: Emulator, operation: string, input: unknown = {}, account = MGMT): Promise<{ status: number; body: Record<string, unknown> }> {
  const answer = await emulator.handle(orgRequest(operation, input, account));
  return { status: answer.status, body: JSON.parse(answer.body) as Record<string, unknown> };
}

/** Every item of a listing, following NextToken (through the empty pages Organizations documents). */
async function all(emulator: Emulator, operation: string, member: string, input: Record<string, unknown> = {}, account = MGMT): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let token: string | undefined;
  do {
    const { status, body } = await call(emulator, operation, { ...input, ...(token ? { NextToken: token } : {}) }, account);
    expect(status, JSON.stringify(body)).toBe(200);
    items.push(...(body[member] as Record<string, unknown>[]));
    token = body['NextToken'] as string | undefined;
  } while (token);
  return items;
}

describe('AWS Organizations, read side', () => {
  let emulator: Emulator;
  let org: Awaited<ReturnType<Emulator['applyOrganization']>>['organization'];
  beforeEach(async () => {
    emulator = testEmulator({ now: () => new Date('2026-03-01T12:00:00Z') });
    org = (await emulator.applyOrganization(ORG_FILE)).organization;
  });

  it('DescribeOrganization answers any member, with the management account and all features', async () => {
    for (const account of [MGMT, PROD_EU]) {
      const { status, body } = await call(emulator, 'DescribeOrganization', {}, account);
      expect(status).toBe(200);
      expect(body['Organization']).toEqual({
        Id: org.id, Arn: org.arn, FeatureSet: 'ALL', MasterAccountId: MGMT, MasterAccountArn: `arn:aws:organizations::${MGMT}:account/${org.id}/${MGMT}`,
        MasterAccountEmail: `${MGMT}@accounts.emulator.invalid`, AvailablePolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
      });
    }
  });

  it('an account outside the organization gets AWSOrganizationsNotInUseException from every operation', async () => {
    for (const operation of ['DescribeOrganization', 'ListAccounts', 'ListRoots', 'ListDelegatedAdministrators']) {
      const { status, body } = await call(emulator, operation, {}, OUTSIDER);
      expect({ status, type: body['__type'] }).toEqual({ status: 400, type: 'AWSOrganizationsNotInUseException' });
      expect(body['Message']).toBe('Your account is not a member of an organization.');
    }
    const empty = testEmulator();
    expect((await call(empty, 'DescribeOrganization')).body['__type']).toBe('AWSOrganizationsNotInUseException');
  });

  it('ListAccounts: every member, management account included, with derived names, emails, paths and join times', async () => {
    const accounts = await all(emulator, 'ListAccounts', 'Accounts');
    expect(accounts.map((a) => a['Id'])).toEqual([MGMT, PROD, PROD_EU, ROOT_MEMBER]);
    const [prod, prodEu] = [org.units[0]!, org.units[1]!];
    expect(accounts[2]).toEqual({
      Id: PROD_EU, Arn: `arn:aws:organizations::${MGMT}:account/${org.id}/${PROD_EU}`, Email: `${PROD_EU}@accounts.emulator.invalid`, Name: PROD_EU,
      State: 'ACTIVE', JoinedMethod: 'INVITED', JoinedTimestamp: Date.parse('2026-03-01T12:00:00Z') / 1000, Paths: [`${org.id}/${org.rootId}/${prod.id}/${prodEu.id}/${PROD_EU}/`],
    });
    expect(accounts[0]).toMatchObject({ JoinedMethod: 'CREATED', Paths: [`${org.id}/${org.rootId}/${MGMT}/`] });
  });

  it('only the management account and the delegated administrator may list; other members get AccessDeniedException', async () => {
    expect((await call(emulator, 'ListAccounts', {}, ADMIN)).status).toBe(200);
    for (const operation of ['ListAccounts', 'ListRoots', 'ListDelegatedAdministrators']) {
      const { status, body } = await call(emulator, operation, {}, ROOT_MEMBER);
      expect({ status, type: body['__type'] }).toEqual({ status: 400, type: 'AccessDeniedException' });
    }
    const denied = await call(emulator, 'ListAccountsForParent', { ParentId: org.rootId }, PROD_EU);
    expect(denied.body['__type']).toBe('AccessDeniedException');
  });

  it('pages at MaxResults (1..20), with an empty second page and a token bound to its query', async () => {
    const first = await call(emulator, 'ListAccounts', { MaxResults: 1 });
    expect((first.body['Accounts'] as unknown[]).length).toBe(1);
    const second = await call(emulator, 'ListAccounts', { MaxResults: 1, NextToken: first.body['NextToken'] });
    expect(second.body).toEqual({ Accounts: [], NextToken: expect.any(String) });
    expect((await all(emulator, 'ListAccounts', 'Accounts', { MaxResults: 1 })).length).toBe(4);
    const foreign = await call(emulator, 'ListRoots', { NextToken: first.body['NextToken'] });
    expect(foreign.body).toMatchObject({ __type: 'InvalidInputException', Reason: 'INVALID_NEXT_TOKEN' });
    const tooMany = await call(emulator, 'ListAccounts', { MaxResults: 21 });
    expect(tooMany.body).toMatchObject({ __type: 'InvalidInputException', Reason: 'MAX_VALUE_EXCEEDED' });
    expect(tooMany.body['Message']).toContain("Value '21' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 20");
  });

  it('ListRoots: the one root', async () => {
    expect(await all(emulator, 'ListRoots', 'Roots')).toEqual([{ Id: org.rootId, Arn: org.rootArn, Name: 'Root', PolicyTypes: [] }]);
  });

  it('ListOrganizationalUnitsForParent: the OUs directly under a root or an OU', async () => {
    const top = await all(emulator, 'ListOrganizationalUnitsForParent', 'OrganizationalUnits', { ParentId: org.rootId });
    expect(top.map((u) => u['Name']).sort()).toEqual(['prod', 'sandbox']);
    const prod = org.units.find((u) => u.name === 'prod')!;
    const below = await all(emulator, 'ListOrganizationalUnitsForParent', 'OrganizationalUnits', { ParentId: prod.id });
    const prodEu = org.units.find((u) => u.name === 'prod-eu')!;
    expect(below).toEqual([{ Id: prodEu.id, Arn: prodEu.arn, Name: 'prod-eu', Path: `${org.id}/${org.rootId}/${prod.id}/${prodEu.id}/` }]);
    expect(await all(emulator, 'ListOrganizationalUnitsForParent', 'OrganizationalUnits', { ParentId: prodEu.id })).toEqual([]);
  });

  it('ListAccountsForParent: the root holds the accounts in no OU, an OU only its own (not those of OUs below)', async () => {
    const ids = async (parent: string) => (await all(emulator, 'ListAccountsForParent', 'Accounts', { ParentId: parent })).map((a) => a['Id']);
    expect(await ids(org.rootId)).toEqual([MGMT, ROOT_MEMBER]);
    expect(await ids(org.units[0]!.id)).toEqual([PROD]);
    expect(await ids(org.units[1]!.id)).toEqual([PROD_EU]);
  });

  it('an unknown parent is ParentNotFoundException; a malformed one InvalidInputException INVALID_PATTERN; a missing one INPUT_REQUIRED', async () => {
    for (const operation of ['ListOrganizationalUnitsForParent', 'ListAccountsForParent']) {
      expect((await call(emulator, operation, { ParentId: 'ou-zzzz-zzzzzzzz' })).body).toMatchObject({ __type: 'ParentNotFoundException' });
      expect((await call(emulator, operation, { ParentId: 'r-nope' })).body).toMatchObject({ __type: 'ParentNotFoundException' });
      expect((await call(emulator, operation, { ParentId: 'root!' })).body).toMatchObject({ __type: 'InvalidInputException', Reason: 'INVALID_PATTERN' });
      expect((await call(emulator, operation, {})).body).toMatchObject({ __type: 'InvalidInputException', Reason: 'INPUT_REQUIRED' });
    }
  });

  it('ListDelegatedAdministrators: License Manager\'s administrator, for its service principal only; never the management account', async () => {
    const listed = await all(emulator, 'ListDelegatedAdministrators', 'DelegatedAdministrators');
    expect(listed).toEqual([expect.objectContaining({ Id: ADMIN, Name: ADMIN, State: 'ACTIVE', DelegationEnabledDate: Date.parse('2026-03-01T12:00:00Z') / 1000 })]);
    expect(listed[0]).not.toHaveProperty('Paths');
    expect(await all(emulator, 'ListDelegatedAdministrators', 'DelegatedAdministrators', { ServicePrincipal: 'license-manager.amazonaws.com' })).toHaveLength(1);
    expect(await all(emulator, 'ListDelegatedAdministrators', 'DelegatedAdministrators', { ServicePrincipal: 'ram.amazonaws.com' })).toEqual([]);
    await emulator.applyOrganization({ ...ORG_FILE, licenseManagerAdministrator: MGMT });
    expect(await all(emulator, 'ListDelegatedAdministrators', 'DelegatedAdministrators')).toEqual([]);
    // No delegated administrator any more: the former one is a plain member.
    expect((await call(emulator, 'ListAccounts', {}, ADMIN)).body['__type']).toBe('AccessDeniedException');
  });

  it('names an unknown operation of the service as Organizations does (awsJson1_1, Message)', async () => {
    const { status, body } = await call(emulator, 'CreateOrganization');
    expect(status).toBe(404);
    expect(body).toMatchObject({ __type: 'UnknownOperationException', Message: expect.stringContaining('AWSOrganizationsV20161128.CreateOrganization') });
  });
});
