// Comparators for deterministic output: every list licensectl prints or hashes is sorted with one of these.

/** Code-unit order, the order `Array.prototype.sort` uses by default, as a comparator. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders records by the text that `key` gives for each. */
export function byText<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => compareText(key(a), key(b));
}
