// Canonical specs: the one shape both a normalised YAML document and a read-back AWS resource take,
// so that planning is a plain structural comparison. Lists that are sets are kept sorted.

export const COUNTING_TYPES = ['vCPU', 'Instance', 'Core', 'Socket'] as const;
export type CountingType = (typeof COUNTING_TYPES)[number];

export const TENANCIES = ['EC2-Default', 'EC2-DedicatedHost', 'EC2-DedicatedInstance'] as const;
export type Tenancy = (typeof TENANCIES)[number];

export const CONFIGURATION_STATUSES = ['AVAILABLE', 'DISABLED'] as const;
export type ConfigurationStatus = (typeof CONFIGURATION_STATUSES)[number];

export interface LicenseRules {
  readonly allowedTenancy?: readonly Tenancy[];
  readonly licenseAffinityToHost?: number;
  readonly minimumCores?: number;
  readonly maximumCores?: number;
  readonly minimumSockets?: number;
  readonly maximumSockets?: number;
  readonly minimumVcpus?: number;
  readonly maximumVcpus?: number;
  readonly honorVcpuOptimization?: boolean;
}
export type RuleName = keyof LicenseRules;

export interface ProductInformationFilter {
  readonly name: string;
  readonly comparator: string;
  readonly values: readonly string[];
}
export interface ProductInformation {
  readonly resourceType: string;
  readonly filters: readonly ProductInformationFilter[];
}

export interface LicenseConfigurationSpec {
  readonly displayName: string;
  readonly description: string;
  readonly countingType: CountingType;
  readonly licenseCount: number | null;
  readonly hardLimit: boolean;
  readonly rules: LicenseRules;
  readonly productInformation: readonly ProductInformation[];
  readonly disassociateWhenNotFound: boolean;
  /** ISO 8601 UTC with second precision, e.g. 2027-06-30T00:00:00Z. */
  readonly expiry: string | null;
  readonly status: ConfigurationStatus;
}

export interface ResourceShareSpec {
  readonly displayName: string;
  readonly allowExternalPrincipals: boolean;
  /** Sorted account ids and organisation/OU/IAM ARNs. */
  readonly principals: readonly string[];
  /** Sorted: names of managed LicenseConfigurations, or ARNs of resources we do not manage. */
  readonly licenseConfigurations: readonly string[];
}

export interface Entitlement {
  readonly name: string;
  readonly unit: string;
  readonly maxCount: number | null;
  readonly value: string | null;
  readonly overage: boolean;
  readonly allowCheckIn: boolean;
}

export interface ConsumptionConfiguration {
  readonly renewType: 'None' | 'Weekly' | 'Monthly';
  readonly provisionalConfiguration: { readonly maxTimeToLiveInMinutes: number } | null;
  readonly borrowConfiguration: { readonly allowEarlyCheckIn: boolean; readonly maxTimeToLiveInMinutes: number } | null;
}

export interface LicenseSpec {
  readonly displayName: string;
  readonly productName: string;
  readonly productSku: string;
  readonly issuer: { readonly name: string; readonly signKey: string | null };
  readonly homeRegion: string;
  readonly validity: { readonly begin: string; readonly end: string | null };
  readonly beneficiary: string | null;
  /** Sorted by name. */
  readonly entitlements: readonly Entitlement[];
  readonly consumptionConfiguration: ConsumptionConfiguration;
  /** Sorted by name. */
  readonly licenseMetadata: readonly { readonly name: string; readonly value: string }[];
  readonly status: 'AVAILABLE' | 'DEACTIVATED' | 'SUSPENDED';
}

export const GRANT_OPERATIONS = [
  'CreateGrant', 'CheckoutLicense', 'CheckoutBorrowLicense', 'CheckInLicense',
  'ExtendConsumptionLicense', 'ListPurchasedLicenses', 'CreateToken',
] as const;
export type GrantOperation = (typeof GRANT_OPERATIONS)[number];

export interface GrantSpec {
  readonly displayName: string;
  /** Name of a managed License document, or the ARN of a license we do not manage. */
  readonly license: string;
  readonly principal: string;
  readonly homeRegion: string;
  /** Sorted. */
  readonly allowedOperations: readonly GrantOperation[];
  /** The grantor's wish; statuses the grantee drives (accept, reject) are not drift. */
  readonly status: 'ACTIVE' | 'DISABLED';
  /**
   * How the grantee's activation treats its other active grants of the product (CreateGrantVersion's
   * Options.ActivationOverrideBehavior), when licensectl activates the grant in a grantee target; absent: AWS's
   * default. A grantee-side option the grantor's grant does not carry: never drift.
   */
  readonly activationOverrideBehavior?: ActivationOverrideBehavior;
}

export type ActivationOverrideBehavior = 'DISTRIBUTED_GRANTS_ONLY' | 'ALL_GRANTS_PERMITTED_BY_ISSUER';

export const AMI_ASSOCIATION_SCOPES = ['cross-account'] as const;
export type AmiAssociationScope = (typeof AMI_ASSOCIATION_SCOPES)[number];

export interface AssociationSpec {
  /** The ARN of an AMI, an instance or a dedicated host; not ours, never changed. */
  readonly resourceArn: string;
  /** Sorted names of managed LicenseConfigurations. */
  readonly licenseConfigurations: readonly string[];
  /** Only for AMIs; null: AWS's default. */
  readonly amiAssociationScope: AmiAssociationScope | null;
  /**
   * Read only, never in a document: the configurations carrying this Association's claim whose pair is gone (an
   * apply killed between its calls, a pair removed by hand). Absent when none; the plan removes them.
   */
  readonly unpairedClaims?: readonly string[];
}

/**
 * License Manager's service settings of one account in one region: there is always exactly one, so a document
 * manages it rather than creates it (see README, ServiceSettings).
 */
export interface ServiceSettingsSpec {
  /** arn:aws:s3:::bucket, where report generators write. */
  readonly s3BucketArn: string;
  readonly snsTopicArn: string;
  /** OrganizationConfiguration.EnableIntegration. */
  readonly organizationIntegration: boolean;
  /** EnableCrossAccountsDiscovery. */
  readonly crossAccountDiscovery: boolean;
  /** EnabledDiscoverySourceRegions (read back as CrossRegionDiscoverySourceRegions), sorted. */
  readonly discoverySourceRegions: readonly string[];
}

export const REPORT_TYPES = ['LicenseConfigurationSummaryReport', 'LicenseConfigurationUsageReport'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];
export const REPORT_PERIODS = ['DAY', 'WEEK', 'MONTH'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

export interface ReportGeneratorSpec {
  readonly displayName: string;
  /** Sorted. */
  readonly reportTypes: readonly ReportType[];
  /** Sorted: names of managed LicenseConfigurations, or ARNs of configurations we do not manage. */
  readonly licenseConfigurations: readonly string[];
  /** AWS supports only `value: 1`. */
  readonly frequency: { readonly value: number; readonly period: ReportPeriod };
  readonly description: string;
}

export interface SpecByKind {
  readonly ServiceSettings: ServiceSettingsSpec;
  readonly LicenseConfiguration: LicenseConfigurationSpec;
  readonly License: LicenseSpec;
  readonly ResourceShare: ResourceShareSpec;
  readonly Grant: GrantSpec;
  readonly Association: AssociationSpec;
  readonly ReportGenerator: ReportGeneratorSpec;
}
