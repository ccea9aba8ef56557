// The documented rules of a license configuration's content that its model cannot express. License rules
// (`#name=value`): syntax, the rules each counting type allows, value ranges, and the one change an update
// may make (licenseAffinityToHost). Product information for automated discovery: the resource types, filter
// names, comparators and fixed values License Manager documents (aws-api.md §1.8). The license count must
// not be negative. Every violation is InvalidParameterValueException.
import { decodeRules, RULE_LIMITS, RULES_BY_COUNTING_TYPE } from '../../model/rules.js';
import { TENANCIES, type CountingType, type LicenseRules, type RuleName } from '../../model/specs.js';
import { invalidParameter } from './conventions.js';

export interface ProductInformationRecord {
  ResourceType: string;
  ProductInformationFilterList: Array<{
    ProductInformationFilterName: string;
    ProductInformationFilterValue?: string[];
    ProductInformationFilterComparator: string;
  }>;
}

const COUNT_RULES: ReadonlyArray<readonly [RuleName, RuleName]> = [
  ['minimumCores', 'maximumCores'],
  ['minimumSockets', 'maximumSockets'],
  ['minimumVcpus', 'maximumVcpus'],
];

export function checkRules(countingType: CountingType, strings: readonly string[]): LicenseRules {
  checkSyntax(strings);
  const { rules } = decodeRules(strings);
  const allowed = RULES_BY_COUNTING_TYPE[countingType];
  for (const name of Object.keys(rules) as RuleName[]) {
    if (!allowed.includes(name))
      throw invalidParameter(`License rule ${name} is not supported for counting type ${countingType} (supported: ${allowed.join(', ')})`);
  }
  checkValues(rules);
  return rules;
}

function checkSyntax(strings: readonly string[]): void {
  const { invalid } = decodeRules(strings);
  if (invalid.length > 0)
    throw invalidParameter(`Invalid license rule ${invalid[0]}: expected #name=value, for example #allowedTenancy=EC2-DedicatedHost`);
  const names = strings.map((s) => s.slice(1, s.indexOf('=')));
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated) throw invalidParameter(`License rule ${repeated} is given more than once`);
}

function checkValues(rules: LicenseRules): void {
  const unknownTenancy = rules.allowedTenancy?.find((t) => !TENANCIES.includes(t));
  if (unknownTenancy) throw invalidParameter(`Invalid allowedTenancy ${unknownTenancy} (allowed: ${TENANCIES.join(', ')})`);
  const affinity = rules.licenseAffinityToHost;
  if (affinity !== undefined) inRange('licenseAffinityToHost', affinity, RULE_LIMITS.licenseAffinityToHost);
  for (const [min, max] of COUNT_RULES) {
    const low = rules[min] as number | undefined;
    const high = rules[max] as number | undefined;
    if (low !== undefined) inRange(min, low, RULE_LIMITS.count);
    if (high !== undefined) inRange(max, high, RULE_LIMITS.count);
    if (low !== undefined && high !== undefined && low > high) throw invalidParameter(`${min} (${low}) must not exceed ${max} (${high})`);
  }
}

function inRange(name: string, value: number, limits: { min: number; max: number }): void {
  if (value < limits.min || value > limits.max)
    throw invalidParameter(`License rule ${name} must be between ${limits.min} and ${limits.max}, got ${value}`);
}

/** After creation only licenseAffinityToHost may be added (or changed); every other rule is fixed. */
export function checkRuleUpdate(current: LicenseRules, next: LicenseRules): void {
  const names = new Set([...Object.keys(current), ...Object.keys(next)] as RuleName[]);
  for (const name of names) {
    if (name === 'licenseAffinityToHost') continue;
    if (JSON.stringify(current[name]) !== JSON.stringify(next[name]))
      throw invalidParameter(`License rule ${name} cannot be changed after the license configuration is created; only licenseAffinityToHost can be added`);
  }
}

interface FilterRule {
  readonly comparators: readonly string[];
  readonly values?: readonly string[];
}

const EQUALS: FilterRule = { comparators: ['EQUALS'] };
const TAG: FilterRule = { comparators: ['NOT_EQUALS'] };

const FILTERS: Readonly<Record<string, Readonly<Record<string, FilterRule>>>> = {
  SSM_MANAGED: {
    'Application Name': EQUALS,
    'Application Publisher': EQUALS,
    'Application Version': EQUALS,
    'Platform Name': EQUALS,
    'Platform Type': EQUALS,
    AccountId: { comparators: ['NOT_EQUALS'] },
    'License Included': {
      comparators: ['EQUALS', 'NOT_EQUALS'],
      values: ['sql-server-enterprise', 'sql-server-standard', 'sql-server-web', 'windows-server-datacenter'],
    },
  },
  RDS: {
    'Engine Edition': { comparators: ['EQUALS'], values: ['oracle-ee', 'oracle-se', 'oracle-se1', 'oracle-se2', 'db2-se', 'db2-ae'] },
    'License Pack': { comparators: ['EQUALS'], values: ['data guard', 'diagnostic pack sqlt', 'tuning pack sqlt', 'ols', 'olap'] },
  },
};

export function checkProductInformation(list: readonly ProductInformationRecord[]): void {
  for (const product of list) {
    const filters = FILTERS[product.ResourceType];
    if (!filters) throw invalidParameter(`Invalid product information resource type ${product.ResourceType} (allowed: SSM_MANAGED, RDS)`);
    for (const filter of product.ProductInformationFilterList) checkFilter(product.ResourceType, filters, filter);
  }
}

function checkFilter(
  resourceType: string,
  filters: Readonly<Record<string, FilterRule>>,
  filter: ProductInformationRecord['ProductInformationFilterList'][number],
): void {
  const name = filter.ProductInformationFilterName;
  const rule = resourceType === 'SSM_MANAGED' && name.startsWith('Tag:') ? TAG : filters[name];
  if (!rule) {
    const allowed = [...Object.keys(filters), ...(resourceType === 'SSM_MANAGED' ? ['Tag:<key>'] : [])];
    throw invalidParameter(`Invalid product information filter ${name} for ${resourceType} (allowed: ${allowed.join(', ')})`);
  }
  if (!rule.comparators.includes(filter.ProductInformationFilterComparator))
    throw invalidParameter(`Product information filter ${name} takes comparator ${rule.comparators.join(' or ')}, not ${filter.ProductInformationFilterComparator}`);
  const bad = rule.values && (filter.ProductInformationFilterValue ?? []).find((v) => !rule.values!.includes(v));
  if (bad) throw invalidParameter(`Invalid value ${bad} for product information filter ${name} (allowed: ${rule.values!.join(', ')})`);
}

export function checkLicenseCount(count: number | undefined): void {
  if (count !== undefined && count < 0) throw invalidParameter(`LicenseCount must not be negative, got ${count}`);
}
