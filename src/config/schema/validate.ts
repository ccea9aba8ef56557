// Schema validation of one document, with the validator generated from schemas/ at build time, and the
// words for its errors: one plain sentence per problem, built from the failing schema (ajv runs verbose
// with allErrors), each at the YAML node it is about.
import type { ErrorObject } from 'ajv';
import { isScalar, type Node } from 'yaml';
import type { Diagnostic } from '../../errors/index.js';
import { didYouMean } from '../../util/words.js';
import { errorAtPath, locatePath, type ParsedDocument, type Problem } from '../document.js';
import { validateDocument } from './document-validator.generated.js';

type GeneratedValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** One diagnostic per meaningful schema error of a document, each at the node it is about; duplicates removed. */
export function schemaDiagnostics(pd: ParsedDocument): Diagnostic[] {
  const seen = new Set<string>();
  const found: Diagnostic[] = [];
  for (const error of schemaErrors(pd.value).filter((e) => !isNoise(e))) {
    const problem = describeSchemaError(error, (path) => scalarSource(locatePath(pd, path).node));
    const diagnostic = errorAtPath(pd, problem.path, { code: problem.code, message: problem.message, hint: problem.hint, field: problem.field }, problem.atKey);
    const key = `${diagnostic.line}:${diagnostic.column}:${diagnostic.message}`;
    if (!seen.has(key)) found.push(diagnostic);
    seen.add(key);
  }
  return found;
}

/** Every schema error of a document; empty when valid. */
function schemaErrors(value: unknown): ErrorObject[] {
  const validate = validateDocument as unknown as GeneratedValidator;
  return validate(value) ? [] : [...(validate.errors ?? [])];
}

function scalarSource(node: Node | null): string | undefined {
  return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
}

type Schema = Record<string, unknown>;

interface SchemaProblem extends Problem {
  /** JSON-pointer segments of the value the problem is about. */
  readonly path: readonly string[];
  /** Point at the key of the last segment rather than its value (unknown fields, bad keys). */
  readonly atKey: boolean;
}

/** Errors that only explain another error: if/then routing, oneOf branches, propertyNames internals. */
function isNoise(error: ErrorObject): boolean {
  return error.keyword === 'if' || /\/(oneOf|anyOf|propertyNames)\//.test(error.schemaPath);
}

/** `sourceAt` gives the YAML source text of a scalar, so that a hint can quote exactly what was written. */
type SourceAt = (path: readonly string[]) => string | undefined;

function describeSchemaError(error: ErrorObject, sourceAt: SourceAt = () => undefined): SchemaProblem {
  const path = pointerSegments(error.instancePath);
  const schema = (error.parentSchema ?? {}) as Schema;
  const described = describe(error, path, schema, sourceAt);
  return { path, atKey: false, field: fieldName(path), ...described };
}

type Described = Problem & { path?: readonly string[]; atKey?: boolean };

function describe(error: ErrorObject, path: readonly string[], schema: Schema, sourceAt: SourceAt): Described {
  const label = `"${labelOf(path)}"`;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return unknownField(path, String(params.additionalProperty), schema);
    case 'required':
      return missingField(path, String(params.missingProperty));
    case 'propertyNames':
      return badKey(path, String(params.propertyName), schema);
    case 'enum':
      return oneOfValues(label, params.allowedValues as unknown[], error.data);
    case 'const':
      return { code: 'INVALID_VALUE', message: `${label} must be ${String(params.allowedValue)}` };
    case 'type':
      return withFormHint(path, error.data, wrongType(path, label, schema, error.data, sourceAt(path)));
    case 'oneOf':
      return exclusiveFields(params.passingSchemas, schema);
    default:
      return describeLimit(error.keyword, label, params, schema, error) ?? {
        code: 'INVALID_VALUE',
        message: `${label} ${error.message ?? 'is invalid'}`,
      };
  }
}

