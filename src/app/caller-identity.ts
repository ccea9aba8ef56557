// Who the store acts as. The credentials are the ones the SDK's default chain resolves (environment, SSO,
// profile files with role_arn / credential_process, web identity, container and instance metadata), or the
// named profile's; the account is whatever STS GetCallerIdentity answers for them — from AWS, from a custom
// endpoint (STS goes to AWS_ENDPOINT_URL_STS when set, else to the store's endpoint), or from the embedded
// emulator's in-process handler. Nothing here maps access keys to accounts: that is the emulator's business.
// Roles in profiles are assumed through the same STS endpoint. One answer per process and source of
// credentials: the watcher's passes and a command that opens its store twice ask once.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { AssumeRoleCommand, GetCallerIdentityCommand, getDefaultRoleAssumer, getDefaultRoleAssumerWithWebIdentity, STSClient } from '@aws-sdk/client-sts';
// The chain every SDK client uses by default (a dependency of the SDK clients); here so that its roles are
// assumed at the STS endpoint chosen below, and so that every client shares one resolved set of credentials.
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { LicensectlError } from '../errors/index.js';
import { LicensectlRetryStrategy, noteEndpointOfFailures, type RetryOptions } from '../store/index.js';

interface CallerIdentityOptions {
  readonly region: string;
  /** --profile or spec.store.profile; AWS_PROFILE is the chain's own business. */
  readonly profile?: string;
  /** The store's endpoint (--endpoint, AWS_ENDPOINT_URL, spec.store.endpoint), if any. */
  readonly endpoint?: string;
  /** The embedded emulator's in-process handler. */
  readonly requestHandler?: unknown;
  /** The embedded emulator: used when no source of credentials is configured at all (and for a lone AWS_ACCESS_KEY_ID). */
  readonly fallback?: AwsCredentialIdentity;
  readonly timeoutMs: number;
  /** The store's retry policy: STS is throttled and fails as the other services do. */
  readonly retry: RetryOptions;
  /** A role to assume with the credentials found (a target's roleArn); the identity is then the role's. */
  readonly role?: { readonly arn: string; readonly externalId?: string; readonly sessionName?: string };
}

interface CallerIdentity {
  readonly account: string;
  readonly arn: string;
  /** The resolved credentials, memoised and refreshed before they expire; give them to every client. */
  readonly credentials: AwsCredentialIdentityProvider;
}

const cache = new Map<string, Promise<CallerIdentity>>();

export function callerIdentity(options: CallerIdentityOptions): Promise<CallerIdentity> {
  const env = process.env;
  const key = JSON.stringify([
    options.region, options.profile, stsEndpoint(options), Boolean(options.requestHandler), options.fallback?.accessKeyId, options.role,
    env.AWS_ACCESS_KEY_ID, env.AWS_PROFILE, env.AWS_SHARED_CREDENTIALS_FILE, env.AWS_CONFIG_FILE,
  ]);
  let answer = cache.get(key);
  if (!answer) {
    answer = resolve(options);
    cache.set(key, answer);
    answer.catch(() => cache.delete(key));
  }
  return answer;
}

function stsEndpoint(options: CallerIdentityOptions): string | undefined {
  return options.requestHandler ? options.endpoint : (process.env.AWS_ENDPOINT_URL_STS || options.endpoint);
}

async function resolve(options: CallerIdentityOptions): Promise<CallerIdentity> {
  const endpoint = stsEndpoint(options);
  const sts = {
    region: options.region,
    ...(endpoint ? { endpoint } : {}),
    requestHandler: options.requestHandler ?? { requestTimeout: options.timeoutMs, connectionTimeout: Math.min(options.timeoutMs, 5_000) },
  };
  const found = await credentialsFor(options, sts);
  const credentials = options.role ? assumedRole(options, sts, found) : found;
  // The store's retry policy: throttling and server errors are retried as for every other call; a refused
  // connection or an unknown host never is (it reaches no one).
  const client = new STSClient({ ...sts, credentials, retryStrategy: new LicensectlRetryStrategy(options.retry) } as never);
  noteEndpointOfFailures(client);
  try {
    const out = await client.send(new GetCallerIdentityCommand({}));
    if (!out.Account) throw new Error('GetCallerIdentity answered without an account');
    return { account: out.Account, arn: out.Arn ?? '', credentials };
  } catch (cause) {
    throw stsFailure(cause, endpoint, options);
  } finally {
    client.destroy();
  }
}

async function credentialsFor(options: CallerIdentityOptions, sts: object): Promise<AwsCredentialIdentityProvider> {
  const { fallback } = options;
  if (fallback && !configured(options.profile)) return async () => fallback;
  if (fallback && loneAccessKey(options.profile)) return async () => ({ ...fallback, accessKeyId: process.env.AWS_ACCESS_KEY_ID! });
  const provider = defaultProvider({
    ...(options.profile ? { profile: options.profile } : {}),
    roleAssumer: getDefaultRoleAssumer(sts),
    roleAssumerWithWebIdentity: getDefaultRoleAssumerWithWebIdentity(sts),
  });
  try {
    await provider();
    return provider;
  } catch (cause) {
    // Nothing found anywhere falls back to the emulator's key; a profile someone named must work.
    const named = Boolean(options.profile || process.env.AWS_PROFILE);
    if (fallback && !named && /could not load credentials from any providers/i.test((cause as Error).message)) return async () => fallback;
    throw new LicensectlError('AWS_CREDENTIALS', `no usable AWS credentials: ${(cause as Error).message}; looked in ${whereTheChainLooks(options.profile)}`, {
      cause, hint: credentialsHint(options.profile),
    });
  }
}

