// The emulator's simulated fleet as the `emulator fleet` commands reach it: a served emulator's admin paths
// (`--endpoint URL`, `/_licensectl/fleet`), or a state file opened in this process (`--state FILE`). Both answer
// the same way; what the emulator refuses as AWS would (a hard limit reached, a rule broken, an unknown instance)
// is EMULATOR_FLEET_REFUSED with AWS's reason, after the instances launched before it.
import path from 'node:path';
import { Flags } from '@oclif/core';
import {
  accountFromAccessKey, Emulator, ServiceError, type ApplicationInput, type FleetAction, type FleetPlace, type HostRecord, type HostRequest, type InstanceRecord,
  type LaunchRequest, type ManagedRequest, type ManagedResourceRecord, type ManagedType,
} from '../emulator/index.js';
import { LicensectlError } from '../errors/index.js';
import { DEFAULT_REGION, REGION_NAME } from '../model/arn.js';
import { redactUrls } from '../util/safe-text.js';

export const fleetFlags = {
  endpoint: Flags.string({ description: 'a served emulator (licensectl emulator serve), e.g. http://127.0.0.1:4566', exactlyOne: ['endpoint', 'state'] }),
  state: Flags.file({ description: 'an emulator state file, changed in this process', exactlyOne: ['endpoint', 'state'] }),
  account: Flags.string({ description: 'account (default: the one the emulator maps AWS_ACCESS_KEY_ID to, else 000000000000)' }),
  region: Flags.string({ description: 'region (default: AWS_REGION, AWS_DEFAULT_REGION, else us-east-1)' }),
};

/** `--application NAME[@VERSION]`, repeatable: a managed instance's installed applications. */
export const applicationFlag = Flags.string({ description: 'an installed application, NAME[@VERSION] (repeatable)', multiple: true, default: [] });

export function applicationsOf(values: readonly string[]): ApplicationInput[] {
  return values.map((value) => {
    const at = value.lastIndexOf('@');
    const [name, version] = at > 0 ? [value.slice(0, at), value.slice(at + 1)] : [value, undefined];
    if (name.trim() === '' || version === '') throw new LicensectlError('USAGE', `--application must be NAME or NAME@VERSION, got ${JSON.stringify(value)}`);
    return { name, ...(version === undefined ? {} : { version }) };
  });
}

export interface FleetListing {
  readonly instances: InstanceRecord[];
  readonly images: unknown[];
  readonly hosts: HostRecord[];
  /** Systems Manager managed instances and RDS DB instances. */
  readonly managed: ManagedResourceRecord[];
}

export interface Fleet {
  /** The ids launched, and the refusal that stopped the launch, if one did. */
  launch(request: LaunchRequest): Promise<{ launched: string[]; refusal?: LicensectlError }>;
  change(action: FleetAction, ids: readonly string[]): Promise<InstanceRecord[]>;
  /** The id of the dedicated host allocated. */
  allocateHost(request: HostRequest): Promise<string>;
  releaseHosts(ids: readonly string[]): Promise<HostRecord[]>;
  /** The id of the managed instance (mi-…) or DB instance added. */
  addManaged(type: ManagedType, request: ManagedRequest): Promise<string>;
  setInventory(id: string, applications: readonly ApplicationInput[]): Promise<ManagedResourceRecord>;
  removeManaged(ids: readonly string[]): Promise<ManagedResourceRecord[]>;
  list(): Promise<FleetListing>;
}

interface FleetTarget {
  readonly endpoint?: string;
  readonly state?: string;
  readonly account?: string;
  readonly region?: string;
}

export function openFleet(target: FleetTarget): Fleet {
  const place: FleetPlace = { account: accountOf(target.account), region: regionOf(target.region) };
  return target.endpoint ? servedFleet(target.endpoint, place) : localFleet(new Emulator({ statePath: path.resolve(target.state!) }), place);
}

function accountOf(flag: string | undefined): string {
  if (flag !== undefined && !/^\d{12}$/.test(flag)) throw new LicensectlError('USAGE', `--account must be a 12-digit account id, got ${JSON.stringify(flag)}`);
  return flag ?? accountFromAccessKey(process.env.AWS_ACCESS_KEY_ID);
}

function regionOf(flag: string | undefined): string {
  if (flag !== undefined && !REGION_NAME.test(flag)) throw new LicensectlError('USAGE', `--region must be an AWS region such as us-east-1, got ${JSON.stringify(flag)}`);
  const variable = ['AWS_REGION', 'AWS_DEFAULT_REGION'].find((name) => process.env[name]);
  const region = flag ?? (variable ? process.env[variable]! : DEFAULT_REGION);
  if (!REGION_NAME.test(region)) throw new LicensectlError('BAD_ENVIRONMENT', `${variable} must be an AWS region such as us-east-1, got ${JSON.stringify(region)}`);
  return region;
}

