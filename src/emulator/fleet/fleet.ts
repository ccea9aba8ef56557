// The simulated fleet's admin surface, outside AWS's namespaces: launch instances from AMIs, stop, start and
// terminate them, list them. What AWS does around a launch is done here: an instance launched from an AMI
// associated with license configurations is associated with them too, and is refused — nothing launched —
// when it breaks a configuration's rules or would exceed a hard limit (license-manager/usage.ts). Stopping
// releases an instance's licenses (it stays associated), starting takes them again under the same checks,
// terminating ends its associations. Each instance of a launch is its own committed change, so a refusal
// leaves the instances launched before it running, as AWS would. Dedicated hosts are allocated here too; an
// instance launched onto one (tenancy host, a host id) that is associated with a Core- or Socket-counted
// configuration associates its host with it, and the host pays (license-manager/usage.ts).
import { decodeRules } from '../../model/rules.js';
import type { CallContext, EmulatorState } from '../core/service-contract.js';
import { ServiceError } from '../core/service-contract.js';
import { configurations } from '../license-manager/configuration-records.js';
import { recordingFailure } from '../license-manager/failures.js';
import { checkMayConsume, countsHosts, recount } from '../license-manager/usage.js';
import {
  DEFAULT_PLATFORM, hostArn, hostOf, hosts, images, instanceArn, instances, registerImage, TENANCIES, wholeSeconds,
  managedResources, type HostRecord, type InstanceRecord, type InstanceTenancy, type ManagedResourceRecord,
} from './records.js';

/** Where fleet changes happen, and the clock and ids they use. */
export type FleetContext = Pick<CallContext, 'account' | 'region' | 'now' | 'ids'>;

export interface LaunchRequest {
  readonly imageId: string;
  readonly count?: number;
  readonly vcpus?: number;
  readonly cores?: number;
  readonly threadsPerCore?: number;
  readonly sockets?: number;
  readonly tenancy?: InstanceTenancy;
  readonly hostId?: string;
  readonly platform?: string;
  /** The name `emulator fleet apply` gives it. */
  readonly name?: string;
}

/** The shape an instance launched by a request has: the request's, with EC2's defaults for what it leaves out. */
export function instanceShape(request: Omit<LaunchRequest, 'imageId'>): Pick<InstanceRecord, 'VCpus' | 'CoreCount' | 'ThreadsPerCore' | 'Sockets' | 'Tenancy'> {
  const vcpus = request.vcpus ?? 2;
  const cores = request.cores ?? Math.max(1, Math.ceil(vcpus / 2));
  return {
    VCpus: vcpus,
    CoreCount: cores,
    ThreadsPerCore: request.threadsPerCore ?? Math.max(1, Math.round(vcpus / cores)),
    Sockets: request.sockets ?? 1,
    Tenancy: request.tenancy ?? 'default',
  };
}

export const FLEET_ACTIONS = ['stop', 'start', 'terminate'] as const;
export type FleetAction = (typeof FLEET_ACTIONS)[number];

/** EC2's error for a request it refuses as malformed. */
export const invalidParameterValue = (message: string) => new ServiceError('InvalidParameterValue', message);

/** Checks a launch request as EC2 would before launching anything. */
export function checkLaunch(request: LaunchRequest): void {
  if (!/^ami-[0-9a-zA-Z]{1,32}$/.test(request.imageId)) throw invalidParameterValue(`Invalid id: "${request.imageId}" (expecting "ami-...")`);
  for (const [name, value] of [['count', request.count], ['vcpus', request.vcpus], ['cores', request.cores], ['threadsPerCore', request.threadsPerCore], ['sockets', request.sockets]] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) throw invalidParameterValue(`${name} must be a whole number of at least 1, got ${value}`);
  }
  if (request.tenancy !== undefined && !TENANCIES.includes(request.tenancy))
    throw invalidParameterValue(`Invalid tenancy ${String(request.tenancy)} (allowed: ${TENANCIES.join(', ')})`);
  if (request.hostId !== undefined && request.tenancy !== 'host') throw invalidParameterValue('A host id is given only with tenancy host');
  if (request.name !== undefined && (typeof request.name !== 'string' || request.name.length > 256)) throw invalidParameterValue('A name is a string of at most 256 characters');
}

