// References between managed resources (a share, an association or a report generator lists configurations by
// name, a grant names its license), what
// a replacement forces on what refers to it, and what each change must wait for when a plan is applied.

import { type Address, addressOf, compareAddresses, type Kind } from '../model/index.js';
import type { Plan, ResourceBody, ResourceChange } from './types.js';
import { planMessages } from './change-rules.js';
import type { Pair } from './pair-resources.js';
import { bodyOf, type ForcedReasons, NOT_FORCED } from './plan-change.js';

/**
 * The addresses of the plan's changes that `change` must wait for, sorted. No-ops have none and are never waited for.
 * - Creates, updates and replaces wait for the creates, updates and replaces of what they refer to by name
 *   (a share's configurations, a grant's license): the new ARN must exist first.
 * - Deletes and replaces wait for the changes that stop referring to them: the delete or replace of a grant on
 *   a license, the delete of a share listing a configuration, or an update that drops it from the list.
 *   A share that keeps listing a replaced configuration instead waits for it, to associate the new ARN.
 * The graph has no cycle: forward edges always point to an earlier kind, and a reverse edge that would close a
 * cycle (two shares swapping two replaced configurations) is left out, in address order, keeping creates correct.
 */
export function dependenciesOf(change: ResourceChange, plan: Plan): Address[] {
  return [...(graphOf(plan).get(change.address) ?? [])];
}

// Apply asks once per change; plans are immutable values, so one graph per plan object is enough.
const graphs = new WeakMap<Plan, ReadonlyMap<Address, readonly Address[]>>();

function graphOf(plan: Plan): ReadonlyMap<Address, readonly Address[]> {
  let graph = graphs.get(plan);
  if (!graph) graphs.set(plan, (graph = buildGraph(plan.changes.filter((c) => c.action !== 'no-op'))));
  return graph;
}

function buildGraph(active: readonly ResourceChange[]): Map<Address, Address[]> {
  const byAddr = new Map(active.map((c) => [c.address, c]));
  const edges = new Map(active.map((c) => [c.address, new Set<Address>()]));
  for (const change of active) for (const dep of forwardDependencies(change, byAddr)) edges.get(change.address)!.add(dep);
  for (const [from, to] of reverseEdges(active)) if (!reaches(edges, to, from)) edges.get(from)!.add(to);
  return new Map([...edges].map(([address, deps]) => [address, [...deps].sort(compareAddresses)]));
}

function forwardDependencies(change: ResourceChange, byAddr: ReadonlyMap<Address, ResourceChange>): Address[] {
  if (change.action === 'delete') return [];
  return referencesOf(change.kind, change.after).filter((ref) => {
    const target = byAddr.get(ref);
    return target !== undefined && target.action !== 'delete' && ref !== change.address;
  });
}

/** [waiting, awaited] pairs in address order of the waiting change, then of the awaited one. */
function reverseEdges(active: readonly ResourceChange[]): [Address, Address][] {
  const edges: [Address, Address][] = [];
  const removing = active.filter((c) => c.action === 'delete' || c.action === 'replace').sort((a, b) => compareAddresses(a.address, b.address));
  for (const target of removing) {
    for (const other of active) {
      if (other.address !== target.address && stopsReferring(other, target.address)) edges.push([target.address, other.address]);
    }
  }
  return edges.sort((a, b) => compareAddresses(a[0], b[0]) || compareAddresses(a[1], b[1]));
}

function stopsReferring(change: ResourceChange, address: Address): boolean {
  if (!referencesOf(change.kind, change.before).includes(address)) return false;
  return change.action === 'delete' || !referencesOf(change.kind, change.after).includes(address);
}

function reaches(edges: ReadonlyMap<Address, ReadonlySet<Address>>, from: Address, goal: Address): boolean {
  const seen = new Set<Address>();
  const stack = [from];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current === goal) return true;
    if (seen.has(current)) continue;
    seen.add(current);
    stack.push(...(edges.get(current) ?? []));
  }
  return false;
}

// References between managed resources: a share lists configurations by name, a grant names its license.
/** A reference is either a managed resource's name or the ARN of a resource licensectl does not manage. */
export function isArn(reference: string): boolean {
  return reference.startsWith('arn:');
}

/** The managed addresses a body refers to by name, sorted and without repeats. ARNs are not addresses. */
export function referencesOf(kind: Kind, body: ResourceBody | null): Address[] {
  if (body === null) return [];
  const spec = body.spec as unknown as Readonly<Record<string, unknown>>;
  switch (kind) {
    case 'ResourceShare':
    case 'Association':
    case 'ReportGenerator':
      return namesIn(spec.licenseConfigurations).map((name) => addressOf('LicenseConfiguration', name));
    case 'Grant':
      return namesIn([spec.license]).map((name) => addressOf('License', name));
    case 'LicenseConfiguration':
    case 'License':
    case 'ServiceSettings':
      return [];
  }
}

// Totality: a malformed spec (not a list, not strings) refers to nothing rather than throwing.
function namesIn(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  const names = values.filter((v): v is string => typeof v === 'string' && v !== '' && !isArn(v));
  return [...new Set(names)].sort();
}

// Replacing a resource gives it a new ARN; whatever refers to it by name must follow in the same plan.
/**
 * For a resource that stays (desired and live) and keeps referring to a replaced one:
 * - a grant is bound to its license's ARN and CreateGrantVersion cannot change it, so the grant is replaced too;
 * - a share or an association keeps its name-level list but must associate the new configuration's ARN, so it is updated.
 */
export function forcedByReplacements(pair: Pair, replaced: ReadonlySet<Address>): ForcedReasons {
  if (!pair.desired || !pair.live) return NOT_FORCED;
  const before = new Set(referencesOf(pair.kind, bodyOf(pair.live)));
  const followed = referencesOf(pair.kind, bodyOf(pair.desired)).filter((a) => replaced.has(a) && before.has(a));
  if (followed.length === 0) return NOT_FORCED;
  switch (pair.kind) {
    case 'Grant':
      return { replace: followed.map(planMessages.licenseReplaced), update: [] };
    case 'ResourceShare':
    case 'Association':
    case 'ReportGenerator':
      return { replace: [], update: followed.map(planMessages.configurationReplaced) };
    case 'LicenseConfiguration':
    case 'License':
    case 'ServiceSettings':
      return NOT_FORCED;
  }
}