function unknownField(path: readonly string[], key: string, schema: Schema): Described {
  const allowed = Object.keys((schema.properties ?? {}) as Schema);
  const hint = key === '<<'
    ? 'YAML merge keys are not supported; write the fields out'
    : didYouMean(key, allowed) ?? (allowed.length > 0 ? `allowed fields: ${allowed.join(', ')}` : undefined);
  const at = [...path, key];
  return { code: 'UNKNOWN_FIELD', message: `unknown field "${key}"`, hint, path: at, atKey: true, field: fieldName(at) };
}

function missingField(path: readonly string[], key: string): Described {
  return { code: 'MISSING_FIELD', message: `missing required field "${key}"`, field: fieldName([...path, key]) };
}

function badKey(path: readonly string[], key: string, schema: Schema): Described {
  const names = (schema.propertyNames ?? {}) as Schema;
  const at = [...path, key];
  return {
    code: 'INVALID_KEY',
    message: `key "${key}" in "${labelOf(path)}" must be ${lengthRange(names.minLength, names.maxLength)} characters long`,
    path: at,
    atKey: true,
    field: fieldName(at),
  };
}

function lengthRange(min: unknown, max: unknown): string {
  if (min !== undefined && max !== undefined) return `${String(min)} to ${String(max)}`;
  return min !== undefined ? `at least ${String(min)}` : `at most ${String(max)}`;
}

function oneOfValues(label: string, allowed: unknown[], data: unknown): Described {
  const words = allowed.map(String);
  const hint = typeof data === 'string' ? didYouMean(data, words) : undefined;
  return { code: 'INVALID_VALUE', message: `${label} must be one of ${words.join(', ')}`, hint };
}

function wrongType(path: readonly string[], label: string, schema: Schema, data: unknown, sourceText?: string): Described {
  if (path.length === 0) {
    return { code: 'INVALID_TYPE', message: 'a document must be a mapping with apiVersion, kind, metadata and spec' };
  }
  const expected = typeof schema['x-expected'] === 'string' ? schema['x-expected'] : typeWords(schema.type);
  const quotable = schema.type === 'string' && (typeof data === 'number' || typeof data === 'boolean');
  const hint = quotable ? `quote the value: "${sourceText ?? String(data)}"` : undefined;
  return { code: 'INVALID_TYPE', message: `${label} must be ${expected}`, hint };
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string', integer: 'a whole number', number: 'a number', boolean: 'true or false',
  array: 'a list', object: 'a mapping', null: 'empty',
};

function typeWords(type: unknown): string {
  const types = (Array.isArray(type) ? type : [type]).map((t) => TYPE_WORDS[String(t)] ?? String(t));
  return types.join(' or ');
}

/** A oneOf of `required` branches: exactly one of those fields must be set. */
function exclusiveFields(passing: unknown, schema: Schema): Described {
  const branches = (schema.oneOf ?? []) as Schema[];
  const names = branches.flatMap((b) => (b.required ?? []) as string[]).map((n) => `"${n}"`);
  return Array.isArray(passing)
    ? { code: 'CONFLICTING_FIELDS', message: `set only one of ${names.join(' and ')}` }
    : { code: 'MISSING_FIELD', message: `missing required field ${names.join(' or ')}` };
}

function describeLimit(keyword: string, label: string, params: Record<string, unknown>, schema: Schema, error: ErrorObject): Described | undefined {
  switch (keyword) {
    case 'minimum':
    case 'maximum':
      return { code: 'OUT_OF_RANGE', message: `${label} must be ${numberRange(schema.minimum, schema.maximum)}` };
    case 'minLength':
      return lengthLimit(label, params.limit, schema.maxLength, 'characters long', 'not be empty');
    case 'maxLength':
      return lengthLimit(label, schema.minLength, params.limit, 'characters long', 'not be empty');
    case 'minItems':
    case 'maxItems':
      return itemLimit(label, schema.minItems, schema.maxItems);
    case 'uniqueItems':
      return duplicateItem(label, params, error);
    case 'pattern':
      return withFormHint(pointerSegments(error.instancePath), error.data, { code: 'INVALID_VALUE', message: `${label} must be ${expectedText(schema, params)}` });
    case 'format':
      return { code: 'INVALID_VALUE', message: `${label} must be ${expectedText(schema, params)}` };
    default:
      return undefined;
  }
}

