// A License document into its canonical spec: every optional field defaulted, lists sorted by name.
import type { ConsumptionConfiguration, Entitlement, LicenseSpec } from '../model/index.js';
import { canonicalDateTime } from './dates.js';
import type { RawEntitlement, RawLicenseSpec } from './raw.js';

export function licenseSpec(name: string, spec: RawLicenseSpec): LicenseSpec {
  return {
    displayName: spec.displayName ?? name,
    productName: spec.productName,
    productSku: spec.productSku,
    issuer: { name: spec.issuer.name, signKey: spec.issuer.signKey ?? null },
    homeRegion: spec.homeRegion,
    validity: {
      begin: canonicalDateTime(spec.validity.begin),
      end: spec.validity.end === undefined ? null : canonicalDateTime(spec.validity.end),
    },
    beneficiary: spec.beneficiary ?? null,
    entitlements: spec.entitlements.map(entitlement).sort(byName),
    consumptionConfiguration: consumption(spec.consumptionConfiguration),
    licenseMetadata: (spec.licenseMetadata ?? []).map(({ name: n, value }) => ({ name: n, value })).sort(byName),
    status: spec.status ?? 'AVAILABLE',
  };
}

function entitlement(raw: RawEntitlement): Entitlement {
  return {
    name: raw.name,
    unit: raw.unit,
    maxCount: raw.maxCount ?? null,
    value: raw.value ?? null,
    overage: raw.overage ?? false,
    allowCheckIn: raw.allowCheckIn ?? false,
  };
}

function consumption(raw: RawLicenseSpec['consumptionConfiguration']): ConsumptionConfiguration {
  const provisional = raw?.provisionalConfiguration;
  const borrow = raw?.borrowConfiguration;
  return {
    renewType: raw?.renewType ?? 'None',
    provisionalConfiguration: provisional ? { maxTimeToLiveInMinutes: provisional.maxTimeToLiveInMinutes } : null,
    borrowConfiguration: borrow
      ? { allowEarlyCheckIn: borrow.allowEarlyCheckIn, maxTimeToLiveInMinutes: borrow.maxTimeToLiveInMinutes }
      : null,
  };
}

function byName(a: { readonly name: string }, b: { readonly name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
