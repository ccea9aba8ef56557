// Mapping between AWS's License shape and our canonical spec.
import type { ConsumptionConfiguration as AwsConsumption, Entitlement as AwsEntitlement, License } from '@aws-sdk/client-license-manager';
import type { ConsumptionConfiguration, Entitlement, LicenseSpec } from '../../model/index.js';

export function licenseSpecFromAws(item: License, account: string): LicenseSpec {
  return {
    displayName: item.LicenseName ?? '',
    productName: item.ProductName ?? '',
    productSku: item.ProductSKU ?? '',
    issuer: { name: item.Issuer?.Name ?? '', signKey: item.Issuer?.SignKey ?? null },
    homeRegion: item.HomeRegion ?? '',
    validity: { begin: item.Validity?.Begin ?? '', end: item.Validity?.End ?? null },
    // AWS requires a beneficiary; when the document names none we write the account itself (see licenseToAws).
    beneficiary: item.Beneficiary === undefined || item.Beneficiary === account ? null : item.Beneficiary,
    entitlements: (item.Entitlements ?? []).map(entitlementFromAws).sort((a, b) => (a.name < b.name ? -1 : 1)),
    consumptionConfiguration: consumptionFromAws(item.ConsumptionConfiguration),
    licenseMetadata: (item.LicenseMetadata ?? []).map((m) => ({ name: m.Name ?? '', value: m.Value ?? '' })).sort((a, b) => (a.name < b.name ? -1 : 1)),
    status: (item.Status ?? 'AVAILABLE') as LicenseSpec['status'],
  };
}

function entitlementFromAws(e: AwsEntitlement): Entitlement {
  return { name: e.Name ?? '', unit: e.Unit ?? 'None', maxCount: e.MaxCount ?? null, value: e.Value ?? null, overage: e.Overage ?? false, allowCheckIn: e.AllowCheckIn ?? false };
}

function consumptionFromAws(c: AwsConsumption | undefined): ConsumptionConfiguration {
  const p = c?.ProvisionalConfiguration;
  const b = c?.BorrowConfiguration;
  return {
    renewType: (c?.RenewType ?? 'None') as ConsumptionConfiguration['renewType'],
    provisionalConfiguration: p ? { maxTimeToLiveInMinutes: p.MaxTimeToLiveInMinutes ?? 0 } : null,
    borrowConfiguration: b ? { allowEarlyCheckIn: b.AllowEarlyCheckIn ?? false, maxTimeToLiveInMinutes: b.MaxTimeToLiveInMinutes ?? 0 } : null,
  };
}

/** The members CreateLicense and CreateLicenseVersion share. */
export function licenseToAws(spec: LicenseSpec, account: string) {
  const c = spec.consumptionConfiguration;
  return {
    LicenseName: spec.displayName,
    ProductName: spec.productName,
    Issuer: { Name: spec.issuer.name, ...(spec.issuer.signKey ? { SignKey: spec.issuer.signKey } : {}) },
    HomeRegion: spec.homeRegion,
    Validity: { Begin: spec.validity.begin, ...(spec.validity.end ? { End: spec.validity.end } : {}) },
    Entitlements: spec.entitlements.map((e) => ({
      Name: e.name, Unit: e.unit as AwsEntitlement['Unit'], Overage: e.overage, AllowCheckIn: e.allowCheckIn,
      ...(e.maxCount === null ? {} : { MaxCount: e.maxCount }), ...(e.value === null ? {} : { Value: e.value }),
    })),
    ConsumptionConfiguration: {
      RenewType: c.renewType,
      ...(c.provisionalConfiguration ? { ProvisionalConfiguration: { MaxTimeToLiveInMinutes: c.provisionalConfiguration.maxTimeToLiveInMinutes } } : {}),
      ...(c.borrowConfiguration ? { BorrowConfiguration: { AllowEarlyCheckIn: c.borrowConfiguration.allowEarlyCheckIn, MaxTimeToLiveInMinutes: c.borrowConfiguration.maxTimeToLiveInMinutes } } : {}),
    },
    LicenseMetadata: spec.licenseMetadata.map((m) => ({ Name: m.name, Value: m.value })),
    Beneficiary: spec.beneficiary ?? account,
  };
}
