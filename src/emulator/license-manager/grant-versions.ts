// CreateGrantVersion: either side of a grant makes a new version. The issuer changes the name, the operations and
// (within limits) the status of its grant; the grantee only the status of what it received — activating an
// accepted grant, or disabling an active one. grants.ts has the whole lifecycle and the choices made where AWS is
// silent; this file enforces the status rules.
import { copy, list, optStr, str, type CallContext, type Input } from '../core/service-contract.js';
import { sameOrganization } from '../organizations/organization.js';
import { accountOfPrincipal, authorization, resourceNotFound, validation, withClientToken } from './conventions.js';
import {
  findReceived, grantRecords, isOrganizationGrant, issuerOf, issuerView, nextVersion, receivedGrants, receivedView, writableReceipt,
  type GrantRecord, type GrantView, type Received,
} from './grant-records.js';
import { licenses } from './licenses.js';

const VERSIONABLE_STATUSES = ['ACTIVE', 'DISABLED'];
const OVERRIDE_BEHAVIORS = ['DISTRIBUTED_GRANTS_ONLY', 'ALL_GRANTS_PERMITTED_BY_ISSUER'];

const answer = (view: GrantView) => ({ GrantArn: view.GrantArn, Status: view.GrantStatus, Version: view.Version });

export function createGrantVersion(ctx: CallContext, input: Input): Record<string, unknown> {
  return withClientToken(ctx, 'CreateGrantVersion', input, () => {
    const arn = str(input, 'GrantArn');
    checkStatusAndOptions(input);
    const own = grantRecords(ctx.state)[arn];
    if (own && issuerOf(own) === ctx.account) return issuerVersion(ctx, own, input);
    const received = findReceived(ctx.state, ctx.account, arn, ctx.now.getTime());
    if (!received) throw resourceNotFound(`Grant ${arn} not found`);
    return granteeVersion(ctx, received, input);
  });
}

function checkStatusAndOptions(input: Input): void {
  const status = optStr(input, 'Status');
  if (status !== undefined && !VERSIONABLE_STATUSES.includes(status))
    throw validation(`A new grant version can set the status to ${VERSIONABLE_STATUSES.join(' or ')}, not ${status}`);
  const options = input['Options'] as { ActivationOverrideBehavior?: string } | undefined;
  if (options?.ActivationOverrideBehavior !== undefined && status !== 'ACTIVE')
    throw validation('Options.ActivationOverrideBehavior can be used only when the version sets Status to ACTIVE');
  if (options?.ActivationOverrideBehavior !== undefined && !OVERRIDE_BEHAVIORS.includes(options.ActivationOverrideBehavior))
    throw validation(`ActivationOverrideBehavior must be one of ${OVERRIDE_BEHAVIORS.join(', ')}`);
}

function checkSource(input: Input, view: GrantView): void {
  if (view.GrantStatus === 'DELETED') throw validation(`Grant ${view.GrantArn} is deleted`);
  const source = optStr(input, 'SourceVersion');
  if (source !== undefined && source !== view.Version)
    throw validation(`A grant version cannot be created since the source version provided doesn't match the latest version ${view.Version} in our records`);
}

/** The issuer's version: name, operations, and the status of its side of the grant. */
function issuerVersion(ctx: CallContext, grant: GrantRecord, input: Input): Record<string, unknown> {
  const nowMs = ctx.now.getTime();
  const before = issuerView(grant, nowMs);
  checkSource(input, before);
  const status = optStr(input, 'Status');
  const next = status === undefined || status === before.GrantStatus ? undefined : issuerStatus(ctx, grant, before, status);
  grant.Version = nextVersion(grant, before);
  if (input['GrantName'] !== undefined) grant.GrantName = str(input, 'GrantName');
  const operations = list(input, 'AllowedOperations');
  if (operations) grant.GrantedOperations = copy(operations);
  if (next !== undefined) {
    grant.GrantStatus = next;
    if (next === 'DISABLED') grant._disabledBy = 'issuer';
    else delete grant._disabledBy;
  }
  recordReasonAndOptions(grant, input);
  return answer(issuerView(grant, nowMs));
}

