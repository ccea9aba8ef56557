import { Flags } from '@oclif/core';
import { BaseCommand, dirFlag, renderStats, storeFlags } from '../app/base-command.js';
import { InvalidDesiredState } from '../app/invalid-state.js';
import { findingFlags, refusingFindings } from '../app/findings-gate.js';
import { planDirectory } from '../app/planning.js';
import { writePlanFile } from '../app/saved-plan.js';
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
    ...findingFlags,
  };

  async run(): Promise<ReturnType<typeof planToJson> | undefined> {
    const { flags } = await this.parse(Plan);
    const started = performance.now();
    const { loaded, store, plan } = await planDirectory(flags.dir, flags).catch((error: unknown) => {
      // A pull-request comment even for an invalid state, so that CI replaces the previous one; then the error, exit 1.
      if (flags.format === 'markdown' && !this.jsonEnabled() && error instanceof InvalidDesiredState) this.printOut(renderInvalidStateMarkdown(error.invalid));
      throw error;
    });
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
