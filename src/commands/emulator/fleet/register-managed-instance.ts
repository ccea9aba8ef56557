import { Flags } from '@oclif/core';
import { applicationFlag, applicationsOf, fleetFlags, openFleet } from '../../../app/emulator-fleet.js';
import { BaseCommand } from '../../../app/base-command.js';

export default class FleetRegisterManagedInstance extends BaseCommand {
  static override enableJsonFlag = false;
  static override summary = 'Register an on-premises server as a Systems Manager managed instance in the emulator\'s simulated fleet; print its id.';
  static override description = [
    'Its inventory (platform, installed applications) is what ListResourceInventory lists and what automated discovery',
    'matches against license configurations\' product information; a match associates it and it consumes licenses by the',
    'configuration\'s counting type. Change its applications with `emulator fleet set-inventory`.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> emulator fleet register-managed-instance --endpoint http://127.0.0.1:4566 --platform "Microsoft Windows Server 2019 Datacenter" --platform-type Windows --vcpus 8 --application "Microsoft SQL Server 2019 Enterprise@15.0.2000.5"',
  ];
  static override flags = {
    ...fleetFlags,
    platform: Flags.string({ description: 'platform name, e.g. "Microsoft Windows Server 2019 Datacenter"', required: true }),
    'platform-type': Flags.string({ description: 'platform type, e.g. Windows or Linux' }),
    'platform-version': Flags.string({ description: 'platform version' }),
    vcpus: Flags.integer({ description: 'vCPUs (default 2)', min: 1 }),
    cores: Flags.integer({ description: 'physical cores (default: half the vCPUs)', min: 1 }),
    sockets: Flags.integer({ description: 'sockets (default 1)', min: 1 }),
    application: applicationFlag,
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(FleetRegisterManagedInstance);
    this.printOut(await openFleet(flags).addManaged('SYSTEMS_MANAGER_MANAGED_INSTANCE', {
      platform: flags.platform,
      ...(flags['platform-type'] === undefined ? {} : { platformType: flags['platform-type'] }),
      ...(flags['platform-version'] === undefined ? {} : { platformVersion: flags['platform-version'] }),
      ...(flags.vcpus === undefined ? {} : { vcpus: flags.vcpus }),
      ...(flags.cores === undefined ? {} : { cores: flags.cores }),
      ...(flags.sockets === undefined ? {} : { sockets: flags.sockets }),
      applications: applicationsOf(flags.application),
    }));
  }
}
