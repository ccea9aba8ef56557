// A license configuration as the emulator stores it: exactly the members of License Manager's
// `LicenseConfiguration` shape, so that a list item is the record itself and GetLicenseConfiguration adds only
// the tags. Its consumption members are the fleet's (usage.ts); the operations on it are
// license-configurations.ts.
import type { CallContext, EmulatorState } from '../core/service-contract.js';
import { sharedWithCaller } from '../ram/share-access.js';
import { invalidParameter, ownedBy, parseLmArn } from './conventions.js';
import type { ProductInformationRecord } from './license-configuration-checks.js';

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

// The rows License Manager reports even when nothing is associated (aws-api.md §1.2), in that order.
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

/**
 * A configuration the caller may attach its resources to: its own, or one another account shares with it through
 * RAM (as AWS lets member accounts use a configuration shared with them). Only the owner changes or lists it.
 */
export function usableConfiguration(ctx: CallContext, arn: string): ConfigurationRecord {
  const record = configurations(ctx.state)[arn];
  if (record && parseLmArn(arn)?.region === ctx.region && sharedWithCaller(ctx, arn)) return record;
  return ownConfiguration(ctx, arn);
}
