// CreateLicenseConfiguration: checks rules, product information and tags, then stores the configuration
// as AVAILABLE with nothing consumed. The API takes no client token, so a repeated call makes a duplicate.
import { licenseConfigurationArn } from '../../../model/arn.js';
import type { CountingType } from '../../../model/specs.js';
import type { CallContext } from '../../core/types.js';
import { invalidParameter } from '../errors.js';
import { copy, list, optBool, optNum, optStr, str, type Input, type Tag } from '../input.js';
import { applyTags } from '../tags.js';
import { checkProductInformation } from './product-information.js';
import { configurations, CONSUMED_SUMMARY_TYPES, MANAGED_SUMMARY_TYPES, type ConfigurationRecord, type ProductInformationRecord } from './record.js';
import { checkRules } from './rules.js';

export function createLicenseConfiguration(ctx: CallContext, input: Input): Record<string, unknown> {
  const record = newRecord(ctx, input);
  checkRules(record.LicenseCountingType as CountingType, record.LicenseRules);
  checkProductInformation(record.ProductInformationList);
  checkLicenseCount(record.LicenseCount);
  applyTags(ctx.state, record.LicenseConfigurationArn, list<Tag>(input, 'Tags') ?? []);
  configurations(ctx.state)[record.LicenseConfigurationArn] = record;
  return { LicenseConfigurationArn: record.LicenseConfigurationArn };
}

function newRecord(ctx: CallContext, input: Input): ConfigurationRecord {
  const id = `lic-${ctx.ids.hex32()}`;
  const description = optStr(input, 'Description');
  const count = optNum(input, 'LicenseCount');
  const expiry = optNum(input, 'LicenseExpiry');
  return {
    LicenseConfigurationId: id,
    LicenseConfigurationArn: licenseConfigurationArn(ctx.region, ctx.account, id),
    Name: str(input, 'Name'),
    ...(description === undefined ? {} : { Description: description }),
    LicenseCountingType: str(input, 'LicenseCountingType'),
    LicenseRules: copy(list(input, 'LicenseRules')) ?? [],
    ...(count === undefined ? {} : { LicenseCount: count }),
    LicenseCountHardLimit: optBool(input, 'LicenseCountHardLimit') ?? false,
    ConsumedLicenses: 0,
    Status: 'AVAILABLE',
    OwnerAccountId: ctx.account,
    ConsumedLicenseSummaryList: CONSUMED_SUMMARY_TYPES.map((ResourceType) => ({ ResourceType, ConsumedLicenses: 0 })),
    ManagedResourceSummaryList: MANAGED_SUMMARY_TYPES.map((ResourceType) => ({ ResourceType, AssociationCount: 0 })),
    ProductInformationList: copy(list<ProductInformationRecord>(input, 'ProductInformationList')) ?? [],
    DisassociateWhenNotFound: optBool(input, 'DisassociateWhenNotFound') ?? false,
    ...(expiry === undefined ? {} : { LicenseExpiry: expiry }),
  };
}

export function checkLicenseCount(count: number | undefined): void {
  if (count !== undefined && count < 0) throw invalidParameter(`LicenseCount must not be negative, got ${count}`);
}
