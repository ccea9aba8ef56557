// clientToken semantics of RAM's mutating operations: a retry with the same token and the same
// parameters gets the first response back without acting again; the same token with different
// parameters is IdempotentParameterMismatchException. Without a token AWS generates one and returns
// it; such generated tokens are not recorded, since only a caller that kept the token could reuse it
// and the state file should not grow with every call.
import type { CallContext } from '../core/types.js';
import { idempotentParameterMismatch, invalidClientToken } from './errors.js';
import { optionalString, type Input } from './input.js';
import { requestHash } from './request-hash.js';

export type Output = Record<string, unknown>;

export function withClientToken(ctx: CallContext, operation: string, input: Input, run: () => Output): Output {
  const token = optionalString(input, 'clientToken');
  if (token === undefined) return { ...run(), clientToken: ctx.ids.uuid() };
  if (token === '') throw invalidClientToken('The clientToken must not be empty.');
  const key = `ram:${ctx.account}:${operation}:${token}`;
  const { clientToken: _ignored, ...parameters } = input;
  const hash = requestHash([ctx.region, parameters]);
  const previous = ctx.state.clientTokens[key];
  if (previous) {
    if (previous.requestHash !== hash) throw idempotentParameterMismatch(token);
    return structuredClone(previous.response);
  }
  const response = { ...run(), clientToken: token };
  ctx.state.clientTokens[key] = { requestHash: hash, response: structuredClone(response) };
  return response;
}
