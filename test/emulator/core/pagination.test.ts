import { describe, expect, it } from 'vitest';
import type { ServiceError } from '../../../src/emulator/core/service-contract.js';
import { pages as lmPages } from '../../../src/emulator/license-manager/conventions.js';
import { pages as ramPages } from '../../../src/emulator/ram/conventions.js';

const paginate = (operation: string, input: Record<string, unknown>, items: readonly string[], keyOf: (item: string) => string) =>
  ramPages.page(operation, input, items, keyOf);

const letters = (n: number): string[] => Array.from({ length: n }, (_, i) => String.fromCharCode(97 + i));

/** Follows nextToken to the end, re-reading `items()` before every page as a live service would. */
function pagesOf(items: () => string[], input: Record<string, unknown>): { pages: string[][]; tokens: string[] } {
  const pages: string[][] = [];
  const tokens: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = paginate('ListThings', { ...input, ...(nextToken ? { nextToken } : {}) }, items(), (item) => item);
    pages.push(page.items);
    nextToken = page.nextToken;
    if (nextToken) tokens.push(nextToken);
  } while (nextToken);
  return { pages, tokens };
}

describe('the paginator with RAM’s rules', () => {
  it('returns everything in key order on one page when it fits, with no token and no empty page', () => {
    expect(pagesOf(() => ['c', 'a', 'b'], { maxResults: 3 }).pages).toEqual([['a', 'b', 'c']]);
    expect(pagesOf(() => [], {}).pages).toEqual([[]]);
  });

  it('makes pages 1, 5, 9, … empty while results remain, and never the last page', () => {
    const { pages } = pagesOf(() => letters(12), { maxResults: 2 });
    expect(pages).toEqual([['a', 'b'], [], ['c', 'd'], ['e', 'f'], ['g', 'h'], [], ['i', 'j'], ['k', 'l']]);
    expect(pagesOf(() => letters(4), { maxResults: 2 }).pages).toEqual([['a', 'b'], [], ['c', 'd']]);
  });

  it('gives every page a different token', () => {
    const { tokens } = pagesOf(() => letters(12), { maxResults: 2 });
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('defaults to 50 items a page', () => {
    expect(pagesOf(() => letters(26).flatMap((a) => letters(2).map((b) => a + b)), {}).pages.map((page) => page.length)).toEqual([50, 0, 2]);
  });

  it('neither repeats nor skips items when items are added or removed between pages', () => {
    let items = ['b', 'd', 'f', 'h'];
    const first = paginate('ListThings', { maxResults: 2 }, items, (item) => item);
    items = ['a', 'c', 'd', 'f', 'h'];
    const empty = paginate('ListThings', { maxResults: 2, nextToken: first.nextToken }, items, (item) => item);
    const rest = paginate('ListThings', { maxResults: 2, nextToken: empty.nextToken }, items, (item) => item);
    expect([first.items, empty.items, rest.items]).toEqual([['b', 'd'], [], ['f', 'h']]);
    expect(rest.nextToken).toBeUndefined();
  });

  it('rejects tokens that are not its own or belong to another query or operation', () => {
    const token = paginate('ListThings', { maxResults: 1, owner: 'SELF' }, letters(3), (item) => item).nextToken;
    const attempts: [string, Record<string, unknown>][] = [
      ['ListThings', { owner: 'SELF', nextToken: 'not-a-token' }],
      ['ListThings', { owner: 'SELF', nextToken: Buffer.from('{"q":"x","a":null,"p":1}').toString('base64url') }],
      ['ListThings', { owner: 'OTHER-ACCOUNTS', nextToken: token }],
      ['ListOtherThings', { owner: 'SELF', nextToken: token }],
    ];
    for (const [operation, input] of attempts) {
      expect(() => paginate(operation, input, letters(3), (item) => item)).toThrow(
        expect.objectContaining({ type: 'InvalidNextTokenException' }) as ServiceError,
      );
    }
  });
});

describe('the paginator with License Manager’s rules', () => {
  it('never returns an empty page, defaults to 100 items a page and names the token NextToken', () => {
    const items = Array.from({ length: 150 }, (_, i) => String(i).padStart(3, '0'));
    const first = lmPages.page('ListThings', {}, items, (item) => item);
    const second = lmPages.page('ListThings', { NextToken: first.nextToken }, items, (item) => item);
    expect([first.items.length, second.items.length, second.nextToken]).toEqual([100, 50, undefined]);
    expect(Object.keys(lmPages.output('Things', first))).toEqual(['Things', 'NextToken']);
  });

  it('answers a token that is not its own with InvalidParameterValueException', () => {
    expect(() => lmPages.page('ListThings', { NextToken: 'page-2' }, letters(3), (item) => item)).toThrow(
      expect.objectContaining({ type: 'InvalidParameterValueException', message: 'Invalid NextToken' }) as ServiceError,
    );
  });
});
