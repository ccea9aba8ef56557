import { Flags } from '@oclif/core';
import { fleetFlags, openFleet } from '../../../app/emulator-fleet.js';
import { BaseCommand } from '../../../app/base-command.js';

export default class FleetAllocateHost extends BaseCommand {
  static override enableJsonFlag = false;
  static override summary = 'Allocate a dedicated host in the emulator\'s simulated fleet; print its id.';
  static override description = [
    'Launch instances onto it with `emulator fleet launch --tenancy host --host-id H`. Under Core or Socket counting the host,',
    'not its instances, consumes licenses: its cores or sockets, once however many instances it runs, while one runs.',
  ].join('\n');
  static override examples = ['<%= config.bin %> emulator fleet allocate-host --endpoint http://127.0.0.1:4566 --cores 48 --sockets 2'];
  static override flags = {
    ...fleetFlags,
    cores: Flags.integer({ description: 'physical cores of the host', required: true, min: 1 }),
    sockets: Flags.integer({ description: 'sockets of the host', required: true, min: 1 }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(FleetAllocateHost);
    this.printOut(await openFleet(flags).allocateHost({ cores: flags.cores, sockets: flags.sockets }));
  }
}