/** The status an issuer's Status makes, or its refusal. */
function issuerStatus(ctx: CallContext, grant: GrantRecord, before: GrantView, status: string): string {
  const current = before.GrantStatus;
  if (current === 'REJECTED') throw validation(`Grant ${grant.GrantArn} was rejected and cannot be activated`);
  if (current === 'PENDING_WORKFLOW') throw validation(`Grant ${grant.GrantArn} is still being distributed (PENDING_WORKFLOW)`);
  // An organization grant: the issuer disables the distribution, or enables it again.
  if (isOrganizationGrant(grant)) return status === 'DISABLED' ? 'DISABLED' : 'WORKFLOW_COMPLETED';
  if (current === 'PENDING_ACCEPT')
    throw validation(`Grant ${grant.GrantArn} is PENDING_ACCEPT; its status can change once the grantee has accepted it`);
  if (status === 'DISABLED') return 'DISABLED';
  // ACTIVE from DISABLED: the issuer's own disabling, or a grantee in its organization (AWS lets a grantor activate there).
  const grantee = accountOfPrincipal(grant.GranteePrincipalArn)!;
  if (grant._disabledBy !== 'issuer' && !sameOrganization(ctx.state, ctx.account, grantee))
    throw authorization(`Only the grantee of grant ${grant.GrantArn} can activate it: account ${grantee} accepted it and has not activated it`);
  return 'ACTIVE';
}

/** The grantee's version: only the status, of an accepted grant (its own, or its child of an organization grant). */
function granteeVersion(ctx: CallContext, received: Received, input: Input): Record<string, unknown> {
  const { grant, account, view } = received;
  if (input['GrantName'] !== undefined || input['AllowedOperations'] !== undefined)
    throw authorization(`The grantee of grant ${view.GrantArn} can change only its status`);
  checkSource(input, view);
  const status = optStr(input, 'Status');
  if (status !== undefined) checkGranteeStatus(grant, view, status);
  const receipt = writableReceipt(grant, account);
  receipt.Version = nextVersion(receipt, view);
  if (status !== undefined) {
    receipt.GrantStatus = status;
    if (status === 'DISABLED') receipt._disabledBy = 'grantee';
    else delete receipt._disabledBy;
  }
  recordReasonAndOptions(receipt, input);
  const options = input['Options'] as { ActivationOverrideBehavior?: string } | undefined;
  if (options?.ActivationOverrideBehavior === 'ALL_GRANTS_PERMITTED_BY_ISSUER') replaceOtherGrants(ctx, received);
  return answer(receivedView(grant, account, ctx.now.getTime()));
}

function checkGranteeStatus(grant: GrantRecord, view: GrantView, status: string): void {
  const current = view.GrantStatus;
  if (current === 'REJECTED') throw validation(`Grant ${view.GrantArn} was rejected and cannot be activated`);
  if (current === 'PENDING_ACCEPT' || current === 'PENDING_WORKFLOW')
    throw validation(`Grant ${view.GrantArn} is ${current}; accept it (AcceptGrant) before changing its status`);
  const disabledByIssuer = isOrganizationGrant(grant) ? grant.GrantStatus === 'DISABLED' : grant._disabledBy === 'issuer';
  if (status === 'ACTIVE' && disabledByIssuer) throw authorization(`Grant ${view.GrantArn} was disabled by its issuer; only the issuer can enable it`);
}

function recordReasonAndOptions(target: { StatusReason?: string; Options?: Record<string, unknown> }, input: Input): void {
  if (input['StatusReason'] !== undefined) target.StatusReason = str(input, 'StatusReason');
  if (input['Options'] !== undefined) target.Options = copy(input['Options'] as Record<string, unknown>);
}

/** ALL_GRANTS_PERMITTED_BY_ISSUER: the caller's other active grants of the same product are disabled (a new version each). */
function replaceOtherGrants(ctx: CallContext, activated: Received): void {
  const sku = licenses(ctx.state)[activated.grant.LicenseArn]?.ProductSKU;
  const nowMs = ctx.now.getTime();
  for (const other of receivedGrants(ctx.state, activated.account, nowMs)) {
    if (other.view.GrantArn === activated.view.GrantArn || other.view.GrantStatus !== 'ACTIVE') continue;
    if (licenses(ctx.state)[other.grant.LicenseArn]?.ProductSKU !== sku) continue;
    const receipt = writableReceipt(other.grant, other.account);
    receipt.Version = nextVersion(receipt, other.view);
    receipt.GrantStatus = 'DISABLED';
    receipt._disabledBy = 'grantee';
    receipt.StatusReason = `Replaced by grant ${activated.view.GrantArn}`;
  }
}
