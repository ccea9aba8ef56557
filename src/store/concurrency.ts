// Bounded-concurrency map for per-resource reads, under a limit shared by every read of the store.
import type { LimitFunction } from 'p-limit';

export function mapLimit<T, R>(items: readonly T[], limit: LimitFunction, fn: (item: T) => Promise<R>): Promise<R[]> {
  return Promise.all(items.map((item) => limit(() => fn(item))));
}
