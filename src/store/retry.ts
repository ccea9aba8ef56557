// Retry policy. The SDK retries License Manager's RateLimitExceededException only when it arrives as a 429,
// so we classify it (and ThrottlingException) as throttling by name, whatever the status. Creates that take
// no client token use `throttleOnly`: a throttled request was refused, not executed, so it is the only safe retry.
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import type { RetryErrorInfo, StandardRetryToken } from '@smithy/types';

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

  constructor(options: RetryOptions) {
    super(options.maxAttempts, (attempt: number) => Math.random() * Math.min(options.baseDelayMs * 2 ** attempt, options.maxDelayMs));
    this.throttleOnly = options.throttleOnly ?? false;
  }

  override async refreshRetryTokenForRetry(token: StandardRetryToken, errorInfo: RetryErrorInfo): Promise<StandardRetryToken> {
    const name = (errorInfo.error as { name?: string } | undefined)?.name;
    const info: RetryErrorInfo = name && THROTTLING_NAMES.has(name) ? { ...errorInfo, errorType: 'THROTTLING' } : errorInfo;
    if (this.throttleOnly && info.errorType !== 'THROTTLING') throw errorInfo.error;
    return super.refreshRetryTokenForRetry(token, info);
  }
}
