// The depth of each change in a plan's dependency graph (dependenciesOf): what apply can run at once. A test helper
// for properties of the graph; apply itself starts each change when its dependencies are done.
import type { Address } from '../../src/model/index.js';
import { dependenciesOf } from '../../src/plan/dependencies.js';
import type { Plan, ResourceChange } from '../../src/plan/types.js';

/** Changes but no-ops grouped by depth, each wave sorted by address text. Recursion ends: the graph is acyclic. */
export function executionWaves(plan: Plan): ResourceChange[][] {
  const active = plan.changes.filter((c) => c.action !== 'no-op');
  const byAddress = new Map(active.map((c) => [c.address, c]));
  const depths = new Map<Address, number>();
  const depthOf = (change: ResourceChange): number => {
    const known = depths.get(change.address);
    if (known !== undefined) return known;
    const deps = dependenciesOf(change, plan).map((a) => byAddress.get(a)).filter((c) => c !== undefined);
    const depth = Math.max(-1, ...deps.map(depthOf)) + 1;
    depths.set(change.address, depth);
    return depth;
  };
  const waves: ResourceChange[][] = [];
  for (const change of active) (waves[depthOf(change)] ??= []).push(change);
  return waves.map((wave) => wave.sort((a, b) => (a.address < b.address ? -1 : 1)));
}

export function executionOrder(plan: Plan): ResourceChange[] {
  return executionWaves(plan).flat();
}
