// Bounded-concurrency map for per-resource reads.
import pLimit from 'p-limit';

export async function mapLimit<T, R>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const limit = pLimit(Math.max(1, concurrency));
  return Promise.all(items.map((item) => limit(() => fn(item))));
}
