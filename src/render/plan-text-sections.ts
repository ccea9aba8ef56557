// The parts of a text plan after the changes: what is never touched, what cannot be planned, and warnings.
import type { OtherResource } from '../model/index.js';
import { planMessages } from '../plan/messages.js';
import type { Action, Plan } from '../plan/types.js';
import type { Paint } from './ansi.js';
import { alignedSymbol } from './plan-text-change.js';
import { actionLook, WARNING_MARK } from './symbols.js';

const LEGEND_ORDER: readonly Action[] = ['create', 'update', 'replace', 'delete'];

/** The symbols the plan uses, explained, as Terraform does before its list of changes. */
export function legendSection(plan: Plan, paint: Paint): string[] {
  const used = LEGEND_ORDER.filter((a) => plan.changes.some((c) => c.action === a));
  if (used.length === 0) return [];
  return [
    'Resource actions are indicated with the following symbols:',
    ...used.map((a) => `${alignedSymbol(actionLook(a), paint)} ${actionLook(a).legend}`),
  ];
}

export function unmanagedSection(plan: Plan, paint: Paint): string[] {
  if (plan.unmanaged.length === 0) return [];
  return [paint('bold', 'Not managed by this project (never changed):'), ...plan.unmanaged.map((o) => `  ${describeOther(o)}`)];
}

function describeOther(other: OtherResource): string {
  const owner = other.owner === 'foreign' ? `foreign, project ${other.project ?? 'unknown'}` : 'unmanaged';
  return `${other.kind} ${JSON.stringify(other.displayName)} ${other.arn} (${owner})`;
}

export function duplicatesSection(plan: Plan, paint: Paint): string[] {
  if (plan.duplicates.length === 0) return [];
  return [
    paint('bold', 'Duplicates (nothing is planned for them):'),
    ...plan.duplicates.map((d) => `  ${d.address}: ${d.arns.join(', ')}`),
  ];
}

/**
 * Plan-wide warnings, then the warnings of changes not shown above (no-ops), prefixed by address. The warnings
 * about duplicates are left out: the duplicates section already says it.
 */
export function warningsSection(plan: Plan, paint: Paint): string[] {
  const said = new Set(plan.duplicates.map((d) => planMessages.duplicate(d.address, d.arns)));
  const hidden = plan.changes.filter((c) => c.action === 'no-op').flatMap((c) => c.warnings.map((w) => `${c.address}: ${w}`));
  const all = [...plan.warnings.filter((w) => !said.has(w)), ...hidden];
  if (all.length === 0) return [];
  return [paint('bold', 'Warnings:'), ...all.map((w) => '  ' + paint('yellow', `${WARNING_MARK} ${w}`))];
}