// Temporary credentials are renewed this long before they expire.
const RENEW_BEFORE_MS = 5 * 60_000;

/**
 * The role's temporary credentials (STS AssumeRole with the credentials found, at the same STS endpoint), renewed
 * before they expire. A refusal is AWS_CREDENTIALS naming the role.
 */
function assumedRole(options: CallerIdentityOptions, sts: object, base: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  const role = options.role!;
  const assume = async (): Promise<AwsCredentialIdentity> => {
    const client = new STSClient({ ...sts, credentials: base, retryStrategy: new LicensectlRetryStrategy(options.retry) } as never);
    try {
      const out = await client.send(new AssumeRoleCommand({
        RoleArn: role.arn, RoleSessionName: role.sessionName ?? 'licensectl', ...(role.externalId ? { ExternalId: role.externalId } : {}),
      }));
      const c = out.Credentials;
      if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error('AssumeRole answered without credentials');
      return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, ...(c.Expiration ? { expiration: c.Expiration } : {}) };
    } catch (cause) {
      const name = (cause as Error).name;
      if (!REFUSED.has(name)) throw cause;
      throw new LicensectlError('AWS_CREDENTIALS', `could not assume role ${role.arn}: ${name}: ${(cause as Error).message}`, {
        cause, hint: 'check that the role exists, trusts the credentials found (and the externalId, if the role requires one), and may be assumed by them',
      });
    } finally {
      client.destroy();
    }
  };
  // One request at a time; a new one only once the last answer is close to expiring (or failed).
  let current: Promise<AwsCredentialIdentity> | undefined;
  let settled: AwsCredentialIdentity | undefined;
  return () => {
    const stale = settled?.expiration !== undefined && Date.now() > settled.expiration.getTime() - RENEW_BEFORE_MS;
    if (!current || stale) {
      settled = undefined;
      current = assume().then((c) => (settled = c), (error: unknown) => { current = undefined; throw error; });
    }
    return current;
  };
}

/**
 * Whether credentials were chosen for this run: a profile named (--profile, spec.store.profile, AWS_PROFILE) or keys
 * in the environment. Only then does the embedded emulator ask the chain: a default profile in ~/.aws (an SSO login
 * that has expired, a role to assume) belongs to the user's AWS work, and a local file has no use for it.
 */
function configured(profile: string | undefined): boolean {
  const env = process.env;
  return [profile, env.AWS_PROFILE, env.AWS_ACCESS_KEY_ID].some((v) => v !== undefined && v !== '');
}

/** The embedded emulator needs no secret: AWS_ACCESS_KEY_ID alone names the account, as it always did. */
function loneAccessKey(profile: string | undefined): boolean {
  const env = process.env;
  return !profile && !env.AWS_PROFILE && Boolean(env.AWS_ACCESS_KEY_ID) && !env.AWS_SECRET_ACCESS_KEY;
}

function credentialsFile(): string {
  return process.env.AWS_SHARED_CREDENTIALS_FILE || path.join(homedir(), '.aws', 'credentials');
}

function configFile(): string {
  return process.env.AWS_CONFIG_FILE || path.join(homedir(), '.aws', 'config');
}

/** The places the default chain reads, in its order, with the profile it reads from the files. */
function whereTheChainLooks(profile: string | undefined): string {
  const env = process.env;
  const name = profile ?? env.AWS_PROFILE ?? 'default';
  const source = profile ? '--profile / spec.store.profile' : env.AWS_PROFILE ? 'AWS_PROFILE' : 'the default profile';
  const file = (p: string) => `${p}${existsSync(p) ? '' : ' (missing)'}`;
  const places = [
    ...(profile || env.AWS_PROFILE ? [] : ['the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN)']),
    `profile "${name}" (${source}) in ${file(credentialsFile())} and ${file(configFile())} (AWS_SHARED_CREDENTIALS_FILE, AWS_CONFIG_FILE): keys, SSO, role_arn, credential_process`,
    'web identity (AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN)',
    'the container and instance metadata services',
  ];
  return places.join('; ');
}

function credentialsHint(profile: string | undefined): string {
  const login = profile ?? process.env.AWS_PROFILE;
  return login
    ? `check profile "${login}" (for SSO: aws sso login --profile ${login}), or pass --profile with another one`
    : 'set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE / --profile naming a profile with credentials';
}

// STS's answers that mean "these credentials are not (or no longer) good". Any other failure (an unreachable
// endpoint, a 5xx) is the store's and goes on as the SDK raised it, to be reported as every store failure is.
const REFUSED = new Set(['ExpiredToken', 'ExpiredTokenException', 'InvalidClientTokenId', 'SignatureDoesNotMatch', 'AccessDenied', 'UnrecognizedClientException', 'IncompleteSignature']);

function stsFailure(cause: unknown, endpoint: string | undefined, options: CallerIdentityOptions): unknown {
  const name = (cause as Error).name;
  if (!REFUSED.has(name)) return cause;
  const where = options.requestHandler ? 'the embedded emulator' : endpoint ?? `STS in ${options.region}`;
  return new LicensectlError('AWS_CREDENTIALS', `${where} refused the credentials: ${name}: ${(cause as Error).message}`, {
    cause, hint: credentialsHint(options.profile),
  });
}
