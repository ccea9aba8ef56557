import { writeFile } from 'node:fs/promises';
import { Flags } from '@oclif/core';
import { BaseCommand } from '../cli/base-command.js';
import { dirFlag, storeFlags } from '../cli/flags.js';
import { planDirectory } from '../cli/planning.js';
import { renderStats } from '../cli/stats.js';
import { hasChanges } from '../plan/summary.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { planToJson, renderPlanJson } from '../render/json.js';
import { renderPlanText } from '../render/text.js';

export default class Plan extends BaseCommand {
  static override summary = 'Show what apply would change in the account.';
  static override description = 'Exit codes: 0 success, 1 error; with --detailed-exitcode 0 no changes, 2 changes present.';
  static override flags = {
    ...dirFlag,
    ...storeFlags,
    out: Flags.file({ description: 'also save the plan to FILE, for `licensectl apply FILE`' }),
    format: Flags.string({ description: 'output format', options: ['text', 'json'], default: 'text' }),
    'detailed-exitcode': Flags.boolean({ description: 'exit 2 when the plan has changes, 0 when it has none' }),
    target: Flags.string({ description: 'plan only this address (Kind/name); repeatable', multiple: true }),
  };

  async run(): Promise<ReturnType<typeof planToJson>> {
    const { flags } = await this.parse(Plan);
    const started = performance.now();
    const { loaded, store, plan } = await planDirectory(flags.dir, flags);
    store.close();
    if (flags.out) await writeFile(flags.out, renderPlanJson(plan));
    if (flags.stats) this.printErr(renderStats(store.stats, performance.now() - started));
    if (!this.jsonEnabled()) {
      if (loaded.warnings.length) this.printErr(renderDiagnostics(loaded.warnings, { color: this.useColor(process.stderr) }));
      this.printOut(flags.format === 'json' ? renderPlanJson(plan) : renderPlanText(plan, { color: this.useColor() }));
      if (flags.out) this.printErr(`Saved the plan to ${flags.out}; apply it with: licensectl apply ${flags.out}`);
    }
    if (flags['detailed-exitcode'] && hasChanges(plan.summary)) process.exitCode = 2;
    return planToJson(plan);
  }
}
