// License rules: which rules each counting type allows, and their wire form `#name=value`.
// The table follows the API reference (CreateLicenseConfiguration's LicenseRules doc), which is stricter
// than the user guide for the Instance counting type; the emulator enforces the same table.
import type { CountingType, LicenseRules, RuleName, Tenancy } from './specs.js';

export const RULES_BY_COUNTING_TYPE: Readonly<Record<CountingType, readonly RuleName[]>> = {
  Core: ['allowedTenancy', 'licenseAffinityToHost', 'maximumCores', 'minimumCores'],
  Instance: ['allowedTenancy', 'maximumVcpus', 'minimumVcpus'],
  Socket: ['allowedTenancy', 'licenseAffinityToHost', 'maximumSockets', 'minimumSockets'],
  vCPU: ['allowedTenancy', 'honorVcpuOptimization', 'maximumVcpus', 'minimumVcpus'],
};

/** The one rule AWS lets you add to an existing configuration; every other rule change is a replace. */
export const MUTABLE_RULES: readonly RuleName[] = ['licenseAffinityToHost'];

export const RULE_LIMITS = {
  licenseAffinityToHost: { min: 1, max: 180 },
  count: { min: 1, max: 10000 },
} as const;

/** Encodes rules as AWS's `#name=value` strings, sorted by name. Tenancies are comma-joined. */
export function encodeRules(rules: LicenseRules): string[] {
  return Object.entries(rules)
    .filter(([, v]) => v !== undefined)
    .map(([name, v]) => `#${name}=${encodeRuleValue(v as LicenseRules[RuleName])}`)
    .sort();
}

function encodeRuleValue(value: LicenseRules[RuleName]): string {
  if (Array.isArray(value)) return value.join(',');
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return String(value);
}

export interface DecodedRules {
  readonly rules: LicenseRules;
  /** Strings that are not `#name=value` with a known name and a well-formed value. */
  readonly invalid: readonly string[];
}

/** Decodes AWS rule strings back into rules; the inverse of encodeRules for every valid input. */
export function decodeRules(strings: readonly string[]): DecodedRules {
  const rules: Record<string, unknown> = {};
  const invalid: string[] = [];
  for (const text of strings) {
    const match = /^#([^=]+)=(.+)$/.exec(text);
    const decoded = match ? decodeRuleValue(match[1]!, match[2]!) : undefined;
    if (decoded === undefined) invalid.push(text);
    else rules[match![1]!] = decoded;
  }
  return { rules: rules as LicenseRules, invalid };
}

function decodeRuleValue(name: string, value: string): unknown {
  switch (name) {
    case 'allowedTenancy':
      return value.split(',').map((t) => t.trim()).sort() as Tenancy[];
    case 'honorVcpuOptimization':
      return /^true$/i.test(value) ? true : /^false$/i.test(value) ? false : undefined;
    case 'licenseAffinityToHost':
    case 'maximumCores':
    case 'minimumCores':
    case 'maximumSockets':
    case 'minimumSockets':
    case 'maximumVcpus':
    case 'minimumVcpus':
      return /^\d+$/.test(value) ? Number(value) : undefined;
    default:
      return undefined;
  }
}