// Principals: RAM shares take an account as its 12-digit id, License Manager grants as its root ARN; each form is
// a common mistake for the other, so the hint writes the form the field takes. An Association's AMI likewise: AWS
// lists image ARNs without an account, so one written with it would never match what is read back.

const ROOT_ARN = /^arn:aws[a-z-]*:iam::([0-9]{12}):root$/;
const ACCOUNT_ID = /^[0-9]{12}$/;
const AMI_WITH_ACCOUNT = /^(arn:aws[a-z-]*:ec2:[a-z0-9-]+):[0-9]{12}:(image\/ami-[0-9a-zA-Z]+)$/;

function withFormHint(path: readonly string[], data: unknown, described: Described): Described {
  const hint = formHint(path, data);
  return hint === undefined ? described : { ...described, hint };
}

function formHint(path: readonly string[], data: unknown): string | undefined {
  const value = typeof data === 'number' ? String(data) : data;
  if (typeof value !== 'string') return undefined;
  const [spec, field] = path;
  if (spec !== 'spec') return undefined;
  const root = ROOT_ARN.exec(value);
  if (field === 'principals' && path.length === 3 && root !== null) {
    return `a resource share names an account by its 12-digit id: write "${root[1]!}" (grants take the root ARN)`;
  }
  if (field === 'principal' && path.length === 2 && ACCOUNT_ID.test(value)) {
    return `a grant names an account by its root ARN: write "arn:aws:iam::${value}:root" (resource shares take the bare id)`;
  }
  const ami = AMI_WITH_ACCOUNT.exec(value);
  if (field === 'resourceArn' && path.length === 2 && ami !== null) {
    return `an AMI's ARN has no account (AWS lists it without one): write "${ami[1]!}::${ami[2]!}"`;
  }
  return undefined;
}

function numberRange(min: unknown, max: unknown): string {
  if (min !== undefined && max !== undefined) return `between ${String(min)} and ${String(max)}`;
  return min !== undefined ? `at least ${String(min)}` : `at most ${String(max)}`;
}

function lengthLimit(label: string, min: unknown, max: unknown, unit: string, empty: string): Described {
  const message = min === 1 && max === undefined ? `${label} must ${empty}` : `${label} must be ${lengthRange(min, max)} ${unit}`;
  return { code: 'INVALID_LENGTH', message };
}

function itemLimit(label: string, min: unknown, max: unknown): Described {
  if (min === 1 && max === undefined) return { code: 'INVALID_LENGTH', message: `${label} must not be empty` };
  return { code: 'INVALID_LENGTH', message: `${label} must have ${lengthRange(min, max)} items` };
}

function duplicateItem(label: string, params: Record<string, unknown>, error: ErrorObject): Described {
  const index = Number(params.i);
  const item = (error.data as unknown[])[index];
  const path = [...pointerSegments(error.instancePath), String(index)];
  return { code: 'DUPLICATE_ITEM', message: `${label} lists ${JSON.stringify(item)} more than once`, path, field: fieldName(path) };
}

function expectedText(schema: Schema, params: Record<string, unknown>): string {
  if (typeof schema['x-expected'] === 'string') return schema['x-expected'];
  return params.format !== undefined ? `a valid ${String(params.format)}` : `match ${String(params.pattern)}`;
}

// JSON pointers (ajv's instancePath) as path segments, and the names messages give them.

function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `allowedTenancy[2]` for /spec/rules/allowedTenancy/2; `document` for the root. */
function labelOf(path: readonly string[]): string {
  let label = '';
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i]!;
    if (!/^\d+$/.test(segment)) return segment + label;
    label = `[${segment}]${label}`;
  }
  return label === '' ? 'document' : label;
}

/** Dotted path with list indices in brackets: `spec.productInformation[0].filters[1].value`. */
function fieldName(path: readonly string[]): string | undefined {
  if (path.length === 0) return undefined;
  return path.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}
