// NextToken pagination over a list sorted by a unique key. The token is opaque to callers: the key of the
// last item returned, so pages stay consistent when items are added or removed between calls.
import { invalidParameter } from './errors.js';

export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

export function paginate<T>(sorted: readonly T[], keyOf: (item: T) => string, maxResults: number | undefined, nextToken: string | undefined, defaultMax = 100): Page<T> {
  if (maxResults !== undefined && maxResults < 1) throw invalidParameter(`MaxResults must be at least 1, got ${maxResults}`);
  const after = nextToken === undefined ? undefined : decodeToken(nextToken);
  const start = after === undefined ? 0 : firstAfter(sorted, keyOf, after);
  const size = maxResults ?? defaultMax;
  const items = sorted.slice(start, start + size);
  const more = start + size < sorted.length;
  return more ? { items, nextToken: encodeToken(keyOf(items[items.length - 1]!)) } : { items };
}

function firstAfter<T>(sorted: readonly T[], keyOf: (item: T) => string, key: string): number {
  const index = sorted.findIndex((item) => keyOf(item) > key);
  return index < 0 ? sorted.length : index;
}

function encodeToken(key: string): string {
  return Buffer.from(JSON.stringify({ v: 1, after: key })).toString('base64url');
}

function decodeToken(token: string): string {
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { v?: number; after?: unknown };
    if (decoded.v === 1 && typeof decoded.after === 'string') return decoded.after;
  } catch {
    // reported below
  }
  throw invalidParameter('Invalid NextToken');
}

export function byKey<T>(keyOf: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0);
}
