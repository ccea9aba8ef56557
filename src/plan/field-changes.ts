// One field's change as a reviewer reads it: lists of objects paired by their key (`entitlements[seats].maxCount`),
// lists of values element by element, long or multi-line strings line by line, and every name spelled as the
// documents spell it (`productInformation[…].filters[…].value`, not the model's `values`). Pure and total: derived
// from a FieldDiff's path, before and after, so a plan read back from its JSON reads the same.
import { type ChangeObject, diffArrays, diffLines } from 'diff';
import { canonicalJson, compareText, isRecord } from '../util/canonical.js';
import type { FieldDiff, FieldLeaf, JsonValue } from './types.js';

/** One kept (' '), added ('+') or removed ('-') element or line. */
export interface Edit<T> {
  readonly op: ' ' | '+' | '-';
  readonly value: T;
}

/**
 * A leaf of a change, at a path in document spelling. `before` and `after` are whole values (null: absent);
 * `elements` (lists of values, added and removed only) and `lines` (strings, kept lines included) say it in detail.
 */
export type FieldChange =
  | { readonly type: 'value'; readonly path: string; readonly before: JsonValue; readonly after: JsonValue }
  | { readonly type: 'elements'; readonly path: string; readonly before: JsonValue; readonly after: JsonValue; readonly elements: readonly Edit<JsonValue>[] }
  | { readonly type: 'lines'; readonly path: string; readonly before: JsonValue; readonly after: JsonValue; readonly lines: readonly Edit<string>[] };

/**
 * Lists whose order carries no meaning. They are compared as sets (the canonical specs keep them sorted, but a
 * read-back resource need not be), and their changes read as elements added and removed.
 */
export const SET_PATHS: ReadonlySet<string> = new Set([
  'allowedOperations', 'entitlements', 'licenseConfigurations', 'licenseMetadata', 'principals', 'rules.allowedTenancy',
]);

/** Lists of objects and the member that names each element; paths are the model's, list levels left out. */
const KEYED_LISTS: Readonly<Record<string, string>> = {
  entitlements: 'name',
  licenseMetadata: 'name',
  productInformation: 'resourceType',
  'productInformation.filters': 'name',
};

/** A string longer than this (or with a line break) changes as a line diff rather than `before → after`. */
const LONG_STRING = 80;

/** Where the documents spell a member otherwise than the model: by its model path, given its value. */
const DOCUMENT_NAMES: Readonly<Record<string, (value: JsonValue) => string>> = {
  'productInformation.filters.values': () => 'value',
  // A grant names a managed License with `license`, any other license by its ARN with `licenseArn`.
  license: (value) => (typeof value === 'string' && value.startsWith('arn:') ? 'licenseArn' : 'license'),
};

/**
 * What a FieldDiff carries besides its whole values: `added` and `removed` when it is a list of values, `changes`
 * when it reads better leaf by leaf; nothing when it is one value under its own name.
 */
export function detailOf(diff: Pick<FieldDiff, 'path' | 'before' | 'after'>): Pick<FieldDiff, 'added' | 'removed' | 'changes'> {
  const leaves = fieldChanges(diff);
  if (leaves.length === 1 && leaves[0]!.path === diff.path) return elementsOf(leaves[0]!);
  return { changes: leaves.map((leaf): FieldLeaf => ({ path: leaf.path, before: leaf.before, after: leaf.after, ...elementsOf(leaf) })) };
}

function elementsOf(leaf: FieldChange): Pick<FieldLeaf, 'added' | 'removed'> {
  if (leaf.type !== 'elements') return {};
  const of = (op: '+' | '-') => leaf.elements.filter((e) => e.op === op).map((e) => e.value);
  return { added: of('+'), removed: of('-') };
}

/** The leaves of one field diff, in path order; never empty for a diff whose sides differ. */
export function fieldChanges(diff: Pick<FieldDiff, 'path' | 'before' | 'after'>): FieldChange[] {
  const out: FieldChange[] = [];
  const dot = diff.path.lastIndexOf('.');
  const parent = dot < 0 ? '' : diff.path.slice(0, dot);
  member(parent, parent, diff.path.slice(dot + 1), diff.before, diff.after, out);
  return out;
}

/** A record's member, named as the documents name it; a change of name (license → licenseArn) is a removal and an addition. */
function member(model: string, doc: string, key: string, before: JsonValue | undefined, after: JsonValue | undefined, out: FieldChange[]): void {
  const path = model === '' ? key : `${model}.${key}`;
  const [b, a] = [before ?? null, after ?? null];
  const spell = (value: JsonValue) => {
    const name = DOCUMENT_NAMES[path]?.(value) ?? key;
    return doc === '' ? name : `${doc}.${name}`;
  };
  const [from, to] = [spell(b ?? a), spell(a ?? b)];
  if (from === to) return leaves(path, from, b, a, out);
  leaves(path, from, b, null, out);
  leaves(path, to, null, a, out);
}

