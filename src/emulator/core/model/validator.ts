// Checks a decoded value against a model shape. Each shape is compiled once into a closure (per model and
// mode) so that a request pays only for walking its own data, never for reading the model.
import type { ServiceModel, Shape } from './service-model.js';

export type ProblemKind = 'missing' | 'type' | 'enum' | 'length' | 'range' | 'pattern' | 'unknown';

export interface Problem {
  readonly kind: ProblemKind;
  /** Coral-style location: lower-camel member names, 1-based `n.member` list steps (`entitlements.1.member.unit`). */
  readonly path: string;
  readonly value: unknown;
  /** The violated constraint, e.g. `Member must not be null`. */
  readonly constraint: string;
}

type Check = (value: unknown, path: string, problems: Problem[]) => void;

/** `input` mirrors the service (unknown members ignored); `output` is a conformance check (unknown members flagged). */
export type ValidationMode = 'input' | 'output';

export class ShapeValidator {
  private readonly compiled = new Map<string, Check>();

  constructor(
    private readonly model: ServiceModel,
    private readonly mode: ValidationMode,
  ) {}

  /** Problems of `value` against shape `name`, in document order. */
  validate(name: string, value: unknown): Problem[] {
    const problems: Problem[] = [];
    this.check(name)(value, '', problems);
    return problems;
  }

  private check(name: string): Check {
    let check = this.compiled.get(name);
    if (!check) {
      // Members resolve their shapes lazily (see `lazy`), so recursive shapes compile without looping.
      check = this.compile(this.shape(name));
      this.compiled.set(name, check);
    }
    return check;
  }

  private shape(name: string): Shape {
    const shape = this.model.shapes[name];
    if (!shape) throw new Error(`emulator model has no shape ${name}`);
    return shape;
  }

  private compile(shape: Shape): Check {
    const typed = this.compileType(shape);
    const constraints = compileConstraints(shape);
    return (value, path, problems) => {
      if (value === undefined || value === null) return;
      const before = problems.length;
      typed(value, path, problems);
      if (problems.length === before) constraints(value, path, problems);
    };
  }

  private compileType(shape: Shape): Check {
    switch (shape.type) {
      case 'structure':
        return this.compileStructure(shape);
      case 'list':
        return this.compileList(shape.member!);
      case 'map':
        return this.compileMap(shape.value!);
      case 'string':
      case 'blob':
        return typeCheck('string', (v) => typeof v === 'string');
      case 'integer':
      case 'long':
        return typeCheck('integer', (v) => Number.isInteger(v));
      case 'float':
      case 'double':
        return typeCheck('number', (v) => typeof v === 'number' && Number.isFinite(v));
      case 'boolean':
        return typeCheck('boolean', (v) => typeof v === 'boolean');
      case 'timestamp':
        return typeCheck('epoch-seconds number', (v) => typeof v === 'number' && Number.isFinite(v));
    }
  }

  private compileStructure(shape: Shape): Check {
    const members = Object.entries(shape.members ?? {}).map(([name, ref]) => ({
      name,
      label: lowerFirst(name),
      check: this.lazy(ref.shape),
    }));
    const required = new Set(shape.required ?? []);
    const known = new Set(members.map((m) => m.name));
    const strict = this.mode === 'output';
    return (value, path, problems) => {
      if (!isPlainObject(value)) return void problems.push(typeProblem(path, value, 'structure'));
      for (const { name, label, check } of members) {
        const child = value[name];
        const at = join(path, label);
        if (child === undefined || child === null) {
          if (required.has(name)) problems.push({ kind: 'missing', path: at, value: null, constraint: 'Member must not be null' });
        } else check(child, at, problems);
      }
      if (strict) for (const key of Object.keys(value)) if (!known.has(key)) problems.push(unknownMember(join(path, key), value[key]));
    };
  }

  private compileList(memberShape: string): Check {
    const check = this.lazy(memberShape);
    return (value, path, problems) => {
      if (!Array.isArray(value)) return void problems.push(typeProblem(path, value, 'list'));
      value.forEach((item, i) => check(item, `${join(path, String(i + 1))}.member`, problems));
    };
  }

  private compileMap(valueShape: string): Check {
    const check = this.lazy(valueShape);
    return (value, path, problems) => {
      if (!isPlainObject(value)) return void problems.push(typeProblem(path, value, 'map'));
      for (const [key, item] of Object.entries(value)) check(item, join(path, key), problems);
    };
  }

  /** Defers resolving a member's check until first use, so compiling one operation compiles only what it reaches. */
  private lazy(name: string): Check {
    let check: Check | undefined;
    return (v, p, out) => (check ??= this.check(name))(v, p, out);
  }
}

function compileConstraints(shape: Shape): Check {
  const checks: Check[] = [];
  if (shape.enum) checks.push(enumCheck(shape.enum));
  if (shape.min !== undefined || shape.max !== undefined) checks.push(boundsCheck(shape));
  if (shape.pattern) checks.push(patternCheck(shape.pattern));
  return (value, path, problems) => checks.forEach((c) => c(value, path, problems));
}

function enumCheck(values: readonly string[]): Check {
  const allowed = new Set(values);
  const constraint = `Member must satisfy enum value set: [${values.join(', ')}]`;
  return (value, path, problems) => {
    if (!allowed.has(value as string)) problems.push({ kind: 'enum', path, value, constraint });
  };
}

function boundsCheck(shape: Shape): Check {
  const numeric = shape.type !== 'string' && shape.type !== 'list' && shape.type !== 'map' && shape.type !== 'blob';
  const kind: ProblemKind = numeric ? 'range' : 'length';
  const noun = numeric ? 'value' : 'length';
  return (value, path, problems) => {
    const size = numeric ? (value as number) : sizeOf(value);
    if (shape.min !== undefined && size < shape.min)
      problems.push({ kind, path, value, constraint: `Member must have ${noun} greater than or equal to ${shape.min}` });
    if (shape.max !== undefined && size > shape.max)
      problems.push({ kind, path, value, constraint: `Member must have ${noun} less than or equal to ${shape.max}` });
  };
}

function patternCheck(pattern: string): Check {
  const regex = new RegExp(pattern, 'u');
  const constraint = `Member must satisfy regular expression pattern: ${pattern}`;
  return (value, path, problems) => {
    if (!regex.test(value as string)) problems.push({ kind: 'pattern', path, value, constraint });
  };
}

function sizeOf(value: unknown): number {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  return Object.keys(value as object).length;
}

function typeCheck(expected: string, ok: (value: unknown) => boolean): Check {
  return (value, path, problems) => {
    if (!ok(value)) problems.push(typeProblem(path, value, expected));
  };
}

function typeProblem(path: string, value: unknown, expected: string): Problem {
  return { kind: 'type', path, value, constraint: `Member must be of type ${expected}` };
}

function unknownMember(path: string, value: unknown): Problem {
  return { kind: 'unknown', path, value, constraint: 'Member is not in the model' };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(path: string, segment: string): string {
  return path === '' ? segment : `${path}.${segment}`;
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
