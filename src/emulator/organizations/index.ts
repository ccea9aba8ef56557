// The read side of AWS Organizations the emulator answers (awsJson1_1, `x-amz-target:
// AWSOrganizationsV20161128.<Operation>`), from the organization declared with `licensectl emulator org apply`
// (organization.ts): DescribeOrganization, ListAccounts, ListRoots, ListOrganizationalUnitsForParent,
// ListAccountsForParent and ListDelegatedAdministrators. Organizations is a global service: the region of a
// request does not matter.
//
// Who may call, as the documentation of each operation says: DescribeOrganization any member account; the
// others "only from the management account or a member account that is a delegated administrator"
// (AccessDeniedException otherwise). An account outside the organization gets AWSOrganizationsNotInUseException
// from all of them. The emulator's one delegated administrator is License Manager's
// (`licenseManagerAdministrator`, for the service principal license-manager.amazonaws.com); the management
// account administers itself without being a delegated administrator, so it is never listed as one.
//
// Declarations hold account ids only, so the rest of an account is derived: its name is its id, its e-mail
// `<id>@accounts.emulator.invalid`, its state ACTIVE, its join method CREATED for the management account (which
// created the organization) and INVITED for the others, its join time the apply that first listed it. Accounts
// carry `State`, not `Status`, which AWS retired on 9 September 2026.
import { Paginator } from '../core/pagination.js';
import { type CallContext, type Input, type OperationSpec, optStr, ServiceError, str } from '../core/service-contract.js';
import { membersOf, organizationOfAccount, parentOf, type OrganizationRecord, type UnitRecord } from './organization.js';

export const LICENSE_MANAGER_PRINCIPAL = 'license-manager.amazonaws.com';

type Handler = (ctx: CallContext, input: Input, org: OrganizationRecord) => Record<string, unknown>;

/** Every operation first finds the caller's organization; `restricted` ones also want its management account or delegated administrator. */
function operation(name: string, handler: Handler, restricted: boolean): OperationSpec {
  return {
    service: 'organizations',
    name,
    readOnly: true,
    handler: (ctx, input) => {
      const org = organizationOfAccount(ctx.state, ctx.account);
      if (!org) throw new ServiceError('AWSOrganizationsNotInUseException', "Your account is not a member of an organization.");
      if (restricted && ctx.account !== org.managementAccount && ctx.account !== delegatedAdministrator(org))
        throw new ServiceError('AccessDeniedException', `You don't have permissions to access this resource: account ${ctx.account} is neither the management account nor a delegated administrator of ${org.id}.`);
      return handler(ctx, input, org);
    },
  };
}

export const organizationsOperations: OperationSpec[] = [
  operation('DescribeOrganization', describeOrganization, false),
  operation('ListAccounts', listAccounts, true),
  operation('ListRoots', listRoots, true),
  operation('ListOrganizationalUnitsForParent', listOrganizationalUnitsForParent, true),
  operation('ListAccountsForParent', listAccountsForParent, true),
  operation('ListDelegatedAdministrators', listDelegatedAdministrators, true),
];

// The documentation of every List* operation: "These operations can occasionally return an empty set of results
// even when more results are available. Continue making requests until NextToken returns null." The paginator
// makes that deterministic, as for RAM. MaxResults is 1..20 in the model; AWS documents no default, 20 is used.
const pages = new Paginator({
  maxResultsMember: 'MaxResults',
  nextTokenMember: 'NextToken',
  defaultMaxResults: 20,
  emptyPages: true,
  invalidToken: () => invalidInput('INVALID_NEXT_TOKEN', 'The NextToken is not valid: pass the NextToken of the previous call with the same parameters.'),
  invalidParameter: (message) => invalidInput('MIN_VALUE_EXCEEDED', message),
});

function describeOrganization(_ctx: CallContext, _input: Input, org: OrganizationRecord): Record<string, unknown> {
  const management = org.managementAccount;
  return {
    Organization: {
      Id: org.id,
      Arn: org.arn,
      // Sharing with the organization (RAM) and delegated administrators need all features.
      FeatureSet: 'ALL',
      MasterAccountArn: accountArn(org, management),
      MasterAccountId: management,
      MasterAccountEmail: emailOf(management),
      AvailablePolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
    },
  };
}

