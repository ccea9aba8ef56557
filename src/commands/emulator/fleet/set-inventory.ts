import { Args } from '@oclif/core';
import { applicationFlag, applicationsOf, fleetFlags, openFleet } from '../../../app/emulator-fleet.js';
import { BaseCommand } from '../../../app/base-command.js';

export default class FleetSetInventory extends BaseCommand {
  static override enableJsonFlag = false;
  static override summary = 'Replace the installed applications of a managed instance in the emulator\'s simulated fleet; print each.';
  static override description = [
    'As a new Systems Manager inventory would after installs and uninstalls. Automated discovery runs: a configuration',
    'whose product information now matches associates the instance; one with DisassociateWhenNotFound that no longer',
    'matches lets it go. No --application leaves it with none.',
  ].join('\n');
  static override examples = ['<%= config.bin %> emulator fleet set-inventory mi-0123456789abcdef0 --endpoint http://127.0.0.1:4566 --application "Notepad++@8.6"'];
  static override args = { id: Args.string({ description: 'managed instance id (mi-…)', required: true }) };
  static override flags = { ...fleetFlags, application: applicationFlag };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(FleetSetInventory);
    const resource = await openFleet(flags).setInventory(args.id, applicationsOf(flags.application));
    for (const app of resource.Applications) this.printOut([resource.ResourceId, app.Name, app.Version ?? '-'].join('\t'));
  }
}
