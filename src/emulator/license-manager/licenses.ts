// Seller-issued licenses and the versions licenses and grants share. A license is stored as the members of
// License Manager's `License` shape for its latest version, plus the earlier versions. Changes act only on
// the latest version; a deleted license stays readable with status DELETED.
import { accountOfArn, licenseArn } from '../../model/arn.js';
import { isoSeconds } from '../../util/canonical.js';
import { type CallContext, copy, type EmulatorState, type Input, list, optStr, str } from '../core/service-contract.js';
import { conflict, type Filter, type FilterFields, filterMatcher, ownedBy, pages, resourceNotFound, type Tag, validation, withClientToken } from './conventions.js';
import { receivedMetadata, receivedOfLicense } from './grant-records.js';
import { applyTags } from './tags.js';

/** Each change to a license or grant makes a new immutable version numbered "1", "2", … */
export interface Versioned {
  Version: string;
  _previousVersions: Record<string, Record<string, unknown>>;
}

/** The record's members without bookkeeping: what the API returns for the latest version. */
export function latestView<T extends Versioned>(record: T): Omit<T, '_previousVersions'> {
  const { _previousVersions: _ignored, ...view } = record;
  return view;
}

/** The view of `version`, or undefined if the record never had it. */
export function viewOfVersion<T extends Versioned>(record: T, version: string | undefined): Record<string, unknown> | undefined {
  if (version === undefined || version === record.Version) return latestView(record);
  return record._previousVersions[version];
}

/** Archives the latest version and returns the next version number; the caller then writes the new members. */
export function startNextVersion(record: Versioned): string {
  record._previousVersions[record.Version] = copy(latestView(record)) as Record<string, unknown>;
  return String(Number(record.Version) + 1);
}

export interface LicenseRecord extends Versioned {
  LicenseArn: string;
  LicenseName: string;
  ProductName: string;
  ProductSKU: string;
  Issuer: { Name: string; SignKey?: string; KeyFingerprint: string };
  HomeRegion: string;
  Status: string;
  Validity: { Begin: string; End?: string };
  Beneficiary: string;
  Entitlements: Array<Record<string, unknown> & { Name: string }>;
  ConsumptionConfiguration: Record<string, unknown>;
  LicenseMetadata: Array<{ Name?: string; Value?: string }>;
  CreateTime: string;
}

/** The members CreateLicense and CreateLicenseVersion both specify in full. */
type LicenseContent = Pick<
  LicenseRecord,
  'LicenseName' | 'ProductName' | 'Issuer' | 'HomeRegion' | 'Validity' | 'Entitlements' | 'ConsumptionConfiguration' | 'LicenseMetadata'
>;

export function licenses(state: EmulatorState): Record<string, LicenseRecord> {
  return state.licenseManager.licenses as unknown as Record<string, LicenseRecord>;
}

export function ownLicense(ctx: CallContext, arn: string): LicenseRecord {
  const record = licenses(ctx.state)[arn];
  if (!record || !ownedBy(ctx, arn)) throw resourceNotFound(`License ${arn} not found`);
  return record;
}

/** Reads and checks the shared members of a license request. */
function licenseContent(ctx: CallContext, input: Input): LicenseContent {
  const issuer = input['Issuer'] as { Name: string; SignKey?: string };
  const content: LicenseContent = {
    LicenseName: str(input, 'LicenseName'),
    ProductName: str(input, 'ProductName'),
    Issuer: { ...copy(issuer), KeyFingerprint: `aws:${ctx.account}:${issuer.SignKey ?? issuer.Name}:issuer-fingerprint` },
    HomeRegion: str(input, 'HomeRegion'),
    Validity: copy(input['Validity'] as LicenseRecord['Validity']),
    Entitlements: copy(list<LicenseRecord['Entitlements'][number]>(input, 'Entitlements')) ?? [],
    ConsumptionConfiguration: copy(input['ConsumptionConfiguration'] as Record<string, unknown>),
    LicenseMetadata: copy(list<{ Name?: string; Value?: string }>(input, 'LicenseMetadata')) ?? [],
  };
  const { Begin, End } = content.Validity;
  if (Number.isNaN(Date.parse(Begin))) throw validation(`Validity Begin ${Begin} is not a date`);
  if (End !== undefined && !(Date.parse(End) > Date.parse(Begin))) throw validation(`Validity End ${End} must be after Begin ${Begin}`);
  const names = content.Entitlements.map((e) => e.Name);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated !== undefined) throw validation(`Entitlement ${repeated} is given more than once`);
  const { ProvisionalConfiguration, BorrowConfiguration } = content.ConsumptionConfiguration;
  if (ProvisionalConfiguration && BorrowConfiguration)
    throw validation('ConsumptionConfiguration takes either a ProvisionalConfiguration or a BorrowConfiguration, not both');
  return content;
}

