// A parsed YAML document together with what is needed to point diagnostics back into its file: positions,
// located error diagnostics, and the way from a field's path (ajv's instancePath, split) back to its node.
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Diagnostic } from '../errors/index.js';

export interface ParsedDocument {
  /** Path as listed by the source. */
  readonly file: string;
  /** Path as diagnostics show it (`REF:path` for git). */
  readonly displayFile: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  /** The document as plain data; best effort (possibly undefined) when not `ok`. */
  readonly value: unknown;
  /** False when the YAML itself is broken; such documents are reported but not validated further. */
  readonly ok: boolean;
  /** Where the document's contents start (its own start when it has none): the resource's position in plans. */
  readonly start: Position;
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

export type Problem = Pick<Diagnostic, 'code' | 'message' | 'hint' | 'field'>;

export function positionAt(lines: LineCounter, offset: number): Position {
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

/** Line and column (1-based) of an offset in a text, for problems found before there is a parse. */
export function positionInText(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** Where a node starts; a document without contents points at the document itself. */
export function nodePosition(pd: ParsedDocument, node: Node | null | undefined): Position {
  const offset = node?.range?.[0] ?? pd.doc.range[0];
  return positionAt(pd.lines, offset);
}

/** An error diagnostic; file-level problems have no position, source-level ones no file. */
export function errorAt(displayFile: string | undefined, position: Position | undefined, problem: Problem): Diagnostic {
  return withoutUndefined({ severity: 'error', file: displayFile, ...position, ...problem });
}

export function errorAtNode(pd: ParsedDocument, node: Node | null | undefined, problem: Problem): Diagnostic {
  return errorAt(pd.displayFile, nodePosition(pd, node), problem);
}

/** Diagnostics are compared with deep equality in tests and serialised as JSON: no undefined members. */
function withoutUndefined(diagnostic: Diagnostic): Diagnostic {
  return Object.fromEntries(Object.entries(diagnostic).filter(([, v]) => v !== undefined)) as unknown as Diagnostic;
}

/** "file:line:column", as used in hints that point at another place. */
export function describePosition(displayFile: string, position: Position): string {
  return `${displayFile}:${position.line}:${position.column}`;
}

export interface Located {
  /** The deepest node reached: the value at the path, or its nearest existing ancestor. */
  readonly node: Node | null;
  /** The key node of the last segment, when the path ends inside a mapping. */
  readonly key?: Node;
}

export function locatePath(pd: ParsedDocument, path: readonly string[]): Located {
  let located: Located = { node: pd.doc.contents };
  for (const segment of path) {
    const next = child(pd, located.node, segment);
    if (next === undefined) return located;
    located = next;
  }
  return located;
}

/** An alias on the path is followed to its anchor; an alias at the end is reported where it is written. */
function child(pd: ParsedDocument, parent: Node | null, segment: string): Located | undefined {
  const node = isAlias(parent) ? ((parent.resolve(pd.doc) as Node | undefined) ?? null) : parent;
  if (isMap(node)) {
    const pair = pairsByKey(node).get(segment);
    return pair === undefined ? undefined : { node: pair.value ?? pair.key, key: pair.key };
  }
  if (isSeq(node)) {
    const item = node.items[Number(segment)] as Node | undefined;
    return item === undefined ? undefined : { node: item };
  }
  return undefined;
}

/**
 * A mapping's pairs by key text, the first of each key, built once per mapping: a document with many
 * problems in one large mapping is located in linear time, not a search of the mapping per problem.
 */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair<Node, Node | null>>>();

function pairsByKey(map: YAMLMap): Map<string, Pair<Node, Node | null>> {
  let index = pairIndex.get(map);
  if (index === undefined) {
    index = new Map();
    for (const pair of map.items as Pair<Node, Node | null>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key !== undefined && !index.has(key)) index.set(key, pair);
    }
    pairIndex.set(map, index);
  }
  return index;
}

/** A diagnostic at a field of the document; `atKey` points at the key rather than the value. */
export function errorAtPath(pd: ParsedDocument, path: readonly string[], problem: Problem, atKey = false): Diagnostic {
  const located = locatePath(pd, path);
  return errorAtNode(pd, atKey ? located.key ?? located.node : located.node, problem);
}
