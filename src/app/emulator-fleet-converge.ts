// Converging the emulator's simulated fleet to a fleet file (emulator-fleet-file.ts reads it), change by
// change. An instance whose AMI or shape differs from the file is replaced (terminated, launched again); one in
// another state is stopped or started. Terminations and stops come first, so that the licenses they release can
// serve the starts and launches after them; hosts the file says are released are released after them (a host's
// instances are stopped or terminated first), before the starts and launches. Managed instances and RDS DB
// instances follow: one the file names no longer (and that it made: it has a name) is deregistered first, one
// that differs is replaced, one whose applications differ gets the file's inventory, and missing ones are added.
import { instanceShape, type FleetAction, type HostRecord, type InstanceRecord, type ManagedResourceRecord, type ManagedType } from '../emulator/index.js';
import { LicensectlError } from '../errors/index.js';
import type { Fleet } from './emulator-fleet.js';
import { definedOnly, type DesiredInstance, type DesiredManaged, type FleetFile } from './emulator-fleet-file.js';

/** One change made to the fleet: what, to which named resource, and its id. */
export interface FleetChange {
  readonly action: 'allocate-host' | 'release-host' | 'launch' | FleetAction | 'register' | 'set-inventory' | 'deregister';
  readonly name: string;
  readonly id: string;
}

/**
 * Converges the fleet to the file, reporting each change as it is made. A host of the file's name with other
 * cores or sockets is refused before anything changes (a host cannot be resized); a launch AWS refuses stops
 * the apply with its reason, after the changes before it.
 */
export async function applyFleetFile(fleet: Fleet, desired: FleetFile, report: (change: FleetChange) => void): Promise<FleetChange[]> {
  const current = await fleet.list();
  const changes: FleetChange[] = [];
  const done = (change: FleetChange) => {
    changes.push(change);
    report(change);
  };
  const hostIds = new Map<string, string>();
  const liveHosts = new Map((current.hosts ?? []).filter((h): h is HostRecord & { Name: string } => h.Name !== undefined && h.State === 'available').map((h) => [h.Name, h]));
  const hostReleases: FleetChange[] = [];
  for (const [name, host] of sorted(desired.hosts)) {
    const live = liveHosts.get(name);
    if (live && (live.Cores !== host.cores || live.Sockets !== host.sockets))
      throw new LicensectlError('EMULATOR_FLEET_REFUSED', `host ${name} (${live.HostId}) has ${live.Cores} cores and ${live.Sockets} sockets, the file says ${host.cores} and ${host.sockets}: a dedicated host cannot be resized`);
    if (live && host.state === 'released') hostReleases.push({ action: 'release-host', name, id: live.HostId });
    else if (live) hostIds.set(name, live.HostId);
  }
  for (const [name, host] of sorted(desired.hosts)) {
    if (hostIds.has(name) || host.state === 'released') continue;
    const id = await fleet.allocateHost({ cores: host.cores, sockets: host.sockets, name });
    hostIds.set(name, id);
    done({ action: 'allocate-host', name, id });
  }

  const live = new Map<string, InstanceRecord>();
  const release: Array<{ action: FleetAction; name: string; id: string }> = [];
  for (const instance of current.instances) {
    if (instance.Name === undefined || instance.State === 'terminated') continue;
    if (live.has(instance.Name) || !desired.instances.has(instance.Name)) release.push({ action: 'terminate', name: instance.Name, id: instance.InstanceId });
    else live.set(instance.Name, instance);
  }
  const starts: FleetChange[] = [];
  const launches: Array<[string, DesiredInstance]> = [];
  for (const [name, want] of sorted(desired.instances)) {
    const have = live.get(name);
    if (!have) {
      if (want.state !== 'terminated') launches.push([name, want]);
    } else if (want.state === 'terminated') release.push({ action: 'terminate', name, id: have.InstanceId });
    else if (!matches(have, want, hostIds)) {
      release.push({ action: 'terminate', name, id: have.InstanceId });
      launches.push([name, want]);
    } else if (want.state !== have.State) (want.state === 'stopped' ? release : starts).push({ action: want.state === 'stopped' ? 'stop' : 'start', name, id: have.InstanceId });
  }
  for (const change of [...release, ...hostReleases, ...starts]) {
    await (change.action === 'release-host' ? fleet.releaseHosts([change.id]) : fleet.change(change.action as FleetAction, [change.id]));
    done(change);
  }
  for (const [name, want] of launches) {
    const { launched, refusal } = await fleet.launch({
      imageId: want.ami, name, tenancy: want.tenancy,
      ...definedOnly({ vcpus: want.vcpus, cores: want.cores, threadsPerCore: want.threadsPerCore, sockets: want.sockets }),
      ...(want.host === undefined ? {} : { hostId: hostIds.get(want.host)! }),
      ...(want.platform === undefined ? {} : { platform: want.platform }),
    });
    if (refusal) throw refusal;
    done({ action: 'launch', name, id: launched[0]! });
    if (want.state === 'stopped') {
      await fleet.change('stop', launched);
      done({ action: 'stop', name, id: launched[0]! });
    }
  }
  await convergeManaged(fleet, current.managed ?? [], desired, done);
  return changes;
}

