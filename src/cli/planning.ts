// The shared first half of plan and apply: desired state, live state, plan.
import { LicensectlError } from '../errors/index.js';
import { computePlan, type PlanContext } from '../plan/compute-plan.js';
import { diffDesired } from '../plan/desired-diff.js';
import { parseTargets } from '../plan/filter.js';
import type { Plan } from '../plan/types.js';
import type { Address, DesiredState } from '../model/index.js';
import type { Store } from '../store/index.js';
import { loadDesired, type LoadedState } from './desired.js';
import { openStore, type StoreFlags } from './open-store.js';

export interface PlanRun {
  readonly loaded: LoadedState;
  readonly store: Store;
  readonly plan: Plan;
}

export interface PlanFlags extends StoreFlags {
  readonly target?: readonly string[];
  /** Read the desired state at this git ref instead of the working tree. */
  readonly 'git-ref'?: string;
  /** Also describe the desired-state changes from this ref to the head (a pull request's review). */
  readonly base?: string;
}

export async function planDirectory(dir: string, flags: PlanFlags): Promise<PlanRun> {
  const targets = targetsOf(flags.target ?? []);
  const loaded = await loadDesired(dir, flags['git-ref']);
  const desiredChanges = flags.base === undefined ? undefined : diffDesired((await loadDesired(dir, flags.base)).state, loaded.state);
  const store = await openStore({ dir: loaded.dir, project: loaded.state.project, flags });
  try {
    const planned = await planAgainst(store, loaded.state, {
      target: store.target,
      source: loaded.source,
      createdAt: new Date().toISOString(),
      ...(targets.length ? { targets } : {}),
    });
    return { loaded, store, plan: desiredChanges ? { ...planned, desiredChanges } : planned };
  } catch (error) {
    store.close();
    throw error;
  }
}

/**
 * Reads the live state and plans. Resources the read paired by name without their tags (see
 * LiveState.unverified) are verified if the plan would change them, and the plan is made again.
 */
export async function planAgainst(store: Store, desired: DesiredState, ctx: PlanContext): Promise<Plan> {
  const live = await store.readLive(desired);
  const first = computePlan(desired, live, ctx);
  const verified = await store.verify(live, touchedBy(first));
  return verified === live ? first : computePlan(desired, verified, ctx);
}

export function touchedBy(plan: Plan): Address[] {
  return plan.changes.filter((c) => c.action !== 'no-op').map((c) => c.address);
}

function targetsOf(values: readonly string[]) {
  const { targets, errors } = parseTargets(values);
  if (errors.length) throw new LicensectlError('BAD_TARGET', errors.join('\n'), { hint: 'addresses look like Kind/name, e.g. LicenseConfiguration/windows-server' });
  return targets;
}
