// RAM's modelled errors (all HTTP 400 on the operations this service implements). One constructor per
// name keeps the spelling of the wire `__type` in one place; messages follow AWS's "The operation
// failed because …" style loosely but always name the offending value.
import { ServiceError } from '../core/types.js';

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
export function idempotentParameterMismatch(clientToken: string): ServiceError {
  return new ServiceError(
    'IdempotentParameterMismatchException',
    `The client token ${clientToken} was already used with different parameters.`,
  );
}
export function invalidClientToken(message: string): ServiceError {
  return new ServiceError('InvalidClientTokenException', message);
}
export function invalidNextToken(): ServiceError {
  return new ServiceError(
    'InvalidNextTokenException',
    'The nextToken is not valid: pass the nextToken of the previous call with the same parameters.',
  );
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

export type ServiceErrorFactory = (message: string) => ServiceError;
