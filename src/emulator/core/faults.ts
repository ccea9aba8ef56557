// Fault injection, applied before a handler runs (so an injected failure never changes state): latency,
// random throttling (429, each service's throttling error), random server errors (500), and deterministic
// "fail the next N calls of operation X".
import { LicensectlError } from '../../errors/index.js';
import { ServiceError, type ServiceName } from './service-contract.js';
import { THROTTLING_ERROR } from './wire.js';

export interface FaultOptions {
  /** Added to every call, before anything else. */
  latencyMs?: number;
  /** Probability (0–1) that a call is throttled. */
  throttleRate?: number;
  /** Probability (0–1) that a call fails with a 500 `ServerInternalException`. */
  errorRate?: number;
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

  /** Removes every option and pending failure. */
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

  /** Waits out the latency, then returns the failure this call suffers, if any. */
  async inject(service: ServiceName, operation: string, signal?: AbortSignal): Promise<ServiceError | undefined> {
    if (this.options.latencyMs) await sleep(this.options.latencyMs, signal);
    const scheduled = this.pending.get(operation);
    if (scheduled && scheduled.remaining > 0) {
      if (--scheduled.remaining === 0) this.pending.delete(operation);
      const { type, status, message } = scheduled.error;
      return new ServiceError(type, message ?? `Injected failure of ${operation}`, status);
    }
    const random = this.options.random ?? this.defaultRandom;
    if (this.options.throttleRate && random() < this.options.throttleRate)
      return new ServiceError(THROTTLING_ERROR[service], 'Rate exceeded', 429);
    if (this.options.errorRate && random() < this.options.errorRate)
      return new ServiceError(SERVER_ERROR.type, 'Injected internal error', SERVER_ERROR.status);
    return undefined;
  }
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
