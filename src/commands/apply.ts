import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../app/base-command.js';
import { confirmApply } from '../app/confirm.js';
import { loadDesired } from '../app/desired.js';
import { dirFlag, storeFlags } from '../app/flags.js';
import { checkGuards } from '../app/guards.js';
import { openStore } from '../app/open-store.js';
import { readPlanFile } from '../app/plan-file.js';
import { PLAN_KEY_ENV } from '../app/plan-signature.js';
import { parseDuration } from '../util/duration.js';
import { planDirectory, touchedBy } from '../app/planning.js';
import { checkFingerprints, checkPlanTarget } from '../app/stale-plan.js';
import { renderStats } from '../app/stats.js';
import { executePlan } from '../apply/execute-plan.js';
import type { ApplyResult } from '../plan/apply-result.js';
import { hasChanges } from '../plan/summary.js';
import type { Plan } from '../plan/types.js';
import type { Store } from '../store/index.js';
import { renderApplyJson, renderApplyResult } from '../render/apply-text.js';
import { renderPlanText } from '../render/text.js';

export default class Apply extends BaseCommand {
  static override summary = 'Make the account match the desired state (or apply a saved plan).';
  static override description = 'Asks "Apply these changes? (yes/no)" on a terminal; without one, needs --auto-approve or a saved plan file.';
  static override args = { planfile: Args.file({ description: 'a plan saved by `licensectl plan --out FILE`; applied exactly, without a prompt' }) };
  static override flags = {
    ...dirFlag,
    ...storeFlags,
    'auto-approve': Flags.boolean({ description: 'apply without asking' }),
    'max-deletes': Flags.integer({ description: 'refuse to apply a plan that deletes or replaces more than N resources', min: 0 }),
    'allow-empty': Flags.boolean({ description: 'allow an empty desired state to delete every managed resource' }),
    'max-plan-age': Flags.string({ description: 'refuse a saved plan older than this (e.g. 30m, 24h, 2d)', default: '24h' }),
  };

  async run(): Promise<ReturnType<typeof renderApplyJson> | { changes: false }> {
    const { args, flags } = await this.parse(Apply);
    const started = performance.now();
    const { plan, store, desiredCount } = args.planfile ? await this.savedPlan(args.planfile, flags) : await this.freshPlan(flags);
    try {
      checkGuards(plan, { maxDeletes: flags['max-deletes'], allowEmpty: flags['allow-empty'], desiredCount });
      if (!hasChanges(plan.summary)) {
        if (!this.jsonEnabled()) this.printOut(renderPlanText(plan, { color: this.useColor() }));
        return { changes: false };
      }
      if (!args.planfile && !this.jsonEnabled()) this.printOut(renderPlanText(plan, { color: this.useColor() }));
      if (!args.planfile && !(await confirmApply(flags['auto-approve']))) {
        this.printOut('Apply cancelled.');
        return { changes: false };
      }
      const result = await executePlan(plan, store, { concurrency: flags.concurrency });
      return this.report(result);
    } finally {
      store.close();
      if (flags.stats) this.printErr(renderStats(store.stats, performance.now() - started));
    }
  }

  private report(result: ApplyResult) {
    if (!this.jsonEnabled()) this.printOut(`\n${renderApplyResult(result, { color: this.useColor() })}`);
    if (result.summary.failed > 0 || result.summary.skipped > 0) process.exitCode = 1;
    return renderApplyJson(result);
  }

  private async freshPlan(flags: Parameters<typeof planDirectory>[1] & { dir: string }): Promise<{ plan: Plan; store: Store; desiredCount: number }> {
    const { plan, store, loaded } = await planDirectory(flags.dir, flags);
    return { plan, store, desiredCount: loaded.state.resources.length };
  }

  private async savedPlan(file: string, flags: Parameters<typeof openStore>[0]['flags'] & { dir: string; 'max-plan-age': string }): Promise<{ plan: Plan; store: Store; desiredCount: number }> {
    const plan = await readPlanFile(file, { key: process.env[PLAN_KEY_ENV] || undefined, maxAgeMs: parseDuration(flags['max-plan-age'], 'max-plan-age'), now: new Date() });
    const loaded = await loadDesired(flags.dir);
    const store = await openStore({ dir: loaded.dir, project: loaded.state.project, flags });
    try {
      checkPlanTarget(plan, loaded.state.project.name, store.target);
      checkFingerprints(plan, await store.verify(await store.readLive(loaded.state), touchedBy(plan)));
      return { plan, store, desiredCount: plan.changes.filter((c) => c.action !== 'delete').length };
    } catch (error) {
      store.close();
      throw error;
    }
  }
}
