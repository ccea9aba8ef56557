// The shared first half of plan and apply: desired state, live state, plan.
import { LicensectlError } from '../errors/index.js';
import { computePlan } from '../plan/compute-plan.js';
import { parseTargets } from '../plan/filter.js';
import type { Plan } from '../plan/types.js';
import type { Store } from '../store/index.js';
import { loadDesired, type LoadedState } from './desired.js';
import { openStore, type StoreFlags } from './open-store.js';

export interface PlanRun {
  readonly loaded: LoadedState;
  readonly store: Store;
  readonly plan: Plan;
}

export async function planDirectory(dir: string, flags: StoreFlags & { target?: readonly string[] }): Promise<PlanRun> {
  const targets = targetsOf(flags.target ?? []);
  const loaded = await loadDesired(dir);
  const store = await openStore({ dir: loaded.dir, project: loaded.state.project, flags });
  try {
    const live = await store.readLive();
    const plan = computePlan(loaded.state, live, {
      target: store.target,
      source: { revision: null, dirty: null },
      createdAt: new Date().toISOString(),
      ...(targets.length ? { targets } : {}),
    });
    return { loaded, store, plan };
  } catch (error) {
    store.close();
    throw error;
  }
}

function targetsOf(values: readonly string[]) {
  const { targets, errors } = parseTargets(values);
  if (errors.length) throw new LicensectlError('BAD_TARGET', errors.join('\n'), { hint: 'addresses look like Kind/name, e.g. LicenseConfiguration/windows-server' });
  return targets;
}