/** Brings the fleet's managed instances (by name) and RDS DB instances (by identifier) to the file's. */
async function convergeManaged(fleet: Fleet, current: readonly ManagedResourceRecord[], desired: FleetFile, done: (change: FleetChange) => void): Promise<void> {
  const wanted = (type: ManagedType) => (type === 'RDS' ? desired.rds : desired.managedInstances);
  const keep = new Map<string, ManagedResourceRecord>();
  const removals: FleetChange[] = [];
  for (const live of current) {
    if (live.Name === undefined) continue;
    const want = wanted(live.ResourceType).get(live.Name);
    if (want && sameShape(live, want)) keep.set(`${live.ResourceType}/${live.Name}`, live);
    else removals.push({ action: 'deregister', name: live.Name, id: live.ResourceId });
  }
  for (const change of removals) {
    await fleet.removeManaged([change.id]);
    done(change);
  }
  for (const type of ['SYSTEMS_MANAGER_MANAGED_INSTANCE', 'RDS'] as const) {
    for (const [name, want] of sorted(wanted(type))) {
      const live = keep.get(`${type}/${name}`);
      if (live && !sameApplications(live, want)) {
        await fleet.setInventory(live.ResourceId, want.applications);
        done({ action: 'set-inventory', name, id: live.ResourceId });
      } else if (!live) {
        const id = await fleet.addManaged(type, {
          name, platform: want.platform, applications: want.applications, licensePacks: want.licensePacks, ...(type === 'RDS' ? { identifier: name } : {}),
          ...definedOnly({ vcpus: want.vcpus, cores: want.cores, sockets: want.sockets }),
          ...(want.platformType === undefined ? {} : { platformType: want.platformType }),
          ...(want.platformVersion === undefined ? {} : { platformVersion: want.platformVersion }),
        });
        done({ action: 'register', name, id });
      }
    }
  }
}

/** Whether a managed resource is what the file describes, its applications aside (the emulator's defaults for sizes left out). */
function sameShape(have: ManagedResourceRecord, want: DesiredManaged): boolean {
  const vcpus = want.vcpus ?? 2;
  return have.Platform === want.platform && have.PlatformType === want.platformType && have.PlatformVersion === want.platformVersion &&
    have.VCpus === vcpus && have.CoreCount === (want.cores ?? Math.max(1, Math.ceil(vcpus / 2))) && have.Sockets === (want.sockets ?? 1) &&
    JSON.stringify(have.LicensePacks) === JSON.stringify(want.licensePacks);
}

function sameApplications(have: ManagedResourceRecord, want: DesiredManaged): boolean {
  const text = (apps: ReadonlyArray<{ name?: string; Name?: string; version?: string; Version?: string; publisher?: string; Publisher?: string }>) =>
    JSON.stringify(apps.map((a) => [a.Name ?? a.name, a.Version ?? a.version ?? null, a.Publisher ?? a.publisher ?? null]));
  return text(have.Applications) === text(want.applications);
}

/** Whether a live instance is what the file describes, its state aside (the platform is its AMI's, set when the AMI was first named). */
function matches(have: InstanceRecord, want: DesiredInstance, hostIds: ReadonlyMap<string, string>): boolean {
  const shape = instanceShape(want);
  const hostId = want.host === undefined ? undefined : hostIds.get(want.host);
  return (
    have.ImageId === want.ami && have.VCpus === shape.VCpus && have.CoreCount === shape.CoreCount && have.ThreadsPerCore === shape.ThreadsPerCore &&
    have.Sockets === shape.Sockets && have.Tenancy === shape.Tenancy && have.HostId === hostId
  );
}

const sorted = <T>(map: ReadonlyMap<string, T>) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
