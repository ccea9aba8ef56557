// What an apply left behind, in the terms the watcher reports: resources managed, and the first failure.
import type { ApplyResult } from '../plan/apply-result.js';
import type { Plan } from '../plan/types.js';
import type { ErrorInfo } from './outcome.js';

/** Managed resources that exist before any change: every planned address except those still to create. */
export function managedBefore(plan: Plan): number {
  return plan.changes.filter((c) => c.action !== 'create').length;
}

/** Managed resources after the apply: creates that succeeded count, deletes that succeeded do not. */
export function managedAfter(plan: Plan, result: ApplyResult): number {
  const applied = new Set(result.results.filter((r) => r.outcome === 'applied').map((r) => r.address));
  return plan.changes.filter((c) => {
    if (c.action === 'create') return applied.has(c.address);
    if (c.action === 'delete') return !applied.has(c.address);
    return true;
  }).length;
}

/** Null when every change was applied; otherwise the first failure's code and every unfinished address. */
export function applyErrorOf(result: ApplyResult): ErrorInfo | null {
  const unfinished = result.results.filter((r) => r.outcome !== 'applied');
  if (unfinished.length === 0) return null;
  const first = unfinished.find((r) => r.outcome === 'failed') ?? unfinished.find((r) => r.error) ?? unfinished[0]!;
  const list = unfinished.map((r) => `${r.address} (${r.outcome}${r.error ? `: ${r.error.code}` : ''})`).join(', ');
  return {
    code: first.error?.code ?? 'APPLY_FAILED',
    message: `${unfinished.length} of ${result.results.length} changes were not applied: ${list}`,
    diagnostics: [],
  };
}
