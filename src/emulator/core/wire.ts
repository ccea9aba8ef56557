// Serialising responses the way awsJson1_1 (License Manager) and restJson1 (RAM) servers do: JSON bodies,
// the protocol's content type, `x-amzn-requestid`, and errors as `x-amzn-errortype` plus `__type` and the
// service's message member (`Message` for License Manager, `message` for RAM).
import type { EmulatorResponse } from './http-types.js';
import { errorStatus } from './error-status.js';
import type { ServiceError, ServiceName } from './types.js';

const CONTENT_TYPE: Readonly<Record<ServiceName, string>> = {
  'license-manager': 'application/x-amz-json-1.1',
  ram: 'application/json',
};
const MESSAGE_MEMBER: Readonly<Record<ServiceName, string>> = { 'license-manager': 'Message', ram: 'message' };

/** `body` is the serialised output: handlers' outputs are serialised while the state they refer to is current. */
export function successResponse(service: ServiceName, body: string, requestId: string, operation: string): EmulatorResponse {
  return {
    status: 200,
    headers: { 'content-type': CONTENT_TYPE[service], 'x-amzn-requestid': requestId },
    body,
    operation,
  };
}

export function errorResponse(service: ServiceName, error: ServiceError, requestId: string, operation?: string): EmulatorResponse {
  return {
    status: errorStatus(service, error.type, error.status),
    headers: { 'content-type': CONTENT_TYPE[service], 'x-amzn-requestid': requestId, 'x-amzn-errortype': error.type },
    body: JSON.stringify({ __type: error.type, [MESSAGE_MEMBER[service]]: error.message }),
    ...(operation ? { operation } : {}),
  };
}
