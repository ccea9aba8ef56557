// The simulated fleet's records: EC2 instances, the AMIs they were launched from and the dedicated hosts they
// may run on, Systems Manager managed instances and RDS DB instances (managed-resources.ts), per account and region,
// with the license configurations each is associated with (its license specifications). License Manager
// reads them to count consumption (license-manager/usage.ts); the fleet's admin surface changes them
// (fleet.ts). An AMI's ARN names no account (`arn:aws:ec2:REGION::image/ami-…`), so AMIs are keyed by
// account, region and id; an instance by its ARN.
import { compareText } from '../../util/canonical.js';
import type { EmulatorState } from '../core/service-contract.js';

export const TENANCIES = ['default', 'dedicated', 'host'] as const;
export type InstanceTenancy = (typeof TENANCIES)[number];

export const INSTANCE_STATES = ['pending', 'running', 'stopped', 'terminated'] as const;
export type InstanceState = (typeof INSTANCE_STATES)[number];

/** One association of a resource with a license configuration, as ListLicenseSpecificationsForResource shows it. */
export interface LicenseSpecificationRecord {
  LicenseConfigurationArn: string;
  AmiAssociationScope?: string;
  /** Epoch seconds. */
  AssociationTime: number;
  /** Epoch seconds: when a host first consumed the configuration's licenses (what licenseAffinityToHost holds to it). */
  HeldSince?: number;
}

/** What every fleet resource has: where it lives and the configurations it is associated with. */
export interface FleetResource {
  Account: string;
  Region: string;
  LicenseSpecifications: LicenseSpecificationRecord[];
}

export interface InstanceRecord extends FleetResource {
  InstanceId: string;
  /** The name `emulator fleet apply` knows it by (EC2's Name tag); absent for instances launched otherwise. */
  Name?: string;
  ImageId: string;
  /** The instance type's vCPUs (what vCPU counting charges unless honorVcpuOptimization says otherwise). */
  VCpus: number;
  CoreCount: number;
  ThreadsPerCore: number;
  Sockets: number;
  Tenancy: InstanceTenancy;
  HostId?: string;
  Platform: string;
  State: InstanceState;
  /** Epoch seconds. */
  LaunchTime: number;
}

export interface ImageRecord extends FleetResource {
  ImageId: string;
  Platform: string;
}

/** A dedicated host: its cores and sockets are what Core and Socket counting charge for it, once. */
export interface HostRecord extends FleetResource {
  HostId: string;
  /** The name `emulator fleet apply` knows it by. */
  Name?: string;
  Cores: number;
  Sockets: number;
  State: HostState;
  /** Epoch seconds. */
  AllocationTime: number;
  /** Epoch seconds; set when released. */
  ReleaseTime?: number;
}

export type HostState = 'available' | 'released';

/** The whole epoch seconds the fleet's and License Manager's timestamps are kept in. */
export function wholeSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

export type ManagedType = 'SYSTEMS_MANAGER_MANAGED_INSTANCE' | 'RDS';

/** An application in a managed instance's Systems Manager inventory. */
export interface InstalledApplication {
  Name: string;
  Version?: string;
  Publisher?: string;
}

export interface ManagedResourceRecord extends FleetResource {
  ResourceType: ManagedType;
  /** mi-… for a managed instance; the DB instance identifier for RDS. */
  ResourceId: string;
  /** The name `emulator fleet apply` knows a managed instance by. */
  Name?: string;
  /** Platform name (e.g. "Microsoft Windows Server 2019 Datacenter"), or an RDS instance's engine edition (oracle-ee). */
  Platform: string;
  PlatformType?: string;
  PlatformVersion?: string;
  VCpus: number;
  CoreCount: number;
  ThreadsPerCore: number;
  Sockets: number;
  Applications: InstalledApplication[];
  /** RDS license packs (License Manager's `License Pack` values). */
  LicensePacks: string[];
  /** Epoch seconds. */
  RegistrationTime: number;
}

export function managedResources(state: EmulatorState): Record<string, ManagedResourceRecord> {
  return state.fleet.managed as unknown as Record<string, ManagedResourceRecord>;
}

export function managedArn(type: ManagedType, region: string, account: string, id: string): string {
  return type === 'RDS' ? `arn:aws:rds:${region}:${account}:db:${id}` : `arn:aws:ssm:${region}:${account}:managed-instance/${id}`;
}

