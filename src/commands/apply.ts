import { Args, Flags } from '@oclif/core';
import { BaseCommand, confirmApply, renderStats, storeFlags } from '../app/base-command.js';
import { checkGuards, type LoadedForPlan, type LoadedState, loadDesired, loadForPlan, type PlanFlags, planLoaded, readLive, touchedBy } from '../app/planning.js';
import { describeOutcome } from '../app/grantee-steps.js';
import { applyPlanned, checkSetGuards, closeAll, hasTargets, planSetOf, planUnits, refuseRegionFlag, type UnitsPlanned } from '../app/target-runs.js';
import { embeddedStateFile, openStore } from '../app/open-store.js';
import { applySetToJson, type JsonApplySet, type PlanSet, renderApplySetText, renderPlanSetText } from '../render/plan-set.js';
import { lockApply } from '../app/apply-lock.js';
import { checkFindings, findingFlags, type FindingFlags } from '../app/findings-gate.js';
import { ApplyProgress } from '../app/apply-progress.js';
import { checkFingerprints, checkPlanTarget, PLAN_KEY_ENV, projectDirOf, readPlanDocument, readPlanFile } from '../app/saved-plan.js';
import { checkPlanSetDocument, isPlanSetDocument, reopenPlanSet } from '../app/saved-plan-set.js';
import { LicensectlError } from '../errors/index.js';
import { parseDuration } from '../util/duration.js';
import { executePlan } from '../apply/execute-plan.js';
import { type ApplyResult, applyResultOf, hasChanges, type Plan } from '../plan/types.js';
import type { Store } from '../store/index.js';
import { applyToJson, renderApplyResult, type JsonApplyDocument } from '../render/apply-result.js';
import { renderPlanText } from '../render/plan-text.js';

export default class Apply extends BaseCommand {
  static override summary = 'Make the account match the desired state (or apply a saved plan).';
  static override description = 'Asks "Apply these changes? (yes/no)" on a terminal; without one, needs --auto-approve or a saved plan file.';
  static override args = { planfile: Args.file({ description: 'a plan saved by `licensectl plan --out FILE`; applied exactly, without a prompt' }) };
  static override flags = {
    // No default: with a plan file, the project is the one the plan names (see projectDirOf); without, `.`.
    dir: Flags.directory({ char: 'd', description: 'directory holding licensectl.yaml (default: the one a saved plan names, else .)' }),
    ...storeFlags,
    'auto-approve': Flags.boolean({ description: 'apply without asking' }),
    'max-deletes': Flags.integer({ description: 'refuse to apply a plan that deletes or replaces more than N resources', min: 0 }),
    'allow-empty': Flags.boolean({ description: 'allow an empty desired state to delete every managed resource' }),
    'max-plan-age': Flags.string({ description: 'refuse a saved plan older than this (e.g. 30m, 24h, 2d)', default: '24h' }),
    'lock-timeout': Flags.string({ description: 'wait this long for another apply on the same embedded state to finish (e.g. 30s, 5m); 0s refuses at once', default: '0s' }),
    target: Flags.string({ description: 'apply only this address (Kind/name) and the changes it depends on, as plan --target; repeatable', multiple: true }),
    'only-targets': Flags.string({ description: 'with spec.targets: only the targets these names or globs select (e.g. "prod-*"), one shard of an organization; repeatable', multiple: true }),
    ...findingFlags,
  };

  async run(): Promise<JsonApplyDocument | JsonApplySet> {
    try {
      return await this.applyOnce();
    } finally {
      await this.unlock?.();
    }
  }

