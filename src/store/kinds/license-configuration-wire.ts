// Mapping between AWS's LicenseConfiguration shape and our canonical spec, in both directions.
import { isoSeconds } from '../../util/time.js';
import type { LicenseConfiguration, ProductInformation as AwsProductInformation } from '@aws-sdk/client-license-manager';
import { decodeRules, encodeRules, type ConfigurationStatus, type CountingType, type LicenseConfigurationSpec, type ProductInformation } from '../../model/index.js';

export function specFromAws(item: LicenseConfiguration): LicenseConfigurationSpec {
  return {
    displayName: item.Name ?? '',
    description: item.Description ?? '',
    countingType: item.LicenseCountingType as CountingType,
    licenseCount: item.LicenseCount ?? null,
    hardLimit: item.LicenseCountHardLimit ?? false,
    rules: decodeRules(item.LicenseRules ?? []).rules,
    productInformation: (item.ProductInformationList ?? []).map(productFromAws),
    disassociateWhenNotFound: item.DisassociateWhenNotFound ?? false,
    expiry: item.LicenseExpiry === undefined ? null : epochToIso(item.LicenseExpiry),
    status: (item.Status ?? 'AVAILABLE') as ConfigurationStatus,
  };
}

function productFromAws(p: AwsProductInformation): ProductInformation {
  return {
    resourceType: p.ResourceType ?? '',
    filters: (p.ProductInformationFilterList ?? []).map((f) => ({
      name: f.ProductInformationFilterName ?? '',
      comparator: f.ProductInformationFilterComparator ?? '',
      values: f.ProductInformationFilterValue ?? [],
    })),
  };
}

export function productToAws(list: readonly ProductInformation[]): AwsProductInformation[] {
  return list.map((p) => ({
    ResourceType: p.resourceType,
    ProductInformationFilterList: p.filters.map((f) => ({
      ProductInformationFilterName: f.name,
      ProductInformationFilterComparator: f.comparator,
      ...(f.values.length ? { ProductInformationFilterValue: [...f.values] } : {}),
    })),
  }));
}

/** The members Create and Update share. */
export function mutableMembers(spec: LicenseConfigurationSpec) {
  return {
    Name: spec.displayName,
    Description: spec.description,
    ...(spec.licenseCount === null ? {} : { LicenseCount: spec.licenseCount }),
    LicenseCountHardLimit: spec.hardLimit,
    ProductInformationList: productToAws(spec.productInformation),
    DisassociateWhenNotFound: spec.disassociateWhenNotFound,
    ...(spec.expiry === null ? {} : { LicenseExpiry: isoToEpoch(spec.expiry) }),
  };
}

export function rulesToAws(spec: LicenseConfigurationSpec): string[] {
  return encodeRules(spec.rules);
}

// LicenseExpiry is documented as a Unix timestamp; we use seconds.
function epochToIso(seconds: number): string {
  return isoSeconds(seconds * 1000);
}

function isoToEpoch(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}