export function hostArn(region: string, account: string, id: string): string {
  return `arn:aws:ec2:${region}:${account}:dedicated-host/${id}`;
}

export function hosts(state: EmulatorState): Record<string, HostRecord> {
  return state.fleet.hosts as unknown as Record<string, HostRecord>;
}

/** The host an instance runs on, if it names one that exists. */
export function hostOf(state: EmulatorState, instance: InstanceRecord): HostRecord | undefined {
  return instance.HostId === undefined ? undefined : hosts(state)[hostArn(instance.Region, instance.Account, instance.HostId)];
}

export function instanceArn(region: string, account: string, id: string): string {
  return `arn:aws:ec2:${region}:${account}:instance/${id}`;
}

export function imageArn(region: string, id: string): string {
  return `arn:aws:ec2:${region}::image/${id}`;
}

export function imageKey(account: string, region: string, id: string): string {
  return `${account}/${region}/${id}`;
}

export function instances(state: EmulatorState): Record<string, InstanceRecord> {
  return state.fleet.instances as unknown as Record<string, InstanceRecord>;
}

export function images(state: EmulatorState): Record<string, ImageRecord> {
  return state.fleet.images as unknown as Record<string, ImageRecord>;
}

export type ResourceType = 'EC2_INSTANCE' | 'EC2_HOST' | 'EC2_AMI' | ManagedType;

/** A fleet resource as License Manager names it. */
export interface FleetEntry {
  readonly arn: string;
  readonly type: ResourceType;
  readonly record: FleetResource;
  readonly instance?: InstanceRecord;
  readonly host?: HostRecord;
  readonly managed?: ManagedResourceRecord;
}

/** Every resource of the fleet, in a stable order (instances, hosts, AMIs, then managed instances and RDS, each kind by key). */
export function fleetEntries(state: EmulatorState): FleetEntry[] {
  const byKey = <T>(table: Record<string, T>) => Object.entries(table).sort(([a], [b]) => compareText(a, b));
  return [
    ...byKey(instances(state)).map(([arn, instance]) => ({ arn, type: 'EC2_INSTANCE' as const, record: instance, instance })),
    ...byKey(hosts(state)).map(([arn, host]) => ({ arn, type: 'EC2_HOST' as const, record: host, host })),
    ...byKey(images(state)).map(([, image]) => ({ arn: imageArn(image.Region, image.ImageId), type: 'EC2_AMI' as const, record: image })),
    ...byKey(managedResources(state)).map(([arn, managed]) => ({ arn, type: managed.ResourceType, record: managed, managed })),
  ];
}

/** The AMI of an account and region, registered (with no license specifications) when first named. */
export function registerImage(state: EmulatorState, account: string, region: string, id: string, platform = DEFAULT_PLATFORM): ImageRecord {
  const key = imageKey(account, region, id);
  return (images(state)[key] ??= { Account: account, Region: region, ImageId: id, Platform: platform, LicenseSpecifications: [] });
}

export const DEFAULT_PLATFORM = 'Linux/UNIX';

const INSTANCE_ARN = /^arn:aws:ec2:([a-z0-9-]+):(\d{12}):instance\/(i-[0-9a-f]+)$/;
const HOST_ARN = /^arn:aws:ec2:([a-z0-9-]+):(\d{12}):dedicated-host\/(h-[0-9a-f]+)$/;
const IMAGE_ARN = /^arn:aws:ec2:([a-z0-9-]+):(\d{12})?:image\/(ami-[0-9a-zA-Z]+)$/;

/** The fleet resource an ARN names for a caller (an AMI of the caller's account), or what kind it would be. */
export function parseFleetArn(arn: string): { type: ResourceType; region: string; account?: string; id: string } | undefined {
  const instance = INSTANCE_ARN.exec(arn);
  if (instance) return { type: 'EC2_INSTANCE', region: instance[1]!, account: instance[2]!, id: instance[3]! };
  const host = HOST_ARN.exec(arn);
  if (host) return { type: 'EC2_HOST', region: host[1]!, account: host[2]!, id: host[3]! };
  const image = IMAGE_ARN.exec(arn);
  if (image) return { type: 'EC2_AMI', region: image[1]!, ...(image[2] ? { account: image[2] } : {}), id: image[3]! };
  return undefined;
}
