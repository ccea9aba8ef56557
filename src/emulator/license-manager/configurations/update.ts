// UpdateLicenseConfiguration: every member is optional and replaces the stored value when present. The
// counting type cannot change, and of the rules only licenseAffinityToHost may be added or changed.
import { decodeRules } from '../../../model/rules.js';
import type { CountingType } from '../../../model/specs.js';
import type { CallContext } from '../../core/types.js';
import { invalidParameter } from '../errors.js';
import { copy, list, str, type Input } from '../input.js';
import { checkLicenseCount } from './create.js';
import { checkProductInformation } from './product-information.js';
import { ownConfiguration, type ConfigurationRecord, type ProductInformationRecord } from './record.js';
import { checkRuleUpdate, checkRules } from './rules.js';

// Input members copied as they are; LicenseConfigurationStatus becomes Status.
const PLAIN_MEMBERS = ['Name', 'Description', 'LicenseCount', 'LicenseCountHardLimit', 'DisassociateWhenNotFound', 'LicenseExpiry'] as const;

export function updateLicenseConfiguration(ctx: CallContext, input: Input): Record<string, unknown> {
  const record = ownConfiguration(ctx, str(input, 'LicenseConfigurationArn'));
  if (input['LicenseCountingType'] !== undefined)
    throw invalidParameter('LicenseCountingType cannot be updated; create a new license configuration instead');
  const rules = list(input, 'LicenseRules');
  if (rules) checkRulesUpdate(record, rules);
  const products = list<ProductInformationRecord>(input, 'ProductInformationList');
  if (products) checkProductInformation(products);
  checkLicenseCount(input['LicenseCount'] as number | undefined);
  apply(record, input, rules, products);
  return {};
}

function checkRulesUpdate(record: ConfigurationRecord, rules: readonly string[]): void {
  const next = checkRules(record.LicenseCountingType as CountingType, rules);
  checkRuleUpdate(decodeRules(record.LicenseRules).rules, next);
}

function apply(record: ConfigurationRecord, input: Input, rules?: string[], products?: ProductInformationRecord[]): void {
  const target = record as unknown as Record<string, unknown>;
  for (const member of PLAIN_MEMBERS) if (input[member] !== undefined) target[member] = input[member];
  if (input['LicenseConfigurationStatus'] !== undefined) record.Status = input['LicenseConfigurationStatus'] as string;
  if (rules) record.LicenseRules = copy(rules);
  if (products) record.ProductInformationList = copy(products);
}
