import { Args } from '@oclif/core';
import { fleetFlags, openFleet } from '../../../app/emulator-fleet.js';
import { BaseCommand } from '../../../app/base-command.js';

export default class FleetDeregister extends BaseCommand {
  static override enableJsonFlag = false;
  static override summary = 'Deregister managed instances and delete RDS DB instances (their licenses and associations are released) in the emulator\'s simulated fleet; print each id.';
  static override strict = false;
  static override args = { ids: Args.string({ description: 'managed instance ids (mi-…) or DB instance identifiers', required: true }) };
  static override flags = { ...fleetFlags };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(FleetDeregister);
    for (const resource of await openFleet(flags).removeManaged(argv as string[])) this.printOut(`${resource.ResourceId}\tderegistered`);
  }
}
