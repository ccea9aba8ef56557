// The subset of a botocore service model the emulator needs: operations with their HTTP binding and the
// shapes reachable from their inputs and outputs (`shapes.generated.ts` holds the three services' data), and
// checking a decoded value against a shape: types, required members, enums, lengths, ranges and patterns,
// every problem reported under its Coral-style path.
import { isRecord } from '../../../util/canonical.js';

export type ShapeType =
  | 'structure'
  | 'list'
  | 'map'
  | 'string'
  | 'integer'
  | 'long'
  | 'float'
  | 'double'
  | 'boolean'
  | 'timestamp'
  | 'blob';

export interface MemberRef {
  readonly shape: string;
  /** Set only for members bound outside the JSON body (RAM's DELETE operations use the query string). */
  readonly location?: string;
  readonly locationName?: string;
}

export interface Shape {
  readonly type: ShapeType;
  readonly members?: Readonly<Record<string, MemberRef>>;
  readonly required?: readonly string[];
  /** List element shape. */
  readonly member?: string;
  readonly key?: string;
  readonly value?: string;
  readonly enum?: readonly string[];
  /** Length for strings, lists and maps; value range for numbers. */
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
}

export interface OperationModel {
  readonly http: { readonly method: string; readonly path: string };
  readonly input?: string;
  readonly output?: string;
  /** awsQuery (STS): the element wrapping the output members, e.g. `GetCallerIdentityResult`. */
  readonly resultWrapper?: string;
}

export interface ServiceModel {
  /** awsQuery (STS): the namespace of its XML responses. */
  readonly xmlNamespace?: string;
  readonly operations: Readonly<Record<string, OperationModel>>;
  readonly shapes: Readonly<Record<string, Shape>>;
}

export type ProblemKind = 'missing' | 'type' | 'enum' | 'length' | 'range' | 'pattern' | 'unknown';

export interface Problem {
  readonly kind: ProblemKind;
  /** Coral-style location: lower-camel member names, 1-based `n.member` list steps (`entitlements.1.member.unit`). */
  readonly path: string;
  readonly value: unknown;
  /** The violated constraint, e.g. `Member must not be null`. */
  readonly constraint: string;
}

/** `input` mirrors the service (unknown members ignored); `output` is a conformance check (unknown members flagged). */
export type ValidationMode = 'input' | 'output';

export class ShapeValidator {
  private readonly patterns = new Map<string, RegExp>();

  /**
   * `fullMatch`: a pattern must match the whole value, as Coral's (Java's `matches`) does. STS's patterns are
   * unanchored character classes (`[\w+=,.@-]*`) that mean nothing otherwise; License Manager's and RAM's are
   * checked as they always were.
   */
  constructor(
    private readonly model: ServiceModel,
    private readonly mode: ValidationMode,
    private readonly fullMatch = false,
  ) {}

  /** Problems of `value` against shape `name`, in document order. */
  validate(name: string, value: unknown): Problem[] {
    const problems: Problem[] = [];
    this.check(name, value, '', problems);
    return problems;
  }

  /** Absent values pass (required members are checked by their structure); constraints only on the right type. */
  private check(name: string, value: unknown, path: string, problems: Problem[]): void {
    if (value === undefined || value === null) return;
    const shape = this.model.shapes[name];
    if (!shape) throw new Error(`emulator model has no shape ${name}`);
    const before = problems.length;
    this.checkType(shape, value, path, problems);
    if (problems.length === before) this.checkConstraints(shape, value, path, problems);
  }

