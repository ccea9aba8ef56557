// The emulator's simulated fleet as the `emulator fleet` commands reach it: a served emulator's admin paths
// (`--endpoint URL`, `/_licensectl/fleet`), or a state file opened in this process (`--state FILE`). Both answer
// the same way; what the emulator refuses as AWS would (a hard limit reached, a rule broken, an unknown instance)
// is EMULATOR_FLEET_REFUSED with AWS's reason, after the instances launched before it.
import path from 'node:path';
import { Flags } from '@oclif/core';
import { accountFromAccessKey, Emulator, ServiceError, type FleetAction, type FleetPlace, type HostRecord, type HostRequest, type InstanceRecord, type LaunchRequest } from '../emulator/index.js';
import { LicensectlError } from '../errors/index.js';
import { DEFAULT_REGION, REGION_NAME } from '../model/arn.js';
import { redactUrls } from '../util/safe-text.js';

export const fleetFlags = {
  endpoint: Flags.string({ description: 'a served emulator (licensectl emulator serve), e.g. http://127.0.0.1:4566', exactlyOne: ['endpoint', 'state'] }),
  state: Flags.file({ description: 'an emulator state file, changed in this process', exactlyOne: ['endpoint', 'state'] }),
  account: Flags.string({ description: 'account (default: the one the emulator maps AWS_ACCESS_KEY_ID to, else 000000000000)' }),
  region: Flags.string({ description: 'region (default: AWS_REGION, AWS_DEFAULT_REGION, else us-east-1)' }),
};

export interface FleetListing {
  readonly instances: InstanceRecord[];
  readonly images: unknown[];
  readonly hosts: HostRecord[];
}

export interface Fleet {
  /** The ids launched, and the refusal that stopped the launch, if one did. */
  launch(request: LaunchRequest): Promise<{ launched: string[]; refusal?: LicensectlError }>;
  change(action: FleetAction, ids: readonly string[]): Promise<InstanceRecord[]>;
  /** The id of the dedicated host allocated. */
  allocateHost(request: HostRequest): Promise<string>;
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
    async change(action, ids) {
      try {
        return await emulator.changeInstances(place, action, ids);
      } catch (error) {
        throw error instanceof ServiceError ? refused(error.type, error.message) : error;
      }
    },
    async allocateHost(request) {
      try {
        return await emulator.allocateHost(place, request);
      } catch (error) {
        throw error instanceof ServiceError ? refused(error.type, error.message) : error;
      }
    },
    list: async () => emulator.fleet(place),
  };
}

function servedFleet(endpoint: string, place: FleetPlace): Fleet {
  const call = (method: 'GET' | 'POST', route: string, body?: object) => {
    const query = method === 'GET' ? `?${new URLSearchParams(place as Record<string, string>).toString()}` : '';
    return adminCall(endpoint, method, `/_licensectl/fleet${route}${query}`, body ? { ...place, ...body } : undefined);
  };
  const refusalOf = (answer: Record<string, unknown>) => {
    const error = answer['error'] as { type?: string; message?: string } | undefined;
    return refused(error?.type ?? 'Error', error?.message ?? 'the emulator refused the request');
  };
  return {
    async launch(request) {
      const { status, answer } = await call('POST', '/launch', request);
      const launched = (answer['instances'] as string[] | undefined) ?? [];
      return { launched, ...(status === 200 ? {} : { refusal: refusalOf(answer) }) };
    },
    async change(action, ids) {
      const { status, answer } = await call('POST', `/${action}`, { instanceIds: ids });
      if (status !== 200) throw refusalOf(answer);
      return answer['instances'] as InstanceRecord[];
    },
    async allocateHost(request) {
      const { status, answer } = await call('POST', '/allocate-host', request);
      if (status !== 200) throw refusalOf(answer);
      return answer['hostId'] as string;
    },
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

function refused(type: string, message: string): LicensectlError {
  return new LicensectlError('EMULATOR_FLEET_REFUSED', `${type}: ${message}`);
}
