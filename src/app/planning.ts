// The shared first half of plan and apply: desired state, live state, plan.
import { LicensectlError } from '../errors/index.js';
import { computePlan, type PlanContext } from '../plan/compute-plan.js';
import { diffDesired } from '../plan/desired-diff.js';
import { parseTargets } from '../plan/filter.js';
import type { Plan } from '../plan/types.js';
import path from 'node:path';
import type { Address, DesiredState, LiveState, ProjectConfig } from '../model/index.js';
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
  const { loaded, store, live } = await loadWhileReading(dir, flags);
  try {
    const desiredChanges = flags.base === undefined ? undefined : diffDesired((await loadDesired(dir, flags.base)).state, loaded.state);
    const planned = await planAgainst(store, loaded.state, {
      target: store.target,
      source: loaded.source,
      createdAt: new Date().toISOString(),
      ...(targets.length ? { targets } : {}),
    }, live);
    return { loaded, store, plan: desiredChanges ? { ...planned, desiredChanges } : planned };
  } catch (error) {
    store.close();
    throw error;
  }
}

/**
 * Opens the store as soon as licensectl.yaml is read, and starts the live read — which needs the desired state
 * only to pair grants by name — before the other files are parsed. A desired state that does not load is the
 * error reported, even when the store failed too: it is the user's first problem, and nothing was changed.
 */
async function loadWhileReading(dir: string, flags: PlanFlags): Promise<{ loaded: LoadedState } & Reading> {
  const desired = deferred<DesiredState>();
  let reading: Promise<Reading> | undefined;
  const loading = loadDesired(dir, flags['git-ref'], {
    onProject: async (project) => {
      if (project === null) return;
      reading = startReading(dir, project, flags, desired.promise);
      await reading.catch(() => undefined); // its failure is reported after the load's
    },
  });
  loading.then((l) => desired.resolve(l.state), desired.reject);
  let loaded: LoadedState;
  try {
    loaded = await loading;
  } catch (error) {
    (await reading?.catch(() => undefined))?.store.close();
    throw error;
  }
  return { loaded, ...(await (reading ?? startReading(dir, loaded.state.project, flags, desired.promise))) };
}

interface Reading {
  readonly store: Store;
  readonly live: Promise<LiveState>;
}

async function startReading(dir: string, project: ProjectConfig, flags: StoreFlags, desired: Promise<DesiredState>): Promise<Reading> {
  const store = await openStore({ dir: path.resolve(dir), project, flags });
  const live = store.readLive(desired);
  live.catch(() => undefined); // awaited by planAgainst, once the desired state has loaded
  return { store, live };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  promise.catch(() => undefined); // a failed load is reported through `loading`; the read only stops waiting
  return { promise, resolve, reject };
}

/**
 * Reads the live state and plans. Resources the read paired by name without their tags (see
 * LiveState.unverified) are verified if the plan would change them, and the plan is made again.
 */
export async function planAgainst(store: Store, desired: DesiredState, ctx: PlanContext, reading: Promise<LiveState> = store.readLive(desired)): Promise<Plan> {
  const live = await reading;
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
