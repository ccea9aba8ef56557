// Fault injection, applied before a handler runs (so an injected failure never changes state): latency,
// random throttling (429, each service's throttling error), random server errors (500), deterministic
// "fail the next N calls of operation X", and writes that take effect late: a mutating call is committed a set
// time after it arrives whether or not its client still waits, and answered only then. That is what a killed
// process's last requests do (they land after it is gone, possibly while its successor reads the account) and,
// for every other client, what AWS's eventually consistent lists do (a write already sent is not listed yet).
import { LicensectlError } from '../../errors/index.js';
import { ServiceError, type ServiceName } from './service-contract.js';
import { THROTTLING_ERROR } from './wire.js';

export interface FaultOptions {
  /** Added to every call, before anything else. */
  latencyMs?: number;
  /** Probability (0–1) that a call is throttled. */
  throttleRate?: number;
  /**
   * Calls a second each account may make (a token bucket per account, refilled continuously, holding a second's
   * worth): the calls beyond are throttled, as AWS throttles an account's request rate.
   */
  throttleRps?: number;
  /** When set, only calls made as one of these accounts are throttled (by `throttleRate`, `throttleRps`); the others never are. */
  throttleAccounts?: readonly string[];
  /** Probability (0–1) that a call fails with a 500 `ServerInternalException`. */
  errorRate?: number;
  /**
   * A mutating call is committed this long after it arrives (after `latencyMs`), and answered then. A client
   * that gives up (aborts, times out, is killed) meanwhile gets no answer, but the write still happens.
   */
  writeDelayMs?: number;
  /** Source of randomness for the two rates; `Math.random` unless the emulator is seeded. */
  random?: () => number;
}

export interface InjectedError {
  readonly type: string;
  readonly status: number;
  readonly message?: string;
}

const SERVER_ERROR: InjectedError = { type: 'ServerInternalException', status: 500 };

export class FaultController {
  private options: FaultOptions;
  private readonly pending = new Map<string, { remaining: number; error: InjectedError }>();
  /** Each account's token bucket for `throttleRps`: tokens left and when they were counted (epoch ms). */
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  /** Writes scheduled by `commitLate` that have not landed yet. */
  private readonly late = new Set<Promise<void>>();

  constructor(
    options: FaultOptions,
    private readonly knownOperations: ReadonlySet<string>,
    private readonly defaultRandom: () => number,
  ) {
    this.options = { ...options };
  }

  /** Changes the given options; the others keep their values. */
  set(options: FaultOptions): void {
    this.options = { ...this.options, ...options };
  }

  current(): FaultOptions {
    return { ...this.options };
  }

  /** Removes every option and pending failure. Writes already scheduled still land. */
  clear(): void {
    this.options = {};
    this.pending.clear();
  }

  /**
   * The next `count` calls of `operation` (its call-count key, e.g. `CreateGrant` or `ram:TagResource`) fail
   * with `error`, by default a 500 `ServerInternalException`. Replaces any pending failures of that operation.
   */
  failNext(operation: string, count: number, error: InjectedError = SERVER_ERROR): void {
    if (!this.knownOperations.has(operation))
      throw new LicensectlError('EMULATOR_UNKNOWN_OPERATION', `the emulator has no operation ${operation}`, {
        hint: `use one of: ${[...this.knownOperations].sort().join(', ')}`,
      });
    if (count > 0) this.pending.set(operation, { remaining: count, error });
    else this.pending.delete(operation);
  }

  /** Waits out the latency, then returns the failure this call suffers, if any; `account` is the caller's. */
  async inject(service: ServiceName, operation: string, signal?: AbortSignal, account?: string): Promise<ServiceError | undefined> {
    if (this.options.latencyMs) await sleep(this.options.latencyMs, signal);
    const scheduled = this.pending.get(operation);
    if (scheduled && scheduled.remaining > 0) {
      if (--scheduled.remaining === 0) this.pending.delete(operation);
      const { type, status, message } = scheduled.error;
      return new ServiceError(type, message ?? `Injected failure of ${operation}`, status);
    }
    const random = this.options.random ?? this.defaultRandom;
    const throttled = !this.options.throttleAccounts || (account !== undefined && this.options.throttleAccounts.includes(account));
    if (throttled && this.overRate(account ?? '')) return new ServiceError(THROTTLING_ERROR[service], 'Rate exceeded', 429);
    if (this.options.throttleRate && throttled && random() < this.options.throttleRate)
      return new ServiceError(THROTTLING_ERROR[service], 'Rate exceeded', 429);
    if (this.options.errorRate && random() < this.options.errorRate)
      return new ServiceError(SERVER_ERROR.type, 'Injected internal error', SERVER_ERROR.status);
    return undefined;
  }

