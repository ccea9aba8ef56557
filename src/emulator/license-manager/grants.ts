// Grants: a license owner (the issuer, the account in the grant ARN) grants one principal — an account root, an
// OU or the organization — operations on one of its licenses. How a grant's status moves (grant-records.ts says
// how it is stored and seen; aws-api.md §2.2, the user guide's "Grant acceptance and activation" and "License
// status for grants"):
//
//   CreateGrant ─▶ PENDING_WORKFLOW ─(distributed)─▶ PENDING_ACCEPT ─AcceptGrant─▶ DISABLED ─version ACTIVE─▶ ACTIVE
//                                                    └─RejectGrant─▶ REJECTED    ◀──────version DISABLED─────┘
//   an organization or OU grant: the parent is WORKFLOW_COMPLETED, each member's child grant moves as above.
//   DeleteGrant (issuer, latest version) ─▶ DELETED from any status; deleted and rejected grants stay readable.
//
// Choices where AWS documents nothing (each refusal below says which rule it applies):
// - AcceptGrant and RejectGrant answer the grant's current version; only CreateGrantVersion makes a version.
// - The grantee activates (CreateGrantVersion Status ACTIVE) only an accepted grant; "Accept and activate" is the
//   two calls. It may reject an accepted or active grant too (REJECTED is final: "a rejected grant cannot be
//   activated").
// - The issuer renames and changes operations at any time; it may disable an ACTIVE grant and enable again one it
//   disabled itself, but activates for the grantee only a grantee in its own organization (Options doc: "As a
//   grantor, you can optionally specify an ActivationOverrideBehavior when you activate a grant for a grantee
//   account in your organization"). A grantee cannot enable what its issuer disabled.
// - Options.ActivationOverrideBehavior needs Status ACTIVE in the same call (the model says so) and is recorded on
//   the version; ALL_GRANTS_PERMITTED_BY_ISSUER disables the caller's other active grants of the same product
//   ("disable other active grants ... for the same product"). AWS limits options to Marketplace licenses, which
//   the emulator cannot tell apart, so it accepts them for any license.
import { accountOfArn, grantArn } from '../../model/arn.js';
import { copy, list, optStr, str, type CallContext, type Input } from '../core/service-contract.js';
import { organizationOf, sameOrganization } from '../organizations/organization.js';
import { accountOfPrincipal, authorization, filterMatcher, invalidParameter, pages, resourceNotFound, validation, withClientToken, type Filter, type FilterFields, type Tag } from './conventions.js';
import {
  findChild, findReceived, grantRecords, isOrganizationGrant, issuerOf, issuerView, receivedGrants, receivedView, writableReceipt,
  type GrantRecord, type GrantView, type Received,
} from './grant-records.js';
import { licenses, ownLicense } from './licenses.js';
import { applyTags } from './tags.js';

const ACCOUNT_ROOT = /^arn:aws:iam::\d{12}:root$/;
const ORGANIZATION = /^arn:aws:organizations::\d{12}:organization\/o-[a-z0-9]{10,32}$/;
const UNIT = /^arn:aws:organizations::\d{12}:ou\/o-[a-z0-9]{10,32}\/ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/;

/** An account root, or the caller's own organization or one of its OUs (a grant cannot reach another organization). */
function checkPrincipal(ctx: CallContext, principal: string): void {
  if (ACCOUNT_ROOT.test(principal)) return;
  if (!ORGANIZATION.test(principal) && !UNIT.test(principal))
    throw invalidParameter(`Invalid principal ${principal}: expected arn:aws:iam::<account>:root or an organization or OU ARN`);
  const org = organizationOf(ctx.state);
  const known = org && (principal === org.arn || org.units.some((u) => u.arn === principal));
  if (!known) throw invalidParameter(`Invalid principal ${principal}: no such organization or organizational unit`);
  if (!sameOrganization(ctx.state, ctx.account, org.managementAccount))
    throw invalidParameter(`Invalid principal ${principal}: account ${ctx.account} is not a member of organization ${org.id}`);
}

