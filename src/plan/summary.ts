// Counts of changes by action.
import type { PlanSummary, ResourceChange } from './types.js';

export function summarize(changes: readonly ResourceChange[]): PlanSummary {
  const count = (action: ResourceChange['action']) => changes.filter((c) => c.action === action).length;
  return { create: count('create'), update: count('update'), replace: count('replace'), delete: count('delete'), noop: count('no-op') };
}

/** True when applying the plan would change anything. */
export function hasChanges(summary: PlanSummary): boolean {
  return summary.create + summary.update + summary.replace + summary.delete > 0;
}
