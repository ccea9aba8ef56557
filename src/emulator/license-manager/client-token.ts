// ClientToken idempotency of CreateLicense, CreateLicenseVersion, CreateGrant and CreateGrantVersion. The
// License Manager model has no IdempotentParameterMismatchException; a reused token with different members
// is a ValidationException.
import { idempotent } from '../core/idempotency.js';
import type { CallContext } from '../core/types.js';
import { validation } from './errors.js';
import { str, type Input } from './input.js';

export function withClientToken(ctx: CallContext, operation: string, input: Input, run: () => Record<string, unknown>): Record<string, unknown> {
  const token = str(input, 'ClientToken');
  const mismatch = () => validation(`The client token ${token} was already used with different request parameters`);
  return idempotent(ctx, { service: 'license-manager', operation, token, input, mismatch }, run);
}
