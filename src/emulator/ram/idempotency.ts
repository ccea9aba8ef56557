// clientToken semantics of RAM's mutating operations (the core's `idempotent` does the bookkeeping):
// a retry with the same token and the same parameters gets the first response back without acting
// again; the same token with different parameters is IdempotentParameterMismatchException. Without a
// token AWS generates one and returns it; such tokens are not recorded, since only a caller that kept
// the token could reuse it and the state file should not grow with every call.
import { idempotent } from '../core/idempotency.js';
import type { CallContext } from '../core/types.js';
import { idempotentParameterMismatch, invalidClientToken } from './errors.js';
import { optionalString, type Input, type Output } from './input.js';

export function withClientToken(ctx: CallContext, operation: string, input: Input, run: () => Output): Output {
  const token = optionalString(input, 'clientToken');
  if (token === undefined) return { ...run(), clientToken: ctx.ids.uuid() };
  if (token === '') throw invalidClientToken('The clientToken must not be empty.');
  const { clientToken: _token, ...parameters } = input;
  const call = {
    service: 'ram' as const,
    operation,
    token,
    // The region is part of the request: a share ARN names its region.
    input: { region: ctx.region, parameters },
    mismatch: () => idempotentParameterMismatch(token),
  };
  return idempotent(ctx, call, () => ({ ...run(), clientToken: token }));
}
