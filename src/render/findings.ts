// Usage and findings in the text and markdown views of a plan: what is in use of a changed configuration or
// license, the findings one line each under the change they concern, and a closing summary that says whether apply
// will refuse the plan and what would let it through.
import type { ChangeUsage, Finding, Plan } from '../plan/types.js';
import { plural } from '../util/words.js';
import { printable } from '../util/safe-text.js';
import { code, escapeMarkdown, formatCount, type Section } from './markdown.js';
import type { Look, Paint } from './symbols.js';

/** `40 licenses in use by 5 resources`, `30 units checked out (seats 25, cores 5)`. */
export function describeUsage(u: ChangeUsage): string {
  if (u.entitlements) {
    const each = u.entitlements.filter((e) => e.consumed > 0).map((e) => `${e.name} ${e.consumed}`);
    return `${plural(u.consumed, 'unit')} checked out${each.length ? ` (${each.join(', ')})` : ''}`;
  }
  return `${plural(u.consumed, 'license')} in use by ${plural(u.resources ?? 0, 'resource')}`;
}

/** ✗ for an error, ! for a warning. */
export function findingLook(f: Finding): Look & { readonly word: string } {
  return f.severity === 'error' ? { symbol: '✗', style: 'red', word: 'error' } : { symbol: '!', style: 'yellow', word: 'warning' };
}

/** What lets apply past an error: its flag, or a change to licensectl.yaml for a policy. */
function remedy(f: Finding): string {
  if (f.severity === 'warning') return '';
  return f.override ? `--${f.override}` : 'policy';
}

/** `✗ COUNT_BELOW_USAGE: … [--allow-overage]`, for the lines under a change. */
export function findingTextLine(f: Finding, paint: Paint): string {
  const look = findingLook(f);
  const how = remedy(f);
  return paint(look.style, `${look.symbol} ${f.code}: ${printable(f.message)}`) + (how ? paint('dim', ` [${how}]`) : '');
}

/**
 * After the changes: the findings of resources the plan leaves unchanged (listed nowhere else), then one line of
 * counts and what apply will do about the errors.
 */
export function findingsTextSection(plan: Plan, paint: Paint): string[] {
  if (plan.findings.length === 0) return [];
  const changed = new Set(plan.changes.filter((c) => c.action !== 'no-op').map((c) => c.address));
  const elsewhere = plan.findings.filter((f) => !changed.has(f.address));
  return [
    paint('bold', 'Findings:'),
    ...elsewhere.map((f) => `  ${findingTextLine(f, paint)}`),
    `  ${findingsVerdict(plan.findings)}`,
  ];
}

/** "1 error, 2 warnings. Apply refuses this plan unless --allow-overage is passed." */
export function findingsVerdict(findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === 'error');
  const counts = `${plural(errors.length, 'error')}, ${plural(findings.length - errors.length, 'warning')}.`;
  if (!errors.length) return `${counts} Apply is not refused by them.`;
  const flags = [...new Set(errors.map((f) => f.override).filter((o) => o !== null))].map((o) => `--${o}`);
  const policies = errors.filter((f) => f.override === null).length;
  const parts = [
    flags.length ? `unless ${flags.join(' and ')} ${flags.length === 1 ? 'is' : 'are'} passed` : '',
    policies ? `until the desired state or spec.policies changes (${plural(policies, 'policy finding')}; no flag lifts ${policies === 1 ? 'it' : 'them'})` : '',
  ].filter(Boolean);
  return `${counts} Apply refuses this plan ${parts.join(', and ')}.`;
}

const FINDINGS_NOUN = ['finding', 'findings'] as const;

/**
 * The first section of the pull-request comment; kept, shortened if it must, whatever the cap. It gets its room
 * right after the deletes and replaces (tier 1), before every other section, so that both required sections fit.
 */
export function findingsMarkdownSection(plan: Plan): Section[] {
  if (plan.findings.length === 0) return [];
  const rows = plan.findings.map((f) => {
    const look = findingLook(f);
    const how = remedy(f);
    return `| ${look.symbol === '✗' ? '❌' : '⚠️'} ${look.word} | ${code(f.code)} | ${code(f.address)} | ${escapeMarkdown(f.message)} | ${how ? code(how) : ''} |`;
  });
  return [{
    tier: 1.5, required: true,
    lead: `### License usage and policy findings\n\n${escapeMarkdown(findingsVerdict(plan.findings))}\n\n| Severity | Code | Resource | Finding | Apply needs |\n| --- | --- | --- | --- | --- |`,
    join: '\n', items: rows,
    more: (left) => `\n\n_…and ${plural(left, `more ${FINDINGS_NOUN[0]}`, `more ${FINDINGS_NOUN[1]}`, formatCount)}_`,
    lost: (left) => plural(left, ...FINDINGS_NOUN, formatCount),
  }];
}
