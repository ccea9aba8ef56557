import { Args } from '@oclif/core';
import { applyFleetFile } from '../../../app/emulator-fleet-converge.js';
import { readFleetFile } from '../../../app/emulator-fleet-file.js';
import { fleetFlags, openFleet } from '../../../app/emulator-fleet.js';
import { BaseCommand } from '../../../app/base-command.js';

export default class FleetApply extends BaseCommand {
  static override enableJsonFlag = false;
  static override summary = 'Converge the emulator\'s simulated fleet to a YAML file of named hosts, instances, managed instances and RDS DB instances; print each change.';
  static override description = [
    'The file maps host names to {cores, sockets, state: available|released} and instance names to {ami, vcpus, cores,',
    'threadsPerCore, sockets, tenancy, host (a host name of the file), platform, state: running|stopped|terminated};',
    'managedInstances names to {platform, platformType, platformVersion, vcpus, cores, sockets, applications: [{name,',
    'version, publisher}]}; rds identifiers to {engine, licensePacks, vcpus, cores}. Missing hosts are allocated and missing',
    'instances launched; an instance whose AMI or shape differs is replaced, one in another state stopped or started, one',
    'the file no longer names terminated. Instances launched without a name are left alone. A second apply changes',
    'nothing. Every problem in the file is reported with its line and field (INVALID_CONFIG, exit 1) before anything',
    'changes; a launch AWS would refuse stops the apply with AWS\'s reason (EMULATOR_FLEET_REFUSED, exit 1).',
  ].join('\n');
  static override examples = ['<%= config.bin %> emulator fleet apply fleet.yaml --endpoint http://127.0.0.1:4566'];
  static override args = { file: Args.string({ description: 'the fleet file (YAML)', required: true }) };
  static override flags = { ...fleetFlags };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(FleetApply);
    const desired = readFleetFile(args.file);
    const changes = await applyFleetFile(openFleet(flags), desired, (c) => this.printOut(`${c.action}\t${c.name}\t${c.id}`));
    if (changes.length === 0) this.printOut(`the fleet matches ${args.file}: nothing to change`);
  }
}
