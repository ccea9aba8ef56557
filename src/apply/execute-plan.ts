// Executes a plan: every change starts once the changes it depends on have succeeded, up to `concurrency`
// at a time; a change whose dependency failed is skipped, never attempted; independent changes go on.
import pLimit from 'p-limit';
import type { Address } from '../model/index.js';
import type { ApplyResult, ChangeResult } from '../plan/apply-result.js';
import { dependenciesOf } from '../plan/dependencies.js';
import type { Plan, ResourceChange } from '../plan/types.js';
import { compareAddresses } from '../model/index.js';
import type { Store } from '../store/index.js';
import { errorName } from '../store/outcome.js';
import { PlanApplyContext } from './apply-context.js';

export interface ApplyOptions {
  readonly concurrency: number;
  /** Stops starting new changes (in-flight ones finish); the rest are reported as skipped. */
  readonly signal?: AbortSignal;
  readonly onResult?: (result: ChangeResult) => void;
}

type ActiveChange = ResourceChange & { action: Exclude<ResourceChange['action'], 'no-op'> };

export async function executePlan(plan: Plan, store: Store, options: ApplyOptions): Promise<ApplyResult> {
  const active = plan.changes.filter((c): c is ActiveChange => c.action !== 'no-op');
  const limit = pLimit(Math.max(1, options.concurrency));
  const ctx = new PlanApplyContext(plan);
  const running = new Map<Address, Promise<ChangeResult>>();
  const run = (change: ActiveChange): Promise<ChangeResult> => {
    const existing = running.get(change.address);
    if (existing) return existing;
    const promise = (async () => {
      const deps = dependenciesOf(change, plan).filter((a) => active.some((c) => c.address === a));
      const depResults = await Promise.all(deps.map((a) => run(active.find((c) => c.address === a)!)));
      const blocker = depResults.find((r) => r.outcome !== 'applied');
      const result = blocker
        ? skipped(change, blocker.address)
        : await limit(() => (options.signal?.aborted ? interrupted(change) : perform(change, store, ctx)));
      options.onResult?.(result);
      return result;
    })();
    running.set(change.address, promise);
    return promise;
  };
  const results = await Promise.all(active.map(run));
  return summarise(plan, results);
}

async function perform(change: ActiveChange, store: Store, ctx: PlanApplyContext): Promise<ChangeResult> {
  try {
    const arn = await performAction(change, store, ctx);
    if (arn && change.action !== 'delete') ctx.record(change.address, arn);
    return { address: change.address, action: change.action, outcome: 'applied', arn };
  } catch (error) {
    return { address: change.address, action: change.action, outcome: 'failed', arn: change.arn, error: { code: errorName(error), message: (error as Error).message } };
  }
}

async function performAction(change: ActiveChange, store: Store, ctx: PlanApplyContext): Promise<string | null> {
  switch (change.action) {
    case 'create':
      return store.create(change, ctx);
    case 'update':
      await store.update(change, ctx);
      return change.arn;
    case 'replace':
      await store.delete(change);
      return store.create(change, ctx);
    case 'delete':
      await store.delete(change);
      return change.arn;
  }
}

function skipped(change: ActiveChange, blockedBy: Address): ChangeResult {
  return { address: change.address, action: change.action, outcome: 'skipped', arn: change.arn, blockedBy };
}

function interrupted(change: ActiveChange): ChangeResult {
  return { address: change.address, action: change.action, outcome: 'skipped', arn: change.arn, error: { code: 'INTERRUPTED', message: 'apply was interrupted before this change started' } };
}

function summarise(plan: Plan, results: readonly ChangeResult[]): ApplyResult {
  const sorted = [...results].sort((a, b) => compareAddresses(a.address, b.address));
  const count = (outcome: ChangeResult['outcome']) => sorted.filter((r) => r.outcome === outcome).length;
  return { project: plan.project, target: plan.target, results: sorted, summary: { applied: count('applied'), failed: count('failed'), skipped: count('skipped') } };
}
