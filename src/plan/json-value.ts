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

export { isRecord };
