// License configurations: the five operations on them. Their consumption members follow the simulated fleet:
// usage.ts stores them after every change, and the reads here count them afresh at the call's time (a host's
// affinity ends while nothing is called).
import { licenseConfigurationArn } from '../../model/arn.js';
import { plural } from '../../util/words.js';
import { decodeRules } from '../../model/rules.js';
import { COUNTING_TYPES, type CountingType } from '../../model/specs.js';
import { copy, list, optBool, optNum, optStr, str, type CallContext, type Input } from '../core/service-contract.js';
import { filterLimitExceeded, invalidParameter, pages, type Filter, type Tag } from './conventions.js';
import { checkLicenseCount, checkProductInformation, checkRules, checkRuleUpdate, type ProductInformationRecord } from './license-configuration-checks.js';
import { configurations, CONSUMED_SUMMARY_TYPES, MANAGED_SUMMARY_TYPES, ownConfiguration, type ConfigurationRecord } from './configuration-records.js';
import { liveCounts } from './usage.js';
import { discover } from './discovery.js';
import { forgetFailures } from './failures.js';
import { wholeSeconds } from '../fleet/records.js';
import { applyTags, tagList } from './tags.js';

// CreateLicenseConfiguration stores the configuration as AVAILABLE with nothing consumed. The API takes no
// client token, so a repeated call makes a duplicate.
export function createLicenseConfiguration(ctx: CallContext, input: Input): Record<string, unknown> {
  const id = `lic-${ctx.ids.hex32()}`;
  const description = optStr(input, 'Description');
  const count = optNum(input, 'LicenseCount');
  const expiry = optNum(input, 'LicenseExpiry');
  const record: ConfigurationRecord = {
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
  checkRules(record.LicenseCountingType as CountingType, record.LicenseRules);
  checkProductInformation(record.ProductInformationList);
  checkLicenseCount(record.LicenseCount);
  applyTags(ctx.state, record.LicenseConfigurationArn, list<Tag>(input, 'Tags') ?? []);
  configurations(ctx.state)[record.LicenseConfigurationArn] = record;
  discover(ctx.state, wholeSeconds(ctx.now), [record.LicenseConfigurationArn]);
  return { LicenseConfigurationArn: record.LicenseConfigurationArn };
}

export function getLicenseConfiguration(ctx: CallContext, input: Input): Record<string, unknown> {
  const arn = str(input, 'LicenseConfigurationArn');
  const record = ownConfiguration(ctx, arn);
  return { ...record, ...liveCounts(ctx.state, record, wholeSeconds(ctx.now)), Tags: tagList(ctx.state, arn) };
}

// UpdateLicenseConfiguration: every member is optional and replaces the stored value when present. The
// counting type cannot change, and of the rules only licenseAffinityToHost may be added or changed. These
// members are copied as they are; LicenseConfigurationStatus becomes Status.
const PLAIN_MEMBERS = ['Name', 'Description', 'LicenseCount', 'LicenseCountHardLimit', 'DisassociateWhenNotFound', 'LicenseExpiry'] as const;

export function updateLicenseConfiguration(ctx: CallContext, input: Input): Record<string, unknown> {
  const record = ownConfiguration(ctx, str(input, 'LicenseConfigurationArn'));
  if (input['LicenseCountingType'] !== undefined)
    throw invalidParameter('LicenseCountingType cannot be updated; create a new license configuration instead');
  const rules = list(input, 'LicenseRules');
  if (rules) checkRuleUpdate(decodeRules(record.LicenseRules).rules, checkRules(record.LicenseCountingType as CountingType, rules));
  const products = list<ProductInformationRecord>(input, 'ProductInformationList');
  if (products) checkProductInformation(products);
  checkLicenseCount(input['LicenseCount'] as number | undefined);
  const target = record as unknown as Record<string, unknown>;
  for (const member of PLAIN_MEMBERS) if (input[member] !== undefined) target[member] = input[member];
  if (input['LicenseConfigurationStatus'] !== undefined) record.Status = input['LicenseConfigurationStatus'] as string;
  if (rules) record.LicenseRules = copy(rules);
  if (products) record.ProductInformationList = copy(products);
  discover(ctx.state, wholeSeconds(ctx.now), [record.LicenseConfigurationArn]);
  return {};
}

/** Refused while it is in use: while any resource is associated with it (aws-api.md §1.5). */
export function deleteLicenseConfiguration(ctx: CallContext, input: Input): Record<string, unknown> {
  const arn = str(input, 'LicenseConfigurationArn');
  const counts = liveCounts(ctx.state, ownConfiguration(ctx, arn), wholeSeconds(ctx.now));
  const associated = counts.ManagedResourceSummaryList.reduce((n, row) => n + row.AssociationCount, 0);
  if (associated > 0)
    throw invalidParameter(
      `License configuration ${arn} is in use (${plural(associated, 'associated resource')}, ${plural(counts.ConsumedLicenses, 'license')} consumed); disassociate its resources before deleting it`,
    );
  delete configurations(ctx.state)[arn];
  delete ctx.state.licenseManager.tags[arn];
  forgetFailures(ctx.state, arn);
  return {};
}

type Predicate = (record: ConfigurationRecord) => boolean;

const BOOLEAN_VALUES = ['true', 'false'];
const FILTERS: Readonly<Record<string, { values: readonly string[]; predicate: (value: string) => Predicate }>> = {
  licenseCountingType: { values: COUNTING_TYPES, predicate: (v) => (r) => r.LicenseCountingType === v },
  enforceLicenseCount: { values: BOOLEAN_VALUES, predicate: (v) => (r) => r.LicenseCountHardLimit === (v === 'true') },
  usagelimitExceeded: { values: BOOLEAN_VALUES, predicate: (v) => (r) => limitExceeded(r) === (v === 'true') },
};

// ListLicenseConfigurations: the caller's configurations in its region, optionally narrowed to given ARNs
// and by the three documented filters (one value each).
export function listLicenseConfigurations(ctx: CallContext, input: Input): Record<string, unknown> {
  const predicates = (list<Filter>(input, 'Filters') ?? []).map(filterPredicate);
  const arns = list(input, 'LicenseConfigurationArns');
  const wanted = arns && new Set(arns);
  const inRegion = licenseConfigurationArn(ctx.region, ctx.account, '');
  const now = wholeSeconds(ctx.now);
  const matching = Object.entries(configurations(ctx.state))
    .filter(([arn]) => arn.startsWith(inRegion) && (!wanted || wanted.has(arn)))
    .map(([arn, stored]) => ({ arn, record: { ...stored, ...liveCounts(ctx.state, stored, now) } }))
    .filter(({ record }) => predicates.every((p) => p(record)));
  const page = pages.page('ListLicenseConfigurations', input, matching, (m) => m.arn);
  return pages.output('LicenseConfigurations', page, (m) => m.record);
}

function filterPredicate(filter: Filter, index: number, all: readonly Filter[]): Predicate {
  const name = filter.Name ?? '';
  const definition = FILTERS[name];
  if (!definition) throw invalidParameter(`Invalid filter name ${JSON.stringify(name)}; supported filters: ${Object.keys(FILTERS).join(', ')}`);
  if (all.findIndex((f) => f.Name === name) !== index) throw filterLimitExceeded(`Filter ${name} is given more than once`);
  const values = filter.Values ?? [];
  if (values.length === 0) throw invalidParameter(`Filter ${name} needs a value`);
  if (values.length > 1) throw filterLimitExceeded(`Filter ${name} takes only one value, got ${values.length}`);
  const value = name === 'licenseCountingType' ? values[0]! : values[0]!.toLowerCase();
  if (!definition.values.includes(value)) throw invalidParameter(`Invalid value ${values[0]} for filter ${name} (allowed: ${definition.values.join(', ')})`);
  return definition.predicate(value);
}

/** Consumption beyond the purchased count; a configuration without a count has no limit to exceed. */
function limitExceeded(record: ConfigurationRecord): boolean {
  return record.LicenseCount !== undefined && record.ConsumedLicenses > record.LicenseCount;
}
