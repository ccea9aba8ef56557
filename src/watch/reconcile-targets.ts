// One pass of a project with spec.targets: every unit (a target in one region; with --only-targets, this watcher's
// share of them) planned and corrected as `licensectl apply` does it — planUnits, each unit's guards and findings and
// --max-deletes across all of them, then applyPlanned with the receiving steps (a grant accepted and activated, an
// invitation accepted, in the receiver's target) — each unit with its own memory of what its account last matched
// and its own deletes held back by --prune-grace. A unit that fails is that unit's outcome; the others go on, and the
// pass sums them up (outcome.ts passOfTargets), its error naming the units that failed.
import { lockApply } from '../app/apply-lock.js';
import { describeOutcome } from '../app/grantee-steps.js';
import { embeddedStateFile } from '../app/open-store.js';
import { checkOnlyTargets } from '../app/planning.js';
import { applyPlanned, checkSetGuards, planUnits, type UnitPlan, unitsOf } from '../app/target-runs.js';
import { type DesiredState, desiredForUnit, type TargetUnit } from '../model/index.js';
import type { SyncedDocuments } from './change-causes.js';
import { hasNothingToChange, judge, type Planned, settle, storeFailure, type StorePart, type ToApply, watchPrunes } from './judge-plan.js';
import { errorInfoOf, type ErrorInfo, passOfTargets, type TargetOutcome } from './outcome.js';
import type { ReconcileContext, ValidDesired } from './reconcile.js';

/** One unit's pass: its plan with the deletes --prune-grace holds back, and what judge made of it. */
interface UnitPass {
  readonly planned: UnitPlan;
  readonly desired: DesiredState;
  readonly held: Planned;
  readonly synced: SyncedDocuments;
  readonly judged: { part: StorePart } | ToApply;
}

export async function reconcileTargets(ctx: ReconcileContext, chosen: ValidDesired): Promise<StorePart> {
  const { state } = chosen;
  const only = ctx.onlyTargets ?? [];
  let unlock: (() => Promise<void>) | undefined;
  try {
    checkOnlyTargets(state.project, only);
    const units = unitsOf({ state }, only);
    ctx.stores.keepUnits(new Set(units.map((u) => u.label)));
    // Correcting is applying: on an embedded state (every target's) it takes the apply lock once, as `apply` does.
    const stateFile = embeddedStateFile(ctx.source.storeDir, state.project, ctx.storeFlags);
    if (ctx.mode === 'correct' && stateFile) unlock = await lockApply(stateFile, state.project.name, { timeoutMs: 0, command: 'licensectl watch' });
    const now = (ctx.clock ?? Date.now)();
    const run = await planUnits({ state, dir: ctx.source.storeDir, source: { revision: chosen.revision, dirty: chosen.dirty } }, { ...ctx.storeFlags, 'only-targets': only }, {
      stores: ctx.stores, createdAt: new Date(now).toISOString(), prune: watchPrunes(state),
    });
    const passes = run.plans.map((planned) => unitPass(ctx, planned, desiredForUnit(state, planned.unit), now));
    const parts = new Map<string, StorePart>(run.failures.map(({ unit, error }) => [unit.label, storeFailure(error)]));
    for (const pass of passes) if ('part' in pass.judged) parts.set(pass.planned.unit.label, pass.judged.part);
    const toApply = passes.filter((p) => !parts.has(p.planned.unit.label));
    // --max-deletes counts the deletes of every target together, as apply's does: over it, no target is corrected.
    const overLimit = guardOf(toApply, ctx.maxDeletes);
    if (overLimit) {
      for (const p of toApply) {
        p.synced.remember(p.held.full, p.desired, new Set());
        parts.set(p.planned.unit.label, { ...(p.judged as ToApply).found, outcome: 'apply-failed', error: overLimit });
      }
    } else if (ctx.mode === 'correct') {
      await correctUnits(ctx, run.steps, passes.filter((p) => !parts.has(p.planned.unit.label) || hasNothingToChange(parts.get(p.planned.unit.label)!)), parts);
    }
    return passOfTargets(units.flatMap((unit) => (parts.has(unit.label) ? [targetOutcome(unit, parts.get(unit.label)!)] : [])));
  } catch (error) {
    // The pass failed as a whole (the apply lock is held, --only-targets selects nothing): no target was reached.
    ctx.stores.close();
    return { ...storeFailure(error), targets: [] };
  } finally {
    await unlock?.();
  }
}

