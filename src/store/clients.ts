// Builds the SDK clients every store operation goes through, whichever transport is behind them.
import { LicenseManagerClient } from '@aws-sdk/client-license-manager';
import { RAMClient } from '@aws-sdk/client-ram';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { CallStats } from './call-stats.js';
import { LicensectlRetryStrategy, type RetryOptions } from './retry.js';

export interface ClientOptions {
  readonly region: string;
  readonly endpoint?: string;
  /** An SDK request handler (the embedded emulator's in-process transport); otherwise HTTP. */
  readonly requestHandler?: unknown;
  readonly credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  readonly profile?: string;
  readonly retry: RetryOptions;
  /** Wall-clock limit of one HTTP attempt. */
  readonly timeoutMs: number;
}

export interface Clients {
  readonly lm: LicenseManagerClient;
  /** For creates that take no client token: retries only throttling, never an outcome-unknown failure. */
  readonly lmNoReplay: LicenseManagerClient;
  readonly ram: RAMClient;
  readonly stats: CallStats;
  destroy(): void;
}

type AnyClient = LicenseManagerClient | RAMClient;

export function createClients(options: ClientOptions, stats = new CallStats()): Clients {
  const lm = new LicenseManagerClient(clientConfig(options, options.retry));
  const lmNoReplay = new LicenseManagerClient(clientConfig(options, { ...options.retry, throttleOnly: true }));
  const ram = new RAMClient(clientConfig(options, options.retry));
  for (const client of [lm, lmNoReplay, ram]) countCalls(client, stats);
  return { lm, lmNoReplay, ram, stats, destroy: () => [lm, lmNoReplay, ram].forEach((c) => c.destroy()) };
}

function clientConfig(options: ClientOptions, retry: RetryOptions) {
  return {
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    retryStrategy: new LicensectlRetryStrategy(retry),
    // Resolve each command's middleware once, not on every send: the stack never changes after creation (the
    // call counter below is added before any send), and resolving it is a fifth of a warm call's CPU time.
    cacheMiddleware: true,
    requestHandler: (options.requestHandler ?? {
      requestTimeout: options.timeoutMs,
      throwOnRequestTimeout: true,
      connectionTimeout: Math.min(options.timeoutMs, 10_000),
    }) as never,
  };
}

/** Counts logical calls and their attempts (retries included) per operation. */
function countCalls(client: AnyClient, stats: CallStats): void {
  (client.middlewareStack as { add: (mw: unknown, opts: unknown) => void }).add(
    (next: (a: unknown) => Promise<{ output: { $metadata?: { attempts?: number } } }>, context: { commandName?: string }) =>
      async (args: unknown) => {
        const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
        try {
          const result = await next(args);
          stats.record(operation, 'ok', result.output.$metadata?.attempts ?? 1);
          return result;
        } catch (error) {
          stats.record(operation, 'error', (error as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1);
          throw error;
        }
      },
    { step: 'initialize', name: 'licensectlCallStats' },
  );
}