export interface HostRequest {
  readonly cores: number;
  readonly sockets: number;
  /** The name `emulator fleet apply` gives it. */
  readonly name?: string;
}

/** Allocates a dedicated host with the given cores and sockets; returns its id. */
export function allocateHost(state: EmulatorState, ctx: FleetContext, request: HostRequest): string {
  for (const [name, value] of [['cores', request.cores], ['sockets', request.sockets]] as const)
    if (!Number.isInteger(value) || value < 1) throw invalidParameterValue(`${name} must be a whole number of at least 1, got ${String(value)}`);
  if (request.name !== undefined && (typeof request.name !== 'string' || request.name.length > 256)) throw invalidParameterValue('A name is a string of at most 256 characters');
  const id = `h-${ctx.ids.hex32().slice(0, 17)}`;
  const host: HostRecord = {
    Account: ctx.account, Region: ctx.region, HostId: id, ...(request.name === undefined ? {} : { Name: request.name }), Cores: request.cores, Sockets: request.sockets,
    State: 'available', AllocationTime: wholeSeconds(ctx.now), LicenseSpecifications: [],
  };
  hosts(state)[hostArn(ctx.region, ctx.account, id)] = host;
  return id;
}

/** Launches one instance from the request's AMI (registered if new) and associates it as the AMI is. */
export function launchOne(state: EmulatorState, ctx: FleetContext, request: LaunchRequest): string {
  if (request.hostId !== undefined) usableHost(hosts(state)[hostArn(ctx.region, ctx.account, request.hostId)], request.hostId);
  const image = registerImage(state, ctx.account, ctx.region, request.imageId, request.platform ?? DEFAULT_PLATFORM);
  const id = `i-${ctx.ids.hex32().slice(0, 17)}`;
  const now = wholeSeconds(ctx.now);
  const instance: InstanceRecord = {
    Account: ctx.account,
    Region: ctx.region,
    InstanceId: id,
    ...(request.name === undefined ? {} : { Name: request.name }),
    ImageId: image.ImageId,
    ...instanceShape(request),
    ...(request.hostId === undefined ? {} : { HostId: request.hostId }),
    Platform: image.Platform,
    State: 'running',
    LaunchTime: now,
    LicenseSpecifications: image.LicenseSpecifications.map((s) => ({ LicenseConfigurationArn: s.LicenseConfigurationArn, AssociationTime: now })),
  };
  takeLicenses(state, now, instance, 'RunInstances');
  const arn = instanceArn(ctx.region, ctx.account, id);
  instances(state)[arn] = instance;
  bindHost(state, instance, now);
  recount(state, now, configurationsOf(state, instance));
  return id;
}

/**
 * Refuses an instance that may not consume every configuration it is associated with, nor (placed on a host)
 * every Core- or Socket-counted configuration its host is associated with.
 */
function takeLicenses(state: EmulatorState, now: number, instance: InstanceRecord, operation: 'RunInstances' | 'StartInstances'): void {
  const own = new Set(instance.LicenseSpecifications.map((s) => s.LicenseConfigurationArn));
  const failure = {
    ResourceArn: instanceArn(instance.Region, instance.Account, instance.InstanceId), ResourceType: 'EC2_INSTANCE', ResourceOwnerId: instance.Account,
    OperationName: operation, OperationRequestedBy: instance.Account, FailureTime: now,
  };
  for (const arn of configurationsOf(state, instance)) {
    const record = configurations(state)[arn];
    if (record && (own.has(arn) || countsHosts(record))) recordingFailure(arn, failure, () => checkMayConsume(state, now, record, instance, !own.has(arn)));
  }
}

/** A host instances may be placed on: one that exists and is not released ("can no longer be specified in another request", EC2 ReleaseHosts). */
function usableHost(host: HostRecord | undefined, id: string): HostRecord {
  if (!host) throw new ServiceError('InvalidHostID.NotFound', `The host ID '${id}' does not exist`);
  if (host.State === 'released') throw new ServiceError('IncorrectHostState', `The host '${id}' is released and can no longer be used`);
  return host;
}

/**
 * Releases dedicated hosts of the context's account and region, all or none. As EC2 documents, every instance
 * on a host must be stopped or terminated first. A released host keeps the associations (and the licenses) of
 * the configurations whose licenseAffinityToHost holds it, for that many days (license-manager/usage.ts); it
 * loses the others.
 */