/** `named`: the member that names this record in its list, already in the path, so not repeated. */
function leaves(model: string, doc: string, before: JsonValue, after: JsonValue, out: FieldChange[], named?: string): void {
  if (same(model, before, after)) return;
  const start = out.length;
  if (isRecordOrNull(before) && isRecordOrNull(after)) {
    const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => k !== named).sort(compareText);
    for (const key of keys) member(model, doc, key, before?.[key], after?.[key], out);
  } else if (KEYED_LISTS[model] !== undefined && keyedOrNull(before, KEYED_LISTS[model]) && keyedOrNull(after, KEYED_LISTS[model])) {
    keyedElements(model, doc, KEYED_LISTS[model], before, after, out);
  } else if (Array.isArray(before) && Array.isArray(after) && [...before, ...after].every(isScalar)) {
    out.push({ type: 'elements', path: doc, before, after, elements: elementEdits(model, before, after) });
  } else if (isLongText(before, after)) {
    out.push({ type: 'lines', path: doc, before, after, lines: lineEdits(before ?? '', (after as string | null) ?? '') });
  }
  // Whatever the detail could not say (only an order changed, an empty record appeared) is said whole.
  if (out.length === start) out.push({ type: 'value', path: doc, before, after });
}

/** Elements paired by key, in key order: `entitlements[seats]`. */
function keyedElements(model: string, doc: string, key: string, before: KeyedList, after: KeyedList, out: FieldChange[]): void {
  const [b, a] = [byKey(before, key), byKey(after, key)];
  for (const name of [...new Set([...b.keys(), ...a.keys()])].sort(compareText)) {
    leaves(model, `${doc}[${name}]`, b.get(name) ?? null, a.get(name) ?? null, out, key);
  }
}

type KeyedList = readonly Readonly<Record<string, JsonValue>>[] | null;

/** A list whose elements are records each named by a distinct string `key` (or absent). */
function keyedOrNull(value: JsonValue, key: string): value is KeyedList {
  if (value === null) return true;
  if (!Array.isArray(value) || !value.every((e) => isRecord(e) && typeof e[key] === 'string')) return false;
  return new Set(value.map((e) => (e as Record<string, JsonValue>)[key])).size === value.length;
}

function byKey(list: KeyedList, key: string): Map<string, JsonValue> {
  return new Map((list ?? []).map((e) => [e[key] as string, e]));
}

/** Added and removed elements; a set's are compared sorted, so that only membership shows. */
function elementEdits(model: string, before: readonly JsonValue[], after: readonly JsonValue[]): Edit<JsonValue>[] {
  const sorted = (list: readonly JsonValue[]) => (SET_PATHS.has(model) ? [...list].sort((x, y) => compareText(canonicalJson(x), canonicalJson(y))) : [...list]);
  return edits(diffArrays(sorted(before), sorted(after))).filter((e) => e.op !== ' ');
}

function lineEdits(before: string, after: string): Edit<string>[] {
  return edits<string>(diffLines(before, after)).flatMap((e) => e.value.replace(/\n$/, '').split('\n').map((line) => ({ op: e.op, value: line })));
}

function edits<T>(changes: readonly ChangeObject<T[]>[] | readonly ChangeObject<string>[]): Edit<T>[] {
  return changes.flatMap((c): Edit<T>[] => {
    const op = c.added ? '+' : c.removed ? '-' : ' ';
    return Array.isArray(c.value) ? (c.value as T[]).map((value) => ({ op, value })) : [{ op, value: c.value as T }];
  });
}

function isLongText(before: JsonValue, after: JsonValue): before is string | null {
  const texts = [before, after].filter((v): v is string => typeof v === 'string');
  if (texts.length + [before, after].filter((v) => v === null).length !== 2) return false;
  return texts.some((t) => t.includes('\n')) || (texts.length === 2 && texts.some((t) => t.length > LONG_STRING));
}

function same(model: string, before: JsonValue, after: JsonValue): boolean {
  if (SET_PATHS.has(model) && Array.isArray(before) && Array.isArray(after)) {
    return canonicalJson(before.map(canonicalJson).sort()) === canonicalJson(after.map(canonicalJson).sort());
  }
  return canonicalJson(before) === canonicalJson(after);
}

const isScalar = (value: JsonValue): boolean => value === null || typeof value !== 'object';

function isRecordOrNull(value: JsonValue): value is Readonly<Record<string, JsonValue>> | null {
  return value === null || isRecord(value);
}
