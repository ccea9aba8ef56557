// Plain JSON values for diffs and fingerprints: absent becomes null, keys can be put in a canonical order.
import type { JsonValue } from './types.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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

/**
 * Canonical JSON text: sorted keys, no whitespace. Two values are equal exactly when their texts are.
 * JSON.stringify(sortKeys(toJsonValue(value))), except that keys like array indexes sort as text too (an object
 * enumerates them first). One pass of string appends, without copies or intermediate arrays, because planning
 * 10,000 resources calls it tens of thousands of times.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'object':
      break;
    default:
      return 'null';
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i += 1) out += (i > 0 ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  for (const key of keys) {
    if (record[key] === undefined) continue;
    out += `${out.length > 1 ? ',' : ''}${quotedKey(key)}:${canonicalJson(record[key])}`;
  }
  return `${out}}`;
}

// The same few dozen keys (field names, tag keys) recur in every resource, and quoting one was a third of the
// fingerprinting time. Bounded, so that a long-running watch cannot grow it without limit.
const QUOTED = new Map<string, string>();
const QUOTED_MAX = 10_000;

function quotedKey(key: string): string {
  let quoted = QUOTED.get(key);
  if (quoted === undefined) {
    if (QUOTED.size >= QUOTED_MAX) QUOTED.clear();
    quoted = JSON.stringify(key);
    QUOTED.set(key, quoted);
  }
  return quoted;
}

export { isRecord };
