// License rules the schema cannot judge alone: which rules a counting type allows, and min ≤ max.
import type { Diagnostic } from '../../errors/index.js';
import { COUNTING_TYPES, RULES_BY_COUNTING_TYPE, type CountingType, type RuleName } from '../../model/index.js';
import { errorAtField, isRecord, type DocumentView } from './view.js';

const ALL_RULES = new Set<string>(Object.values(RULES_BY_COUNTING_TYPE).flat());

const RANGES: readonly (readonly [RuleName, RuleName])[] = [
  ['minimumCores', 'maximumCores'],
  ['minimumSockets', 'maximumSockets'],
  ['minimumVcpus', 'maximumVcpus'],
];

export function checkRules(views: readonly DocumentView[]): Diagnostic[] {
  return views.flatMap((view) => {
    const { countingType, rules } = view.spec;
    if (view.kind !== 'LicenseConfiguration' || !isRecord(rules)) return [];
    const allowed = isCountingType(countingType) ? disallowedRules(view, countingType, rules) : [];
    return [...allowed, ...inverted(view, rules)];
  });
}

function isCountingType(value: unknown): value is CountingType {
  return (COUNTING_TYPES as readonly unknown[]).includes(value);
}

function disallowedRules(view: DocumentView, countingType: CountingType, rules: Record<string, unknown>): Diagnostic[] {
  const allowed = RULES_BY_COUNTING_TYPE[countingType];
  return Object.keys(rules)
    .filter((rule) => ALL_RULES.has(rule) && !allowed.includes(rule as RuleName))
    .map((rule) => errorAtField(view, ['spec', 'rules', rule], {
      code: 'RULE_NOT_ALLOWED',
      message: `rule "${rule}" is not allowed with countingType ${countingType}`,
      hint: `${countingType} allows ${allowed.join(', ')}`,
      field: `spec.rules.${rule}`,
    }, true));
}

function inverted(view: DocumentView, rules: Record<string, unknown>): Diagnostic[] {
  return RANGES.flatMap(([min, max]) => {
    const low = rules[min];
    const high = rules[max];
    if (typeof low !== 'number' || typeof high !== 'number' || low <= high) return [];
    return [errorAtField(view, ['spec', 'rules', min], {
      code: 'RULE_RANGE',
      message: `"${min}" (${low}) is greater than "${max}" (${high})`,
      field: `spec.rules.${min}`,
    })];
  });
}
