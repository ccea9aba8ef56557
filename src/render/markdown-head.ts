// The part of a pull-request comment that is always shown: the hidden marker, the verdict, the target and the
// summary table of actions per kind.
import { KINDS, type Kind } from '../model/index.js';
import { hasChanges } from '../plan/summary.js';
import type { Action, Plan, PlanSummary } from '../plan/types.js';
import { describeSource, describeTarget } from './headline.js';
import { ellipsize, escapeMarkdown, markerName } from './markdown-escape.js';

/** How a CI step finds the comment it wrote before: the first line of every comment starts with it. */
export const MARKER_PREFIX = '<!-- licensectl-plan: ';

export function markerLine(plan: Plan): string {
  return `${MARKER_PREFIX}${markerName(plan.project)} -->`;
}

/** `**licensectl plan for P:** 2 to create, 1 to delete — ⚠️ 1 delete`, or `… No changes.` */
export function verdictLine(plan: Plan): string {
  const lead = `**licensectl plan for ${escapeMarkdown(plan.project)}:**`;
  if (!hasChanges(plan.summary)) return `${lead} No changes.`;
  return `${lead} ${countsInWords(plan.summary)}${destructiveNote(plan.summary)}`;
}

function countsInWords(summary: PlanSummary): string {
  const counts: [number, string][] = [[summary.create, 'create'], [summary.update, 'update'], [summary.replace, 'replace'], [summary.delete, 'delete']];
  return counts.filter(([n]) => n > 0).map(([n, verb]) => `${n} to ${verb}`).join(', ');
}

function destructiveNote(summary: PlanSummary): string {
  const parts = [plural(summary.delete, 'delete', 'deletes'), plural(summary.replace, 'replace', 'replaces')].filter((p) => p !== '');
  return parts.length === 0 ? '' : ` — ⚠️ ${parts.join(', ')}`;
}

function plural(count: number, one: string, many: string): string {
  return count === 0 ? '' : `${count} ${count === 1 ? one : many}`;
}

// An endpoint or revision is the only unbounded text in the head; the head must stay small for the cap to work.
const MAX_TARGET_LINE = 400;

export function targetLine(plan: Plan): string {
  const text = `**Target:** ${escapeMarkdown(describeTarget(plan.target))} · **desired state:** ${escapeMarkdown(describeSource(plan.source))}`;
  return ellipsize(text, MAX_TARGET_LINE);
}

const COLUMNS: readonly [Action, string][] = [['create', 'Create'], ['update', 'Update'], ['replace', 'Replace'], ['delete', 'Delete'], ['no-op', 'Unchanged']];

/** One row per kind that has any resource, in dependency order, then the totals; empty for an empty plan. */
export function summaryTable(plan: Plan): string {
  const kinds = KINDS.filter((kind) => plan.changes.some((c) => c.kind === kind));
  if (kinds.length === 0) return '';
  const count = (kind: Kind | null, action: Action) => plan.changes.filter((c) => (kind === null || c.kind === kind) && c.action === action).length;
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    row(['Kind', ...COLUMNS.map(([, title]) => title)]),
    row(['---', ...COLUMNS.map(() => '---:')]),
    ...kinds.map((kind) => row([kind, ...COLUMNS.map(([action]) => String(count(kind, action)))])),
    row(['**Total**', ...COLUMNS.map(([action]) => `**${count(null, action)}**`)]),
  ].join('\n');
}
