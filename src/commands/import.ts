import { Flags } from '@oclif/core';
import { BaseCommand, dirFlag, renderStats, storeFlags } from '../app/base-command.js';
import { runImport } from '../app/import.js';
import { KINDS } from '../model/index.js';
import { type ImportResult, renderImportText } from '../render/import-result.js';

export default class Import extends BaseCommand {
  static override summary = 'Write documents for the resources the account holds that no project manages, to adopt them.';
  static override description = [
    'Reads the live state and writes one file per kind (imported-license-configurations.yaml, …) into --out, each document with spec.adopt: ARN,',
    'so that the next plan adopts the resource instead of creating another. Resources a document already adopts are skipped;',
    'another project\'s are listed and never imported. An existing file is never replaced: nothing is written then.',
    'With spec.targets, --only-targets selects the one target to import (its documents get metadata.targets).',
  ].join(' ');

  static override flags = {
    ...dirFlag,
    ...storeFlags,
    kind: Flags.string({ description: 'import only this kind; repeatable', multiple: true, options: [...KINDS] }),
    name: Flags.string({ description: 'import only resources whose AWS name matches this glob (an Association: its resource ARN)' }),
    out: Flags.directory({ description: 'folder to write the files to (default: the project directory, --dir)' }),
    'only-targets': Flags.string({ description: 'with spec.targets: the one target (NAME or NAME@REGION) to import', multiple: true }),
  };

  async run(): Promise<ImportResult> {
    const { flags } = await this.parse(Import);
    const started = performance.now();
    const { result, stats } = await runImport(flags.dir, flags);
    if (flags.stats) this.printErr(renderStats(stats, performance.now() - started));
    if (!this.jsonEnabled()) this.printOut(renderImportText(result));
    return result;
  }
}