export function releaseHosts(state: EmulatorState, ctx: FleetContext, ids: readonly string[]): HostRecord[] {
  const released = ids.map((id) => {
    const host = usableHost(hosts(state)[hostArn(ctx.region, ctx.account, id)], id);
    const running = Object.values(instances(state)).find((i) => (i.State === 'running' || i.State === 'pending') && hostOf(state, i) === host);
    if (running) throw new ServiceError('IncorrectHostState', `The host '${id}' runs instance ${running.InstanceId}; stop or terminate its instances before releasing it`);
    return host;
  });
  const now = wholeSeconds(ctx.now);
  for (const host of released) {
    const arns = host.LicenseSpecifications.map((s) => s.LicenseConfigurationArn);
    host.State = 'released';
    host.ReleaseTime = now;
    host.LicenseSpecifications = host.LicenseSpecifications.filter((s) => {
      const record = configurations(state)[s.LicenseConfigurationArn];
      return s.HeldSince !== undefined && record !== undefined && decodeRules(record.LicenseRules).rules.licenseAffinityToHost !== undefined;
    });
    recount(state, now, arns);
  }
  return released;
}

/** An instance's configurations and its host's. */
function configurationsOf(state: EmulatorState, instance: InstanceRecord): string[] {
  const host = hostOf(state, instance);
  return [...new Set([...instance.LicenseSpecifications, ...(host?.LicenseSpecifications ?? [])].map((s) => s.LicenseConfigurationArn))];
}

/** Associates an instance's host with the instance's Core- and Socket-counted configurations. */
export function bindHost(state: EmulatorState, instance: InstanceRecord, now: number): void {
  const host = hostOf(state, instance);
  if (!host) return;
  for (const spec of instance.LicenseSpecifications) {
    const record = configurations(state)[spec.LicenseConfigurationArn];
    if (record && countsHosts(record) && !host.LicenseSpecifications.some((s) => s.LicenseConfigurationArn === spec.LicenseConfigurationArn))
      host.LicenseSpecifications.push({ LicenseConfigurationArn: spec.LicenseConfigurationArn, AssociationTime: now });
  }
}

/** Stops, starts or terminates instances of the context's account and region, all or none. */
export function changeInstances(state: EmulatorState, ctx: FleetContext, action: FleetAction, ids: readonly string[]): InstanceRecord[] {
  const changed = ids.map((id) => {
    const instance = instances(state)[instanceArn(ctx.region, ctx.account, id)];
    if (!instance) throw new ServiceError('InvalidInstanceID.NotFound', `The instance ID '${id}' does not exist`);
    if (instance.State === 'terminated' && action !== 'terminate')
      throw new ServiceError('IncorrectInstanceState', `The instance '${id}' is not in a state from which it can be ${action === 'stop' ? 'stopped' : 'started'}.`);
    return instance;
  });
  const now = wholeSeconds(ctx.now);
  for (const instance of changed) {
    const arns = configurationsOf(state, instance);
    if (action === 'start' && instance.State === 'stopped') {
      if (instance.HostId !== undefined) usableHost(hostOf(state, instance), instance.HostId);
      takeLicenses(state, now, instance, 'StartInstances');
      instance.State = 'running';
    } else if (action === 'stop' && instance.State !== 'terminated') instance.State = 'stopped';
    else if (action === 'terminate') {
      instance.State = 'terminated';
      instance.LicenseSpecifications = [];
    }
    recount(state, now, arns);
  }
  return changed;
}

/** The fleet of an account and region (both when given), instances, AMIs and hosts in a stable order. */
export function fleetView(state: EmulatorState, where: { account?: string; region?: string }): FleetView {
  const here = (r: { Account: string; Region: string }) => (where.account === undefined || r.Account === where.account) && (where.region === undefined || r.Region === where.region);
  const sorted = <T>(table: Record<string, T>) => Object.keys(table).sort().map((k) => table[k]!);
  return {
    instances: sorted(instances(state)).filter(here), images: sorted(images(state)).filter(here), hosts: sorted(hosts(state)).filter(here),
    managed: sorted(managedResources(state)).filter(here),
  };
}

export interface FleetView {
  instances: InstanceRecord[];
  images: unknown[];
  hosts: HostRecord[];
  /** Systems Manager managed instances and RDS DB instances. */
  managed: ManagedResourceRecord[];
}
