import { Args } from '@oclif/core';
import { fleetFlags, openFleet } from '../../../app/emulator-fleet.js';
import { BaseCommand } from '../../../app/base-command.js';

export default class FleetReleaseHost extends BaseCommand {
  static override enableJsonFlag = false;
  static override summary = 'Release dedicated hosts in the emulator\'s simulated fleet; print each id and its new state.';
  static override description = [
    'Stop or terminate the instances on a host first, as EC2 requires. A released host keeps consuming the licenses of',
    'a configuration with #licenseAffinityToHost=DAYS that it held, until that many days after the release.',
  ].join('\n');
  static override strict = false;
  static override args = { ids: Args.string({ description: 'host ids (h-…)', required: true }) };
  static override flags = { ...fleetFlags };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(FleetReleaseHost);
    for (const host of await openFleet(flags).releaseHosts(argv as string[])) this.printOut(`${host.HostId}\t${host.State}`);
  }
}
