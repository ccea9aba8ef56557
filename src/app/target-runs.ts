// A project with spec.targets, planned and applied unit by unit (a target in one region; see model/targets.ts).
// Every unit has its own store, credentials and account check, and is planned exactly as a single-target project is;
// units run concurrently under one bound on the calls in flight and each account's request budget, and a unit that
// fails does not stop the others.
import pLimit from 'p-limit';
import { LicensectlError } from '../errors/index.js';
import { desiredForUnit, selectUnits, targetUnits, type TargetUnit } from '../model/index.js';
import { executePlan, type ApplyOptions } from '../apply/execute-plan.js';
import { type ApplyResult, hasChanges, type Plan } from '../plan/types.js';
import type { DesiredState, Usage } from '../model/index.js';
import type { Store } from '../store/index.js';
import type { PlanSet, PlanSetUnit, UnitError, UnitErrorDetail, UnitResult } from '../render/plan-set.js';
import { asLicensectlError } from './cli-errors.js';
import { type GranteeOutcome, type GranteeStep, granteeStepsOf, runGranteeSteps, stepView } from './grantee-steps.js';
import { openStore, type OpenStoreOptions, type StoreFlags } from './open-store.js';
import { checkGuards, type LoadedState, type PlanFlags, planWithUsage, targetsOf } from './planning.js';

export interface UnitPlan {
  readonly unit: TargetUnit;
  readonly store: Store;
  readonly plan: Plan;
  /** What the plan read: every listed configuration's totals, and the usage its findings needed. */
  readonly usage: Usage;
  /** From the start of the run to this unit's plan: how long the unit kept its part of the run waiting. */
  readonly elapsedMs: number;
}

export interface UnitFailure {
  readonly unit: TargetUnit;
  readonly error: unknown;
}

export interface UnitsPlanned {
  /** In the order of spec.targets, then regions. */
  readonly plans: readonly UnitPlan[];
  readonly failures: readonly UnitFailure[];
  /** What the receiving units do during apply: accept and activate grants, accept share invitations. */
  readonly steps: readonly GranteeStep[];
}

/** Whether the project has several places to plan (spec.targets), and so the outputs of a plan set. */
export function hasTargets(loaded: LoadedState): boolean {
  return targetUnits(loaded.state.project).length > 0;
}

/**
 * Where each unit's store comes from: opened for this run and closed when its unit fails (plan, apply), or held from
 * one watch pass to the next (watch/reconcile.ts StoreHolder), which then drops a failed unit's store.
 */
export interface UnitStores {
  open(options: OpenStoreOptions & { readonly unit: TargetUnit }): Promise<Store>;
  /** The unit failed: its store, if it got one, is not to be used again. */
  failed(unit: TargetUnit, store: Store | undefined): void;
}

const FRESH_STORES: UnitStores = { open: openStore, failed: (_unit, store) => store?.close() };

export interface PlanUnitsOptions {
  readonly stores?: UnitStores;
  /** The plans' date (watch passes give their clock's). */
  readonly createdAt?: string;
  /** Whether the plans delete managed resources whose documents are gone (watch: only where the project says so explicitly). */
  readonly prune?: boolean;
  /** The revision the documents came from, when it is not the loaded one's (watch: the last valid state's). */
  readonly source?: LoadedState['source'];
}

/** The units a run covers: every unit, or with `--only-targets` those of the targets it selects (one shard). */
export function unitsOf(loaded: Pick<LoadedState, 'state'>, onlyTargets: readonly string[] = []): TargetUnit[] {
  const chosen = new Set(selectUnits(loaded.state.project.targets ?? [], onlyTargets));
  return targetUnits(loaded.state.project).filter((u) => !onlyTargets.length || chosen.has(`${u.target}@${u.region}`));
}

/** `--region` names one region: a project with targets names each target's own. */
export function refuseRegionFlag(flags: { readonly region?: string }): void {
  if (flags.region !== undefined) {
    throw new LicensectlError('USAGE', '--region cannot be used with spec.targets: each target names its regions', { hint: 'drop --region; choose targets with --only-targets (a target of several regions: NAME@REGION)' });
  }
}

/**
 * Plans every unit (with `--only-targets`, those of the targets it selects: one shard); `--target` addresses may
 * start with a unit's label (`dev/Grant/x`), or name a resource of every unit.
 */
