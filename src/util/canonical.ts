// Canonical forms, so that what licensectl prints, hashes and signs is the same on every machine and in every
// locale: code-unit order, canonical JSON, and timestamps in whole seconds.

/** Code-unit order, the order `Array.prototype.sort` uses by default, as a comparator. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders records by the text that `key` gives for each. */
export function byText<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => compareText(key(a), key(b));
}

/** A JSON object (or any non-null object that is not an array), as parsed data is checked before it is walked. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Sorted keys, no whitespace; `undefined` members are left out and anything JSON cannot hold (undefined,
 * functions, NaN, infinities) is written `null`. Two values are equal as data exactly when their texts are.
 * Keys sort by code unit, array-index-like keys too (an object would enumerate those first).
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
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .filter((key) => record[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${members.join(',')}}`;
}

/** ISO 8601 UTC with whole seconds (`2026-01-01T00:00:00Z`), as License Manager prints its dates. */
export function isoSeconds(date: Date | number): string {
  return new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
