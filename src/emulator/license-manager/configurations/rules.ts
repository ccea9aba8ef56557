// License rules (`#name=value`): syntax, the rules each counting type allows, value ranges, and the one
// change an update may make (licenseAffinityToHost). Every violation is InvalidParameterValueException.
import { decodeRules, RULE_LIMITS, RULES_BY_COUNTING_TYPE } from '../../../model/rules.js';
import { TENANCIES, type CountingType, type LicenseRules, type RuleName } from '../../../model/specs.js';
import { invalidParameter } from '../errors.js';

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
