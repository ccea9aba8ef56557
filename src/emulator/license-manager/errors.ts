// License Manager's error answers, by the names its model gives them.
import { ServiceError } from '../core/types.js';

export const invalidParameter = (message: string) => new ServiceError('InvalidParameterValueException', message);
export const validation = (message: string) => new ServiceError('ValidationException', message);
export const resourceNotFound = (message: string) => new ServiceError('ResourceNotFoundException', message);
export const conflict = (message: string) => new ServiceError('ConflictException', message, 409);
export const authorization = (message: string) => new ServiceError('AuthorizationException', message, 403);
export const filterLimitExceeded = (message: string) => new ServiceError('FilterLimitExceededException', message);
