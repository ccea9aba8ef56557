// The SDK clients every store operation goes through, whichever transport is behind them, with what wraps each
// call: the retry policy, the call counts, pagination, and whether a failed call may have taken effect.
import { LicenseManagerClient } from '@aws-sdk/client-license-manager';
import { RAMClient } from '@aws-sdk/client-ram';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, RetryErrorInfo, StandardRetryToken } from '@smithy/types';
import { LicensectlError } from '../errors/index.js';
import { compareText } from '../util/canonical.js';
import type { LimitFunction } from 'p-limit';
import { connectionFailure, noteEndpointOfFailures } from './connection-failures.js';
import type { RequestBudget, RequestBudgets } from './request-budget.js';

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
  /** The account's request budgets (see request-budget.ts); without, calls are not budgeted. */
  readonly budgets?: { readonly account: string; readonly of: RequestBudgets };
  /**
   * A bound shared with other accounts' clients (a project's targets): each call takes a slot of it only once its
   * own budget let it through, and keeps it for its retries.
   */
  readonly callLimit?: LimitFunction;
}

export interface Clients {
  readonly lm: LicenseManagerClient;
  /** For creates that take no client token: retries only throttling, never an outcome-unknown failure. */
  readonly lmNoReplay: LicenseManagerClient;
  readonly ram: RAMClient;
  readonly stats: CallStats;
  destroy(): void;
}

export function createClients(options: ClientOptions, stats = new CallStats()): Clients {
  const lmBudget = options.budgets?.of.of(options.budgets.account, 'license-manager');
  const ramBudget = options.budgets?.of.of(options.budgets.account, 'ram');
  const lm = new LicenseManagerClient(clientConfig(options, options.retry, lmBudget));
  const lmNoReplay = new LicenseManagerClient(clientConfig(options, { ...options.retry, throttleOnly: true }, lmBudget));
  const ram = new RAMClient(clientConfig(options, options.retry, ramBudget));
  for (const [client, budget] of [[lm, lmBudget], [lmNoReplay, lmBudget], [ram, ramBudget]] as const) {
    budgetCalls(client, budget, options.callLimit);
    countCalls(client, stats);
    noteEndpointOfFailures(client);
  }
  return { lm, lmNoReplay, ram, stats, destroy: () => [lm, lmNoReplay, ram].forEach((c) => c.destroy()) };
}

function clientConfig(options: ClientOptions, retry: RetryOptions, budget: RequestBudget | undefined) {
  return {
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    retryStrategy: new LicensectlRetryStrategy(retry, budget),
    requestHandler: (options.requestHandler ?? {
      requestTimeout: options.timeoutMs,
      throwOnRequestTimeout: true,
      connectionTimeout: Math.min(options.timeoutMs, 10_000),
    }) as never,
  };
}

// ---- Retries. The SDK retries License Manager's RateLimitExceededException only when it arrives as a 429, so it
// (and ThrottlingException) is classified as throttling by name, whatever the status. Creates that take no client
// token use `throttleOnly`: a throttled request was refused, not executed, so it is the only safe retry.

const THROTTLING_NAMES = new Set(['RateLimitExceededException', 'ThrottlingException']);

export interface RetryOptions {
  readonly maxAttempts: number;
  /** Base of the exponential backoff; each retry waits a random time up to base·2^attempt (full jitter). */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly throttleOnly?: boolean;
}

export const DEFAULT_RETRY: RetryOptions = { maxAttempts: 8, baseDelayMs: 200, maxDelayMs: 20_000 };

export class LicensectlRetryStrategy extends ConfiguredRetryStrategy {
  private readonly throttleOnly: boolean;

  /** `budget`, when given, hears of every throttled attempt and every success (request-budget.ts). */
  constructor(options: RetryOptions, private readonly budget?: RequestBudget) {
    super(options.maxAttempts, (attempt: number) => Math.random() * Math.min(options.baseDelayMs * 2 ** attempt, options.maxDelayMs));
    this.throttleOnly = options.throttleOnly ?? false;
  }

  override recordSuccess(token: StandardRetryToken): void {
    this.budget?.succeeded();
    super.recordSuccess(token);
  }

