// Opens the one store against the embedded emulator, a served emulator (--endpoint) or AWS, and works out
// the target (store type, account, region) that plans are bound to.
import path from 'node:path';
import { LicensectlError } from '../errors/index.js';
import { accountFromAccessKey, DEFAULT_REGION, type ProjectConfig, type Target } from '../model/index.js';
import type { RetryOptions, Store } from '../store/index.js';

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
}

const EMULATOR_KEY = 'AKID000000000000';

export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const { flags, project } = options;
  const storeType = (flags.store ?? project.store.type) as 'emulator' | 'aws';
  const endpoint = flags.endpoint ?? process.env.AWS_ENDPOINT_URL ?? (project.store.type === 'aws' ? project.store.endpoint : undefined);
  const region = flags.region ?? (project.store.type === 'aws' ? project.store.region : undefined) ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? (storeType === 'emulator' ? DEFAULT_REGION : undefined);
  if (!region) throw new LicensectlError('REGION_MISSING', 'no AWS region given', { hint: 'pass --region, set spec.store.region in licensectl.yaml, or set AWS_REGION' });
  const { createClients, Store, DEFAULT_RETRY } = await import('../store/index.js');
  const stateFile = storeType === 'emulator' && !endpoint ? emulatorStatePath(options.dir, project, flags.state) : undefined;
  const transport = stateFile ? await embeddedTransport(stateFile) : {};
  const credentials = storeType === 'emulator' ? emulatorCredentials() : undefined;
  const profile = flags.profile ?? (project.store.type === 'aws' ? project.store.profile : undefined);
  const timeoutMs = options.timeoutMs ?? numberFromEnv('LICENSECTL_TIMEOUT_MS') ?? 30_000;
  const clients = createClients({
    region, endpoint: endpoint ?? transport.endpoint, requestHandler: transport.requestHandler, credentials, profile,
    retry: options.retry ?? retryFromEnv(DEFAULT_RETRY), timeoutMs,
  });
  const account = await resolveAccount(storeType, endpoint, region, profile, credentials);
  const target: Target = { store: storeType, account, region, endpoint: endpoint ?? null, ...(stateFile ? { stateFile } : {}) };
  checkAccount(project, target);
  // Beside the embedded emulator's state (they go together); for any other store, in the project's .licensectl/.
  const pendingCreatesFile = stateFile ? `${stateFile}.pending-creates.json` : path.join(options.dir, '.licensectl', 'pending-creates.json');
  // The embedded emulator runs inside the process: a killed process's requests die with it, so nothing lands late.
  return new Store({ clients, project: project.name, target, concurrency: flags.concurrency, pendingCreatesFile, requestTimeoutMs: stateFile ? 0 : timeoutMs });
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

function emulatorCredentials() {
  const accessKeyId = process.env.AWS_ACCESS_KEY_ID ?? EMULATOR_KEY;
  return { accessKeyId, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'emulator' };
}

async function resolveAccount(storeType: string, endpoint: string | undefined, region: string, profile: string | undefined, credentials?: { accessKeyId: string }): Promise<string> {
  if (storeType === 'emulator') return accountFromAccessKey(credentials?.accessKeyId);
  // A custom endpoint is an AWS-compatible emulator: its account follows the access key, as ours does.
  if (endpoint) return accountFromAccessKey(process.env.AWS_ACCESS_KEY_ID);
  const { STSClient, GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
  const sts = new STSClient({ region, ...(profile ? { profile } : {}) });
  try {
    const out = await sts.send(new GetCallerIdentityCommand({}));
    return out.Account ?? 'unknown';
  } catch (cause) {
    throw new LicensectlError('AWS_CREDENTIALS', `could not identify the AWS account: ${(cause as Error).message}`, {
      cause, hint: 'check your AWS credentials (AWS_PROFILE, --profile, or the environment)',
    });
  } finally {
    sts.destroy();
  }
}

function checkAccount(project: ProjectConfig, target: Target): void {
  if (project.account && project.account !== target.account) {
    throw new LicensectlError('ACCOUNT_MISMATCH', `project ${project.name} expects account ${project.account}, but the credentials are for account ${target.account}`, {
      hint: 'switch credentials or profile, or change spec.account in licensectl.yaml',
    });
  }
}
