// The human view of a plan, Terraform-like: where, what changes and how, what is left alone, then one summary line.
import { hasChanges } from '../plan/summary.js';
import type { Plan, PlanSummary } from '../plan/types.js';
import { painter, type Paint } from './ansi.js';
import { describeSource, describeTarget } from './headline.js';
import { renderChange } from './plan-text-change.js';
import { duplicatesSection, legendSection, unmanagedSection, warningsSection } from './plan-text-sections.js';

export interface TextOptions {
  readonly color: boolean;
}

/**
 * Changes are listed by address (kind in dependency order, then name), the order of `plan.changes`, so that the
 * same plan always reads the same; the summary line counts them by action. No-ops are not listed.
 */
export function renderPlanText(plan: Plan, options: TextOptions): string {
  const paint = painter(options.color);
  const blocks = [
    header(plan, paint),
    legendSection(plan, paint),
    changesSection(plan, paint),
    unmanagedSection(plan, paint),
    duplicatesSection(plan, paint),
    warningsSection(plan, paint),
    [paint('bold', summaryLine(plan.summary))],
  ].filter((block) => block.length > 0);
  return blocks.map((block) => block.join('\n')).join('\n\n') + '\n';
}

function header(plan: Plan, paint: Paint): string[] {
  return [
    paint('bold', `Plan for project ${plan.project}`),
    `  target: ${describeTarget(plan.target)}`,
    `  desired state: ${describeSource(plan.source)}`,
  ];
}

function changesSection(plan: Plan, paint: Paint): string[] {
  const shown = plan.changes.filter((c) => c.action !== 'no-op');
  if (shown.length === 0) return [];
  const blocks = shown.map((c) => renderChange(c, paint).join('\n'));
  return ['licensectl will perform the following actions:', '', blocks.join('\n\n')];
}

export function summaryLine(summary: PlanSummary): string {
  if (!hasChanges(summary)) return 'No changes. The account matches the desired state.';
  return `Plan: ${summary.create} to create, ${summary.update} to update, ${summary.replace} to replace, ${summary.delete} to delete.`;
}
