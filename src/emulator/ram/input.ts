// Typed readers over a decoded RAM input. The SDK does no client-side validation, so the emulator
// checks types, required members and enums itself. DELETE operations arrive from the query string,
// where every member is a string: booleans and integers accept their string spelling too.
import { invalidParameter, missingParameter } from './errors.js';

export type Input = Record<string, unknown>;
export type Output = Record<string, unknown>;

export function optionalString(input: Input, member: string): string | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidParameter(`The parameter ${member} must be a string.`);
  return value;
}

export function requiredString(input: Input, member: string): string {
  const value = optionalString(input, member);
  if (value === undefined || value === '') throw missingParameter(member);
  return value;
}

export function optionalBoolean(input: Input, member: string): boolean | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw invalidParameter(`The parameter ${member} must be a boolean.`);
}

export function optionalInteger(input: Input, member: string): number | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number)) {
    throw invalidParameter(`The parameter ${member} must be an integer.`);
  }
  return number;
}

export function optionalStringList(input: Input, member: string): string[] | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw invalidParameter(`The parameter ${member} must be a list of strings.`);
  }
  return value as string[];
}

export function optionalObjectList(input: Input, member: string): Input[] | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every(isObject)) {
    throw invalidParameter(`The parameter ${member} must be a list of structures.`);
  }
  return value as Input[];
}

export function optionalObject(input: Input, member: string): Input | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw invalidParameter(`The parameter ${member} must be a structure.`);
  return value;
}

export function optionalEnum<T extends string>(input: Input, member: string, values: readonly T[]): T | undefined {
  const value = optionalString(input, member);
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value)) {
    throw invalidParameter(`The parameter ${member} must be one of ${values.join(', ')}; got "${value}".`);
  }
  return value as T;
}

export function requiredEnum<T extends string>(input: Input, member: string, values: readonly T[]): T {
  const value = optionalEnum(input, member, values);
  if (value === undefined) throw missingParameter(member);
  return value;
}

function isObject(value: unknown): value is Input {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
