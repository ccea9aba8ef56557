// Counts of changes by action.
import type { PlanSummary, ResourceChange } from './types.js';

export function summarize(changes: readonly ResourceChange[]): PlanSummary {
  const counts = { create: 0, update: 0, replace: 0, delete: 0, noop: 0 };
  for (const c of changes) counts[c.action === 'no-op' ? 'noop' : c.action] += 1;
  return counts;
}

/** True when applying the plan would change anything. */
export function hasChanges(summary: PlanSummary): boolean {
  return summary.create + summary.update + summary.replace + summary.delete > 0;
}
