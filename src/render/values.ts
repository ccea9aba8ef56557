// How values look in text: JSON literals, and a body listed as dotted paths.
import { compareText } from '../plan/address-order.js';
import { isRecord, toJsonValue } from '../plan/json-value.js';
import type { JsonValue, ResourceBody } from '../plan/types.js';

export function jsonLiteral(value: JsonValue): string {
  return JSON.stringify(value);
}

export interface Field {
  readonly path: string;
  readonly value: JsonValue;
}

/**
 * Every set field of a body under the same dotted paths the diff uses (`tags.team`, `rules.minimumCores`),
 * sorted by path. Nulls are absent values and left out; lists are shown whole.
 */
export function fieldsOf(body: ResourceBody): Field[] {
  const out: Field[] = [];
  collect('tags', toJsonValue(body.tags), out);
  collect('', toJsonValue(body.spec), out);
  return out.sort((a, b) => compareText(a.path, b.path));
}

function collect(path: string, value: JsonValue, out: Field[]): void {
  if (value === null) return;
  if (!isRecord(value)) {
    out.push({ path, value });
    return;
  }
  for (const [key, member] of Object.entries(value)) collect(path === '' ? key : `${path}.${key}`, member as JsonValue, out);
}
