import { Args } from '@oclif/core';
import { fleetFlags, openFleet } from '../../../app/emulator-fleet.js';
import { BaseCommand } from '../../../app/base-command.js';

export default class FleetStart extends BaseCommand {
  static override enableJsonFlag = false;
  static override summary = 'Start stopped instances (they take their licenses again, and are refused past a hard limit) in the emulator\'s simulated fleet; print each id and its new state.';
  static override strict = false;
  static override args = { ids: Args.string({ description: 'instance ids (i-…)', required: true }) };
  static override flags = { ...fleetFlags };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(FleetStart);
    for (const instance of await openFleet(flags).change('start', argv as string[])) this.printOut(`${instance.InstanceId}\t${instance.State}`);
  }
}