/** How long a new grant stays PENDING_WORKFLOW: the emulator's propagation delay (`delays.shareMs`), as for RAM. */
function distributionMs(ctx: CallContext): number {
  const delay = ctx.delays?.shareMs ?? 0;
  return Number.isFinite(delay) && delay > 0 ? delay : 0;
}

export function createGrant(ctx: CallContext, input: Input): Record<string, unknown> {
  return withClientToken(ctx, 'CreateGrant', input, () => {
    const license = ownLicense(ctx, str(input, 'LicenseArn'));
    if (license.Status === 'DELETED') throw validation(`License ${license.LicenseArn} is deleted`);
    const principal = list(input, 'Principals')![0]!;
    checkPrincipal(ctx, principal);
    const record: GrantRecord = {
      GrantArn: grantArn(ctx.account, `g-${ctx.ids.hex32()}`),
      GrantName: str(input, 'GrantName'),
      ParentArn: license.LicenseArn,
      LicenseArn: license.LicenseArn,
      GranteePrincipalArn: principal,
      HomeRegion: str(input, 'HomeRegion'),
      GrantStatus: accountOfPrincipal(principal) === undefined ? 'WORKFLOW_COMPLETED' : 'PENDING_ACCEPT',
      GrantedOperations: copy(list(input, 'AllowedOperations')!),
      Version: '1',
      _previousVersions: {},
      _distributedAtMs: ctx.now.getTime() + distributionMs(ctx),
    };
    applyTags(ctx.state, record.GrantArn, list<Tag>(input, 'Tags') ?? []);
    grantRecords(ctx.state)[record.GrantArn] = record;
    return { GrantArn: record.GrantArn, Status: 'PENDING_WORKFLOW', Version: record.Version };
  });
}

/** What the caller may read at `arn`, as it sees it: its own grant, a grant it received, or a child of its grant. */
function visibleView(ctx: CallContext, arn: string): { view: GrantView; versions: Record<string, Record<string, unknown>> } {
  const nowMs = ctx.now.getTime();
  const own = grantRecords(ctx.state)[arn];
  if (own && issuerOf(own) === ctx.account) return { view: issuerView(own, nowMs), versions: own._previousVersions };
  const received = findReceived(ctx.state, ctx.account, arn, nowMs);
  // A member reading its organization grant's own ARN sees the parent; its child has an ARN of its own.
  if (received && received.grant.GrantArn === arn) return { view: issuerView(received.grant, nowMs), versions: received.grant._previousVersions };
  if (received) return { view: received.view, versions: writableVersions(received) };
  const child = accountOfArn(arn) === ctx.account ? findChild(ctx.state, arn) : undefined;
  if (child) return { view: receivedView(child.grant, child.account, nowMs), versions: child.grant._receipts?.[child.account]?._previousVersions ?? {} };
  throw resourceNotFound(`Grant ${arn} not found`);
}

const writableVersions = (r: Received) => (isOrganizationGrant(r.grant) ? (r.grant._receipts?.[r.account]?._previousVersions ?? {}) : r.grant._previousVersions);

export function getGrant(ctx: CallContext, input: Input): Record<string, unknown> {
  const arn = str(input, 'GrantArn');
  const version = optStr(input, 'Version');
  const { view, versions } = visibleView(ctx, arn);
  const chosen = version === undefined || version === view.Version ? view : versions[version];
  if (!chosen) throw resourceNotFound(`Grant ${arn} has no version ${version}`);
  return { Grant: chosen };
}

function licenseFields(ctx: CallContext): FilterFields<GrantView> {
  return {
    LicenseArn: (g) => g.LicenseArn,
    GrantStatus: (g) => g.GrantStatus,
    ProductSKU: (g) => licenses(ctx.state)[g.LicenseArn]?.ProductSKU,
    LicenseIssuerName: (g) => licenses(ctx.state)[g.LicenseArn]?.Issuer.Name,
  };
}

/** ListDistributedGrants: the grants the caller issued (an organization grant once, not its child grants). */
export function listDistributedGrants(ctx: CallContext, input: Input): Record<string, unknown> {
  const own = Object.values(grantRecords(ctx.state)).filter((g) => issuerOf(g) === ctx.account).map((g) => issuerView(g, ctx.now.getTime()));
  return listGrants('ListDistributedGrants', input, own, { ...licenseFields(ctx), GranteePrincipalARN: (g) => g.GranteePrincipalArn });
}

