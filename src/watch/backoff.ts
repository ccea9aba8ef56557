// Exponential backoff after store errors: 1 s, 2 s, 4 s, … capped at 5 min, each shortened by up to 20 %
// at random so that it never passes the cap and retries from many watchers spread out.
import type { Random } from './jitter.js';

export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
  /** Each delay is reduced by a random part of at most this fraction. */
  readonly jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 300_000, jitter: 0.2 };

/** The delay before retry number `failures` (1 = after the first failure), before jitter. */
export function backoffCeiling(failures: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  return Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
}

export class Backoff {
  private count = 0;

  constructor(
    private readonly policy: BackoffPolicy = DEFAULT_BACKOFF,
    private readonly random: Random = Math.random,
  ) {}

  /** Consecutive failures so far. */
  get failures(): number {
    return this.count;
  }

  /** Records a failure and returns how long to wait before retrying. */
  fail(): number {
    this.count += 1;
    const ceiling = backoffCeiling(this.count, this.policy);
    return Math.round(ceiling * (1 - this.policy.jitter * this.random()));
  }

  succeed(): void {
    this.count = 0;
  }
}
