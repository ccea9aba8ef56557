// nextToken pagination shared by RAM's list operations.
//
// Tokens are opaque (base64url JSON) and keyset-based: a token names the sort key of the last item
// returned, so shares created or deleted between pages neither repeat nor skip items. A token is bound
// to its query (operation and every member except nextToken/maxResults); using it with other
// parameters, or sending anything that is not a token, is InvalidNextTokenException.
//
// Empty pages. AWS documents that RAM "can occasionally return an empty set of results even when there
// are more results available", and clients must follow nextToken rather than stop at an empty page.
// The emulator makes this deterministic so tests can rely on it: counting a listing's pages from 0, every
// page whose number is 1 modulo EMPTY_PAGE_EVERY (pages 1, 5, 9, …) is empty and carries a nextToken,
// provided more results remain. So any listing that needs more than one page sees an empty second page;
// a listing that fits in one page never sees one, and the last page is never empty (unless the whole
// result is).
import { hashOf } from '../core/idempotency.js';
import { invalidNextToken, invalidParameter } from './errors.js';
import { optionalInteger, optionalString, type Input } from './input.js';

export const EMPTY_PAGE_EVERY = 4;
export const DEFAULT_MAX_RESULTS = 50;
const MAX_RESULTS = 500;

interface TokenPayload {
  q: string;
  a: string | null;
  p: number;
}

export interface Page<T> {
  items: T[];
  nextToken: string | undefined;
}

export function paginate<T>(operation: string, input: Input, items: readonly T[], keyOf: (item: T) => string): Page<T> {
  const maxResults = readMaxResults(input);
  const query = queryHash(operation, input);
  const { a: after, p: page } = readToken(input, query);
  const sorted = items.map((item) => ({ key: keyOf(item), item })).sort((x, y) => compare(x.key, y.key));
  const start = after === null ? 0 : firstAfter(sorted, after);
  if (page % EMPTY_PAGE_EVERY === 1 && start < sorted.length) {
    return { items: [], nextToken: encodeToken({ q: query, a: after, p: page + 1 }) };
  }
  const slice = sorted.slice(start, start + maxResults);
  const last = slice[slice.length - 1];
  const more = start + maxResults < sorted.length && last !== undefined;
  return {
    items: slice.map((entry) => entry.item),
    nextToken: more ? encodeToken({ q: query, a: last.key, p: page + 1 }) : undefined,
  };
}

function readMaxResults(input: Input): number {
  const maxResults = optionalInteger(input, 'maxResults');
  if (maxResults === undefined) return DEFAULT_MAX_RESULTS;
  if (maxResults < 1 || maxResults > MAX_RESULTS) {
    throw invalidParameter(`The parameter maxResults must be between 1 and ${MAX_RESULTS}; got ${maxResults}.`);
  }
  return maxResults;
}

function queryHash(operation: string, input: Input): string {
  const { nextToken: _token, maxResults: _max, ...query } = input;
  return hashOf([operation, query]).slice(0, 16);
}

function readToken(input: Input, query: string): Omit<TokenPayload, 'q'> {
  const token = optionalString(input, 'nextToken');
  if (token === undefined) return { a: null, p: 0 };
  const payload = decodeToken(token);
  if (!payload || payload.q !== query) throw invalidNextToken();
  return payload;
}

function encodeToken(payload: TokenPayload): string {
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

function decodeToken(token: string): TokenPayload | undefined {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<TokenPayload>;
    const validAfter = value.a === null || typeof value.a === 'string';
    const validPage = typeof value.p === 'number' && Number.isInteger(value.p) && value.p > 0;
    return typeof value.q === 'string' && validAfter && validPage ? (value as TokenPayload) : undefined;
  } catch {
    return undefined;
  }
}

function firstAfter(sorted: readonly { key: string }[], after: string): number {
  const index = sorted.findIndex((entry) => compare(entry.key, after) > 0);
  return index === -1 ? sorted.length : index;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A page as output members: `nextToken` is absent (not null) on the last page. */
export function pageOutput<T>(member: string, page: Page<T>, view: (item: T) => unknown): Record<string, unknown> {
  return { [member]: page.items.map(view), ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
}
