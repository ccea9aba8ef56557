// Consumption of seller-issued licenses: a caller checks entitlements out of a license it owns or holds an
// ACTIVE grant of (the grant allowing the operation), gets a license consumption token, and later checks it in,
// extends it, or lets it expire. A PROVISIONAL checkout lasts an hour and is extended an hour at a time up to
// the license's ProvisionalConfiguration.MaxTimeToLiveInMinutes; a PERPETUAL one never expires; a borrow lasts
// the BorrowConfiguration's MaxTimeToLiveInMinutes. Counted entitlements (a MaxCount) refuse a checkout past it
// unless they allow overage. GetLicenseUsage sums the live checkouts per entitlement.
import { createHmac } from 'node:crypto';
import { isoSeconds } from '../../util/canonical.js';
import { copy, list, optStr, ServiceError, str, type CallContext, type EmulatorState, type Input } from '../core/service-contract.js';
import { authorization, invalidParameter, resourceNotFound, validation, withClientToken } from './conventions.js';
import { licenses, readableLicense, usableOperations, type LicenseRecord } from './licenses.js';

interface EntitlementData {
  Name: string;
  Value?: string;
  Unit: string;
}

interface CheckoutRecord {
  Token: string;
  LicenseArn: string;
  /** The account that checked out. */
  Account: string;
  Kind: 'PROVISIONAL' | 'PERPETUAL' | 'BORROW';
  Entitlements: EntitlementData[];
  Beneficiary?: string;
  NodeId?: string;
  IssuedAt: string;
  /** Absent for a perpetual checkout. */
  Expiration?: string;
}

const HOUR_MS = 3_600_000;
const noEntitlements = (message: string) => new ServiceError('NoEntitlementsAllowedException', message);
const notAllowed = (message: string) => new ServiceError('EntitlementNotAllowedException', message);

function checkouts(state: EmulatorState): Record<string, CheckoutRecord> {
  return state.licenseManager.checkouts as unknown as Record<string, CheckoutRecord>;
}

const live = (ctx: CallContext, c: CheckoutRecord) => c.Expiration === undefined || Date.parse(c.Expiration) > ctx.now.getTime();

/** How much of an entitlement a checkout takes: its Value, 1 when absent. */
const amount = (e: EntitlementData) => (e.Value === undefined ? 1 : Number(e.Value));

/** The live consumption of each entitlement of a license, by name. */
function consumed(ctx: CallContext, licenseArn: string): Map<string, number> {
  const used = new Map<string, number>();
  for (const c of Object.values(checkouts(ctx.state)))
    if (c.LicenseArn === licenseArn && live(ctx, c)) for (const e of c.Entitlements) used.set(e.Name, (used.get(e.Name) ?? 0) + amount(e));
  return used;
}

/** Checks that the license can give every requested entitlement now; all or nothing ("partial checkouts are not supported"). */
function checkEntitlements(ctx: CallContext, license: LicenseRecord, wanted: EntitlementData[], unknown: (m: string) => ServiceError): void {
  const used = consumed(ctx, license.LicenseArn);
  for (const e of wanted) {
    const entitlement = license.Entitlements.find((x) => x.Name === e.Name);
    if (!entitlement || entitlement['Unit'] !== e.Unit) throw unknown(`License ${license.LicenseArn} has no entitlement ${e.Name} in unit ${e.Unit}`);
    if (e.Value !== undefined && !(Number(e.Value) > 0)) throw invalidParameter(`Entitlement ${e.Name} value ${e.Value} must be a positive number`);
    const max = entitlement['MaxCount'] as number | undefined;
    if (max === undefined || entitlement['Overage'] === true) continue;
    const after = (used.get(e.Name) ?? 0) + amount(e);
    if (after > max) throw noEntitlements(`Entitlement ${e.Name} of license ${license.LicenseArn} is exhausted: ${used.get(e.Name) ?? 0} of ${max} in use, ${amount(e)} asked`);
  }
}

/** A license usable now (AVAILABLE, within its validity) that the caller may use for `operation`. */
function usable(ctx: CallContext, license: LicenseRecord, operation: string): boolean {
  const { Begin, End } = license.Validity;
  const now = ctx.now.getTime();
  const valid = Date.parse(Begin) <= now && (End === undefined || now < Date.parse(End));
  return license.Status === 'AVAILABLE' && valid && (usableOperations(ctx, license.LicenseArn)?.has(operation) ?? false);
}

