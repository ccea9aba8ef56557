import { Flags } from '@oclif/core';
import { BaseCommand, dirFlag, renderStats, storeFlags } from '../app/base-command.js';
import { InvalidDesiredState } from '../app/invalid-state.js';
import { findingFlags, type FindingFlags, refusingFindings } from '../app/findings-gate.js';
import { type LoadedForPlan, loadForPlan, type PlanFlags, planLoaded } from '../app/planning.js';
import { closeAll, hasTargets, planSetOf, planUnits } from '../app/target-runs.js';
import { type JsonPlanSet, planSetToJson, renderPlanSetMarkdown, renderPlanSetText } from '../render/plan-set.js';
import { writePlanFile } from '../app/saved-plan.js';
import { writePlanSetFile } from '../app/saved-plan-set.js';
import { hasChanges, type Plan as PlanValue } from '../plan/types.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { renderInvalidStateMarkdown } from '../render/invalid-state-markdown.js';
import { planToJson, renderPlanJson } from '../render/plan-json.js';
import { renderDesiredChangesText, renderPlanText } from '../render/plan-text.js';
import { renderPlanMarkdown } from '../render/plan-markdown.js';

export default class Plan extends BaseCommand {
  static override summary = 'Show what apply would change in the account.';
  static override description = 'Exit codes: 0 success, 1 error or an error finding (see --allow-overage, --allow-in-use); with --detailed-exitcode 0 no changes, 2 changes present.';
  static override flags = {
    ...dirFlag,
    ...storeFlags,
    out: Flags.file({ description: 'also save the plan to FILE, for `licensectl apply FILE`' }),
    format: Flags.string({ description: 'output format (markdown: for a pull-request comment, at most 60,000 characters)', options: ['text', 'json', 'markdown'], default: 'text' }),
    'detailed-exitcode': Flags.boolean({ description: 'exit 2 when the plan has changes, 0 when it has none, 1 when the account holds duplicates' }),
    target: Flags.string({ description: 'plan only this address (Kind/name); repeatable', multiple: true }),
    'git-ref': Flags.string({ description: 'read the desired state as it is at this commit, branch or tag of the repository holding --dir' }),
    base: Flags.string({ description: 'first list the desired-state changes from this ref (e.g. origin/main) to the head' }),
    'only-targets': Flags.string({ description: 'with spec.targets: only the targets these names or globs select (e.g. "prod-*"), one shard of an organization; repeatable', multiple: true }),
    ...findingFlags,
  };

  async run(): Promise<ReturnType<typeof planToJson> | JsonPlanSet | undefined> {
    const { flags } = await this.parse(Plan);
    const started = performance.now();
    const forPlan = await loadForPlan(flags.dir, flags).catch((error: unknown) => {
      // A pull-request comment even for an invalid state, so that CI replaces the previous one; then the error, exit 1.
      if (flags.format === 'markdown' && !this.jsonEnabled() && error instanceof InvalidDesiredState) this.printOut(renderInvalidStateMarkdown(error.invalid));
      throw error;
    });
    if (hasTargets(forPlan.loaded)) return this.planSet(forPlan, flags, started);
    const { loaded, store, plan } = await planLoaded(forPlan, flags);
    store.close();
    const saved = flags.out ? await writePlanFile(flags.out, plan, loaded.dir) : undefined;
    if (flags.stats) this.printErr(renderStats(store.stats, performance.now() - started));
    if (!this.jsonEnabled()) {
      if (loaded.warnings.length) this.printErr(renderDiagnostics(loaded.warnings, { color: this.useColor(process.stderr) }));
      this.printOut(this.render(plan, flags.format));
      if (saved) this.printErr(saved);
    }
    if (flags['detailed-exitcode']) process.exitCode = detailedExitCode(plan);
    // As a failed check: the plan is shown, and the pipeline stops here rather than at apply.
    if (refusingFindings(plan.findings, flags).length > 0) process.exitCode = 1;
    // Only --json prints the returned value; building it costs as much as rendering a large plan.
    return this.jsonEnabled() ? planToJson(plan) : undefined;
  }

  /** A project with targets: every unit planned at once, printed grouped by target; exit 1 if any failed. */
  private async planSet(forPlan: LoadedForPlan, flags: PlanFlags & FindingFlags & { format: string; out?: string; stats: boolean; 'detailed-exitcode': boolean }, started: number): Promise<JsonPlanSet | undefined> {
    const planned = await planUnits(forPlan.loaded, flags);
    closeAll(planned.plans);
    const set = { ...await planSetOf(forPlan.loaded.state.project.name, planned), ...(forPlan.desiredChanges ? { desiredChanges: forPlan.desiredChanges } : {}) };
    if (flags.stats) for (const { unit, store } of planned.plans) this.printErr(`${unit.label}:\n${renderStats(store.stats, performance.now() - started)}`);
    if (!this.jsonEnabled()) {
      if (forPlan.loaded.warnings.length) this.printErr(renderDiagnostics(forPlan.loaded.warnings, { color: this.useColor(process.stderr) }));
      const format = flags.format;
      this.printOut(format === 'json' ? `${JSON.stringify(planSetToJson(set), null, 2)}\n` : format === 'markdown' ? renderPlanSetMarkdown(set) : renderPlanSetText(set, { color: this.useColor() }));
    }
    // After the plan is shown: a set with a failed unit is not saved (PLAN_INCOMPLETE), and the plan says why.
    if (flags.out) {
      const saved = await writePlanSetFile(flags.out, set, forPlan.loaded.dir, flags['only-targets'] ?? []);
      if (!this.jsonEnabled()) this.printErr(saved);
    }
    const plans = planned.plans.map((p) => p.plan);
    // A grantee step left to run (a member's grant to accept or activate) is a change apply would make.
    if (flags['detailed-exitcode']) process.exitCode = Math.max(...plans.map(detailedExitCode), 0) === 1 ? 1 : plans.some((p) => hasChanges(p.summary)) || planned.steps.length ? 2 : 0;
    if (planned.failures.length > 0 || plans.some((p) => refusingFindings(p.findings, flags).length > 0)) process.exitCode = 1;
    return this.jsonEnabled() ? planSetToJson(set) : undefined;
  }

  private render(plan: PlanValue, format: string): string {
    if (format === 'json') return renderPlanJson(plan);
    if (format === 'markdown') return renderPlanMarkdown(plan, {});
    const color = this.useColor();
    const text = renderPlanText(plan, { color });
    return plan.desiredChanges ? `${renderDesiredChangesText(plan.desiredChanges, { color })}\n${text}` : text;
  }
}

/**
 * `--detailed-exitcode`: 0 the account is as the repository says, 2 changes are planned, 1 it is not and no plan can
 * make it so — live resources carry the ownership tags of one document twice (duplicates), which need a repair.
 */
function detailedExitCode(plan: PlanValue): number {
  if (plan.duplicates.length > 0) return 1;
  return hasChanges(plan.summary) ? 2 : 0;
}
