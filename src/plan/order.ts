// The order apply runs a plan in: waves of changes, each wave depending only on earlier ones.
import { kindRank, type Address } from '../model/index.js';
import { byAddress } from './address-order.js';
import { dependenciesOf } from './dependencies.js';
import type { Plan, ResourceChange } from './types.js';

/**
 * Every change but no-ops, grouped so that each change comes in a later wave than everything it depends on
 * (`dependenciesOf`). Changes in one wave are independent and may run concurrently. Within a wave deletes come
 * first, in reverse kind order, then the rest in kind order (`kindRank`), each by name: the order a
 * one-at-a-time apply would take.
 */
export function executionWaves(plan: Plan): ResourceChange[][] {
  const active = plan.changes.filter((c) => c.action !== 'no-op');
  const depth = depthsOf(active, plan);
  const waves: ResourceChange[][] = [];
  for (const change of active) (waves[depth.get(change.address)!] ??= []).push(change);
  return waves.filter((wave) => wave !== undefined).map((wave) => wave.sort(byExecution));
}

/** The waves one after the other. */
export function executionOrder(plan: Plan): ResourceChange[] {
  return executionWaves(plan).flat();
}

// The graph is acyclic (see dependenciesOf), so this recursion ends.
function depthsOf(active: readonly ResourceChange[], plan: Plan): Map<Address, number> {
  const byAddr = new Map(active.map((c) => [c.address, c]));
  const depths = new Map<Address, number>();
  const depthOf = (change: ResourceChange): number => {
    const known = depths.get(change.address);
    if (known !== undefined) return known;
    const deps = dependenciesOf(change, plan).map((a) => byAddr.get(a)).filter((c) => c !== undefined);
    const depth = Math.max(-1, ...deps.map(depthOf)) + 1;
    depths.set(change.address, depth);
    return depth;
  };
  active.forEach(depthOf);
  return depths;
}

function byExecution(a: ResourceChange, b: ResourceChange): number {
  const deleteA = a.action === 'delete' ? 0 : 1;
  const deleteB = b.action === 'delete' ? 0 : 1;
  if (deleteA !== deleteB) return deleteA - deleteB;
  if (deleteA === 0) return kindRank(b.kind) - kindRank(a.kind) || byAddress(a.address, b.address);
  return byAddress(a.address, b.address);
}
