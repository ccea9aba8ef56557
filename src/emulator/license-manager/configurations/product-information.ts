// Product information for automated discovery: the resource types, filter names, comparators and fixed
// values License Manager documents (aws-api.md §1.8). Violations are InvalidParameterValueException.
import { invalidParameter } from '../errors.js';
import type { ProductInformationRecord } from './record.js';

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
