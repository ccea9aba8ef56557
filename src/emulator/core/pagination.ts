// NextToken pagination, one paginator for every service's list operations.
//
// Tokens are opaque (base64url JSON) and keyset-based: a token names the sort key of the last item
// returned, so items created or deleted between pages neither repeat nor skip. A token is bound to its
// query (the operation and every member except the token and the page size); using it with other
// parameters, or sending anything that is not a token, is the service's invalid-token error.
//
// Empty pages (RAM and Organizations). AWS documents that both "can occasionally return an empty set of results even
// when there are more results available", and clients must follow nextToken rather than stop at an empty
// page. The emulator makes this deterministic so tests can rely on it: counting a listing's pages from 0,
// every page whose number is 1 modulo EMPTY_PAGE_EVERY (pages 1, 5, 9, …) is empty and carries a token,
// provided more results remain. So any listing that needs more than one page sees an empty second page;
// a listing that fits in one page never sees one, and the last page is never empty (unless the whole
// result is).
import { compareText } from '../../util/canonical.js';
import { hashOf } from './call-context.js';
import { type Input, optNum, optStr, type ServiceError } from './service-contract.js';

export const EMPTY_PAGE_EVERY = 4;

export interface PagingRules {
  /** The input and output members of the page size and the token, e.g. `MaxResults` and `NextToken`. */
  readonly maxResultsMember: string;
  readonly nextTokenMember: string;
  readonly defaultMaxResults: number;
  /** Whether the service returns the empty pages RAM and Organizations document (above). */
  readonly emptyPages: boolean;
  readonly invalidToken: () => ServiceError;
  /** For a page size below 1 where the model allows one. */
  readonly invalidParameter: (message: string) => ServiceError;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

interface Token {
  /** The query the token belongs to. */
  q: string;
  /** The key of the last item returned so far; null before the first item. */
  a: string | null;
  /** The number of the page the token asks for. */
  p: number;
}

export class Paginator {
  constructor(private readonly rules: PagingRules) {}

  /** The page of `items` (in any order; pages follow the order of `keyOf`) that `input` asks for. */
  page<T>(operation: string, input: Input, items: readonly T[], keyOf: (item: T) => string): Page<T> {
    const maxResults = this.maxResults(input);
    const query = this.queryOf(operation, input);
    const { a: after, p: page } = this.readToken(input, query);
    const sorted = items.map((item) => ({ key: keyOf(item), item })).sort((x, y) => compareText(x.key, y.key));
    const start = after === null ? 0 : firstAfter(sorted, after);
    if (this.rules.emptyPages && page % EMPTY_PAGE_EVERY === 1 && start < sorted.length) {
      return { items: [], nextToken: encodeToken({ q: query, a: after, p: page + 1 }) };
    }
    const slice = sorted.slice(start, start + maxResults);
    const last = slice[slice.length - 1];
    const pageItems = slice.map((entry) => entry.item);
    return start + maxResults < sorted.length && last !== undefined
      ? { items: pageItems, nextToken: encodeToken({ q: query, a: last.key, p: page + 1 }) }
      : { items: pageItems };
  }

  /** A page as output members: the token member is absent (not null) on the last page. */
  output<T>(member: string, page: Page<T>, view: (item: T) => unknown = (item) => item): Record<string, unknown> {
    return { [member]: page.items.map(view), ...(page.nextToken ? { [this.rules.nextTokenMember]: page.nextToken } : {}) };
  }

  private maxResults(input: Input): number {
    const maxResults = optNum(input, this.rules.maxResultsMember);
    if (maxResults === undefined) return this.rules.defaultMaxResults;
    if (maxResults < 1) throw this.rules.invalidParameter(`${this.rules.maxResultsMember} must be at least 1, got ${maxResults}`);
    return maxResults;
  }

  private queryOf(operation: string, input: Input): string {
    const { [this.rules.nextTokenMember]: _token, [this.rules.maxResultsMember]: _max, ...query } = input;
    return hashOf([operation, query]).slice(0, 16);
  }

  private readToken(input: Input, query: string): Omit<Token, 'q'> {
    const token = optStr(input, this.rules.nextTokenMember);
    if (token === undefined) return { a: null, p: 0 };
    const payload = decodeToken(token);
    if (!payload || payload.q !== query) throw this.rules.invalidToken();
    return payload;
  }
}

function encodeToken(token: Token): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function decodeToken(text: string): Token | undefined {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<Token>;
    const validAfter = value.a === null || typeof value.a === 'string';
    const validPage = typeof value.p === 'number' && Number.isInteger(value.p) && value.p > 0;
    return typeof value.q === 'string' && validAfter && validPage ? (value as Token) : undefined;
  } catch {
    return undefined;
  }
}

function firstAfter(sorted: readonly { key: string }[], after: string): number {
  const index = sorted.findIndex((entry) => compareText(entry.key, after) > 0);
  return index === -1 ? sorted.length : index;
}
