// Documents as written, once they have passed the schemas: optional fields are still optional here;
// normalisation turns them into the canonical specs of src/model/specs.ts.
import type { ActivationOverrideBehavior, ConfigurationStatus, IgnoreRule, Management, TagMode, Policies, TargetConfig, CountingType, GrantOperation, LicenseRules, ReportPeriod, ReportType, StoreConfig } from '../model/index.js';

export interface RawDocument<Spec> {
  readonly apiVersion: 'licensectl/v1';
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly tags?: Record<string, string>; readonly targets?: readonly string[]; readonly ignore?: readonly string[] };
  readonly spec: Spec;
}

export interface RawLicenseConfigurationSpec {
  readonly displayName?: string;
  readonly description?: string;
  readonly countingType: CountingType;
  readonly licenseCount?: number;
  readonly hardLimit?: boolean;
  readonly rules?: LicenseRules;
  readonly productInformation?: readonly {
    readonly resourceType: string;
    readonly filters: readonly { readonly name: string; readonly comparator: string; readonly value?: string | readonly string[] }[];
  }[];
  readonly disassociateWhenNotFound?: boolean;
  readonly expiry?: string;
  readonly status?: ConfigurationStatus;
}

export interface RawResourceShareSpec {
  readonly displayName?: string;
  readonly allowExternalPrincipals?: boolean;
  readonly principals?: readonly string[];
  readonly licenseConfigurations?: readonly string[];
}

export interface RawAssociationSpec {
  readonly resourceArn: string;
  readonly licenseConfigurations: readonly string[];
  readonly amiAssociationScope?: 'cross-account';
}

export interface RawEntitlement {
  readonly name: string;
  readonly unit: string;
  readonly maxCount?: number;
  readonly value?: string;
  readonly overage?: boolean;
  readonly allowCheckIn?: boolean;
}

export interface RawLicenseSpec {
  readonly displayName?: string;
  readonly productName: string;
  readonly productSku: string;
  readonly issuer: { readonly name: string; readonly signKey?: string };
  readonly homeRegion: string;
  readonly validity: { readonly begin: string; readonly end?: string };
  readonly beneficiary?: string;
  readonly entitlements: readonly RawEntitlement[];
  readonly consumptionConfiguration?: {
    readonly renewType?: 'None' | 'Weekly' | 'Monthly';
    readonly provisionalConfiguration?: { readonly maxTimeToLiveInMinutes: number };
    readonly borrowConfiguration?: { readonly allowEarlyCheckIn: boolean; readonly maxTimeToLiveInMinutes: number };
  };
  readonly licenseMetadata?: readonly { readonly name: string; readonly value: string }[];
  readonly status?: 'AVAILABLE' | 'DEACTIVATED' | 'SUSPENDED';
}

export interface RawGrantSpec {
  readonly displayName?: string;
  readonly license?: string;
  readonly licenseArn?: string;
  readonly principal: string;
  readonly homeRegion: string;
  readonly allowedOperations: readonly GrantOperation[];
  readonly status?: 'ACTIVE' | 'DISABLED';
  readonly activationOverrideBehavior?: ActivationOverrideBehavior;
}

export interface RawServiceSettingsSpec {
  readonly s3BucketArn: string;
  readonly snsTopicArn: string;
  readonly organizationIntegration?: boolean;
  readonly crossAccountDiscovery?: boolean;
  readonly discoverySourceRegions?: readonly string[];
}

export interface RawReportGeneratorSpec {
  readonly displayName?: string;
  readonly reportTypes: readonly ReportType[];
  readonly licenseConfigurations: readonly string[];
  readonly frequency: { readonly value?: number; readonly period: ReportPeriod };
  readonly description?: string;
}

export interface RawProjectSpec {
  readonly store?: StoreConfig;
  readonly prune?: boolean;
  readonly account?: string;
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  readonly policies?: Partial<Policies>;
  readonly targets?: readonly TargetConfig[];
  readonly defaultTargets?: readonly string[];
  readonly observe?: readonly string[];
  readonly ignore?: readonly IgnoreRule[];
  readonly tags?: TagMode;
}

/** What every resource document's spec may say besides its kind's fields (see model/management.ts). */
export interface RawManagement {
  readonly adopt?: string;
  readonly management?: Management;
}