  private async applyOnce(): Promise<JsonApplyDocument | JsonApplySet> {
    const { args, flags } = await this.parse(Apply);
    const started = performance.now();
    // A saved plan is applied as it was made (with the --target it was made with, if any): no second selection.
    if (args.planfile && flags.target?.length) throw new LicensectlError('USAGE', '--target cannot be combined with a saved plan', { hint: 'plan with --target and --out, then apply that plan file; or drop the plan file' });
    const forPlan = args.planfile ? undefined : await loadForPlan(flags.dir ?? '.', flags);
    if (forPlan && hasTargets(forPlan.loaded)) return this.applySet(forPlan, flags);
    const savedDoc = args.planfile ? await readPlanDocument(args.planfile) : undefined;
    if (args.planfile && isPlanSetDocument(savedDoc)) return this.applySavedSet(args.planfile, savedDoc, flags);
    const { plan, store, desiredCount } = forPlan ? await this.freshPlan(forPlan, flags) : await this.savedPlan(args.planfile!, flags);
    try {
      checkGuards(plan, { maxDeletes: flags['max-deletes'], allowEmpty: flags['allow-empty'], desiredCount });
      if (!args.planfile && !this.jsonEnabled()) this.printOut(renderPlanText(plan, { color: this.useColor() }));
      // As plan says: an error finding refuses the apply even when nothing else would change (a policy broken by
      // what is already there).
      checkFindings(plan.findings, flags);
      if (!hasChanges(plan.summary)) return applyToJson(nothingApplied(plan));
      if (!args.planfile && !(await confirmApply(flags['auto-approve']))) {
        // As Terraform: "no", Ctrl+C or Ctrl+D at the prompt is not a success.
        this.printErr('Apply cancelled.');
        process.exitCode = 1;
        return applyToJson(nothingApplied(plan));
      }
      const stream = this.jsonEnabled() ? process.stderr : process.stdout;
      const progress = new ApplyProgress(stream, { terminal: Boolean(stream.isTTY), color: this.useColor(stream) });
      try {
        const result = await executePlan(plan, store, { concurrency: flags.concurrency, onStart: (c) => progress.start(c), onResult: (r) => progress.end(r) });
        return this.report(result);
      } finally {
        progress.close();
      }
    } finally {
      store.close();
      if (flags.stats) this.printErr(renderStats(store.stats, performance.now() - started));
    }
  }

  private report(result: ApplyResult) {
    // Each change was reported as it ended (ApplyProgress): below them, only what did not apply, then the summary.
    if (!this.jsonEnabled()) this.printOut(`\n${renderApplyResult(result, { color: this.useColor(), problemsOnly: true })}`);
    if (result.summary.failed > 0 || result.summary.skipped > 0) process.exitCode = 1;
    return applyToJson(result);
  }

  /** Releases the apply lock, once taken. */
  private unlock?: () => Promise<void>;

  /**
   * Two applies on one embedded state take turns for the whole apply, from reading the account to the last change
   * (a served emulator or AWS is shared by more than this machine: a lock file cannot cover it).
   */
  private async lock(store: Store, timeoutMs: number): Promise<void> {
    if (!store.target.stateFile) return;
    this.unlock = await lockApply(store.target.stateFile, store.project, { timeoutMs, command: `licensectl ${this.argv.join(' ')}`.trim() });
  }

  private async freshPlan(forPlan: LoadedForPlan, flags: PlanFlags & { 'lock-timeout': string }): Promise<{ plan: Plan; store: Store; desiredCount: number }> {
    const lockTimeoutMs = parseDuration(flags['lock-timeout'], 'lock-timeout', true);
    const { plan, store, loaded } = await planLoaded(forPlan, flags, (opened) => this.lock(opened, lockTimeoutMs));
    return { plan, store, desiredCount: loaded.state.resources.length };
  }

  /**
   * A project with targets: every unit planned, the guards and findings checked for all before anything changes,
   * one approval, then every unit applied at once. A unit that could not be planned or applied is reported and
   * makes the exit status 1; the others go on.
   */
  private async applySet(forPlan: LoadedForPlan, flags: SetFlags): Promise<JsonApplySet> {
    await this.lockSet(forPlan.loaded, flags);
    const planned = await planUnits(forPlan.loaded, flags);
    try {
      return await this.runSet(planned, await planSetOf(forPlan.loaded.state.project.name, planned), flags, true);
    } finally {
      closeAll(planned.plans);
    }
  }

  /** A saved plan set: every unit checked to be current before anything is written anywhere, then applied as saved. */
  private async applySavedSet(file: string, doc: unknown, flags: SetFlags & { dir?: string; 'max-plan-age': string }): Promise<JsonApplySet> {
    const saved = checkPlanSetDocument(file, doc, { key: process.env[PLAN_KEY_ENV] || undefined, maxAgeMs: parseDuration(flags['max-plan-age'], 'max-plan-age'), now: new Date() });
    const loaded = await loadDesired(projectDirOf(saved, file, flags.dir));
    refuseRegionFlag(flags);
    await this.lockSet(loaded, flags);
    const { planned, set } = await reopenPlanSet(saved, loaded, flags, flags['only-targets'] ?? []);
    try {
      return await this.runSet(planned, set, flags, false);
    } finally {
      closeAll(planned.plans);
    }
  }

