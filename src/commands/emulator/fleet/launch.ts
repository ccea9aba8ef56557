import { Flags } from '@oclif/core';
import { fleetFlags, openFleet } from '../../../app/emulator-fleet.js';
import { BaseCommand } from '../../../app/base-command.js';
import { INSTANCE_TENANCIES } from '../../../emulator/index.js';
import { LicensectlError } from '../../../errors/index.js';

export default class FleetLaunch extends BaseCommand {
  static override enableJsonFlag = false;
  static override summary = 'Launch instances in the emulator\'s simulated fleet; print one instance id per line.';
  static override description = [
    'The first launch naming an AMI registers it. An instance launched from an AMI associated with license configurations',
    '(UpdateLicenseSpecificationsForResource) is associated with them and consumes their licenses by their counting type.',
    'When AWS would refuse a launch (a hard limit reached, a license rule broken) nothing more is launched: the ids',
    'launched before it are printed, then AWS\'s reason, and the command exits 1 (EMULATOR_FLEET_REFUSED).',
  ].join('\n');
  static override examples = ['<%= config.bin %> emulator fleet launch --endpoint http://127.0.0.1:4566 --ami ami-0abc --count 3 --vcpus 8 --cores 4'];
  static override flags = {
    ...fleetFlags,
    ami: Flags.string({ description: 'the AMI id to launch from (ami-…)', required: true }),
    count: Flags.integer({ description: 'how many instances', default: 1, min: 1, max: 1000 }),
    vcpus: Flags.integer({ description: 'vCPUs of the instance type', min: 1 }),
    cores: Flags.integer({ description: 'CPU cores', min: 1 }),
    'threads-per-core': Flags.integer({ description: 'threads per core (default: vCPUs / cores)', min: 1 }),
    sockets: Flags.integer({ description: 'CPU sockets', min: 1 }),
    tenancy: Flags.string({ description: 'tenancy', options: [...INSTANCE_TENANCIES], default: 'default' }),
    'host-id': Flags.string({ description: 'the dedicated host (tenancy host only)' }),
    platform: Flags.string({ description: 'the AMI\'s platform, when this launch registers it', default: 'Linux/UNIX' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(FleetLaunch);
    if (flags['host-id'] !== undefined && flags.tenancy !== 'host') throw new LicensectlError('USAGE', '--host-id needs --tenancy host');
    const fleet = openFleet(flags);
    const { launched, refusal } = await fleet.launch({
      imageId: flags.ami,
      count: flags.count,
      tenancy: flags.tenancy as (typeof INSTANCE_TENANCIES)[number],
      platform: flags.platform,
      ...(flags.vcpus === undefined ? {} : { vcpus: flags.vcpus }),
      ...(flags.cores === undefined ? {} : { cores: flags.cores }),
      ...(flags['threads-per-core'] === undefined ? {} : { threadsPerCore: flags['threads-per-core'] }),
      ...(flags.sockets === undefined ? {} : { sockets: flags.sockets }),
      ...(flags['host-id'] === undefined ? {} : { hostId: flags['host-id'] }),
    });
    for (const id of launched) this.printOut(id);
    if (refusal) throw refusal;
  }
}
