// ListLicenseConfigurations: the caller's configurations in its region, optionally narrowed to given ARNs
// and by the three documented filters (one value each), paged by NextToken (100 per page by default).
import { COUNTING_TYPES } from '../../../model/specs.js';
import type { CallContext } from '../../core/types.js';
import { filterLimitExceeded, invalidParameter } from '../errors.js';
import { list, optNum, optStr, type Filter, type Input } from '../input.js';
import { paginate } from '../pagination.js';
import { ownConfigurations, type ConfigurationRecord } from './record.js';

type Predicate = (record: ConfigurationRecord) => boolean;

const BOOLEAN_VALUES = ['true', 'false'];
const FILTERS: Readonly<Record<string, { values: readonly string[]; predicate: (value: string) => Predicate }>> = {
  licenseCountingType: { values: COUNTING_TYPES, predicate: (v) => (r) => r.LicenseCountingType === v },
  enforceLicenseCount: { values: BOOLEAN_VALUES, predicate: (v) => (r) => r.LicenseCountHardLimit === (v === 'true') },
  usagelimitExceeded: { values: BOOLEAN_VALUES, predicate: (v) => (r) => limitExceeded(r) === (v === 'true') },
};

export function listLicenseConfigurations(ctx: CallContext, input: Input): Record<string, unknown> {
  const predicates = (list<Filter>(input, 'Filters') ?? []).map(filterPredicate);
  const arns = list(input, 'LicenseConfigurationArns');
  const wanted = arns && new Set(arns);
  const matching = ownConfigurations(ctx).filter((r) => (!wanted || wanted.has(r.LicenseConfigurationArn)) && predicates.every((p) => p(r)));
  const page = paginate(matching, (r) => r.LicenseConfigurationArn, optNum(input, 'MaxResults'), optStr(input, 'NextToken'));
  return { LicenseConfigurations: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
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
