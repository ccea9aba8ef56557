// The lines that say where a plan or an apply runs and what it was computed from.
import type { Target } from '../model/index.js';
import type { PlanSource } from '../plan/types.js';

export function describeTarget(target: Target): string {
  const endpoint = target.endpoint ? `, endpoint ${target.endpoint}` : '';
  return `${target.store}, account ${target.account}, region ${target.region}${endpoint}`;
}

export function describeSource(source: PlanSource): string {
  if (source.revision === null) return 'files (no git revision)';
  const dirty = source.dirty === true ? ' with uncommitted changes' : '';
  return `revision ${source.revision}${dirty}`;
}
