// The fast path for the common case, files of plain YAML. js-yaml reads them about four times faster than yaml
// in a fresh process (every CLI run is one), but keeps no node positions. So it reads a file only when its
// result is certain to be what yaml's would be, and anything it is not sure of goes to the full parser
// (parse.ts), which is the reference and the only source of diagnostics.
//
// Certain means: no tags, anchors, aliases, directives, complex keys or reserved indicators (a textual check,
// which may send harmless text to the full parser but never lets such text through); scalars resolved by
// yaml's own YAML 1.2 core rules (below); no duplicate keys (js-yaml throws on them); every document a mapping
// whose keys are plain, non-null and not prototype names; no tab or carriage return anywhere.
import jsYaml from 'js-yaml';
import type { ParsedDocument, Position } from './document.js';

export interface FastDocument {
  readonly value: Record<string, unknown>;
  /** Where the document's contents start, as yaml reports `doc.contents.range[0]`. */
  readonly start: Position;
}

// Text the full parser must read: a token starting with an indicator it treats specially; a flow collection
// used as a key (js-yaml turns it into a string, yaml reports it); a document marker followed by content; a comment
// glued to a quoted scalar or flow collection; a byte-order mark, tab or carriage return. All rare in
// hand-written desired state, and harmless to send to the full parser when they are not what they look like.
const NEEDS_FULL_PARSER = /[\t\r\uFEFF]|(?:^|[\s[\]{},])[!&*?%@`]|[\]}] *:|^(?:---|\.\.\.)(?:\S| +[^\s#])|["'\]}]#/m;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// yaml's core null; as a key, lintYaml reports it and js-yaml would turn it into the string "null".
const NULL_FORM = /^(?:~|[Nn]ull|NULL)?$/;

/**
 * yaml's core schema (yaml/dist/schema/core), so that a plain scalar means the same to both parsers. js-yaml keeps
 * one type per tag, so each tag's forms are tried in yaml's order by a single type.
 */
const NUMBER_START = '-+.0123456789';
const CORE_SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    scalarType('null', '~nN', [[NULL_FORM, () => null]]),
    scalarType('bool', 'tTfF', [[/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T']]),
    scalarType('int', NUMBER_START, [
      [/^0o[0-7]+$/, (s) => parseInt(s.substring(2), 8)],
      [/^[-+]?[0-9]+$/, (s) => parseInt(s, 10)],
      [/^0x[0-9a-fA-F]+$/, (s) => parseInt(s.substring(2), 16)],
    ]),
    scalarType('float', NUMBER_START, [
      [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (s) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity)],
      [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, parseFloat],
      [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, parseFloat],
    ]),
  ],
});

type Form = readonly [RegExp, (s: string) => unknown];

/** `starts`: the first characters the forms allow (the empty string always goes to the tests), a cheap filter. */
function scalarType(name: string, starts: string, forms: readonly Form[]) {
  const formOf = (data: unknown) => {
    if (typeof data !== 'string' || (data !== '' && !starts.includes(data[0]!))) return undefined;
    return forms.find(([test]) => test.test(data));
  };
  return new jsYaml.Type(`tag:yaml.org,2002:${name}`, {
    kind: 'scalar',
    resolve: (data: unknown) => formOf(data) !== undefined,
    construct: (data: string) => formOf(data)![1](data),
  });
}

/** The documents of a text, or null when only the full parser may read it. */
export function fastParse(text: string): FastDocument[] | null {
  if (NEEDS_FULL_PARSER.test(text)) return null;
  const starts: Position[] = [];
  let depth = 0;
  let warned = false;
  let values: unknown[];
  try {
    values = jsYaml.loadAll(text, undefined, {
      schema: CORE_SCHEMA,
      onWarning: () => { warned = true; },
      listener: (event, state) => {
        // A document's root opens at depth 0, after the separator and comments are skipped: its first character.
        if (event === 'open' && depth === 0) starts.push({ line: state.line + 1, column: state.position - state.lineStart + 1 });
        depth += event === 'open' ? 1 : -1;
      },
    });
  } catch {
    return null;
  }
  if (warned || values.length === 0 || values.length !== starts.length || !values.every(isPlainMapping)) return null;
  return values.map((value, i) => ({ value: value as Record<string, unknown>, start: starts[i]! }));
}

function isPlainMapping(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && hasPlainKeys(value);
}

function hasPlainKeys(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(hasPlainKeys);
  if (typeof value !== 'object' || value === null) return true;
  return Object.entries(value).every(([key, child]) => !FORBIDDEN_KEYS.has(key) && !NULL_FORM.test(key) && hasPlainKeys(child));
}

/** Thrown by a positionless document asked for its YAML nodes: only the full parser can answer, so it reads again. */
export class NeedsPositions extends Error {
  constructor() {
    super('internal: a document read by the fast parser was asked for positions');
    this.name = 'NeedsPositions';
  }
}

/** A document as the checks see it, without the yaml nodes: any check that reaches for them sends the load to yaml. */
export function positionlessDocument(file: string, displayFile: string, fast: FastDocument): ParsedDocument {
  return {
    file, displayFile, value: fast.value, ok: true, start: fast.start,
    get doc(): never { throw new NeedsPositions(); },
    get lines(): never { throw new NeedsPositions(); },
  };
}
