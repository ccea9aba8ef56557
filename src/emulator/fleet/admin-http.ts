// The fleet's admin surface over HTTP, on `emulator serve`, under `/_licensectl/fleet` (a path no AWS service
// uses). JSON in, JSON out; an account and region in the body (or the query string, for GET) choose where, the
// emulator's default account and region otherwise.
//   GET  /_licensectl/fleet?account=A&region=R   → {instances: [...], images: [...]}
//   POST /_licensectl/fleet/launch {imageId, count, vcpus, cores, threadsPerCore, sockets, tenancy, hostId, platform}
//        → 200 {instances: [ids]}; refused: 4xx {instances: [ids launched before], error: {type, message}}
//   POST /_licensectl/fleet/stop|start|terminate {instanceIds: [...]} → {instances: [...]}, or 4xx {error}
//   POST /_licensectl/fleet/allocate-host {cores, sockets} → {hostId}, or 4xx {error}
//   POST /_licensectl/fleet/release-host {hostIds: [...]} → {hosts: [...]}, or 4xx {error}
//   POST /_licensectl/fleet/register-managed-instance {name, platform, platformType, platformVersion, vcpus, cores,
//        sockets, applications: [{name, version, publisher}]} → {resourceId: "mi-…"}, or 4xx {error}
//   POST /_licensectl/fleet/launch-rds {identifier, engine, licensePacks: [...], vcpus, cores, sockets} → {resourceId}
//   POST /_licensectl/fleet/set-inventory {resourceId, applications: [...]} → {resource}, or 4xx {error}
//   POST /_licensectl/fleet/deregister {resourceIds: [...]} → {resources: [...]}: managed instances and DB instances
// GET/POST /_licensectl/faults read and change the fault injection (core/faults.ts).
// Registering, changing an inventory and deregistering run automated discovery (license-manager/discovery.ts).
import { REGION_NAME } from '../../model/arn.js';
import type { Emulator, FleetPlace } from '../core/emulator.js';
import { describeFaults, FAULTS_PATH, faultOptionsOf } from '../core/faults.js';
import { ServiceError } from '../core/service-contract.js';
import type { EmulatorResponse } from '../core/wire.js';
import { FLEET_ACTIONS, type FleetAction, type HostRequest, type LaunchRequest } from './fleet.js';
import type { ApplicationInput, ManagedRequest } from './managed-resources.js';

const MANAGED_ACTIONS = ['register-managed-instance', 'launch-rds', 'set-inventory', 'deregister'];

export const ADMIN_PREFIX = '/_licensectl/';
const FLEET_PATH = '/_licensectl/fleet';
/** POST {arn} → the run (status, failureReason, reports: [{reportType, bucket, key, csv, path}]): license-manager/report-runs.ts. */
const REPORT_RUN_PATH = '/_licensectl/report-generators/run';

/** The answer to an admin request (any path under ADMIN_PREFIX). */
export async function adminResponse(emulator: Emulator, method: string, path: string, body: string): Promise<EmulatorResponse> {
  const url = new URL(path, 'http://emulator');
  const pathname = url.pathname.replace(/\/+$/, '');
  try {
    if (method === 'POST' && pathname === REPORT_RUN_PATH) return json(200, await emulator.runReportGenerator(String(parseBody(body)['arn'] ?? '')));
    if (pathname === FAULTS_PATH) {
      if (method === 'POST') emulator.faults.set(faultOptionsOf(parseBody(body)));
      else if (method !== 'GET') return json(404, { error: { type: 'UnknownOperationException', message: `The emulator has no admin operation ${method} ${pathname}` } });
      return json(200, describeFaults(emulator.faults));
    }
    if (method === 'GET' && pathname === FLEET_PATH) {
      const where = { ...optional('account', url.searchParams.get('account')), ...optional('region', url.searchParams.get('region')) };
      return json(200, emulator.fleet(where));
    }
    const action = pathname.startsWith(`${FLEET_PATH}/`) ? pathname.slice(FLEET_PATH.length + 1) : undefined;
    const known = ['launch', 'allocate-host', 'release-host', ...MANAGED_ACTIONS, ...FLEET_ACTIONS].includes(action ?? '');
    if (method !== 'POST' || action === undefined || !known)
      return json(404, { error: { type: 'UnknownOperationException', message: `The emulator has no admin operation ${method} ${pathname}` } });
    const input = parseBody(body);
    const where: FleetPlace = { ...optional('account', input['account']), ...optional('region', input['region']) };
    if (action === 'launch') {
      const { launched, refusal } = await emulator.launchInstances(where, input as unknown as LaunchRequest);
      return refusal ? json(refusal.status, { instances: launched, error: errorOf(refusal) }) : json(200, { instances: launched });
    }
    if (action === 'allocate-host') return json(200, { hostId: await emulator.allocateHost(where, input as unknown as HostRequest) });
    if (action === 'release-host') return json(200, { hosts: await emulator.releaseHosts(where, idsOf(input, 'hostIds', 'host')) });
    if (action === 'register-managed-instance') return json(200, { resourceId: await emulator.addManagedResource(where, 'SYSTEMS_MANAGER_MANAGED_INSTANCE', input as unknown as ManagedRequest) });
    if (action === 'launch-rds') {
      const { engine, ...rest } = input;
      return json(200, { resourceId: await emulator.addManagedResource(where, 'RDS', { ...rest, platform: engine } as unknown as ManagedRequest) });
    }
    if (action === 'set-inventory') return json(200, { resource: await emulator.setInventory(where, String(input['resourceId']), input['applications'] as ApplicationInput[]) });
    if (action === 'deregister') return json(200, { resources: await emulator.removeManagedResources(where, idsOf(input, 'resourceIds', 'managed instance or DB instance')) });
    return json(200, { instances: await emulator.changeInstances(where, action as FleetAction, idsOf(input, 'instanceIds', 'instance')) });
  } catch (error) {
    if (error instanceof ServiceError) return json(error.status, { error: errorOf(error) });
    throw error;
  }
}

function idsOf(input: Record<string, unknown>, member: string, what: string): string[] {
  const ids = input[member];
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) throw new ServiceError('InvalidParameterValue', `${member} must be a list of ${what} ids`);
  return ids as string[];
}

function parseBody(body: string): Record<string, unknown> {
  let input: unknown;
  try {
    input = JSON.parse(body || '{}');
  } catch {
    throw new ServiceError('InvalidParameterValue', 'the request body is not JSON');
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new ServiceError('InvalidParameterValue', 'the request body must be a JSON object');
  return input as Record<string, unknown>;
}

function optional(name: 'account' | 'region', value: unknown): Partial<FleetPlace> {
  if (value === null || value === undefined) return {};
  const valid = typeof value === 'string' && (name === 'account' ? /^\d{12}$/ : REGION_NAME).test(value);
  if (!valid) throw new ServiceError('InvalidParameterValue', `${name} must be ${name === 'account' ? 'a 12-digit account id' : 'an AWS region such as us-east-1'}, got ${JSON.stringify(value)}`);
  return { [name]: value };
}

function errorOf(error: ServiceError): { type: string; message: string } {
  return { type: error.type, message: error.message };
}

function json(status: number, body: unknown): EmulatorResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
