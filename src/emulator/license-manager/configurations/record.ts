// A license configuration as stored: exactly the members of License Manager's `LicenseConfiguration`
// shape, so that a list item is the record itself and GetLicenseConfiguration adds only the tags.
import { licenseConfigurationArn } from '../../../model/arn.js';
import type { CallContext, EmulatorState } from '../../core/types.js';
import { ownedBy } from '../arns.js';
import { invalidParameter } from '../errors.js';

export interface ProductInformationRecord {
  ResourceType: string;
  ProductInformationFilterList: Array<{
    ProductInformationFilterName: string;
    ProductInformationFilterValue?: string[];
    ProductInformationFilterComparator: string;
  }>;
}

export interface ConfigurationRecord {
  LicenseConfigurationId: string;
  LicenseConfigurationArn: string;
  Name: string;
  Description?: string;
  LicenseCountingType: string;
  LicenseRules: string[];
  LicenseCount?: number;
  LicenseCountHardLimit: boolean;
  ConsumedLicenses: number;
  Status: string;
  OwnerAccountId: string;
  ConsumedLicenseSummaryList: Array<{ ResourceType: string; ConsumedLicenses: number }>;
  ManagedResourceSummaryList: Array<{ ResourceType: string; AssociationCount: number }>;
  ProductInformationList: ProductInformationRecord[];
  AutomatedDiscoveryInformation?: { LastRunTime: number };
  DisassociateWhenNotFound: boolean;
  LicenseExpiry?: number;
}

// The rows License Manager reports even when nothing is associated (aws-api.md §1.2).
export const CONSUMED_SUMMARY_TYPES = ['EC2_INSTANCE', 'EC2_HOST', 'SYSTEMS_MANAGER_MANAGED_INSTANCE'];
export const MANAGED_SUMMARY_TYPES = ['EC2_INSTANCE', 'EC2_HOST', 'EC2_AMI', 'SYSTEMS_MANAGER_MANAGED_INSTANCE'];

export function configurations(state: EmulatorState): Record<string, ConfigurationRecord> {
  return state.licenseManager.licenseConfigurations as unknown as Record<string, ConfigurationRecord>;
}

/** The caller's configuration, or the error License Manager gives for any other ARN. */
export function ownConfiguration(ctx: CallContext, arn: string): ConfigurationRecord {
  const record = configurations(ctx.state)[arn];
  if (!record || !ownedBy(ctx, arn)) throw invalidParameter(`Invalid license configuration ARN: ${arn}`);
  return record;
}

/** The caller's configurations in the caller's region, sorted by ARN. */
export function ownConfigurations(ctx: CallContext): ConfigurationRecord[] {
  // Every ARN of the caller's region and account shares this prefix; comparing it is the cheap test.
  const prefix = licenseConfigurationArn(ctx.region, ctx.account, '');
  const all = configurations(ctx.state);
  return Object.keys(all)
    .filter((arn) => arn.startsWith(prefix))
    .sort()
    .map((arn) => all[arn]!);
}
