// The `Filters` of the license and grant list operations: each named filter matches when the item's value
// is one of the filter's values; filters combine with AND. Unknown names are refused.
import { invalidParameter } from './errors.js';
import type { Filter } from './input.js';

export type FilterFields<T> = Readonly<Record<string, (item: T) => string | undefined>>;

export function filterMatcher<T>(filters: readonly Filter[] | undefined, fields: FilterFields<T>): (item: T) => boolean {
  const checks = (filters ?? []).map((filter) => {
    const field = fields[filter.Name ?? ''];
    if (!field) throw invalidParameter(`Invalid filter name ${JSON.stringify(filter.Name ?? '')}; supported filters: ${Object.keys(fields).join(', ')}`);
    const values = new Set(filter.Values ?? []);
    if (values.size === 0) throw invalidParameter(`Filter ${filter.Name} needs at least one value`);
    return (item: T) => values.has(field(item) ?? '');
  });
  return (item) => checks.every((check) => check(item));
}