function listAccounts(_ctx: CallContext, input: Input, org: OrganizationRecord): Record<string, unknown> {
  const page = pages.page('ListAccounts', input, membersOf(org), (account) => account);
  return pages.output('Accounts', page, (account) => accountView(org, account));
}

function listRoots(_ctx: CallContext, input: Input, org: OrganizationRecord): Record<string, unknown> {
  const page = pages.page('ListRoots', input, [org], (o) => o.rootId);
  return pages.output('Roots', page, (o) => ({ Id: o.rootId, Arn: o.rootArn, Name: 'Root', PolicyTypes: [] }));
}

function listOrganizationalUnitsForParent(_ctx: CallContext, input: Input, org: OrganizationRecord): Record<string, unknown> {
  const parentId = requireParent(org, str(input, 'ParentId'));
  const page = pages.page('ListOrganizationalUnitsForParent', input, org.units.filter((u) => u.parentId === parentId), (u) => u.id);
  return pages.output('OrganizationalUnits', page, (unit) => ({ Id: unit.id, Arn: unit.arn, Name: unit.name, Path: pathOf(org, unit.id) }));
}

/** The accounts directly under the parent: for the root, those in no OU; for an OU, not those of the OUs below it. */
function listAccountsForParent(_ctx: CallContext, input: Input, org: OrganizationRecord): Record<string, unknown> {
  const parentId = requireParent(org, str(input, 'ParentId'));
  const accounts = membersOf(org).filter((account) => parentOf(org, account) === parentId);
  const page = pages.page('ListAccountsForParent', input, accounts, (account) => account);
  return pages.output('Accounts', page, (account) => accountView(org, account));
}

function listDelegatedAdministrators(_ctx: CallContext, input: Input, org: OrganizationRecord): Record<string, unknown> {
  const principal = optStr(input, 'ServicePrincipal');
  const administrator = delegatedAdministrator(org);
  const listed = administrator !== undefined && (principal === undefined || principal === LICENSE_MANAGER_PRINCIPAL) ? [administrator] : [];
  const page = pages.page('ListDelegatedAdministrators', input, listed, (account) => account);
  return pages.output('DelegatedAdministrators', page, (account) => {
    const { Paths: _paths, ...view } = accountView(org, account);
    return { ...view, DelegationEnabledDate: org.administratorSince ?? org.joined[account] };
  });
}

/** License Manager's delegated administrator, unless it is the management account itself. */
function delegatedAdministrator(org: OrganizationRecord): string | undefined {
  const administrator = org.licenseManagerAdministrator;
  return administrator !== null && administrator !== org.managementAccount ? administrator : undefined;
}

function requireParent(org: OrganizationRecord, parentId: string): string {
  if (parentId === org.rootId || org.units.some((u) => u.id === parentId)) return parentId;
  throw new ServiceError('ParentNotFoundException', `We can't find a root or OU with the ParentId that you specified: ${parentId}.`);
}

function accountView(org: OrganizationRecord, account: string): Record<string, unknown> {
  return {
    Id: account,
    Arn: accountArn(org, account),
    Email: emailOf(account),
    Name: account,
    State: 'ACTIVE',
    JoinedMethod: account === org.managementAccount ? 'CREATED' : 'INVITED',
    JoinedTimestamp: org.joined[account],
    Paths: [`${pathOf(org, parentOf(org, account))}${account}/`],
  };
}

/** `o-…/r-…/ou-…/…/`: the organization, the root and the OUs from the root down to `parentId`. */
function pathOf(org: OrganizationRecord, parentId: string): string {
  const chain: string[] = [];
  for (let unit: UnitRecord | undefined = org.units.find((u) => u.id === parentId); unit; unit = org.units.find((u) => u.id === unit!.parentId)) chain.unshift(unit.id);
  return `${[org.id, org.rootId, ...chain].join('/')}/`;
}

function accountArn(org: OrganizationRecord, account: string): string {
  return `arn:aws:organizations::${org.managementAccount}:account/${org.id}/${account}`;
}

function emailOf(account: string): string {
  return `${account}@accounts.emulator.invalid`;
}

function invalidInput(reason: string, message: string): ServiceError {
  return new ServiceError('InvalidInputException', message, 400, { Reason: reason });
}