function unitPass(ctx: ReconcileContext, planned: UnitPlan, desired: DesiredState, now: number): UnitPass {
  const { label } = planned.unit;
  const held = ctx.grace.of(label).hold(planned.plan, now);
  const plan = { full: planned.plan, plan: held.plan, deferred: held.deferred, usage: planned.usage };
  const synced = ctx.synced.of(label);
  // --max-deletes is checked across the targets (guardOf); each unit's own guards and findings here.
  return { planned, desired, held: plan, synced, judged: judge(ctx.mode, synced, plan, desired, { allow: ctx.allow }) };
}

function guardOf(passes: readonly UnitPass[], maxDeletes: number | undefined): ErrorInfo | null {
  try {
    checkSetGuards(passes.map((p) => ({ ...p.planned, plan: p.held.plan })), { maxDeletes, allowEmpty: false });
    return null;
  } catch (error) {
    return errorInfoOf(error);
  }
}

/**
 * Applies the units that may be corrected (and those with nothing to change, observed drift aside, whose accounts may
 * receive a grant or a share), then the receiving steps between them: a step that failed fails its receiver's part,
 * one that did something makes the part of a receiver with nothing to change drift-corrected (or applied, with the
 * grantor's change from the documents).
 */
async function correctUnits(ctx: ReconcileContext, steps: Parameters<typeof applyPlanned>[0]['steps'], passes: readonly UnitPass[], parts: Map<string, StorePart>): Promise<void> {
  const labels = new Set(passes.map((p) => p.planned.unit.label));
  const ready = steps.filter((s) => labels.has(s.grantorLabel) && labels.has(s.granteeLabel));
  if (!ready.length && passes.every((p) => 'part' in p.judged)) return;
  const { results, failures, granted } = await applyPlanned({ plans: passes.map((p) => ({ ...p.planned, plan: p.held.plan })), failures: [], steps: ready }, [], () => ({
    concurrency: ctx.storeFlags.concurrency, ...(ctx.signal ? { signal: ctx.signal } : {}),
  }));
  for (const p of passes) {
    const { unit } = p.planned;
    const failure = failures.find((f) => f.label === unit.label);
    const result = results.find((r) => r.label === unit.label);
    if (failure) {
      ctx.stores.failed(unit);
      parts.set(unit.label, { ...storeFailure(failure.error), error: { ...failure.error, diagnostics: [] } });
    } else if (result && !('part' in p.judged)) {
      parts.set(unit.label, settle(p.synced, p.held, p.desired, p.judged, result.result));
    }
  }
  for (const g of granted) {
    const part = parts.get(g.step.granteeLabel);
    if (!part) continue;
    if (g.error) parts.set(g.step.granteeLabel, { ...part, outcome: 'apply-failed', error: { code: g.error.code, message: describeOutcome(g), diagnostics: [] } });
    // The grantee's part undoes drift (a grant rejected or disabled) unless the grantor applied the documents' change
    // (a new grant, say), whose part it is. Observed drift left in it stays in its `observed`, as beside any change.
    else if (g.done.length && hasNothingToChange(part)) parts.set(g.step.granteeLabel, { ...part, outcome: parts.get(g.step.grantorLabel)?.outcome === 'applied' ? 'applied' : 'drift-corrected' });
  }
}

function targetOutcome(unit: TargetUnit, part: StorePart): TargetOutcome {
  const { targets: _none, ...own } = part;
  return { target: unit.label, account: unit.account, region: unit.region, ...own };
}
