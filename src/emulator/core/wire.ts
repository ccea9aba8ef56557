// The wire: the transport-neutral request and response both transports translate to and from, the input
// members a request carries (the JSON body, plus for restJson1 the members its model binds to the query
// string), and answers the way awsJson1_1 (License Manager) and restJson1 (RAM) servers give them: JSON
// bodies, the protocol's content type, `x-amzn-requestid`, and errors as `x-amzn-errortype` plus `__type`
// and the service's message member (`Message` for License Manager, `message` for RAM). STS speaks awsQuery
// (form-encoded requests, XML answers): `query-protocol.ts`.
import { isRecord } from '../../util/canonical.js';
import type { ShapeType } from './model/service-model.js';
import { queryError, queryResponse } from './query-protocol.js';
import { SERVICE_MODELS, type QueryMember, type Route } from './registry.js';
import { ServiceError, type Input, type ServiceName } from './service-contract.js';

export interface EmulatorRequest {
  readonly method: string;
  /** Path including the query string, e.g. `/deleteresourceshare?resourceShareArn=…`. */
  readonly path: string;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
}

export interface EmulatorResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** The operation the request was routed to (for logs; never sent on the wire). */
  readonly operation?: string;
}

export function splitPath(path: string): [string, URLSearchParams] {
  const at = path.indexOf('?');
  return at < 0 ? [path, new URLSearchParams()] : [path.slice(0, at), new URLSearchParams(path.slice(at + 1))];
}

export function decodeInput(route: Route, body: string, query: URLSearchParams): Input {
  const input = parseBody(body);
  for (const member of route.queryMembers) {
    const value = queryValue(member, query);
    if (value !== undefined) input[member.member] = value;
  }
  return input;
}

function parseBody(body: string): Input {
  if (body.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw new ServiceError('SerializationException', `Request body is not valid JSON: ${(error as Error).message}`);
  }
  if (!isRecord(parsed)) throw new ServiceError('SerializationException', 'Request body must be a JSON object');
  return parsed;
}

function queryValue(member: QueryMember, query: URLSearchParams): unknown {
  if (member.type === 'list') {
    const values = query.getAll(member.name);
    return values.length ? values.map((v) => convert(v, member.elementType ?? 'string')) : undefined;
  }
  const value = query.get(member.name);
  return value === null ? undefined : convert(value, member.type);
}

/** Values that do not convert stay strings, so that validation reports them against the model. */
function convert(value: string, type: ShapeType): unknown {
  if ((type === 'integer' || type === 'long') && /^-?\d+$/.test(value)) return Number(value);
  if ((type === 'float' || type === 'double' || type === 'timestamp') && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

type JsonService = Exclude<ServiceName, 'sts'>;
const CONTENT_TYPE: Readonly<Record<JsonService, string>> = {
  'license-manager': 'application/x-amz-json-1.1',
  ram: 'application/json',
  organizations: 'application/x-amz-json-1.1',
};
const MESSAGE_MEMBER: Readonly<Record<JsonService, string>> = { 'license-manager': 'Message', ram: 'message', organizations: 'Message' };

// HTTP statuses of modelled errors (Smithy httpError; aws-sdk-wire-notes §2.2). Unlisted errors keep the
// status their thrower chose (400 unless said otherwise).
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
  // awsQueryError codes of the STS model; STS answers throttling as a 400 `Throttling`.
  sts: {
    ExpiredTokenException: 400,
    MalformedPolicyDocument: 400,
    PackedPolicyTooLarge: 400,
    RegionDisabledException: 403,
    Throttling: 400,
  },
  // Organizations' model gives no error an HTTP status: every one of its errors is a 400.
  organizations: {},
};

/** The error each service answers a throttled call with. */
export const THROTTLING_ERROR: Readonly<Record<ServiceName, string>> = {
  'license-manager': 'RateLimitExceededException',
  ram: 'ThrottlingException',
  sts: 'Throttling',
  organizations: 'TooManyRequestsException',
};

/** `body` is the serialised output: handlers' outputs are serialised while the state they refer to is current. */
export function successResponse(service: ServiceName, body: string, requestId: string, operation: string): EmulatorResponse {
  if (service === 'sts') return queryResponse(SERVICE_MODELS.sts, operation, JSON.parse(body) as Record<string, unknown>, requestId);
  return {
    status: 200,
    headers: { 'content-type': CONTENT_TYPE[service], 'x-amzn-requestid': requestId },
    body,
    operation,
  };
}

export function errorResponse(service: ServiceName, error: ServiceError, requestId: string, operation?: string): EmulatorResponse {
  const status = STATUSES[service][error.type] ?? error.status;
  if (service === 'sts') return queryError(SERVICE_MODELS.sts, error, status, requestId, operation);
  return {
    status,
    headers: { 'content-type': CONTENT_TYPE[service], 'x-amzn-requestid': requestId, 'x-amzn-errortype': error.type },
    body: JSON.stringify({ __type: error.type, [MESSAGE_MEMBER[service]]: error.message, ...error.members }),
    ...(operation ? { operation } : {}),
  };
}
