// Field-level diff of two resource bodies: walks the union of keys of tags and spec, never mutates its inputs.
// Each field diff carries its element-wise detail (plan/field-changes), so the plan value says what its JSON says.
import { canonicalJson, compareText, isRecord } from '../util/canonical.js';
import { detailOf, SET_PATHS } from './field-changes.js';
import type { FieldDiff, JsonValue, ResourceBody } from './types.js';

/** Every field that differs, sorted by path; `null` stands for absent on either side. */
export function diffResource(before: ResourceBody, after: ResourceBody): FieldDiff[] {
  const out: FieldDiff[] = [];
  diffValues('tags', before.tags, after.tags, out);
  diffValues('', before.spec, after.spec, out);
  return out.sort((a, b) => compareText(a.path, b.path));
}

function diffValues(path: string, before: unknown, after: unknown, out: FieldDiff[]): void {
  if (isRecord(before) && isRecord(after)) {
    // The union of both sides' keys, without building it: planning 10,000 resources walks ~100,000 fields.
    for (const key of Object.keys(before)) diffMember(path, key, before[key], after[key], out);
    for (const key of Object.keys(after)) if (!Object.hasOwn(before, key)) diffMember(path, key, undefined, after[key], out);
    return;
  }
  if (sameValue(path, before, after)) return;
  const diff = { path, before: toJsonValue(before), after: toJsonValue(after) };
  out.push({ ...diff, ...detailOf(diff) });
}

function diffMember(path: string, key: string, before: unknown, after: unknown, out: FieldDiff[]): void {
  // Most fields are equal scalars: settled before their path is even spelled out.
  if (before === after) return;
  diffValues(path === '' ? key : `${path}.${key}`, before, after, out);
}

function sameValue(path: string, before: unknown, after: unknown): boolean {
  if (before === after) return true;
  // (typeof null is 'object', so null against undefined still goes the canonical way below.)
  if (typeof before !== 'object' && typeof after !== 'object') return false;
  if (Array.isArray(before) && Array.isArray(after)) {
    const asSet = SET_PATHS.has(path);
    const strings = sameStrings(before, after, asSet);
    if (strings !== undefined) return strings;
    if (asSet) return canonicalJson(sortedMembers(before)) === canonicalJson(sortedMembers(after));
  }
  return canonicalJson(before) === canonicalJson(after);
}

/** Equality of two lists of strings (in order, or as sets); undefined when either holds anything else. */
function sameStrings(before: readonly unknown[], after: readonly unknown[], asSet: boolean): boolean | undefined {
  if (!before.every(isString) || !after.every(isString)) return undefined;
  if (before.length !== after.length) return false;
  const [a, b] = asSet ? [[...before].sort(), [...after].sort()] : [before, after];
  return a.every((value, i) => value === b[i]);
}

const isString = (value: unknown): value is string => typeof value === 'string';

function sortedMembers(values: readonly unknown[]): string[] {
  return values.map(canonicalJson).sort();
}

// Plain JSON values for diffs and fingerprints: absent becomes null, keys can be put in a canonical order.
/**
 * A JSON copy of any value: `undefined` members are dropped (as JSON.stringify does), `undefined` itself and
 * anything JSON cannot hold (functions, NaN) become null. Never throws and never shares structure with the input.
 */
export function toJsonValue(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (isRecord(value)) {
    const out: Record<string, JsonValue> = {};
    for (const [key, member] of Object.entries(value)) if (member !== undefined) out[key] = toJsonValue(member);
    return out;
  }
  return null;
}

/** The same JSON value with every object's keys in code-unit order, so equal values print equally. */
export function sortKeys(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Readonly<Record<string, JsonValue>>;
  const out: Record<string, JsonValue> = {};
  for (const key of Object.keys(record).sort()) out[key] = sortKeys(record[key]!);
  return out;
}
