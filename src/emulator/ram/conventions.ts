// What every RAM operation shares: its modelled errors (all HTTP 400 on the operations this service
// implements; one constructor per name keeps the spelling of the wire `__type` in one place; messages
// follow AWS's style loosely but always name the offending value), ARN checks, the one input rule RAM's
// model cannot express, clientToken idempotency and nextToken paging.
import { idempotent } from '../core/call-context.js';
import { Paginator } from '../core/pagination.js';
import { optStr, ServiceError, str, type CallContext, type Input } from '../core/service-contract.js';

export type ServiceErrorFactory = (message: string) => ServiceError;

export function invalidParameter(message: string): ServiceError {
  return new ServiceError('InvalidParameterException', message);
}
export function missingParameter(member: string): ServiceError {
  return new ServiceError('MissingRequiredParameterException', `The request must contain the parameter ${member}`);
}
export function malformedArn(arn: string): ServiceError {
  return new ServiceError('MalformedArnException', `The ARN ${arn} is not formatted correctly.`);
}
export function unknownResource(message: string): ServiceError {
  return new ServiceError('UnknownResourceException', message);
}
export function operationNotPermitted(message: string): ServiceError {
  return new ServiceError('OperationNotPermittedException', message);
}
export function invalidStateTransition(message: string): ServiceError {
  return new ServiceError('InvalidStateTransitionException', message);
}
export function resourceShareLimitExceeded(message: string): ServiceError {
  return new ServiceError('ResourceShareLimitExceededException', message);
}
export function invalidResourceType(resourceType: string): ServiceError {
  return new ServiceError('InvalidResourceTypeException', `The resource type ${resourceType} is not valid.`);
}
export function resourceArnNotFound(arn: string): ServiceError {
  return new ServiceError('ResourceArnNotFoundException', `The resource ${arn} was not found.`);
}
export function tagLimitExceeded(message: string): ServiceError {
  return new ServiceError('TagLimitExceededException', message);
}
export function tagPolicyViolation(key: string): ServiceError {
  return new ServiceError('TagPolicyViolationException', `The tag key ${key} uses the reserved prefix "aws:".`);
}

/** A required string member: RAM treats an empty one as missing, which its model cannot say. */
export function requiredText(input: Input, member: string): string {
  const value = str(input, member);
  if (value === undefined || value === '') throw missingParameter(member);
  return value;
}

// A string that is not shaped like an ARN at all is MalformedArnException; a well-formed ARN that names
// nothing the caller can see is UnknownResourceException (decided by the callers).
// The generic `Arn` pattern of the AWS models:
const ARN = /^arn:aws[a-zA-Z-]*:[A-Za-z0-9][A-Za-z0-9_/.-]{0,62}:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,1023}$/;
const SHARE_ARN = /^arn:aws[a-zA-Z-]*:ram:([a-z0-9-]+):(\d{12}):resource-share\/[A-Za-z0-9-]+$/;

export interface ArnParts {
  service: string;
  region: string;
  account: string;
  /** Everything after the account, e.g. `license-configuration:lic-…` or `resource-share/<uuid>`. */
  resource: string;
}

export function parseArn(arn: string): ArnParts {
  if (arn.length > 2048 || !ARN.test(arn)) throw malformedArn(arn);
  const [, , service = '', region = '', account = '', ...rest] = arn.split(':');
  return { service, region, account, resource: rest.join(':') };
}

export function parseShareArn(arn: string): { region: string; account: string } {
  const match = SHARE_ARN.exec(arn);
  if (!match) throw malformedArn(arn);
  return { region: match[1]!, account: match[2]! };
}

/**
 * clientToken semantics of RAM's mutating operations: a retry with the same token and the same parameters
 * gets the first response back without acting again; the same token with different parameters is
 * IdempotentParameterMismatchException. Without a token AWS generates one and returns it; such tokens are
 * not recorded, since only a caller that kept the token could reuse it and the state should not grow with
 * every call.
 */
export function withClientToken(ctx: CallContext, operation: string, input: Input, run: () => Record<string, unknown>): Record<string, unknown> {
  const token = optStr(input, 'clientToken');
  if (token === undefined) return { ...run(), clientToken: ctx.ids.uuid() };
  if (token === '') throw new ServiceError('InvalidClientTokenException', 'The clientToken must not be empty.');
  const { clientToken: _token, ...parameters } = input;
  const call = {
    service: 'ram' as const,
    operation,
    token,
    // The region is part of the request: a share ARN names its region.
    input: { region: ctx.region, parameters },
    mismatch: () => new ServiceError('IdempotentParameterMismatchException', `The client token ${token} was already used with different parameters.`),
  };
  return idempotent(ctx, call, () => ({ ...run(), clientToken: token }));
}

/** RAM's list operations: 50 items a page unless maxResults says otherwise, and RAM's empty pages. */
export const pages = new Paginator({
  maxResultsMember: 'maxResults',
  nextTokenMember: 'nextToken',
  defaultMaxResults: 50,
  emptyPages: true,
  invalidToken: () =>
    new ServiceError('InvalidNextTokenException', 'The nextToken is not valid: pass the nextToken of the previous call with the same parameters.'),
  invalidParameter,
});
