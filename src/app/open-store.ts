// Opens the one store against the embedded emulator, a served emulator (--endpoint) or AWS, and works out
// the target (store type, account, region) that plans are bound to.
import path from 'node:path';
import { LicensectlError } from '../errors/index.js';
import type { LimitFunction } from 'p-limit';
import { DEFAULT_REGION, type ProjectConfig, REGION_NAME, type Target, type TargetUnit } from '../model/index.js';
import type { RetryOptions, Store } from '../store/index.js';
import { callerIdentity } from './caller-identity.js';

export interface StoreFlags {
  readonly store?: string;
  readonly region?: string;
  readonly profile?: string;
  readonly endpoint?: string;
  readonly state?: string;
  readonly concurrency: number;
}

export interface OpenStoreOptions {
  readonly dir: string;
  readonly project: ProjectConfig;
  readonly flags: StoreFlags;
  /** Test and benchmark hook: retry settings and per-attempt timeout. */
  readonly retry?: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };
  readonly timeoutMs?: number;
  /** One unit of a project with targets: its account, region and credentials replace the project's (see app/targets.ts). */
  readonly unit?: TargetUnit;
  /** Shared by the stores of several units: one bound on the calls in flight across all of them (clients.ts). */
  readonly callLimit?: LimitFunction;
}

// The embedded emulator's key when no credentials are configured: account 000000000000 (see the emulator's
// access-key convention; licensectl learns the account from its GetCallerIdentity like any other).
const EMULATOR_CREDENTIALS = { accessKeyId: 'AKID000000000000', secretAccessKey: 'emulator' };

export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const { flags, project } = options;
  const { storeType, endpoint, stateFile } = storeOf(options.dir, project, flags);
  const { unit } = options;
  if (project.targets && !unit) {
    // plan, apply, watch, report and repair open one store per target; what reaches here (a saved plan) handles one.
    throw new LicensectlError('USAGE', `project ${project.name} has spec.targets: a saved plan covers one account and region, not several`, {
      hint: 'apply the project directly (licensectl apply), which plans and applies every target',
    });
  }
  const region = unit?.region ?? storeRegion(project, flags.region, storeType);
  const { createClients, Store, DEFAULT_RETRY, PROCESS_BUDGETS } = await import('../store/index.js');
  const transport = stateFile ? await embeddedTransport(stateFile) : {};
  const profile = unit?.credentials.profile ?? flags.profile ?? (project.store.type === 'aws' ? project.store.profile : undefined);
  const role = unit?.credentials.roleArn ? { arn: unit.credentials.roleArn, externalId: unit.credentials.externalId, sessionName: unit.credentials.sessionName } : undefined;
  // The emulator's own key for a unit without credentials of its own: the emulator maps AKID<account> to that account.
  const fallback = unit && !unit.credentials.profile && !role ? { ...EMULATOR_CREDENTIALS, accessKeyId: `AKID${unit.account}` } : EMULATOR_CREDENTIALS;
  const timeoutMs = options.timeoutMs ?? numberFromEnv('LICENSECTL_TIMEOUT_MS') ?? 30_000;
  const retry = options.retry ?? retryFromEnv(DEFAULT_RETRY);
  const identity = await callerIdentity({
    region, profile, endpoint: endpoint ?? transport.endpoint, requestHandler: transport.requestHandler, timeoutMs, retry,
    ...(role ? { role } : {}),
    ...(storeType === 'emulator' ? { fallback } : {}),
  });
  const target: Target = { store: storeType, account: identity.account, region, endpoint: endpoint ?? null, ...(stateFile ? { stateFile } : {}) };
  checkAccount(project, target, unit);
  const clients = createClients({
    region, endpoint: endpoint ?? transport.endpoint, requestHandler: transport.requestHandler, credentials: identity.credentials,
    retry, timeoutMs, budgets: { account: identity.account, of: PROCESS_BUDGETS },
    ...(options.callLimit ? { callLimit: options.callLimit } : {}),
  });
  // Beside the embedded emulator's state (they go together); for any other store, in the project's .licensectl/.
  // Each unit of a project with targets keeps its own notes: their stores write at the same time.
  const notes = unit ? `pending-creates.${unit.label.replace(/[^A-Za-z0-9.@-]/g, '_')}.json` : 'pending-creates.json';
  const pendingCreatesFile = stateFile ? `${stateFile}.${notes}` : path.join(options.dir, '.licensectl', notes);
  // The embedded emulator runs inside the process: a killed process's requests die with it, so nothing lands late.
  return new Store({
    clients, project: project.name, target, concurrency: flags.concurrency, pendingCreatesFile, requestTimeoutMs: stateFile ? 0 : timeoutMs,
    ...(unit ? { homeRegionOnly: (project.targets ?? []).some((t) => t.name === unit.target && t.regions.length > 1) } : {}),
  });
}

