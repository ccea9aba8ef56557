// The fleet's resources outside EC2 that License Manager tracks: Systems Manager managed instances (on-premises
// servers registered with Systems Manager, `mi-…`) with their inventory — platform and installed applications —
// and RDS DB instances with their engine edition and license packs. Both are associated with configurations
// only by automated discovery (license-manager/discovery.ts), and consume by the counting type as an instance
// does (their vCPUs, cores, sockets; Instance 1). Deregistering a managed instance or deleting a DB instance
// takes it out of the fleet and ends its associations.
import { ServiceError, type CallContext, type EmulatorState } from '../core/service-contract.js';
import { discover } from '../license-manager/discovery.js';
import { recount } from '../license-manager/usage.js';
import { managedArn, managedResources, wholeSeconds, type InstalledApplication, type ManagedResourceRecord, type ManagedType } from './records.js';

/** An installed application as the admin surface takes it. */
export interface ApplicationInput {
  readonly name: string;
  readonly version?: string;
  readonly publisher?: string;
}

/** Where a change happens, its clock and its ids. */
type Place = Pick<CallContext, 'account' | 'region' | 'now' | 'ids'>;

export interface ManagedRequest {
  /** RDS: the DB instance identifier. Managed instances get an mi-… id. */
  readonly identifier?: string;
  readonly name?: string;
  readonly platform: string;
  readonly platformType?: string;
  readonly platformVersion?: string;
  readonly vcpus?: number;
  readonly cores?: number;
  readonly sockets?: number;
  readonly applications?: readonly ApplicationInput[];
  readonly licensePacks?: readonly string[];
}

const invalid = (message: string) => new ServiceError('InvalidParameterValue', message);
const DB_IDENTIFIER = /^[a-zA-Z](?:-?[a-zA-Z0-9]){0,62}$/;

/** Checks applications as a Systems Manager inventory holds them: each with a name; version and publisher optional. */
export function checkApplications(applications: unknown): InstalledApplication[] {
  if (!Array.isArray(applications)) throw invalid('applications must be a list of {name, version, publisher}');
  return applications.map((application: unknown) => {
    if (typeof application !== 'object' || application === null) throw invalid('applications must be a list of {name, version, publisher}');
    const out: Record<string, string> = {};
    for (const [key, member] of [['name', 'Name'], ['version', 'Version'], ['publisher', 'Publisher']] as const) {
      const value = (application as Record<string, unknown>)[key];
      if (value === undefined) continue;
      if (typeof value !== 'string' || value === '') throw invalid(`application ${key} must be a non-empty string, got ${JSON.stringify(value)}`);
      out[member] = value;
    }
    if (out['Name'] === undefined) throw invalid('every application has a name');
    return out as unknown as InstalledApplication;
  });
}

/** Registers a managed instance or creates an RDS DB instance in the context's account and region; returns its record. */
export function addManaged(state: EmulatorState, where: Place, type: ManagedType, request: ManagedRequest): ManagedResourceRecord {
  if (typeof request.platform !== 'string' || request.platform === '') throw invalid(type === 'RDS' ? 'engine is required' : 'platform is required');
  for (const [name, value] of [['name', request.name], ['platformType', request.platformType], ['platformVersion', request.platformVersion]] as const)
    if (value !== undefined && (typeof value !== 'string' || value === '' || value.length > 256)) throw invalid(`${name} must be a string of 1 to 256 characters`);
  const packs: unknown = request.licensePacks ?? [];
  if (!Array.isArray(packs) || !packs.every((p) => typeof p === 'string')) throw invalid('licensePacks must be a list of strings');
  for (const [name, value] of [['vcpus', request.vcpus], ['cores', request.cores], ['sockets', request.sockets]] as const)
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) throw invalid(`${name} must be a whole number of at least 1, got ${String(value)}`);
  if (type === 'RDS' && (typeof request.identifier !== 'string' || !DB_IDENTIFIER.test(request.identifier)))
    throw invalid(`DB instance identifier ${JSON.stringify(request.identifier)} must begin with a letter and hold 1 to 63 letters, digits or single hyphens`);
  const id = type === 'RDS' ? request.identifier! : `mi-${where.ids.hex32().slice(0, 17)}`;
  const arn = managedArn(type, where.region, where.account, id);
  if (managedResources(state)[arn]) throw new ServiceError('DBInstanceAlreadyExists', `DB instance ${id} already exists`);
  const vcpus = request.vcpus ?? 2;
  const cores = request.cores ?? Math.max(1, Math.ceil(vcpus / 2));
  const record: ManagedResourceRecord = {
    Account: where.account, Region: where.region, ResourceType: type, ResourceId: id,
    ...(request.name === undefined ? {} : { Name: request.name }),
    Platform: request.platform,
    ...(request.platformType === undefined ? {} : { PlatformType: request.platformType }),
    ...(request.platformVersion === undefined ? {} : { PlatformVersion: request.platformVersion }),
    VCpus: vcpus, CoreCount: cores, ThreadsPerCore: Math.max(1, Math.round(vcpus / cores)), Sockets: request.sockets ?? 1,
    Applications: checkApplications(request.applications ?? []),
    LicensePacks: [...(request.licensePacks ?? [])],
    RegistrationTime: wholeSeconds(where.now),
    LicenseSpecifications: [],
  };
  managedResources(state)[arn] = record;
  discover(state, wholeSeconds(where.now));
  return record;
}

/** The managed resource of an account and region with this id (mi-… or a DB instance identifier). */
export function findManaged(state: EmulatorState, account: string, region: string, id: string): ManagedResourceRecord {
  const type: ManagedType = id.startsWith('mi-') ? 'SYSTEMS_MANAGER_MANAGED_INSTANCE' : 'RDS';
  const record = managedResources(state)[managedArn(type, region, account, id)];
  if (!record) throw new ServiceError(type === 'RDS' ? 'DBInstanceNotFound' : 'InvalidInstanceId', `${type === 'RDS' ? 'DB instance' : 'Managed instance'} ${id} not found`);
  return record;
}

/** Replaces a managed instance's applications (an inventory collected again after installs and uninstalls). */
export function setInventory(state: EmulatorState, where: Place, id: string, applications: unknown): ManagedResourceRecord {
  const record = findManaged(state, where.account, where.region, id);
  if (record.ResourceType !== 'SYSTEMS_MANAGER_MANAGED_INSTANCE') throw invalid(`${id} is an RDS DB instance; only managed instances have an application inventory`);
  record.Applications = checkApplications(applications);
  discover(state, wholeSeconds(where.now));
  return record;
}

/** Deregisters managed instances and deletes DB instances, all or none; their associations end with them. */
export function removeManaged(state: EmulatorState, where: Place, ids: readonly string[]): ManagedResourceRecord[] {
  const removed = ids.map((id) => findManaged(state, where.account, where.region, id));
  for (const record of removed) delete managedResources(state)[managedArn(record.ResourceType, where.region, where.account, record.ResourceId)];
  recount(state, wholeSeconds(where.now), new Set(removed.flatMap((r) => r.LicenseSpecifications.map((s) => s.LicenseConfigurationArn))));
  discover(state, wholeSeconds(where.now));
  return removed;
}