/** CreateLicense: a new license is AVAILABLE at version "1". */
export function createLicense(ctx: CallContext, input: Input): Record<string, unknown> {
  return withClientToken(ctx, 'CreateLicense', input, () => {
    const arn = licenseArn(ctx.account, `l-${ctx.ids.hex32()}`);
    const record: LicenseRecord = {
      LicenseArn: arn,
      ...licenseContent(ctx, input),
      ProductSKU: str(input, 'ProductSKU'),
      Beneficiary: str(input, 'Beneficiary'),
      Status: 'AVAILABLE',
      CreateTime: isoSeconds(ctx.now),
      Version: '1',
      _previousVersions: {},
    };
    applyTags(ctx.state, arn, list<Tag>(input, 'Tags') ?? []);
    licenses(ctx.state)[arn] = record;
    return { LicenseArn: arn, Status: record.Status, Version: record.Version };
  });
}

/**
 * The operations a caller may use a license for: every one for its owner, those of the grants of it the caller
 * received and holds ACTIVE (its own, or its child grant of an organization or OU grant), none (undefined) for
 * anyone else.
 */
export function usableOperations(ctx: CallContext, arn: string): Set<string> | undefined {
  if (!licenses(ctx.state)[arn]) return undefined;
  if (ownedBy(ctx, arn)) return new Set(ALL_OPERATIONS);
  const active = receivedOfLicense(ctx.state, ctx.account, arn, ctx.now.getTime()).filter((r) => r.view.GrantStatus === 'ACTIVE');
  if (active.length === 0) return undefined;
  return new Set(active.flatMap((r) => r.view.GrantedOperations));
}

const ALL_OPERATIONS = ['CreateGrant', 'CheckoutLicense', 'CheckoutBorrowLicense', 'CheckInLicense', 'ExtendConsumptionLicense', 'ListPurchasedLicenses', 'CreateToken'];

/**
 * A license its owner, or an account that received a grant of it (pending, accepted, active or rejected; not
 * deleted), may read; any other ARN is not found. Using it takes an ACTIVE grant (usableOperations).
 */
export function readableLicense(ctx: CallContext, arn: string): LicenseRecord {
  const license = licenses(ctx.state)[arn];
  if (!license || !(ownedBy(ctx, arn) || receivedOfLicense(ctx.state, ctx.account, arn, ctx.now.getTime()).length > 0))
    throw resourceNotFound(`License ${arn} not found`);
  return license;
}

export function getLicense(ctx: CallContext, input: Input): Record<string, unknown> {
  const arn = str(input, 'LicenseArn');
  const version = optStr(input, 'Version');
  const view = viewOfVersion(readableLicense(ctx, arn), version);
  if (!view) throw resourceNotFound(`License ${arn} has no version ${version}`);
  return { License: view };
}

const FILTERS: FilterFields<LicenseRecord> = {
  Beneficiary: (l) => l.Beneficiary,
  ProductSKU: (l) => l.ProductSKU,
  Fingerprint: (l) => l.Issuer.KeyFingerprint,
  Status: (l) => l.Status,
};

