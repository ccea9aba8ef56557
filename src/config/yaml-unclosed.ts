// An unclosed quote or flow bracket, reported where it opens. yaml reports such a mistake where it gave up,
// often the end of the file, because a quoted string runs on over the following lines (and documents) and a flow
// collection swallows whatever follows it; the line to fix is where the quote or bracket opens. The opening is
// found on the parser's tokens of the broken document, and the diagnostic names both places.
import type { CST, LineCounter, YAMLError } from 'yaml';
import type { Diagnostic } from '../errors/index.js';
import { errorAt, positionAt } from './document.js';

/** What is left open: a quoted scalar or a flow collection, at the offset of its opening character. */
interface Opening {
  readonly offset: number;
  readonly what: 'double quote' | 'single quote' | 'bracket' | 'brace';
  readonly close: string;
}

/** yaml's errors for a quote or flow collection that does not end where it should. */
function isUnclosedError(error: YAMLError): boolean {
  return error.code === 'MISSING_CHAR' || (error.code === 'BAD_INDENT' && /must be sufficiently indented and end with/.test(error.message));
}

/**
 * The diagnostic for `error` when it is about an unclosed quote or flow collection of `document`: located at the
 * opening, its hint saying where parsing stopped. undefined for any other error.
 */
export function unclosedDiagnostic(displayFile: string, text: string, lines: LineCounter, document: CST.Document | undefined, error: YAMLError): Diagnostic | undefined {
  if (document === undefined || !isUnclosedError(error)) return undefined;
  const opening = openingOf(document);
  if (opening === undefined) return undefined;
  const at = positionAt(lines, opening.offset);
  const stopped = positionAt(lines, error.pos[0]);
  const where = `line ${stopped.line}, column ${stopped.column}${error.pos[0] >= text.trimEnd().length ? ' (the end of the file)' : ''}`;
  const quote = opening.what.endsWith('quote');
  return errorAt(displayFile, at, {
    code: quote ? 'UNCLOSED_QUOTE' : 'UNCLOSED_BRACKET',
    message: quote
      ? `unclosed ${opening.what}: the string opened here never ends`
      : `unclosed ${opening.what}: the ${opening.what === 'bracket' ? 'list' : 'mapping'} opened here is not closed with ${opening.close}`,
    hint: quote
      ? `parsing stopped at ${where}; end the string with ${opening.close}`
      : `parsing stopped at ${where}; close it with ${opening.close}, or write it as a block ${opening.what === 'bracket' ? 'list' : 'mapping'}`,
  });
}

/**
 * The first unclosed quote (it swallows everything after it, so it is the mistake), else the innermost unclosed
 * flow collection (the last one opened: `[1, {a: 1]` leaves the brace open, and the bracket only with it).
 */
function openingOf(document: CST.Document): Opening | undefined {
  const found: Opening[] = [];
  collect(document.value, found);
  const quote = found.find((o) => o.what.endsWith('quote'));
  if (quote !== undefined) return quote;
  return found.reduce<Opening | undefined>((last, o) => (last === undefined || o.offset > last.offset ? o : last), undefined);
}

/** Recursion is bounded: the document passed yaml-limits' nesting limit before it was composed. */
function collect(token: CST.Token | null | undefined, found: Opening[]): void {
  if (token === null || token === undefined) return;
  switch (token.type) {
    case 'double-quoted-scalar':
      if (!closedDoubleQuote(token.source)) found.push({ offset: token.offset, what: 'double quote', close: '"' });
      return;
    case 'single-quoted-scalar':
      if (!closedSingleQuote(token.source)) found.push({ offset: token.offset, what: 'single quote', close: "'" });
      return;
    case 'flow-collection': {
      const brace = token.start.source === '{';
      const closer = brace ? 'flow-map-end' : 'flow-seq-end';
      if (!token.end.some((t) => t.type === closer)) found.push({ offset: token.offset, what: brace ? 'brace' : 'bracket', close: brace ? '}' : ']' });
      for (const item of token.items) itemTokens(item, found);
      return;
    }
    case 'block-map':
    case 'block-seq':
      for (const item of token.items) itemTokens(item, found);
      return;
    default:
      return;
  }
}

function itemTokens(item: CST.CollectionItem, found: Opening[]): void {
  collect(item.key, found);
  collect(item.value, found);
}

/** `"…"` ends with a quote that no backslash escapes (an even run of backslashes before it). */
function closedDoubleQuote(source: string): boolean {
  if (source.length < 2 || !source.endsWith('"')) return false;
  const backslashes = /\\*$/.exec(source.slice(1, -1))![0].length;
  return backslashes % 2 === 0;
}

/** `'…'` ends with an odd run of quotes after the opening one: `''` inside is an escaped quote. */
function closedSingleQuote(source: string): boolean {
  const run = /'*$/.exec(source.slice(1))![0].length;
  return run % 2 === 1;
}