export async function planUnits(loaded: Pick<LoadedState, 'state' | 'dir' | 'source'>, flags: PlanFlags, options: PlanUnitsOptions = {}): Promise<UnitsPlanned> {
  refuseRegionFlag(flags);
  const stores = options.stores ?? FRESH_STORES;
  const all = unitsOf(loaded, flags['only-targets']);
  const addresses = new Map([...addressesByUnit(all, flags.target ?? [])].map(([label, list]) => [label, targetsOf(list)]));
  // With --target, only the units it names are planned.
  const units = flags.target?.length ? all.filter((u) => addresses.get(u.label)!.length > 0) : all;
  // Each unit reads at --concurrency, as a single-target project does, through its account's request budget; all
  // units' calls together stay under one bound (a call takes its slot only once its account's budget let it through,
  // so an account backing off from throttling holds no more of it than its budget allows).
  const callLimit = pLimit(globalBound(flags.concurrency, units.length));
  const createdAt = options.createdAt ?? new Date().toISOString();
  const started = performance.now();
  const outcomes = await Promise.all(units.map(async (unit): Promise<UnitPlan | UnitFailure> => {
    let store: Store | undefined;
    try {
      const desired = desiredForUnit(loaded.state, unit);
      store = await stores.open({ dir: loaded.dir, project: desired.project, flags, unit, callLimit });
      const targets = addresses.get(unit.label) ?? [];
      const { plan, usage } = await planWithUsage(store, desired, {
        target: store.target, source: options.source ?? loaded.source, createdAt, ...(targets.length ? { targets } : {}), ...(options.prune === undefined ? {} : { prune: options.prune }),
      });
      return { unit, store, plan, usage, elapsedMs: performance.now() - started };
    } catch (error) {
      stores.failed(unit, store);
      return { unit, error };
    }
  }));
  const plans = outcomes.filter((o): o is UnitPlan => 'plan' in o);
  return { plans, failures: outcomes.filter((o): o is UnitFailure => 'error' in o), steps: await granteeStepsOf(plans) };
}

export interface UnitDone<T> {
  readonly unit: TargetUnit;
  readonly value: T;
  readonly store: Store;
}

/**
 * Runs `work` in every unit's store at once (with `--only-targets`, the units it selects), each store opened for it
 * and closed after, under one bound on the calls in flight; a unit that fails does not stop the others (report, repair).
 */
export async function inEveryUnit<T>(
  loaded: Pick<LoadedState, 'state' | 'dir'>, flags: StoreFlags & { readonly 'only-targets'?: readonly string[] },
  work: (store: Store, desired: DesiredState, unit: TargetUnit) => Promise<T>,
): Promise<{ done: UnitDone<T>[]; failures: UnitFailure[] }> {
  refuseRegionFlag(flags);
  const units = unitsOf(loaded, flags['only-targets']);
  const callLimit = pLimit(globalBound(flags.concurrency, units.length));
  const outcomes = await Promise.all(units.map(async (unit): Promise<UnitDone<T> | UnitFailure> => {
    let store: Store | undefined;
    try {
      const desired = desiredForUnit(loaded.state, unit);
      store = await openStore({ dir: loaded.dir, project: desired.project, flags, unit, callLimit });
      return { unit, value: await work(store, desired, unit), store };
    } catch (error) {
      return { unit, error };
    } finally {
      store?.close();
    }
  }));
  return { done: outcomes.filter((o): o is UnitDone<T> => 'value' in o), failures: outcomes.filter((o): o is UnitFailure => 'error' in o) };
}

/** Calls in flight across all units: --concurrency for each, up to MAX_CALLS_IN_FLIGHT (sockets, memory) in all. */
export const MAX_CALLS_IN_FLIGHT = 256;

export function globalBound(concurrency: number, units: number): number {
  return Math.max(1, Math.min(concurrency * Math.max(1, units), Math.max(concurrency, MAX_CALLS_IN_FLIGHT)));
}

