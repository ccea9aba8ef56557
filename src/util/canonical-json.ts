// Canonical JSON: one text per value, so that equal values compare, hash and sign equally.

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
