// Error findings refuse apply, and watch's apply, unless the flag a finding names is passed; a policy's findings
// name no flag, so only a reviewed change to licensectl.yaml gets past them. `plan` exits 1 on the same findings.
import { Flags } from '@oclif/core';
import { LicensectlError } from '../errors/index.js';
import type { Finding, FindingOverride } from '../plan/types.js';
import { plural } from '../util/words.js';

export const findingFlags = {
  'allow-overage': Flags.boolean({ description: 'apply even where a finding says licenses would be over their count (COUNT_BELOW_USAGE, HARD_LIMIT_AT_CAPACITY, ENTITLEMENT_BELOW_USAGE)' }),
  'allow-in-use': Flags.boolean({ description: 'apply even where a finding says a configuration or license in use goes away (CONFIGURATION_IN_USE, LICENSE_IN_USE)' }),
};

export type FindingFlags = { readonly [F in FindingOverride]?: boolean };

/** The error findings the flags do not let through. */
export function refusingFindings(findings: readonly Finding[], flags: FindingFlags): Finding[] {
  return findings.filter((f) => f.severity === 'error' && (f.override === null || !flags[f.override]));
}

/** Throws FINDINGS_REFUSED naming every finding that refuses the apply. */
export function checkFindings(findings: readonly Finding[], flags: FindingFlags): void {
  const refusing = refusingFindings(findings, flags);
  if (!refusing.length) return;
  const overrides = [...new Set(refusing.map((f) => f.override).filter((o) => o !== null))].map((o) => `--${o}`);
  const policies = refusing.some((f) => f.override === null);
  const hint = [
    overrides.length ? `pass ${overrides.join(' and ')} if this is intended` : '',
    policies ? 'a policy finding is lifted only by changing the desired state or spec.policies in licensectl.yaml' : '',
  ].filter(Boolean).join('; ');
  // One line: error messages are printed on one line, whatever they hold.
  const items = refusing.map((f) => `${f.code}: ${f.message}${f.override ? ` (--${f.override})` : ' (policy)'}`);
  throw new LicensectlError('FINDINGS_REFUSED', `the plan has ${plural(refusing.length, 'finding')} that refuse${refusing.length === 1 ? 's' : ''} apply: ${items.join('; ')}`, { hint });
}
