import { Args, Flags } from '@oclif/core';
import { BaseCommand, dirFlag, renderStats, storeFlags } from '../../app/base-command.js';
import { documentAt, readState } from '../../app/state.js';
import { documentValue, renderDocuments } from '../../render/documents.js';

export default class StateShow extends BaseCommand {
  static override summary = 'Print one managed resource as it is live, as a YAML document.';
  static override description = 'The document a managed resource would have to match what AWS holds (its ARN in a comment above it); --json prints {address, arn, status, version, document}.';
  static override args = {
    address: Args.string({ description: 'Kind/name (TARGET/Kind/name with spec.targets), as licensectl state lists it', required: true }),
  };

  static override flags = {
    ...dirFlag,
    ...storeFlags,
    'only-targets': Flags.string({ description: 'with spec.targets: read only the targets these names or globs select; repeatable', multiple: true }),
  };

  async run(): Promise<{ address: string; arn: string; status: string | null; version: string | null; document: Record<string, unknown> }> {
    const { args, flags } = await this.parse(StateShow);
    const started = performance.now();
    const read = await readState(flags.dir, flags);
    if (flags.stats) for (const unit of read.stats) this.printErr(`${unit.label ? `${unit.label}:\n` : ''}${renderStats(unit.stats, performance.now() - started)}`);
    const { resource, input } = documentAt(read, args.address);
    if (!this.jsonEnabled()) this.printOut(renderDocuments([input]));
    return { address: args.address, arn: resource.arn, status: resource.meta.status ?? null, version: resource.meta.version ?? null, document: documentValue(input) };
  }
}