/** The store a project and the flags choose: its type, a served endpoint, or else the embedded emulator's state file. */
function storeOf(dir: string, project: ProjectConfig, flags: StoreFlags): { storeType: 'emulator' | 'aws'; endpoint?: string; stateFile?: string } {
  const storeType = (flags.store ?? project.store.type) as 'emulator' | 'aws';
  const endpoint = flags.endpoint ?? process.env.AWS_ENDPOINT_URL ?? (project.store.type === 'aws' ? project.store.endpoint : undefined);
  return { storeType, endpoint, stateFile: storeType === 'emulator' && !endpoint ? emulatorStatePath(dir, project, flags.state) : undefined };
}

/** The embedded emulator's state file the project's stores use (every target's: one state), or undefined for any other store. */
export function embeddedStateFile(dir: string, project: ProjectConfig, flags: StoreFlags): string | undefined {
  return storeOf(dir, project, flags).stateFile;
}

/**
 * The project's region (spec.store.region) is authoritative: --region may name another only where the project
 * says `allowRegionOverride: true`, and AWS_REGION (AWS_DEFAULT_REGION) — ambient, as CI runners and shells set it
 * for everything — is then not consulted at all, as Terraform's provider region outranks it. Without a project
 * region, --region or the environment choose it; the embedded emulator's default is us-east-1. Every region name
 * given is checked before anything is opened.
 */
function storeRegion(project: ProjectConfig, flag: string | undefined, storeType: 'emulator' | 'aws'): string {
  const own = project.store.region;
  const env = process.env.AWS_REGION ? 'AWS_REGION' : process.env.AWS_DEFAULT_REGION ? 'AWS_DEFAULT_REGION' : undefined;
  const fromEnv = env && (!own || project.store.allowRegionOverride) ? { value: process.env[env]!, from: env } : undefined;
  const requested = flag !== undefined ? { value: flag, from: '--region' } : fromEnv;
  if (requested && !REGION_NAME.test(requested.value)) {
    const message = `${requested.from} ${JSON.stringify(requested.value)} is not an AWS region name`;
    const hint = 'regions are written like us-east-1, eu-west-2 or us-gov-west-1';
    throw requested.from === '--region' ? new LicensectlError('USAGE', message, { hint }) : new LicensectlError('BAD_ENVIRONMENT', message, { hint: `${hint}; or unset ${requested.from}` });
  }
  if (own && requested && requested.value !== own && !project.store.allowRegionOverride) {
    throw new LicensectlError('USAGE', `--region ${requested.value} differs from the region of project ${project.name}, ${own} (spec.store.region in licensectl.yaml)`, {
      hint: 'drop --region, or set spec.store.allowRegionOverride: true in licensectl.yaml to let it choose',
    });
  }
  const region = requested?.value ?? own ?? (storeType === 'emulator' ? DEFAULT_REGION : undefined);
  if (!region) throw new LicensectlError('REGION_MISSING', 'no AWS region given', { hint: 'pass --region, set spec.store.region in licensectl.yaml, or set AWS_REGION' });
  return region;
}

/** LICENSECTL_MAX_ATTEMPTS and LICENSECTL_RETRY_BASE_MS tune retries (tests and impatient CI jobs shorten them). */
function retryFromEnv(base: RetryOptions): RetryOptions {
  return {
    ...base,
    maxAttempts: Math.max(1, numberFromEnv('LICENSECTL_MAX_ATTEMPTS') ?? base.maxAttempts),
    baseDelayMs: numberFromEnv('LICENSECTL_RETRY_BASE_MS') ?? base.baseDelayMs,
  };
}

function numberFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new LicensectlError('BAD_ENVIRONMENT', `${name} must be a whole number, got ${JSON.stringify(raw)}`, { hint: `unset ${name} or set it to a number` });
  return value;
}

/** `--state` is relative to where the command runs (as every path flag is); the project's path to licensectl.yaml's folder. */
export function emulatorStatePath(dir: string, project: ProjectConfig, stateFlag?: string): string {
  if (stateFlag !== undefined) return path.resolve(stateFlag);
  return path.resolve(dir, (project.store.type === 'emulator' ? project.store.path : undefined) ?? '.licensectl/emulator.json');
}

async function embeddedTransport(statePath: string): Promise<{ endpoint?: string; requestHandler?: unknown }> {
  const { Emulator, createInProcessHandler } = await import('../emulator/index.js');
  const emulator = new Emulator({ statePath });
  return { endpoint: 'http://emulator.embedded', requestHandler: createInProcessHandler(emulator) };
}

function checkAccount(project: ProjectConfig, target: Target, unit: TargetUnit | undefined): void {
  if (unit && unit.account !== target.account) {
    throw new LicensectlError('ACCOUNT_MISMATCH', `target ${unit.label} is account ${unit.account}, but its credentials are for account ${target.account}`, {
      hint: `check the profile or role of target ${unit.target} in spec.targets, or its account`,
    });
  }
  if (project.account && project.account !== target.account) {
    throw new LicensectlError('ACCOUNT_MISMATCH', `project ${project.name} expects account ${project.account}, but the credentials are for account ${target.account}`, {
      hint: 'switch credentials or profile, or change spec.account in licensectl.yaml',
    });
  }
}