/** `--target` split by unit: `LABEL/Kind/name` for one unit, `Kind/name` for every unit. */
function addressesByUnit(units: readonly TargetUnit[], values: readonly string[]): Map<string, string[]> {
  const byUnit = new Map(units.map((u) => [u.label, [] as string[]]));
  for (const value of values) {
    const unit = units.find((u) => value.startsWith(`${u.label}/`));
    if (unit) byUnit.get(unit.label)!.push(value.slice(unit.label.length + 1));
    else for (const list of byUnit.values()) list.push(value);
  }
  return byUnit;
}

export interface UnitApplied {
  readonly unit: TargetUnit;
  readonly result: ApplyResult;
}

/** Applies each unit's plan, all at once; a unit whose apply throws is a failure, the others go on. */
export async function applyUnits(planned: readonly UnitPlan[], options: (unit: TargetUnit) => ApplyOptions): Promise<{ applied: UnitApplied[]; failures: UnitFailure[] }> {
  const outcomes = await Promise.all(planned.map(async ({ unit, store, plan }): Promise<UnitApplied | UnitFailure> => {
    try {
      return { unit, result: await executePlan(plan, store, options(unit)) };
    } catch (error) {
      return { unit, error };
    }
  }));
  return {
    applied: outcomes.filter((o): o is UnitApplied => 'result' in o),
    failures: outcomes.filter((o): o is UnitFailure => 'error' in o),
  };
}

/** The view renderers take: plans by label, and each failure as its code and message. */
export async function planSetOf(project: string, planned: UnitsPlanned): Promise<PlanSet> {
  return {
    project,
    plans: planned.plans.map(({ unit, plan }) => ({ ...placeOf(unit), plan })),
    failures: await Promise.all(planned.failures.map(async ({ unit, error }) => ({ ...placeOf(unit), error: await codeOf(error) }))),
    granteeSteps: planned.steps.map(stepView),
  };
}

export function placeOf(unit: TargetUnit): PlanSetUnit {
  return { label: unit.label, account: unit.account, region: unit.region };
}

export async function codeOf(error: unknown): Promise<UnitErrorDetail> {
  const e = await asLicensectlError(error as Error);
  return { code: e.code, message: e.message, ...(e.diagnostics.length ? { diagnostics: e.diagnostics } : {}) };
}

export function closeAll(planned: readonly UnitPlan[]): void {
  for (const { store } of planned) store.close();
}

/** The guards of a project with targets: each unit's own, and --max-deletes across all units together. */
export function checkSetGuards(plans: readonly UnitPlan[], options: { readonly maxDeletes?: number; readonly allowEmpty: boolean }): void {
  for (const { plan } of plans) checkGuards(plan, { allowEmpty: options.allowEmpty, desiredCount: plan.changes.filter((c) => c.action !== 'delete').length });
  const destroys = plans.reduce((n, { plan }) => n + plan.summary.delete + plan.summary.replace, 0);
  if (options.maxDeletes !== undefined && destroys > options.maxDeletes) {
    throw new LicensectlError('TOO_MANY_DELETES', `the plan deletes or replaces ${destroys} resources across its targets, more than --max-deletes ${options.maxDeletes}`, {
      hint: `review the plan; raise --max-deletes to at least ${destroys} if it is intended`,
    });
  }
}

export interface SetApplied {
  readonly results: readonly UnitResult[];
  /** The units that could not be planned, then those whose apply threw. */
  readonly failures: readonly UnitError[];
  readonly granted: readonly GranteeOutcome[];
}

/** Applies the units with changes, all at once, then the receiving steps in the receivers' stores; `notPlanned` lead the failures. */
export async function applyPlanned(planned: UnitsPlanned, notPlanned: readonly UnitError[], options: (unit: TargetUnit) => ApplyOptions): Promise<SetApplied> {
  const outcome = await applyUnits(planned.plans.filter((p) => hasChanges(p.plan.summary)), options);
  const failures = [...notPlanned, ...await Promise.all(outcome.failures.map(async ({ unit, error }) => ({ ...placeOf(unit), error: await codeOf(error) })))];
  const results = outcome.applied.map(({ unit, result }) => ({ ...placeOf(unit), result }));
  const stores = new Map(planned.plans.map((p) => [p.unit.label, p.store]));
  const granted = await runGranteeSteps(planned.steps, stores, new Map(results.map((r) => [r.label, r.result])), codeOf);
  return { results, failures, granted };
}
