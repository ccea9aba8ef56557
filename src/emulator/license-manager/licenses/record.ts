// A seller-issued license as stored: the members of License Manager's `License` shape for the latest
// version, plus the earlier versions.
import type { CallContext, EmulatorState } from '../../core/types.js';
import { ownedBy } from '../arns.js';
import { resourceNotFound, validation } from '../errors.js';
import { copy, list, str, type Input } from '../input.js';
import type { Versioned } from '../versions.js';

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
export type LicenseContent = Pick<
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
export function licenseContent(ctx: CallContext, input: Input): LicenseContent {
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
  checkContent(content);
  return content;
}

function checkContent(content: LicenseContent): void {
  const { Begin, End } = content.Validity;
  if (Number.isNaN(Date.parse(Begin))) throw validation(`Validity Begin ${Begin} is not a date`);
  if (End !== undefined && !(Date.parse(End) > Date.parse(Begin))) throw validation(`Validity End ${End} must be after Begin ${Begin}`);
  const names = content.Entitlements.map((e) => e.Name);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated !== undefined) throw validation(`Entitlement ${repeated} is given more than once`);
  const { ProvisionalConfiguration, BorrowConfiguration } = content.ConsumptionConfiguration;
  if (ProvisionalConfiguration && BorrowConfiguration)
    throw validation('ConsumptionConfiguration takes either a ProvisionalConfiguration or a BorrowConfiguration, not both');
}
