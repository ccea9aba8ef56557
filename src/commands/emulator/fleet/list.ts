import { fleetFlags, openFleet, type FleetListing } from '../../../app/emulator-fleet.js';

/** `emulator fleet list --json`, described by schemas/fleet-list.schema.json. */
export type FleetListResult = { formatVersion: '1' } & FleetListing;
import { BaseCommand } from '../../../app/base-command.js';

export default class FleetList extends BaseCommand {
  static override summary = 'List the instances, dedicated hosts, managed instances and RDS DB instances of the emulator\'s simulated fleet in an account and region.';
  static override description = 'One line per instance: id, state, AMI, vCPUs/cores/threads per core/sockets, tenancy, host and the license configurations it is associated with; then one per dedicated host: id, state, cores/sockets and its license configurations; then one per managed instance or RDS DB instance: id, type, platform (an engine edition for RDS), vCPUs/cores/threads per core/sockets, applications and license configurations. --json prints the instances, AMIs and hosts as the emulator keeps them (schemas/fleet-list.schema.json).';
  static override flags = { ...fleetFlags };

  async run(): Promise<FleetListResult> {
    const { flags } = await this.parse(FleetList);
    const listing = await openFleet(flags).list();
    if (!this.jsonEnabled()) {
      for (const i of listing.instances) {
        const shape = `${i.VCpus}/${i.CoreCount}/${i.ThreadsPerCore}/${i.Sockets}`;
        const configurations = i.LicenseSpecifications.map((s) => s.LicenseConfigurationArn.split(':').pop()).join(',') || '-';
        this.printOut([i.InstanceId, i.State, i.ImageId, shape, i.Tenancy, i.HostId ?? '-', configurations].join('\t'));
      }
      for (const h of listing.hosts ?? []) {
        const configurations = h.LicenseSpecifications.map((s) => s.LicenseConfigurationArn.split(':').pop()).join(',') || '-';
        this.printOut([h.HostId, h.State, `${h.Cores}/${h.Sockets}`, configurations].join('\t'));
      }
      for (const m of listing.managed ?? []) {
        const configurations = m.LicenseSpecifications.map((s) => s.LicenseConfigurationArn.split(':').pop()).join(',') || '-';
        const applications = m.Applications.map((a) => (a.Version === undefined ? a.Name : `${a.Name}@${a.Version}`)).join(',') || '-';
        this.printOut([m.ResourceId, m.ResourceType, m.Platform, `${m.VCpus}/${m.CoreCount}/${m.ThreadsPerCore}/${m.Sockets}`, applications, configurations].join('\t'));
      }
    }
    return { formatVersion: '1', ...listing };
  }
}
