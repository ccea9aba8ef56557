// Turns a routed request into the operation's input members: the JSON body, plus for restJson1 the
// members the model binds to the query string, converted to their modelled types.
import type { QueryMember, Route } from './registry.js';
import type { ShapeType } from './model/service-model.js';
import { isPlainObject } from './model/validator.js';
import { ServiceError } from './types.js';

export function decodeInput(route: Route, body: string, query: URLSearchParams): Record<string, unknown> {
  const input = parseBody(body);
  for (const member of route.queryMembers) {
    const value = queryValue(member, query);
    if (value !== undefined) input[member.member] = value;
  }
  return input;
}

function parseBody(body: string): Record<string, unknown> {
  if (body.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw new ServiceError('SerializationException', `Request body is not valid JSON: ${(error as Error).message}`);
  }
  if (!isPlainObject(parsed)) throw new ServiceError('SerializationException', 'Request body must be a JSON object');
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
