// From a JSON path (ajv's instancePath, split) back to the YAML node, and so to file:line:column.
import * as yamlModule from 'yaml';
import type { Node, Pair } from 'yaml';
import type { Diagnostic } from '../errors/index.js';
import { errorAtNode, type ParsedDocument } from './document.js';
import { describeSchemaError, isNoise } from './schema/messages.js';
import type { ErrorObject } from 'ajv';

const yaml = () => yamlModule;

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
  const { isAlias, isMap, isScalar, isSeq } = yaml();
  const node = isAlias(parent) ? ((parent.resolve(pd.doc) as Node | undefined) ?? null) : parent;
  if (isMap(node)) {
    const pair = (node.items as Pair<Node, Node | null>[]).find((p) => isScalar(p.key) && String(p.key.value) === segment);
    return pair === undefined ? undefined : { node: pair.value ?? pair.key, key: pair.key };
  }
  if (isSeq(node)) {
    const item = node.items[Number(segment)] as Node | undefined;
    return item === undefined ? undefined : { node: item };
  }
  return undefined;
}

/** One diagnostic per meaningful schema error, each at the node it is about; duplicates removed. */
export function schemaDiagnostics(pd: ParsedDocument, errors: readonly ErrorObject[]): Diagnostic[] {
  const seen = new Set<string>();
  const found: Diagnostic[] = [];
  for (const error of errors.filter((e) => !isNoise(e))) {
    const diagnostic = locateSchemaError(pd, error);
    const key = `${diagnostic.line}:${diagnostic.column}:${diagnostic.message}`;
    if (!seen.has(key)) found.push(diagnostic);
    seen.add(key);
  }
  return found;
}

function locateSchemaError(pd: ParsedDocument, error: ErrorObject): Diagnostic {
  const problem = describeSchemaError(error, (path) => scalarSource(locatePath(pd, path).node));
  const located = locatePath(pd, problem.path);
  const at = problem.atKey ? located.key ?? located.node : located.node;
  return errorAtNode(pd, at, { code: problem.code, message: problem.message, hint: problem.hint, field: problem.field });
}

function scalarSource(node: Node | null): string | undefined {
  return yaml().isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
}