/** A JWT-shaped signed token (JWT_PS384's header) over the checkout; the model wants at least 4096 characters. */
function signedToken(checkout: CheckoutRecord): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${part({ alg: 'PS384', typ: 'JWT' })}.${part(checkout)}`;
  let signature = '';
  while (signature.length < 4096) signature += createHmac('sha384', 'licensectl-emulator').update(body + signature).digest('base64url');
  return `${body}.${signature}`;
}

function record(ctx: CallContext, license: LicenseRecord, input: Input, kind: CheckoutRecord['Kind'], minutes: number | undefined): CheckoutRecord {
  const checkout: CheckoutRecord = {
    Token: ctx.ids.hex32(),
    LicenseArn: license.LicenseArn,
    Account: ctx.account,
    Kind: kind,
    Entitlements: copy(list<EntitlementData>(input, 'Entitlements')!),
    ...(optStr(input, 'Beneficiary') === undefined ? {} : { Beneficiary: str(input, 'Beneficiary') }),
    ...(optStr(input, 'NodeId') === undefined ? {} : { NodeId: str(input, 'NodeId') }),
    IssuedAt: isoSeconds(ctx.now),
    ...(minutes === undefined ? {} : { Expiration: isoSeconds(new Date(ctx.now.getTime() + minutes * 60_000)) }),
  };
  checkouts(ctx.state)[checkout.Token] = checkout;
  return checkout;
}

function answer(checkout: CheckoutRecord): Record<string, unknown> {
  return {
    LicenseArn: checkout.LicenseArn,
    LicenseConsumptionToken: checkout.Token,
    EntitlementsAllowed: checkout.Entitlements,
    SignedToken: signedToken(checkout),
    ...(checkout.NodeId === undefined ? {} : { NodeId: checkout.NodeId }),
    IssuedAt: checkout.IssuedAt,
    ...(checkout.Expiration === undefined ? {} : { Expiration: checkout.Expiration }),
  };
}

/** CheckoutLicense: by product SKU and issuer key fingerprint, from the first usable license that has room. */
export function checkoutLicense(ctx: CallContext, input: Input): Record<string, unknown> {
  return withClientToken(ctx, 'CheckoutLicense', input, () => {
    const sku = str(input, 'ProductSKU');
    const fingerprint = str(input, 'KeyFingerprint');
    const candidates = Object.values(licenses(ctx.state))
      .filter((l) => l.ProductSKU === sku && l.Issuer.KeyFingerprint === fingerprint && usable(ctx, l, 'CheckoutLicense'))
      .sort((a, b) => (a.LicenseArn < b.LicenseArn ? -1 : 1));
    if (candidates.length === 0) throw resourceNotFound(`No license for product SKU ${sku} and key fingerprint ${fingerprint} can be checked out`);
    const type = str(input, 'CheckoutType') as 'PROVISIONAL' | 'PERPETUAL';
    const wanted = list<EntitlementData>(input, 'Entitlements')!;
    let refusal: ServiceError | undefined;
    for (const license of candidates) {
      const provisional = license.ConsumptionConfiguration['ProvisionalConfiguration'] as { MaxTimeToLiveInMinutes: number } | undefined;
      if (type === 'PROVISIONAL' && !provisional) {
        refusal = validation(`License ${license.LicenseArn} has no provisional configuration`);
        continue;
      }
      try {
        checkEntitlements(ctx, license, wanted, noEntitlements);
      } catch (error) {
        refusal = error as ServiceError;
        continue;
      }
      const minutes = provisional && type === 'PROVISIONAL' ? Math.min(60, provisional.MaxTimeToLiveInMinutes) : undefined;
      return { CheckoutType: type, ...answer(record(ctx, license, input, type, minutes)) };
    }
    throw refusal!;
  });
}

/** CheckoutBorrowLicense: from a license with a borrow configuration, every entitlement or none. */
export function checkoutBorrowLicense(ctx: CallContext, input: Input): Record<string, unknown> {
  return withClientToken(ctx, 'CheckoutBorrowLicense', input, () => {
    const license = readableLicense(ctx, str(input, 'LicenseArn'));
    if (!usable(ctx, license, 'CheckoutBorrowLicense')) throw authorization(`License ${license.LicenseArn} cannot be borrowed by account ${ctx.account} now`);
    const borrow = license.ConsumptionConfiguration['BorrowConfiguration'] as { MaxTimeToLiveInMinutes: number } | undefined;
    if (!borrow) throw validation(`License ${license.LicenseArn} does not allow borrowing: it has no borrow configuration`);
    checkEntitlements(ctx, license, list<EntitlementData>(input, 'Entitlements')!, notAllowed);
    const checkout = record(ctx, license, input, 'BORROW', borrow.MaxTimeToLiveInMinutes);
    const metadata = list(input, 'CheckoutMetadata');
    return { ...answer(checkout), ...(metadata ? { CheckoutMetadata: copy(metadata) } : {}) };
  });
}

/** The caller's live checkout a token names, usable for `operation` under its license's grant. */
function ownCheckout(ctx: CallContext, input: Input, operation: string): CheckoutRecord {
  const token = str(input, 'LicenseConsumptionToken');
  const checkout = checkouts(ctx.state)[token];
  if (!checkout || checkout.Account !== ctx.account || !live(ctx, checkout)) throw resourceNotFound(`License consumption token ${token} not found`);
  if (!usableOperations(ctx, checkout.LicenseArn)?.has(operation)) throw authorization(`Account ${ctx.account} is not allowed ${operation} on license ${checkout.LicenseArn}`);
  return checkout;
}

/** CheckInLicense: gives the entitlements back, if the license lets them be checked in early. */
export function checkInLicense(ctx: CallContext, input: Input): Record<string, unknown> {
  const checkout = ownCheckout(ctx, input, 'CheckInLicense');
  const license = licenses(ctx.state)[checkout.LicenseArn]!;
  const early = checkout.Kind === 'BORROW' ? (license.ConsumptionConfiguration['BorrowConfiguration'] as { AllowEarlyCheckIn: boolean }).AllowEarlyCheckIn : true;
  const fixed = checkout.Entitlements.find((e) => license.Entitlements.find((x) => x.Name === e.Name)?.['AllowCheckIn'] !== true);
  if (!early || fixed) throw conflictCheckIn(checkout, fixed?.Name);
  delete checkouts(ctx.state)[checkout.Token];
  return {};
}

const conflictCheckIn = (checkout: CheckoutRecord, entitlement: string | undefined) =>
  new ServiceError(
    'ConflictException',
    entitlement === undefined
      ? `License ${checkout.LicenseArn} does not allow early check-in of a borrowed license`
      : `Entitlement ${entitlement} of license ${checkout.LicenseArn} does not allow check-in`,
    409,
  );

/** ExtendLicenseConsumption: one more hour, up to the license's maximum time to live from the checkout. */
export function extendLicenseConsumption(ctx: CallContext, input: Input): Record<string, unknown> {
  const checkout = ownCheckout(ctx, input, 'ExtendConsumptionLicense');
  const configuration = licenses(ctx.state)[checkout.LicenseArn]!.ConsumptionConfiguration;
  const limit = (checkout.Kind === 'BORROW' ? configuration['BorrowConfiguration'] : configuration['ProvisionalConfiguration']) as { MaxTimeToLiveInMinutes: number } | undefined;
  if (checkout.Expiration === undefined || !limit) throw validation(`License consumption token ${checkout.Token} does not expire and cannot be extended`);
  const latest = Date.parse(checkout.IssuedAt) + limit.MaxTimeToLiveInMinutes * 60_000;
  const expiration = Math.min(Date.parse(checkout.Expiration) + HOUR_MS, latest);
  if (expiration <= Date.parse(checkout.Expiration))
    throw validation(`License consumption token ${checkout.Token} already lasts the license's maximum of ${limit.MaxTimeToLiveInMinutes} minutes`);
  const Expiration = isoSeconds(new Date(expiration));
  if (input['DryRun'] !== true) checkout.Expiration = Expiration;
  return { LicenseConsumptionToken: checkout.Token, Expiration };
}

/** GetLicenseUsage: per entitlement, what live checkouts consume of it (all consumers'). */
export function getLicenseUsage(ctx: CallContext, input: Input): Record<string, unknown> {
  const arn = str(input, 'LicenseArn');
  if (!usableOperations(ctx, arn)) throw invalidParameter(`License ${arn} not found`);
  const license = licenses(ctx.state)[arn]!;
  const used = consumed(ctx, arn);
  const EntitlementUsages = license.Entitlements.map((e) => ({
    Name: e.Name,
    ConsumedValue: String(used.get(e.Name) ?? 0),
    ...(e['MaxCount'] === undefined ? {} : { MaxCount: String(e['MaxCount'] as number) }),
    Unit: e['Unit'] as string,
  }));
  return { LicenseUsage: { EntitlementUsages } };
}
