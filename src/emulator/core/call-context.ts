// What a call brings besides the state: who is calling, where fresh ids come from, and client-token
// idempotency (a retried request gets the first response again without acting twice).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DEFAULT_REGION } from '../../model/arn.js';
import { canonicalJson } from '../../util/canonical.js';
import { accountFromAccessKey, callerOf } from '../sts/credentials.js';
import type { Caller, CallContext, ServiceError, ServiceName } from './service-contract.js';

export interface Identity {
  readonly account: string;
  readonly region: string;
  readonly caller: Caller;
}

const CREDENTIAL = /Credential=([^/,\s]+)\/\d{8}\/([^/,\s]+)\/[^/,\s]+\/aws4_request/;

/**
 * The account (from the access key, see `accountFromAccessKey`) and region of the SigV4 credential scope
 * `Credential=<AKID>/<date>/<region>/<service>/aws4_request`, and the caller (the key, and the session of
 * temporary credentials the emulator issued, from `x-amz-security-token`). Signatures are not verified.
 */
export function identityOf(headers: Readonly<Record<string, string | undefined>>): Identity {
  const match = CREDENTIAL.exec(headers.authorization ?? '');
  const accessKeyId = match?.[1];
  return {
    account: accountFromAccessKey(accessKeyId),
    region: match?.[2] ?? DEFAULT_REGION,
    caller: callerOf(accessKeyId, headers['x-amz-security-token']),
  };
}

/**
 * Fresh resource ids. Unseeded: cryptographically random. Seeded: derived from (seed, state revision, n), so
 * a scenario replays to the same ids, and two emulators sharing one state file never repeat an id (each
 * mutation runs at a new revision).
 */
export function idSource(seed: number | undefined, revision: number): CallContext['ids'] {
  if (seed === undefined) return { hex32: () => randomBytes(16).toString('hex'), uuid: () => randomUUID() };
  let n = 0;
  const next = () => createHash('sha256').update(`${seed}:${revision}:${n++}`).digest('hex');
  return { hex32: () => next().slice(0, 32), uuid: () => uuidFromHex(next()) };
}

function uuidFromHex(hex: string): string {
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface IdempotentCall {
  readonly service: ServiceName;
  readonly operation: string;
  readonly token: string;
  readonly input: Record<string, unknown>;
  /** The error for a token reused with different members (each service names it differently). */
  readonly mismatch: () => ServiceError;
}

/** Runs `run` once per client token; the same token with different members is refused with `mismatch`. */
export function idempotent(ctx: CallContext, call: IdempotentCall, run: () => Record<string, unknown>): Record<string, unknown> {
  const key = `${call.service}:${ctx.account}:${call.operation}:${call.token}`;
  const requestHash = hashOf(call.input);
  const previous = ctx.state.clientTokens[key];
  if (previous) {
    if (previous.requestHash !== requestHash) throw call.mismatch();
    // A copy, so that the caller may extend the replayed response without changing the record.
    return jsonCopy(previous.response);
  }
  const response = run();
  ctx.state.clientTokens[key] = { requestHash, response: jsonCopy(response) };
  return response;
}

/** sha256 of the canonical JSON (keys sorted) of a request's members. */
export function hashOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
