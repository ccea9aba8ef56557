import { Flags } from '@oclif/core';
import { lockApply } from '../app/apply-lock.js';
import { BaseCommand, confirmApply, dirFlag, storeFlags } from '../app/base-command.js';
import { embeddedStateFile, openStore, type StoreFlags } from '../app/open-store.js';
import { checkOnlyTargets, loadDesired, type LoadedState } from '../app/planning.js';
import { applyRepairs, applyTargetRepairs, planRepairs, planTargetRepairs, type Repair } from '../app/repair.js';
import { hasTargets } from '../app/target-runs.js';
import type { UnitError } from '../render/plan-set.js';
import { parseDuration } from '../util/duration.js';
import { printable } from '../util/safe-text.js';
import { plural } from '../util/words.js';

/** `repair --json`: what was found at each duplicated address and what was done. */
export interface RepairResult {
  formatVersion: '1';
  project: string;
  /** With spec.targets, each address reads `label/Kind/name`. */
  repairs: { address: string; kept: string | null; deleted: string[]; refused?: string }[];
  failed: { arn: string; error: string }[];
  /** With spec.targets: the targets that could not be read (nothing was repaired there). */
  failures?: UnitError[];
}

export default class RepairCommand extends BaseCommand {
  static override summary = 'Resolve duplicates: delete extra copies of a managed resource that cannot be told apart and that nothing uses.';
  static override description = [
    'Keeps the copy in use, else the oldest (licenses and shares; AWS reports no creation time for configurations and grants, so there the first ARN).',
    'Copies that differ, or several copies in use, are listed for a person to resolve, and the command exits 1.',
    'Asks "Delete these copies? (yes/no)" on a terminal unless --auto-approve.',
    'With spec.targets, repairs every target (or those --only-targets selects) in its own account, listing addresses as target/Kind/name, with one approval for all.',
  ].join(' ');

  static override flags = {
    ...dirFlag,
    ...storeFlags,
    'auto-approve': Flags.boolean({ description: 'delete without asking' }),
    'lock-timeout': Flags.string({ description: 'wait this long for an apply on the same embedded state to finish; 0s refuses at once', default: '0s' }),
    'only-targets': Flags.string({ description: 'with spec.targets: only the targets these names or globs select (e.g. "prod-*"); repeatable', multiple: true }),
  };

  async run(): Promise<RepairResult> {
    const { flags } = await this.parse(RepairCommand);
    const lockTimeoutMs = parseDuration(flags['lock-timeout'], 'lock-timeout', true);
    const loaded = await loadDesired(flags.dir);
    checkOnlyTargets(loaded.state.project, flags['only-targets'] ?? []);
    if (hasTargets(loaded)) return this.repairTargets(loaded, flags, lockTimeoutMs);
    const store = await openStore({ dir: loaded.dir, project: loaded.state.project, flags });
    let unlock: (() => Promise<void>) | undefined;
    try {
      if (store.target.stateFile) unlock = await lockApply(store.target.stateFile, store.project, { timeoutMs: lockTimeoutMs, command: 'licensectl repair' });
      const repairs = await planRepairs(store);
      const removals = repairs.reduce((n, r) => n + r.remove.length, 0);
      if (!this.jsonEnabled()) this.printOut(describe(repairs));
      const approved = removals > 0 && (await confirmApply(flags['auto-approve'], { what: 'repair', question: 'Delete these copies? (yes/no) ' }));
      const failed = approved ? await applyRepairs(store, repairs) : [];
      if (!this.jsonEnabled() && approved) this.printOut(failed.length ? failed.map((f) => `failed to delete ${printable(f.arn)}: ${printable(f.error)}`).join('\n') : `Deleted ${plural(removals, 'copy', 'copies')}.`);
      if (removals > 0 && !approved) this.printErr('Repair cancelled.');
      if (repairs.some((r) => r.refused) || failed.length > 0 || (removals > 0 && !approved)) process.exitCode = 1;
      return {
        formatVersion: '1',
        project: store.project,
        repairs: repairs.map((r) => ({ address: r.address, kept: r.keep, deleted: approved ? r.remove.map((c) => c.arn) : [], ...(r.refused ? { refused: r.refused } : {}) })),
        failed,
      };
    } finally {
      store.close();
      await unlock?.();
    }
  }

  /**
   * A project with targets: each target's duplicates are found in its own account (a copy is a copy within one
   * account: the same document in two targets is two resources) and listed under its label; one approval, then each
   * target's copies are deleted there. A target that cannot be read is reported and makes the exit status 1.
   */
  private async repairTargets(loaded: LoadedState, flags: StoreFlags & { 'auto-approve': boolean; 'only-targets'?: string[] }, lockTimeoutMs: number): Promise<RepairResult> {
    const project = loaded.state.project.name;
    const stateFile = embeddedStateFile(loaded.dir, loaded.state.project, flags);
    const unlock = stateFile ? await lockApply(stateFile, project, { timeoutMs: lockTimeoutMs, command: 'licensectl repair' }) : undefined;
    try {
      const { targets, failures } = await planTargetRepairs(loaded, flags);
      const labelled = targets.flatMap((t) => t.repairs.map((r) => ({ ...r, address: `${t.label}/${r.address}` })));
      const removals = labelled.reduce((n, r) => n + r.remove.length, 0);
      if (!this.jsonEnabled()) {
        this.printOut(describe(labelled));
        for (const f of failures) this.printErr(`✗ target ${printable(f.label)} (account ${f.account}, ${f.region}) was not read: ${f.error.code}: ${printable(f.error.message)}`);
      }
      const approved = removals > 0 && (await confirmApply(flags['auto-approve'], { what: 'repair', question: 'Delete these copies? (yes/no) ' }));
      const failed = approved ? await applyTargetRepairs(loaded, flags, targets) : [];
      if (!this.jsonEnabled() && approved) this.printOut(failed.length ? failed.map((f) => `failed to delete ${printable(f.arn)} in ${printable(f.label)}: ${printable(f.error)}`).join('\n') : `Deleted ${plural(removals, 'copy', 'copies')}.`);
      if (removals > 0 && !approved) this.printErr('Repair cancelled.');
      if (labelled.some((r) => r.refused) || failed.length > 0 || failures.length > 0 || (removals > 0 && !approved)) process.exitCode = 1;
      return {
        formatVersion: '1', project,
        repairs: labelled.map((r) => ({ address: r.address, kept: r.keep, deleted: approved ? r.remove.map((c) => c.arn) : [], ...(r.refused ? { refused: r.refused } : {}) })),
        failed: failed.map(({ arn, error }) => ({ arn, error })),
        failures,
      };
    } finally {
      await unlock?.();
    }
  }
}

function describe(repairs: readonly (Omit<Repair, 'address'> & { address: string })[]): string {
  if (repairs.length === 0) return 'No duplicates: every managed resource exists once.';
  return repairs.map((r) => (r.refused
    ? `! ${r.address}: left for you to resolve: ${printable(r.refused)}`
    : `- ${r.address}: keep ${printable(r.keep ?? '')}, delete ${r.remove.map((c) => printable(c.arn)).join(', ')}`)).join('\n');
}
