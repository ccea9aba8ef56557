// Saved plans of a project with spec.targets (`plan --out FILE`, `apply FILE`): the plan set (plan-set.schema.json)
// with every unit's plan, signed as a whole. Applying it re-opens each unit's store and checks, before anything is
// written anywhere, that every unit is the target it was planned for, that every resource its plan changes is as it
// was (fingerprints), and that the grantee steps are still the ones saved; then the units and the steps are applied
// as `apply` applies a fresh plan set. A plan saved with --only-targets holds only those units, and applies just them.
import pLimit from 'p-limit';
import { LicensectlError } from '../errors/index.js';
import { desiredForUnit, NO_USAGE, selectUnits, targetUnits, type TargetUnit } from '../model/index.js';
import type { Plan } from '../plan/types.js';
import { type GranteeStepView, type JsonPlanSet, type PlanSet, planSetToJson, type UnitError } from '../render/plan-set.js';
import type { Store } from '../store/index.js';
import { canonicalJson } from '../util/canonical.js';
import { granteeStepsOf, stepView } from './grantee-steps.js';
import { openStore, type StoreFlags } from './open-store.js';
import { schemaProblems } from './schema.js';
import { type LoadedState, readLive, touchedBy } from './planning.js';
import { checkPlanTarget, checkSavedDocument, dirFromPlanFile, PLAN_KEY_ENV, type ReadPlanOptions, staleAddresses, writeSavedDocument } from './saved-plan.js';
import { closeAll, globalBound, placeOf, type UnitPlan, type UnitsPlanned } from './target-runs.js';

/** The saved file: the plan set, when it was made, where the project is, and the --only-targets it was made with. */
export interface SavedPlanSet extends JsonPlanSet {
  readonly createdAt: string;
  readonly source: { readonly dir: string };
  readonly onlyTargets?: readonly string[];
}

/** A saved plan file holds a plan set (not a single-target plan) when it lists targets. */
export function isPlanSetDocument(doc: unknown): boolean {
  return typeof doc === 'object' && doc !== null && Array.isArray((doc as { targets?: unknown }).targets);
}

/**
 * Writes the plan set. A set in which a unit could not be planned is not saved: applying it would apply only part of
 * what was reviewed; `--only-targets` leaves a failing target out on purpose.
 */
export async function writePlanSetFile(file: string, set: PlanSet, projectDir: string, onlyTargets: readonly string[], key = process.env[PLAN_KEY_ENV]): Promise<string> {
  if (set.failures.length) {
    throw new LicensectlError('PLAN_INCOMPLETE', `the plan was not saved to ${file}: ${set.failures.map((f) => f.label).join(', ')} could not be planned`, {
      hint: 'fix those targets and plan again, or leave them out with --only-targets',
    });
  }
  const createdAt = set.plans[0]?.plan.createdAt ?? new Date().toISOString();
  const doc: SavedPlanSet = { ...planSetToJson(set), createdAt, source: { dir: dirFromPlanFile(file, projectDir) }, ...(onlyTargets.length ? { onlyTargets: [...onlyTargets] } : {}) };
  return writeSavedDocument(file, doc, key);
}

/** Schema, signature (over the whole set) and age, as a single-target saved plan's. */
export function checkPlanSetDocument(file: string, doc: unknown, options: ReadPlanOptions): SavedPlanSet {
  const saved = (doc as { createdAt?: unknown }).createdAt !== undefined && (doc as { source?: unknown }).source !== undefined;
  if (!saved && !schemaProblems('plan-set.schema.json', doc).length) {
    throw new LicensectlError('PLAN_FILE_INVALID', `${file} is the output of \`plan --json\`, not a saved plan`, { hint: 'pass the file written by `licensectl plan --out FILE`' });
  }
  checkSavedDocument(file, doc, 'plan-set.schema.json', options);
  return doc as SavedPlanSet;
}

/**
 * Opens the store of every saved unit (those `only` selects, when given) and checks the set is still current; all
 * or nothing: on any refusal every store is closed again and nothing has been written.
 */