/** ListLicenses: the caller's licenses, deleted ones included with their status. */
export function listLicenses(ctx: CallContext, input: Input): Record<string, unknown> {
  const matches = filterMatcher(list<Filter>(input, 'Filters'), FILTERS);
  const arns = list(input, 'LicenseArns');
  const wanted = arns && new Set(arns);
  const own = Object.values(licenses(ctx.state)).filter((l) => ownedBy(ctx, l.LicenseArn) && (!wanted || wanted.has(l.LicenseArn)) && matches(l));
  const page = pages.page('ListLicenses', input, own, (l) => l.LicenseArn);
  return pages.output('Licenses', page, latestView);
}

const RECEIVED_FILTERS: FilterFields<LicenseRecord> = {
  ProductSKU: (l) => l.ProductSKU,
  Status: (l) => l.Status,
  Fingerprint: (l) => l.Issuer.KeyFingerprint,
  IssuerName: (l) => l.Issuer.Name,
  Beneficiary: (l) => l.Beneficiary,
};

/** ListReceivedLicenses: the licenses of others the caller received a grant of, with its status and what it allows. */
export function listReceivedLicenses(ctx: CallContext, input: Input): Record<string, unknown> {
  return receivedLicensesPage(ctx, 'ListReceivedLicenses', input, RECEIVED_FILTERS, [ctx.account]);
}

/**
 * One page of the licenses `accounts` received (and do not own), each with the ReceivedMetadata of all their grants
 * of it: ListReceivedLicenses (the caller) and ListReceivedLicensesForOrganization (every member).
 */
export function receivedLicensesPage(
  ctx: CallContext, operation: string, input: Input, fields: FilterFields<LicenseRecord>, accounts: readonly string[],
): Record<string, unknown> {
  const matches = filterMatcher(list<Filter>(input, 'Filters'), fields);
  const arns = list(input, 'LicenseArns');
  const wanted = arns && new Set(arns);
  const nowMs = ctx.now.getTime();
  const grantsOf = (l: LicenseRecord) =>
    accounts.filter((a) => a !== accountOfArn(l.LicenseArn)).flatMap((a) => receivedOfLicense(ctx.state, a, l.LicenseArn, nowMs));
  const received = Object.values(licenses(ctx.state)).filter((l) => (!wanted || wanted.has(l.LicenseArn)) && matches(l) && grantsOf(l).length > 0);
  const page = pages.page(operation, input, received, (l) => l.LicenseArn);
  return pages.output('Licenses', page, (l) => ({ ...latestView(l), ReceivedMetadata: receivedMetadata(grantsOf(l)) }));
}

/** CreateLicenseVersion: the whole license re-specified as a new version. */
export function createLicenseVersion(ctx: CallContext, input: Input): Record<string, unknown> {
  return withClientToken(ctx, 'CreateLicenseVersion', input, () => {
    const record = latestLive(ctx, str(input, 'LicenseArn'), optStr(input, 'SourceVersion'));
    const content = licenseContent(ctx, input);
    const version = startNextVersion(record);
    Object.assign(record, content, { Status: str(input, 'Status'), Version: version, CreateTime: isoSeconds(ctx.now) });
    return { LicenseArn: record.LicenseArn, Version: record.Version, Status: record.Status };
  });
}

export function deleteLicense(ctx: CallContext, input: Input): Record<string, unknown> {
  const record = latestLive(ctx, str(input, 'LicenseArn'), str(input, 'SourceVersion'));
  record.Status = 'DELETED';
  return { Status: 'DELETED', DeletionDate: isoSeconds(ctx.now) };
}

/** The license a change acts on: not deleted, and a stale SourceVersion is a ConflictException. */
function latestLive(ctx: CallContext, arn: string, sourceVersion: string | undefined): LicenseRecord {
  const record = ownLicense(ctx, arn);
  if (record.Status === 'DELETED') throw validation(`License ${arn} is deleted`);
  if (sourceVersion !== undefined && sourceVersion !== record.Version)
    throw conflict(`The source version ${sourceVersion} does not match the latest version ${record.Version} of license ${arn}`);
  return record;
}
