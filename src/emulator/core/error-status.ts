// HTTP statuses of modelled errors (Smithy httpError; aws-sdk-wire-notes §2.2). Unlisted errors are 400.
import type { ServiceName } from './types.js';

const STATUSES: Readonly<Record<ServiceName, Readonly<Record<string, number>>>> = {
  'license-manager': {
    AccessDeniedException: 401,
    AuthorizationException: 403,
    ConflictException: 409,
    FailedDependencyException: 424,
    LicenseUsageException: 412,
    RateLimitExceededException: 429,
    RedirectException: 308,
    ServerInternalException: 500,
  },
  ram: {
    PermissionAlreadyExistsException: 409,
    ServerInternalException: 500,
    ServiceUnavailableException: 503,
    ThrottlingException: 429,
  },
};

/** The model's status for a known error type, else the status the thrower chose. */
export function errorStatus(service: ServiceName, type: string, fallback: number): number {
  return STATUSES[service][type] ?? fallback;
}

/** The error each service answers a throttled call with. */
export const THROTTLING_ERROR: Readonly<Record<ServiceName, string>> = {
  'license-manager': 'RateLimitExceededException',
  ram: 'ThrottlingException',
};
