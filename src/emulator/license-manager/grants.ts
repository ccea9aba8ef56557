// Grants: a license owner (the issuer, the account in the grant ARN) grants one principal (an account root,
// an organization or an OU; the grantee is the account of that principal) operations on one of its licenses.
// How a grant moves (aws-api.md §2.2): a new grant waits for the grantee (PENDING_ACCEPT), who accepts it
// (→ ACTIVE) or rejects it; either side makes new versions (the issuer changes name, operations and status,
// the grantee only the status); the issuer deletes the latest version. Deleted and rejected grants stay
// readable and listed with their status.
import { accountOfArn, grantArn } from '../../model/arn.js';
import { copy, list, optStr, str, type CallContext, type EmulatorState, type Input } from '../core/service-contract.js';
import {
  accountOfPrincipal,
  authorization,
  filterMatcher,
  invalidParameter,
  pages,
  resourceNotFound,
  validation,
  withClientToken,
  type Filter,
  type FilterFields,
  type Tag,
} from './conventions.js';
import { latestView, licenses, ownLicense, startNextVersion, viewOfVersion, type Versioned } from './licenses.js';
import { applyTags } from './tags.js';

export interface GrantRecord extends Versioned {
  GrantArn: string;
  GrantName: string;
  ParentArn: string;
  LicenseArn: string;
  GranteePrincipalArn: string;
  HomeRegion: string;
  GrantStatus: string;
  StatusReason?: string;
  GrantedOperations: string[];
  Options?: Record<string, unknown>;
}

function grants(state: EmulatorState): Record<string, GrantRecord> {
  return state.licenseManager.grants as unknown as Record<string, GrantRecord>;
}

const isIssuer = (ctx: CallContext, grant: GrantRecord) => accountOfArn(grant.GrantArn) === ctx.account;
const isGrantee = (ctx: CallContext, grant: GrantRecord) => accountOfPrincipal(grant.GranteePrincipalArn) === ctx.account;

/** A grant the caller issued or received; any other ARN is not found. */
function visibleGrant(ctx: CallContext, arn: string): GrantRecord {
  const record = grants(ctx.state)[arn];
  if (!record || !(isIssuer(ctx, record) || isGrantee(ctx, record))) throw resourceNotFound(`Grant ${arn} not found`);
  return record;
}

function issuedGrant(ctx: CallContext, arn: string): GrantRecord {
  const record = visibleGrant(ctx, arn);
  if (!isIssuer(ctx, record)) throw authorization(`Only the issuer of grant ${arn} can do this`);
  return record;
}

function receivedGrant(ctx: CallContext, arn: string): GrantRecord {
  const record = visibleGrant(ctx, arn);
  if (!isGrantee(ctx, record)) throw authorization(`Only the grantee of grant ${arn} can do this`);
  return record;
}

const PRINCIPAL = /^arn:aws:(iam::\d{12}:root|organizations::\d{12}:(organization\/o-[a-z0-9]+|ou\/o-[a-z0-9]+\/ou-[a-z0-9-]+))$/;

export function createGrant(ctx: CallContext, input: Input): Record<string, unknown> {
  return withClientToken(ctx, 'CreateGrant', input, () => {
    const license = ownLicense(ctx, str(input, 'LicenseArn'));
    if (license.Status === 'DELETED') throw validation(`License ${license.LicenseArn} is deleted`);
    const principal = list(input, 'Principals')![0]!;
    if (!PRINCIPAL.test(principal))
      throw invalidParameter(`Invalid principal ${principal}: expected arn:aws:iam::<account>:root or an organization or OU ARN`);
    const record: GrantRecord = {
      GrantArn: grantArn(ctx.account, `g-${ctx.ids.hex32()}`),
      GrantName: str(input, 'GrantName'),
      ParentArn: license.LicenseArn,
      LicenseArn: license.LicenseArn,
      GranteePrincipalArn: principal,
      HomeRegion: str(input, 'HomeRegion'),
      GrantStatus: 'PENDING_ACCEPT',
      GrantedOperations: copy(list(input, 'AllowedOperations')!),
      Version: '1',
      _previousVersions: {},
    };
    applyTags(ctx.state, record.GrantArn, list<Tag>(input, 'Tags') ?? []);
    grants(ctx.state)[record.GrantArn] = record;
    return { GrantArn: record.GrantArn, Status: record.GrantStatus, Version: record.Version };
  });
}

function licenseFields(state: EmulatorState): FilterFields<GrantRecord> {
  return {
    LicenseArn: (g) => g.LicenseArn,
    GrantStatus: (g) => g.GrantStatus,
    ProductSKU: (g) => licenses(state)[g.LicenseArn]?.ProductSKU,
    LicenseIssuerName: (g) => licenses(state)[g.LicenseArn]?.Issuer.Name,
  };
}

export function getGrant(ctx: CallContext, input: Input): Record<string, unknown> {
  const arn = str(input, 'GrantArn');
  const version = optStr(input, 'Version');
  const view = viewOfVersion(visibleGrant(ctx, arn), version);
  if (!view) throw resourceNotFound(`Grant ${arn} has no version ${version}`);
  return { Grant: view };
}