  override async refreshRetryTokenForRetry(token: StandardRetryToken, errorInfo: RetryErrorInfo): Promise<StandardRetryToken> {
    // The SDK counts a refused connection and an unknown host as transient; they meet the same wall every time. A
    // DNS server that did not answer (EAI_AGAIN) may answer the next time, and the request was never sent: it is
    // retried, even by a client that replays nothing but throttling.
    const failure = connectionFailure(errorInfo.error);
    if (failure?.code === 'EAI_AGAIN') return super.refreshRetryTokenForRetry(token, { ...errorInfo, errorType: 'TRANSIENT' });
    if (failure) throw errorInfo.error;
    const name = (errorInfo.error as { name?: string } | undefined)?.name;
    const info: RetryErrorInfo = name && THROTTLING_NAMES.has(name) ? { ...errorInfo, errorType: 'THROTTLING' } : errorInfo;
    if (info.errorType === 'THROTTLING') this.budget?.throttled();
    if (this.throttleOnly && info.errorType !== 'THROTTLING') throw errorInfo.error;
    return super.refreshRetryTokenForRetry(token, info);
  }
}

/**
 * A 4xx answer means the service refused the request, and a connection that failed never carried it; anything else
 * (no answer, 5xx, a timeout or a reset of a request already sent) may have executed.
 */
export function outcomeUnknown(error: unknown): boolean {
  if (connectionFailure(error)) return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return status === undefined || status >= 500;
}

/** The AWS error name of a failed call (`ConflictException`, …), or the Node error code. */
export function errorName(error: unknown): string {
  const e = error as { name?: string; code?: string };
  if (e.name === 'LicensectlError' || e.name === 'ValidationError') return e.code ?? e.name;
  return e.name && e.name !== 'Error' ? e.name : e.code ?? 'Error';
}

// ---- Call counts: what `--stats`, the benchmarks and the watcher's metrics report.

export interface OperationStats {
  calls: number;
  attempts: number;
  errors: number;
}

export type CallListener = (operation: string, outcome: 'ok' | 'error', attempts: number) => void;

export class CallStats {
  private readonly byOp = new Map<string, OperationStats>();
  private readonly listeners: CallListener[] = [];

  record(operation: string, outcome: 'ok' | 'error', attempts: number): void {
    const entry = this.byOp.get(operation) ?? { calls: 0, attempts: 0, errors: 0 };
    entry.calls += 1;
    entry.attempts += attempts;
    if (outcome === 'error') entry.errors += 1;
    this.byOp.set(operation, entry);
    for (const listener of this.listeners) listener(operation, outcome, attempts);
  }

  onCall(listener: CallListener): void {
    this.listeners.push(listener);
  }

  /** Sorted by operation name. */
  snapshot(): Record<string, OperationStats> {
    return Object.fromEntries([...this.byOp.entries()].sort(([a], [b]) => compareText(a, b)).map(([k, v]) => [k, { ...v }]));
  }

  total(): OperationStats {
    const total = { calls: 0, attempts: 0, errors: 0 };
    for (const s of this.byOp.values()) {
      total.calls += s.calls;
      total.attempts += s.attempts;
      total.errors += s.errors;
    }
    return total;
  }
}

/**
 * Outermost: each call waits for a slot of its account's budget, then of the shared bound, and holds both across its
 * retries. Without a budget or a bound, nothing is added.
 */
function budgetCalls(client: LicenseManagerClient | RAMClient, budget: RequestBudget | undefined, callLimit: LimitFunction | undefined): void {
  if (!budget && !callLimit) return;
  const bounded = (call: () => Promise<unknown>) => (callLimit ? callLimit(call) : call());
  const budgeted = (call: () => Promise<unknown>) => (budget ? budget.run(call) : call());
  (client.middlewareStack as { add: (mw: unknown, opts: unknown) => void }).add(
    (next: (a: unknown) => Promise<unknown>) => (args: unknown) => budgeted(() => bounded(() => next(args))),
    { step: 'initialize', name: 'licensectlRequestBudget', priority: 'high' },
  );
}

/** Counts logical calls and their attempts (retries included) per operation. */
function countCalls(client: LicenseManagerClient | RAMClient, stats: CallStats): void {
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

// ---- Pagination. License Manager ships no SDK paginators, and RAM may answer an empty page that still carries a
// token, so pages are followed until the token is absent, never until a page is empty.

export interface Page<T> {
  readonly items: readonly T[] | undefined;
  readonly nextToken: string | undefined;
}

const MAX_PAGES = 10_000;

export async function collectPages<T>(operation: string, fetch: (token: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await fetch(token);
    all.push(...(result.items ?? []));
    if (!result.nextToken) return all;
    if (result.nextToken === token) break;
    token = result.nextToken;
  }
  throw new LicensectlError('PAGINATION_LOOP', `${operation} kept returning pages without end`, {
    hint: 'the service returned the same NextToken twice or too many pages; try again, and report it if it persists',
  });
}