function localFleet(emulator: Emulator, place: FleetPlace): Fleet {
  return {
    async launch(request) {
      const { launched, refusal } = await emulator.launchInstances(place, request);
      return { launched, ...(refusal ? { refusal: refused(refusal.type, refusal.message) } : {}) };
    },
    change: (action, ids) => refusing(emulator.changeInstances(place, action, ids)),
    allocateHost: (request) => refusing(emulator.allocateHost(place, request)),
    releaseHosts: (ids) => refusing(emulator.releaseHosts(place, ids)),
    addManaged: (type, request) => refusing(emulator.addManagedResource(place, type, request)),
    setInventory: (id, applications) => refusing(emulator.setInventory(place, id, applications)),
    removeManaged: (ids) => refusing(emulator.removeManagedResources(place, ids)),
    list: async () => emulator.fleet(place),
  };
}

function servedFleet(endpoint: string, place: FleetPlace): Fleet {
  const call = async (method: 'GET' | 'POST', route: string, body?: object): Promise<{ status: number; answer: Record<string, unknown> }> => {
    const query = method === 'GET' ? `?${new URLSearchParams(place as Record<string, string>).toString()}` : '';
    return adminCall(endpoint, method, `/_licensectl/fleet${route}${query}`, body ? { ...place, ...body } : undefined);
  };
  const refusalOf = (answer: Record<string, unknown>) => {
    const error = answer['error'] as { type?: string; message?: string } | undefined;
    return refused(error?.type ?? 'Error', error?.message ?? 'the emulator refused the request');
  };
  /** A POST whose refusal is thrown. */
  const post = async (route: string, body: object) => {
    const { status, answer } = await call('POST', route, body);
    if (status !== 200) throw refusalOf(answer);
    return answer;
  };
  return {
    async launch(request) {
      const { status, answer } = await call('POST', '/launch', request);
      const launched = (answer['instances'] as string[] | undefined) ?? [];
      return { launched, ...(status === 200 ? {} : { refusal: refusalOf(answer) }) };
    },
    change: async (action, ids) => (await post(`/${action}`, { instanceIds: ids }))['instances'] as InstanceRecord[],
    allocateHost: async (request) => (await post('/allocate-host', request))['hostId'] as string,
    releaseHosts: async (ids) => (await post('/release-host', { hostIds: ids }))['hosts'] as HostRecord[],
    async addManaged(type, request) {
      const { platform, ...rest } = request;
      const answer = type === 'RDS' ? await post('/launch-rds', { ...rest, engine: platform }) : await post('/register-managed-instance', request);
      return answer['resourceId'] as string;
    },
    setInventory: async (resourceId, applications) => (await post('/set-inventory', { resourceId, applications }))['resource'] as ManagedResourceRecord,
    removeManaged: async (ids) => (await post('/deregister', { resourceIds: ids }))['resources'] as ManagedResourceRecord[],
    async list() {
      const { status, answer } = await call('GET', '');
      if (status !== 200) throw refusalOf(answer);
      return answer as unknown as FleetListing;
    },
  };
}

/** A request to an admin path of a served emulator (`/_licensectl/…`), JSON both ways; unreachable is ENDPOINT_UNREACHABLE. */
export async function adminCall(endpoint: string, method: string, path: string, body?: unknown): Promise<{ status: number; answer: Record<string, unknown> }> {
  let response: Response;
  try {
    response = await fetch(`${endpoint.replace(/\/+$/, '')}${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  } catch (error) {
    throw new LicensectlError('ENDPOINT_UNREACHABLE', `cannot reach the emulator at ${redactUrls(endpoint)} (${((error as Error).cause as Error | undefined)?.message ?? (error as Error).message})`, {
      hint: 'start it with licensectl emulator serve, or check --endpoint',
      cause: error,
    });
  }
  const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  return { status: response.status, answer };
}

type RefusalCode = 'EMULATOR_FLEET_REFUSED' | 'EMULATOR_REPORT_REFUSED';

/** What the in-process emulator refuses, as the served one's refusal reads (`code`: whose control it was). */
export async function refusing<T>(change: Promise<T>, code: RefusalCode = 'EMULATOR_FLEET_REFUSED'): Promise<T> {
  try {
    return await change;
  } catch (error) {
    throw error instanceof ServiceError ? refused(error.type, error.message, code) : error;
  }
}

export function refused(type: string, message: string, code: RefusalCode = 'EMULATOR_FLEET_REFUSED'): LicensectlError {
  return new LicensectlError(code, `${type}: ${message}`);
}
