import { Flags } from '@oclif/core';
import { BaseCommand, dirFlag, renderStats, storeFlags } from '../../app/base-command.js';
import { readState } from '../../app/state.js';
import { renderStateText, type StateView } from '../../render/state.js';

export default class State extends BaseCommand {
  static override summary = 'List what the account holds: managed resources by address, unmanaged ones, and other projects\'.';
  static override description = [
    'Reads the live state (every kind, every grant\'s tags, the service settings) without planning: each resource\'s owner, address (managed),',
    'kind, name in AWS, ARN, status and version. A table, or --json (schemas/state.schema.json). With spec.targets, grouped by target;',
    'addresses read TARGET/Kind/name as plan\'s do. `licensectl state show ADDRESS` prints one managed resource as a document.',
  ].join(' ');

  static override flags = {
    ...dirFlag,
    ...storeFlags,
    'only-targets': Flags.string({ description: 'with spec.targets: only the targets these names or globs select; repeatable', multiple: true }),
  };

  async run(): Promise<StateView> {
    const { flags } = await this.parse(State);
    const started = performance.now();
    const { view, stats } = await readState(flags.dir, flags);
    if (flags.stats) for (const unit of stats) this.printErr(`${unit.label ? `${unit.label}:\n` : ''}${renderStats(unit.stats, performance.now() - started)}`);
    if (!this.jsonEnabled()) this.printOut(renderStateText(view));
    return view;
  }
}
