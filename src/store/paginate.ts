// NextToken loops. License Manager ships no SDK paginators, and RAM may answer an empty page that still
// carries a token, so pages are followed until the token is absent, never until a page is empty.
import { LicensectlError } from '../errors/index.js';

export interface Page<T> {
  readonly items: readonly T[] | undefined;
  readonly nextToken: string | undefined;
}

const MAX_PAGES = 10_000;

export async function collectPages<T>(operation: string, fetch: (token: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await fetch(token);
    all.push(...(result.items ?? []));
    if (!result.nextToken) return all;
    if (result.nextToken === token) break;
    token = result.nextToken;
  }
  throw new LicensectlError('PAGINATION_LOOP', `${operation} kept returning pages without end`, {
    hint: 'the service returned the same NextToken twice or too many pages; try again, and report it if it persists',
  });
}