  private checkType(shape: Shape, value: unknown, path: string, problems: Problem[]): void {
    const expect = (expected: string, ok: boolean) => void (ok || problems.push(typeProblem(path, value, expected)));
    switch (shape.type) {
      case 'structure':
        return isRecord(value) ? this.checkStructure(shape, value, path, problems) : expect('structure', false);
      case 'list':
        if (!Array.isArray(value)) return expect('list', false);
        return value.forEach((item, i) => this.check(shape.member!, item, `${join(path, String(i + 1))}.member`, problems));
      case 'map':
        if (!isRecord(value)) return expect('map', false);
        for (const [key, item] of Object.entries(value)) this.check(shape.value!, item, join(path, key), problems);
        return;
      case 'string':
      case 'blob':
        return expect('string', typeof value === 'string');
      case 'integer':
      case 'long':
        return expect('integer', Number.isInteger(value));
      case 'float':
      case 'double':
        return expect('number', typeof value === 'number' && Number.isFinite(value));
      case 'boolean':
        return expect('boolean', typeof value === 'boolean');
      case 'timestamp':
        return expect('epoch-seconds number', typeof value === 'number' && Number.isFinite(value));
    }
  }

  private checkStructure(shape: Shape, value: Record<string, unknown>, path: string, problems: Problem[]): void {
    const members = shape.members ?? {};
    const required = shape.required ?? [];
    for (const [name, ref] of Object.entries(members)) {
      const child = value[name];
      const at = join(path, lowerFirst(name));
      if (child === undefined || child === null) {
        if (required.includes(name)) problems.push({ kind: 'missing', path: at, value: null, constraint: 'Member must not be null' });
      } else this.check(ref.shape, child, at, problems);
    }
    if (this.mode === 'output')
      for (const key of Object.keys(value)) if (!Object.hasOwn(members, key)) problems.push(unknownMember(join(path, key), value[key]));
  }

  private checkConstraints(shape: Shape, value: unknown, path: string, problems: Problem[]): void {
    if (shape.enum && !shape.enum.includes(value as string))
      problems.push({ kind: 'enum', path, value, constraint: `Member must satisfy enum value set: [${shape.enum.join(', ')}]` });
    if (shape.min !== undefined || shape.max !== undefined) checkBounds(shape, value, path, problems);
    if (shape.pattern && !this.regex(shape.pattern).test(value as string))
      problems.push({ kind: 'pattern', path, value, constraint: `Member must satisfy regular expression pattern: ${shape.pattern}` });
  }

  private regex(pattern: string): RegExp {
    let regex = this.patterns.get(pattern);
    if (!regex) {
      // `\u10000-\u10FFFF` in a model means the code points past U+FFFF; JavaScript writes them `\u{10000}`.
      const source = unicodeSafe(pattern.replace(/\\u([0-9A-Fa-f]{5,6})/g, '\\u{$1}'));
      this.patterns.set(pattern, (regex = new RegExp(this.fullMatch ? `^(?:${source})$` : source, 'u')));
    }
    return regex;
  }
}

/**
 * Java (the models' dialect) lets any punctuation be escaped; a Unicode JavaScript regex refuses `\-` outside a
 * character class (Organizations' `\/ou\-…`), where it means a plain `-`.
 */
function unicodeSafe(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      out += !inClass && next === '-' ? '-' : c + next;
      i++;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    out += c;
  }
  return out;
}

function checkBounds(shape: Shape, value: unknown, path: string, problems: Problem[]): void {
  const numeric = shape.type !== 'string' && shape.type !== 'list' && shape.type !== 'map' && shape.type !== 'blob';
  const kind: ProblemKind = numeric ? 'range' : 'length';
  const noun = numeric ? 'value' : 'length';
  const size = numeric ? (value as number) : sizeOf(value);
  if (shape.min !== undefined && size < shape.min)
    problems.push({ kind, path, value, constraint: `Member must have ${noun} greater than or equal to ${shape.min}` });
  if (shape.max !== undefined && size > shape.max)
    problems.push({ kind, path, value, constraint: `Member must have ${noun} less than or equal to ${shape.max}` });
}

function sizeOf(value: unknown): number {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  return Object.keys(value as object).length;
}

function typeProblem(path: string, value: unknown, expected: string): Problem {
  return { kind: 'type', path, value, constraint: `Member must be of type ${expected}` };
}

function unknownMember(path: string, value: unknown): Problem {
  return { kind: 'unknown', path, value, constraint: 'Member is not in the model' };
}

function join(path: string, segment: string): string {
  return path === '' ? segment : `${path}.${segment}`;
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
