// Field-level diff of two resource bodies: walks the union of keys of tags and spec, never mutates its inputs.
import { compareText } from './address-order.js';
import { canonicalJson, isRecord, toJsonValue } from './json-value.js';
import type { FieldDiff, ResourceBody } from './types.js';

/**
 * Lists whose order carries no meaning. They are compared as sets (the canonical specs keep them sorted, but a
 * read-back resource need not be) and reported as whole values. Every other array is an ordered whole value.
 */
export const SET_PATHS: ReadonlySet<string> = new Set([
  'allowedOperations', 'entitlements', 'licenseConfigurations', 'licenseMetadata', 'principals', 'rules.allowedTenancy',
]);

/** Every field that differs, sorted by path; `null` stands for absent on either side. */
export function diffResource(before: ResourceBody, after: ResourceBody): FieldDiff[] {
  const out: FieldDiff[] = [];
  diffValues('tags', before.tags, after.tags, out);
  diffValues('', before.spec, after.spec, out);
  return out.sort((a, b) => compareText(a.path, b.path));
}

function diffValues(path: string, before: unknown, after: unknown, out: FieldDiff[]): void {
  if (isRecord(before) && isRecord(after)) {
    for (const key of unionOfKeys(before, after)) {
      diffValues(path === '' ? key : `${path}.${key}`, before[key], after[key], out);
    }
    return;
  }
  if (!sameValue(path, before, after)) out.push({ path, before: toJsonValue(before), after: toJsonValue(after) });
}

function unionOfKeys(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])];
}

function sameValue(path: string, before: unknown, after: unknown): boolean {
  // Most fields are scalars; comparing them directly keeps planning 10,000 resources cheap.
  if (before === after) return true;
  // (typeof null is 'object', so null against undefined still goes the canonical way below.)
  if (typeof before !== 'object' && typeof after !== 'object') return false;
  if (SET_PATHS.has(path) && Array.isArray(before) && Array.isArray(after)) {
    return canonicalJson(sortedMembers(before)) === canonicalJson(sortedMembers(after));
  }
  return canonicalJson(before) === canonicalJson(after);
}

function sortedMembers(values: readonly unknown[]): string[] {
  return values.map(canonicalJson).sort();
}