export function listDistributedGrants(ctx: CallContext, input: Input): Record<string, unknown> {
  const fields = { ...licenseFields(ctx.state), GranteePrincipalARN: (g: GrantRecord) => g.GranteePrincipalArn };
  return listGrants(ctx, 'ListDistributedGrants', input, (g) => isIssuer(ctx, g), fields);
}

export function listReceivedGrants(ctx: CallContext, input: Input): Record<string, unknown> {
  const fields = { ...licenseFields(ctx.state), GranterAccountId: (g: GrantRecord) => accountOfArn(g.GrantArn) };
  return listGrants(ctx, 'ListReceivedGrants', input, (g) => isGrantee(ctx, g), fields);
}

function listGrants(ctx: CallContext, operation: string, input: Input, side: (g: GrantRecord) => boolean, fields: FilterFields<GrantRecord>): Record<string, unknown> {
  const matches = filterMatcher(list<Filter>(input, 'Filters'), fields);
  const arns = list(input, 'GrantArns');
  const wanted = arns && new Set(arns);
  const selected = Object.values(grants(ctx.state)).filter((g) => side(g) && (!wanted || wanted.has(g.GrantArn)) && matches(g));
  const page = pages.page(operation, input, selected, (g) => g.GrantArn);
  return pages.output('Grants', page, latestView);
}

const REJECTABLE = ['PENDING_ACCEPT', 'ACTIVE', 'DISABLED'];
const VERSIONABLE_STATUSES = ['ACTIVE', 'DISABLED'];

const answer = (grant: GrantRecord) => ({ GrantArn: grant.GrantArn, Status: grant.GrantStatus, Version: grant.Version });

export function acceptGrant(ctx: CallContext, input: Input): Record<string, unknown> {
  const grant = receivedGrant(ctx, str(input, 'GrantArn'));
  if (grant.GrantStatus !== 'PENDING_ACCEPT')
    throw validation(`Grant ${grant.GrantArn} is ${grant.GrantStatus}; only a grant in PENDING_ACCEPT can be accepted`);
  grant.GrantStatus = 'ACTIVE';
  return answer(grant);
}

export function rejectGrant(ctx: CallContext, input: Input): Record<string, unknown> {
  const grant = receivedGrant(ctx, str(input, 'GrantArn'));
  if (!REJECTABLE.includes(grant.GrantStatus)) throw validation(`Grant ${grant.GrantArn} is ${grant.GrantStatus} and cannot be rejected`);
  grant.GrantStatus = 'REJECTED';
  return answer(grant);
}

export function createGrantVersion(ctx: CallContext, input: Input): Record<string, unknown> {
  return withClientToken(ctx, 'CreateGrantVersion', input, () => {
    const grant = visibleGrant(ctx, str(input, 'GrantArn'));
    checkVersionable(ctx, grant, input);
    const version = startNextVersion(grant);
    const operations = list(input, 'AllowedOperations');
    const changes: Partial<GrantRecord> = {
      Version: version,
      ...(input['GrantName'] !== undefined ? { GrantName: str(input, 'GrantName') } : {}),
      ...(operations ? { GrantedOperations: copy(operations) } : {}),
      ...(input['Status'] !== undefined ? { GrantStatus: str(input, 'Status') } : {}),
      ...(input['StatusReason'] !== undefined ? { StatusReason: str(input, 'StatusReason') } : {}),
      ...(input['Options'] !== undefined ? { Options: copy(input['Options'] as Record<string, unknown>) } : {}),
    };
    Object.assign(grant, changes);
    return answer(grant);
  });
}

function checkVersionable(ctx: CallContext, grant: GrantRecord, input: Input): void {
  if (grant.GrantStatus === 'DELETED') throw validation(`Grant ${grant.GrantArn} is deleted`);
  const source = optStr(input, 'SourceVersion');
  if (source !== undefined && source !== grant.Version)
    throw validation(`A grant version cannot be created since the source version provided doesn't match the latest version ${grant.Version} in our records`);
  if (!isIssuer(ctx, grant) && (input['GrantName'] !== undefined || input['AllowedOperations'] !== undefined))
    throw authorization(`The grantee of grant ${grant.GrantArn} can change only its status`);
  const status = optStr(input, 'Status');
  if (status === undefined) return;
  if (!VERSIONABLE_STATUSES.includes(status)) throw validation(`A new grant version can set the status to ${VERSIONABLE_STATUSES.join(' or ')}, not ${status}`);
  if (grant.GrantStatus === 'REJECTED') throw validation(`Grant ${grant.GrantArn} was rejected and cannot be activated`);
}

export function deleteGrant(ctx: CallContext, input: Input): Record<string, unknown> {
  const grant = issuedGrant(ctx, str(input, 'GrantArn'));
  if (str(input, 'Version') !== grant.Version)
    throw validation(`A grant cannot be deleted since the version provided doesn't match the latest version ${grant.Version} in our records`);
  if (grant.GrantStatus === 'DELETED') throw validation(`Grant ${grant.GrantArn} is already deleted`);
  grant.GrantStatus = 'DELETED';
  const reason = optStr(input, 'StatusReason');
  if (reason !== undefined) grant.StatusReason = reason;
  return answer(grant);
}
