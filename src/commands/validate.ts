import { Flags } from '@oclif/core';
import { BaseCommand, dirFlag } from '../app/base-command.js';
import { loadDesired } from '../app/planning.js';
import type { Diagnostic } from '../errors/index.js';
import { diagnosticsToJson, renderDiagnostics } from '../render/diagnostics.js';
import { plural } from '../util/words.js';

/** `validate --json`, described by schemas/validate-result.schema.json. */
export interface ValidateResult {
  formatVersion: '1';
  valid: true;
  project: string;
  files: string[];
  resources: Record<string, number>;
  warnings: readonly Diagnostic[];
}

export default class Validate extends BaseCommand {
  static override summary = 'Load and validate the desired state; exit 0 if valid, 1 otherwise.';
  static override flags = {
    ...dirFlag,
    'git-ref': Flags.string({ description: 'validate the desired state as it is at this commit, branch or tag' }),
  };

  async run(): Promise<ValidateResult> {
    const { flags } = await this.parse(Validate);
    const loaded = await loadDesired(flags.dir, flags['git-ref']);
    const resources: Record<string, number> = {};
    for (const r of loaded.state.resources) resources[r.kind] = (resources[r.kind] ?? 0) + 1;
    if (!this.jsonEnabled()) {
      if (loaded.warnings.length) this.printErr(renderDiagnostics(loaded.warnings, { color: this.useColor(process.stderr) }));
      const count = loaded.state.resources.length;
      this.printOut(`Valid: project ${loaded.state.project.name}, ${plural(count, 'resource')} in ${plural(loaded.files.length, 'file')}.`);
    }
    return { formatVersion: '1', valid: true, project: loaded.state.project.name, files: [...loaded.files], resources, warnings: diagnosticsToJson(loaded.warnings).diagnostics };
  }
}
