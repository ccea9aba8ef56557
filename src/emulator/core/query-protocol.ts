// The awsQuery protocol (STS): a form-encoded request (`Action=AssumeRole&Version=2011-06-15&RoleArn=…`, POST
// body or query string) whose members are flattened by the model (`Tags.member.1.Key`, `PolicyArns.member.2.arn`),
// answered in XML the way AWS answers it: `<ActionResponse xmlns=…><ActionResult>members</ActionResult>
// <ResponseMetadata><RequestId>…` on success, `<ErrorResponse><Error><Type>Sender</Type><Code>…</Code>
// <Message>…</Message></Error><RequestId>…` (text/xml) on failure. Timestamps are ISO 8601 on this wire.
import type { ServiceModel, Shape } from './model/service-model.js';
import type { Input, ServiceError } from './service-contract.js';
import type { EmulatorRequest, EmulatorResponse } from './wire.js';

const FORM = 'application/x-www-form-urlencoded';

/** The parameters of an awsQuery request, or undefined when the request is not one (License Manager, RAM). */
export function queryParameters(request: EmulatorRequest, pathname: string, query: URLSearchParams): URLSearchParams | undefined {
  if (pathname !== '/' || request.headers['x-amz-target'] !== undefined) return undefined;
  const form = (request.headers['content-type'] ?? '').toLowerCase().startsWith(FORM);
  if (request.method === 'POST' && form) {
    const params = new URLSearchParams(request.body);
    for (const [name, value] of query) if (!params.has(name)) params.append(name, value);
    return params;
  }
  return request.method === 'GET' && query.has('Action') ? query : undefined;
}

/** The input members of `shape` from flattened parameters; values that do not convert stay strings for validation to report. */
export function decodeQueryInput(model: ServiceModel, shape: string, params: URLSearchParams): Input {
  const flat = new Map([...params].filter(([name]) => name !== 'Action' && name !== 'Version'));
  return (decode(model, shape, '', flat) ?? {}) as Input;
}

function decode(model: ServiceModel, name: string, prefix: string, flat: Map<string, string>): unknown {
  const shape = model.shapes[name]!;
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [member, ref] of Object.entries(shape.members ?? {})) {
        const value = decode(model, ref.shape, `${prefix}${member}`, flat);
        if (value !== undefined) out[member] = value;
      }
      return prefix === '' || Object.keys(out).length > 0 ? out : undefined;
    }
    case 'list': {
      if (flat.get(prefix) === '') return []; // `Name=` is how awsQuery sends an empty list
      const items: unknown[] = [];
      for (let i = 1; hasPrefix(flat, `${prefix}.member.${i}`); i += 1) items.push(decode(model, shape.member!, `${prefix}.member.${i}`, flat));
      return items.length ? items : undefined;
    }
    case 'map': {
      const entries: [string, unknown][] = [];
      for (let i = 1; flat.has(`${prefix}.entry.${i}.key`); i += 1)
        entries.push([flat.get(`${prefix}.entry.${i}.key`)!, decode(model, shape.value!, `${prefix}.entry.${i}.value`, flat)]);
      return entries.length ? Object.fromEntries(entries) : undefined;
    }
    default:
      return scalar(shape, flat.get(prefix));
  }
}

function hasPrefix(flat: Map<string, string>, prefix: string): boolean {
  for (const name of flat.keys()) if (name === prefix || name.startsWith(`${prefix}.`)) return true;
  return false;
}

function scalar(shape: Shape, value: string | undefined): unknown {
  if (value === undefined) return undefined;
  if ((shape.type === 'integer' || shape.type === 'long') && /^-?\d+$/.test(value)) return Number(value);
  if ((shape.type === 'float' || shape.type === 'double') && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (shape.type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  if (shape.type === 'timestamp' && !Number.isNaN(Date.parse(value))) return Date.parse(value) / 1000;
  return value;
}

/** The XML answer of a successful call: the output members inside the operation's result wrapper. */
export function queryResponse(model: ServiceModel, operation: string, output: Record<string, unknown>, requestId: string): EmulatorResponse {
  const { output: shape, resultWrapper } = model.operations[operation]!;
  const members = shape ? encodeMembers(model, shape, output) : '';
  const result = resultWrapper ? element(resultWrapper, members) : '';
  const body = `<${operation}Response xmlns="${model.xmlNamespace}">${result}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`;
  return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body, operation };
}

/** An awsQuery error: `Sender` for the caller's faults (4xx), `Receiver` for the service's. */
export function queryError(model: ServiceModel, error: ServiceError, status: number, requestId: string, operation?: string): EmulatorResponse {
  const type = status >= 500 ? 'Receiver' : 'Sender';
  const inner = `<Type>${type}</Type><Code>${escape(error.type)}</Code><Message>${escape(error.message)}</Message>`;
  const body = `<ErrorResponse xmlns="${model.xmlNamespace}"><Error>${inner}</Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
  return { status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body, ...(operation ? { operation } : {}) };
}

function encodeMembers(model: ServiceModel, name: string, value: Record<string, unknown>): string {
  const shape = model.shapes[name]!;
  return Object.entries(shape.members ?? {})
    .filter(([member]) => value[member] !== undefined && value[member] !== null)
    .map(([member, ref]) => element(member, encode(model, ref.shape, value[member])))
    .join('');
}

function encode(model: ServiceModel, name: string, value: unknown): string {
  const shape = model.shapes[name]!;
  switch (shape.type) {
    case 'structure':
      return encodeMembers(model, name, value as Record<string, unknown>);
    case 'list':
      return (value as unknown[]).map((item) => element('member', encode(model, shape.member!, item))).join('');
    case 'map':
      return Object.entries(value as Record<string, unknown>)
        .map(([key, item]) => element('entry', element('key', escape(key)) + element('value', encode(model, shape.value!, item))))
        .join('');
    case 'timestamp':
      return new Date((value as number) * 1000).toISOString();
    default:
      return escape(String(value));
  }
}

function element(name: string, content: string): string {
  return `<${name}>${content}</${name}>`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