  /** Two applies of one project with targets on the embedded emulator take turns, as a single target's do. */
  private async lockSet(loaded: LoadedState, flags: SetFlags): Promise<void> {
    const project = loaded.state.project;
    const stateFile = embeddedStateFile(loaded.dir, project, flags);
    if (stateFile) this.unlock = await lockApply(stateFile, project.name, { timeoutMs: parseDuration(flags['lock-timeout'], 'lock-timeout', true), command: `licensectl ${this.argv.join(' ')}`.trim() });
  }

  /**
   * A project with targets: the guards and findings checked for all units before anything changes, one approval
   * (none for a saved plan), then every unit applied at once and the grantee steps after. A unit that could not be
   * planned or applied is reported and makes the exit status 1; the others go on.
   */
  private async runSet(planned: UnitsPlanned, set: PlanSet, flags: SetFlags, prompt: boolean): Promise<JsonApplySet> {
    checkSetGuards(planned.plans, { maxDeletes: flags['max-deletes'], allowEmpty: flags['allow-empty'] });
    if (prompt && !this.jsonEnabled()) this.printOut(renderPlanSetText(set, { color: this.useColor() }));
    checkFindings(planned.plans.flatMap((p) => p.plan.findings), flags);
    if (prompt && (planned.plans.some((p) => hasChanges(p.plan.summary)) || planned.steps.length) && !(await confirmApply(flags['auto-approve']))) {
      this.printErr('Apply cancelled.');
      process.exitCode = 1;
      return applySetToJson(set.project, [], set.failures);
    }
    const stream = this.jsonEnabled() ? process.stderr : process.stdout;
    const progress = new ApplyProgress(stream, { terminal: Boolean(stream.isTTY), color: this.useColor(stream) });
    const { results, failures, granted } = await applyPlanned(planned, set.failures, (unit) => ({ concurrency: flags.concurrency, onStart: (c) => progress.start(c, unit.label), onResult: (r) => progress.end(r, unit.label) }))
      .finally(() => progress.close());
    for (const g of granted) stream.write(`${describeOutcome(g)}\n`);
    if (!this.jsonEnabled()) this.printOut(`\n${renderApplySetText(results, failures, { color: this.useColor() })}`);
    if (failures.length || granted.some((g) => g.error) || results.some((r) => r.result.summary.failed + r.result.summary.skipped > 0)) process.exitCode = 1;
    return applySetToJson(set.project, results, failures);
  }

  private async savedPlan(file: string, flags: Parameters<typeof openStore>[0]['flags'] & { dir?: string; 'max-plan-age': string; 'lock-timeout': string }): Promise<{ plan: Plan; store: Store; desiredCount: number }> {
    const lockTimeoutMs = parseDuration(flags['lock-timeout'], 'lock-timeout', true);
    const plan = await readPlanFile(file, { key: process.env[PLAN_KEY_ENV] || undefined, maxAgeMs: parseDuration(flags['max-plan-age'], 'max-plan-age'), now: new Date() });
    const loaded = await loadDesired(projectDirOf(plan, file, flags.dir));
    if (hasTargets(loaded)) {
      throw new LicensectlError('PLAN_TARGET_MISMATCH', `${file} is the plan of one target, and project ${loaded.state.project.name} has spec.targets`, { hint: 'make the plan with `licensectl plan --out FILE` in this project: it saves every target\'s plan' });
    }
    const store = await openStore({ dir: loaded.dir, project: loaded.state.project, flags });
    try {
      checkPlanTarget(plan, loaded.state.project.name, store.target);
      await this.lock(store, lockTimeoutMs);
      checkFingerprints(plan, await readLive(store, loaded.state, touchedBy(plan)));
      return { plan, store, desiredCount: plan.changes.filter((c) => c.action !== 'delete').length };
    } catch (error) {
      store.close();
      throw error;
    }
  }
}

type SetFlags = PlanFlags & FindingFlags & { 'lock-timeout': string; 'auto-approve': boolean; 'max-deletes'?: number; 'allow-empty': boolean };

/** The result of an apply that made no change: `apply --json` has one shape whatever happened. */
function nothingApplied(plan: Plan): ApplyResult {
  return applyResultOf(plan, []);
}
