import { Flags } from '@oclif/core';
import { fleetFlags, openFleet } from '../../../app/emulator-fleet.js';
import { BaseCommand } from '../../../app/base-command.js';

export default class FleetLaunchRds extends BaseCommand {
  static override enableJsonFlag = false;
  static override summary = 'Create an RDS DB instance in the emulator\'s simulated fleet; print its identifier.';
  static override description = 'Automated discovery matches its engine edition and license packs against license configurations\' RDS product information; a match associates it, and it consumes licenses by the configuration\'s counting type.';
  static override examples = ['<%= config.bin %> emulator fleet launch-rds --endpoint http://127.0.0.1:4566 --identifier orders --engine oracle-ee --license-pack olap --vcpus 8'];
  static override flags = {
    ...fleetFlags,
    identifier: Flags.string({ description: 'DB instance identifier', required: true }),
    engine: Flags.string({ description: 'engine edition, e.g. oracle-ee, oracle-se2, db2-se', required: true }),
    'license-pack': Flags.string({ description: 'a license pack, e.g. olap (repeatable)', multiple: true, default: [] }),
    vcpus: Flags.integer({ description: 'vCPUs (default 2)', min: 1 }),
    cores: Flags.integer({ description: 'cores (default: half the vCPUs)', min: 1 }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(FleetLaunchRds);
    this.printOut(await openFleet(flags).addManaged('RDS', {
      identifier: flags.identifier,
      platform: flags.engine,
      licensePacks: flags['license-pack'],
      ...(flags.vcpus === undefined ? {} : { vcpus: flags.vcpus }),
      ...(flags.cores === undefined ? {} : { cores: flags.cores }),
    }));
  }
}
