// Real SDK clients against the emulator, in-process or over HTTP, acting as a given account. Every client
// gets a fresh ConfiguredRetryStrategy(attempts, 0): three attempts unless told, no backoff, and no retry
// quota shared with other tests. Tests that read back from an emulator injecting faults ask for more
// attempts, because three lose to 25% faulty responses about once in 60 calls.
import { LicenseManagerClient, UpdateLicenseSpecificationsForResourceCommand } from '@aws-sdk/client-license-manager';
import { RAMClient } from '@aws-sdk/client-ram';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { createInProcessHandler, Emulator, type EmulatorOptions, type InProcessHandler, type LaunchRequest } from '../../src/emulator/index.js';

export const DEFAULT_ACCOUNT = '000000000000';
export const OTHER_ACCOUNT = '222233334444';

export interface ClientIdentity {
  readonly account?: string;
  readonly region?: string;
  /** Attempts per call, the first included. */
  readonly attempts?: number;
}

/** An emulator or its in-process handler (no socket), or the URL of a served emulator. */
export type EmulatorTarget = Emulator | InProcessHandler | string;

/** A seeded emulator that also checks every response against the AWS model. */
export function testEmulator(options: EmulatorOptions = {}): Emulator {
  return new Emulator({ seed: 1, checkResponses: true, ...options });
}

export function lmClient(target: EmulatorTarget, identity: ClientIdentity = {}): LicenseManagerClient {
  return new LicenseManagerClient(clientConfig(target, identity));
}

export function ramClient(target: EmulatorTarget, identity: ClientIdentity = {}): RAMClient {
  return new RAMClient(clientConfig(target, identity));
}

function clientConfig(target: EmulatorTarget, { account = DEFAULT_ACCOUNT, region = 'us-east-1', attempts = 3 }: ClientIdentity) {
  const transport =
    typeof target === 'string'
      ? { endpoint: target }
      : { endpoint: 'http://emulator.invalid', requestHandler: target instanceof Emulator ? createInProcessHandler(target) : target };
  return {
    region,
    credentials: { accessKeyId: `AKID${account}`, secretAccessKey: 'x' },
    retryStrategy: new ConfiguredRetryStrategy(attempts, 0),
    ...transport,
  };
}

export interface CallFailure {
  readonly name: string;
  readonly status?: number;
  readonly message: string;
}

/** How an SDK call failed: error name, HTTP status and message. Throws if the call succeeded. */
export async function failureOf(call: Promise<unknown>): Promise<CallFailure> {
  const outcome = await call.then(
    () => undefined,
    (error: unknown) => error as Error & { $metadata?: { httpStatusCode?: number } },
  );
  if (!outcome) throw new Error('the call was expected to fail but succeeded');
  return { name: outcome.name, status: outcome.$metadata?.httpStatusCode, message: outcome.message };
}

export interface ConsumingLaunch extends Partial<LaunchRequest> {
  readonly account?: string;
  readonly region?: string;
}

/**
 * Associates an AMI with a configuration through the SDK (UpdateLicenseSpecificationsForResource) and launches
 * instances from it in the simulated fleet: how licenses come to be consumed. Returns the instance ids; throws
 * the refusal if the launch is refused.
 */
export async function launchConsuming(emulator: Emulator, configurationArn: string, launch: ConsumingLaunch = {}): Promise<string[]> {
  const { account = DEFAULT_ACCOUNT, region = 'us-east-1', imageId = 'ami-0test', ...request } = launch;
  await lmClient(emulator, { account, region }).send(new UpdateLicenseSpecificationsForResourceCommand({
    ResourceArn: `arn:aws:ec2:${region}::image/${imageId}`,
    AddLicenseSpecifications: [{ LicenseConfigurationArn: configurationArn }],
  }));
  const { launched, refusal } = await emulator.launchInstances({ account, region }, { imageId, ...request });
  if (refusal) throw refusal;
  return launched;
}
