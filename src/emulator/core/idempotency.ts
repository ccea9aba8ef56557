// Client-token idempotency shared by both services: a retried request (same token, same members) gets the
// first response again without acting twice; the same token with different members is refused.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../util/canonical-json.js';
import type { CallContext, ServiceError, ServiceName } from './types.js';

export interface IdempotentCall {
  readonly service: ServiceName;
  readonly operation: string;
  readonly token: string;
  readonly input: Record<string, unknown>;
  /** The error for a token reused with different members (each service names it differently). */
  readonly mismatch: () => ServiceError;
}

export function idempotent(ctx: CallContext, call: IdempotentCall, run: () => Record<string, unknown>): Record<string, unknown> {
  const key = `${call.service}:${ctx.account}:${call.operation}:${call.token}`;
  const requestHash = hashOf(call.input);
  const previous = ctx.state.clientTokens[key];
  if (previous) {
    if (previous.requestHash !== requestHash) throw call.mismatch();
    return copied(previous.response);
  }
  const response = run();
  ctx.state.clientTokens[key] = { requestHash, response: JSON.parse(JSON.stringify(response)) as Record<string, unknown> };
  return response;
}

/** sha256 of the canonical JSON (keys sorted) of a request's members. */
export function hashOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** A copy, so that the caller may extend the replayed response without changing the record. */
function copied<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