/** ListReceivedGrants: grants to the caller's account, and its child grants of organization and OU grants. */
export function listReceivedGrants(ctx: CallContext, input: Input): Record<string, unknown> {
  const received = receivedGrants(ctx.state, ctx.account, ctx.now.getTime()).map((r) => r.view);
  return listGrants('ListReceivedGrants', input, received, { ...licenseFields(ctx), GranterAccountId: (g) => accountOfArn(g.GrantArn) });
}

/** One page of `views` that match the input's GrantArns and Filters, by ARN. */
export function listGrants(operation: string, input: Input, views: readonly GrantView[], fields: FilterFields<GrantView>): Record<string, unknown> {
  const matches = filterMatcher(list<Filter>(input, 'Filters'), fields);
  const arns = list(input, 'GrantArns');
  const wanted = arns && new Set(arns);
  const selected = views.filter((g) => (!wanted || wanted.has(g.GrantArn)) && matches(g));
  const page = pages.page(operation, input, selected, (g) => g.GrantArn);
  return pages.output('Grants', page, (g) => g);
}

const answer = (view: GrantView) => ({ GrantArn: view.GrantArn, Status: view.GrantStatus, Version: view.Version });

/** The grant the caller received at `arn`; its issuer, or anyone else, may not act as its grantee. */
function asGrantee(ctx: CallContext, arn: string): Received {
  const received = findReceived(ctx.state, ctx.account, arn, ctx.now.getTime());
  if (received) return received;
  const own = grantRecords(ctx.state)[arn] ?? findChild(ctx.state, arn)?.grant;
  if (own && issuerOf(own) === ctx.account) throw authorization(`Only the grantee of grant ${arn} can do this`);
  throw resourceNotFound(`Grant ${arn} not found`);
}

export function acceptGrant(ctx: CallContext, input: Input): Record<string, unknown> {
  const { grant, account, view } = asGrantee(ctx, str(input, 'GrantArn'));
  if (view.GrantStatus !== 'PENDING_ACCEPT')
    throw validation(`Grant ${view.GrantArn} is ${view.GrantStatus}; only a grant in PENDING_ACCEPT can be accepted`);
  const receipt = writableReceipt(grant, account);
  receipt.GrantStatus = 'DISABLED';
  receipt._disabledBy = 'grantee';
  return answer(receivedView(grant, account, ctx.now.getTime()));
}

const REJECTABLE = ['PENDING_ACCEPT', 'ACTIVE', 'DISABLED'];

export function rejectGrant(ctx: CallContext, input: Input): Record<string, unknown> {
  const { grant, account, view } = asGrantee(ctx, str(input, 'GrantArn'));
  if (!REJECTABLE.includes(view.GrantStatus)) throw validation(`Grant ${view.GrantArn} is ${view.GrantStatus} and cannot be rejected`);
  const receipt = writableReceipt(grant, account);
  receipt.GrantStatus = 'REJECTED';
  delete receipt._disabledBy;
  return answer(receivedView(grant, account, ctx.now.getTime()));
}

export function deleteGrant(ctx: CallContext, input: Input): Record<string, unknown> {
  const arn = str(input, 'GrantArn');
  const grant = grantRecords(ctx.state)[arn];
  if (!grant || issuerOf(grant) !== ctx.account) {
    asGrantee(ctx, arn);
    throw authorization(`Only the issuer of grant ${arn} can do this`);
  }
  if (str(input, 'Version') !== grant.Version)
    throw validation(`A grant cannot be deleted since the version provided doesn't match the latest version ${grant.Version} in our records`);
  if (grant.GrantStatus === 'DELETED') throw validation(`Grant ${grant.GrantArn} is already deleted`);
  grant.GrantStatus = 'DELETED';
  const reason = optStr(input, 'StatusReason');
  if (reason !== undefined) grant.StatusReason = reason;
  return answer(issuerView(grant, ctx.now.getTime()));
}