  /** Whether `account` has no token left in its `throttleRps` bucket; takes one otherwise. */
  private overRate(account: string): boolean {
    const rps = this.options.throttleRps;
    if (!rps) return false;
    const now = Date.now();
    const bucket = this.buckets.get(account) ?? { tokens: rps, at: now };
    bucket.tokens = Math.min(rps, bucket.tokens + ((now - bucket.at) / 1000) * rps);
    bucket.at = now;
    this.buckets.set(account, bucket);
    if (bucket.tokens < 1) return true;
    bucket.tokens -= 1;
    return false;
  }

  /**
   * Runs `commit` (a mutating call) `writeDelayMs` after now, whatever happens to `signal`: an abort rejects
   * the returned promise at once (the client is gone), but the write is still committed on time.
   */
  commitLate<T>(commit: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const delayMs = this.options.writeDelayMs;
    if (!delayMs) return commit();
    const landed = sleep(delayMs).then(commit);
    const tracked = landed.then(
      () => undefined,
      () => undefined, // a write refused when it lands: its answer is the caller's, if the caller still waits
    );
    this.late.add(tracked);
    void tracked.then(() => this.late.delete(tracked));
    return signal ? untilAborted(landed, signal) : landed;
  }

  /** Resolves once every write scheduled by `commitLate` (including those scheduled meanwhile) has landed. */
  async settled(): Promise<void> {
    while (this.late.size > 0) await Promise.all(this.late);
  }
}

/** `promise`, or an AbortError as soon as `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function abortError(): Error {
  return Object.assign(new Error('Request aborted'), { name: 'AbortError' });
}

// ---- The faults' admin path on `emulator serve`, outside AWS's namespaces:
//   GET  /_licensectl/faults → the options in force
//   POST /_licensectl/faults {latencyMs, throttleRate, throttleRps, throttleAccounts, errorRate, writeDelayMs} → changes those given
// (null removes one), e.g. throttling for one account only while the others are served as usual.

export const FAULTS_PATH = '/_licensectl/faults';
const NUMERIC_OPTIONS = ['latencyMs', 'throttleRate', 'throttleRps', 'errorRate', 'writeDelayMs'] as const;

/** The options a POST body sets; a ServiceError (400) when one is malformed. */
export function faultOptionsOf(input: Record<string, unknown>): FaultOptions {
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const rate = key === 'throttleRate' || key === 'errorRate';
    if ((NUMERIC_OPTIONS as readonly string[]).includes(key)) {
      if (value !== null && (typeof value !== 'number' || value < 0 || (rate && value > 1)))
        throw new ServiceError('InvalidParameterValue', `${key} must be ${rate ? 'a number from 0 to 1' : key === 'throttleRps' ? 'a number of calls a second' : 'a number of milliseconds'}, or null`);
    } else if (key === 'throttleAccounts') {
      if (value !== null && !(Array.isArray(value) && value.every((a) => typeof a === 'string' && /^\d{12}$/.test(a))))
        throw new ServiceError('InvalidParameterValue', 'throttleAccounts must be a list of 12-digit account ids, or null');
    } else throw new ServiceError('InvalidParameterValue', `the emulator has no fault option ${key}`);
    options[key] = value ?? undefined;
  }
  return options as FaultOptions;
}

/** The options in force, as JSON shows them. */
export function describeFaults(controller: FaultController): Record<string, unknown> {
  const { random: _random, ...rest } = controller.current();
  return rest;
}

/** A small seeded PRNG (mulberry32), so that a seeded emulator's random faults are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