export async function reopenPlanSet(saved: SavedPlanSet, loaded: LoadedState, flags: StoreFlags, only: readonly string[]): Promise<{ planned: UnitsPlanned; set: PlanSet }> {
  const project = loaded.state.project;
  if (saved.project !== project.name || !project.targets?.length) {
    throw new LicensectlError('PLAN_TARGET_MISMATCH', `the saved plan was made for project ${saved.project} with targets; ${loaded.dir} holds project ${project.name}${project.targets?.length ? '' : ' without spec.targets'}`, { hint: 'run plan again against this project' });
  }
  const units = new Map(targetUnits(project).map((u) => [u.label, u]));
  const missing = saved.targets.filter((t) => !units.has(t.label)).map((t) => t.label);
  if (missing.length) throw new LicensectlError('PLAN_TARGET_MISMATCH', `the saved plan names targets the project no longer has: ${missing.join(', ')}`, { hint: 'run plan again against this project' });
  const chosen = new Set(selectUnits(project.targets, only));
  const kept = saved.targets.filter((t) => !only.length || chosen.has(`${units.get(t.label)!.target}@${t.region}`));
  if (!kept.length) throw new LicensectlError('USAGE', `--only-targets ${only.join(' ')} selects none of the saved plan's targets (${saved.targets.map((t) => t.label).join(', ')})`, { hint: 'drop --only-targets, or make a plan of those targets' });
  const callLimit = pLimit(globalBound(flags.concurrency, kept.length));
  const opened = await Promise.allSettled(kept.map(async (t) => ({ unit: units.get(t.label)!, plan: asPlan(t.plan), store: await openStore({ dir: loaded.dir, project: desiredForUnit(loaded.state, units.get(t.label)!).project, flags, unit: units.get(t.label)!, callLimit }) })));
  const plans: UnitPlan[] = opened.flatMap((o) => (o.status === 'fulfilled' ? [{ ...o.value, usage: NO_USAGE, elapsedMs: 0 }] : []));
  try {
    const failed = opened.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) throw failed.reason;
    for (const { plan, store } of plans) checkPlanTarget(plan, project.name, store.target);
    const stale = (await Promise.all(plans.map(async ({ unit, plan, store }) => staleOf(unit, plan, store, loaded)))).flat();
    if (stale.length) {
      throw new LicensectlError('STALE_PLAN', `the saved plan is stale: ${stale.join(', ')} changed since it was made; nothing was applied in any target`, {
        hint: 'run `licensectl plan --out FILE` again and review the new plan',
      });
    }
    const labels = new Set(plans.map((p) => p.unit.label));
    const steps = await granteeStepsOf(plans);
    const views = steps.map(stepView);
    const savedViews = saved.granteeSteps.filter((g) => labels.has(g.granteeLabel) && labels.has(g.grant.split('/')[0]!));
    if (canonicalJson(views) !== canonicalJson(savedViews)) {
      throw new LicensectlError('STALE_PLAN', `the saved plan is stale: its grantee steps are no longer what the grantees need (saved: ${describe(savedViews)}; now: ${describe(views)}); nothing was applied in any target`, {
        hint: 'run `licensectl plan --out FILE` again and review the new plan',
      });
    }
    const failures: UnitError[] = saved.failures.filter((f) => labels.has(f.label));
    return {
      planned: { plans, failures: [], steps },
      set: { project: project.name, plans: plans.map(({ unit, plan }) => ({ ...placeOf(unit), plan })), failures, granteeSteps: views },
    };
  } catch (error) {
    closeAll(plans);
    throw error;
  }
}

/** One unit's changed resources, as `label/Kind/name`. */
async function staleOf(unit: TargetUnit, plan: Plan, store: Store, loaded: LoadedState): Promise<string[]> {
  const live = await readLive(store, desiredForUnit(loaded.state, unit), touchedBy(plan));
  return staleAddresses(plan, live).map((a) => `${unit.label}/${a}`);
}

function asPlan(json: unknown): Plan {
  // A saved unit's plan document is structurally the plan it was written from (render/plan-json.ts).
  return { ...(json as Plan), findings: (json as Partial<Plan>).findings ?? [] };
}

function describe(views: readonly GranteeStepView[]): string {
  return views.length ? views.map((v) => `${v.granteeLabel}: ${v.actions.join(' and ')} ${v.grant}`).join(', ') : 'none';
}
