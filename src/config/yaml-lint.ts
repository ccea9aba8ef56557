// Structural checks on the YAML tree that the parser does not make: keys that could reach JavaScript
// prototypes, duplicate keys (with both places named), tags beyond plain YAML, and dangling aliases.
import { isAlias, isScalar, visit, type Node, type Pair, type YAMLMap } from 'yaml';
import { errorAtNode, nodePosition, type ParsedDocument } from './document.js';
import type { Diagnostic } from '../errors/index.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

export function lintYaml(pd: ParsedDocument): Diagnostic[] {
  // Pushed one by one: a mapping may hold more duplicate keys than a call may take spread arguments.
  const found: Diagnostic[] = [];
  visit(pd.doc, {
    Map: (_, map) => lintKeys(pd, map, found),
    Scalar: (_, node) => lintTag(pd, node, found),
    Seq: (_, node) => lintTag(pd, node, found),
  });
  danglingAliases(pd, found);
  return found;
}

/**
 * Aliases with no anchor before them, in one pass: yaml's own Alias.resolve scans the whole document
 * for each alias, which would make this quadratic.
 */
function danglingAliases(pd: ParsedDocument, found: Diagnostic[]): void {
  const anchors = new Set<string>();
  visit(pd.doc, {
    Node: (_, node) => {
      if (!isAlias(node)) {
        if (node.anchor !== undefined) anchors.add(node.anchor);
      } else if (!anchors.has(node.source)) {
        found.push(errorAtNode(pd, node, {
          code: 'UNKNOWN_ALIAS',
          message: `alias "*${node.source}" refers to no anchor`,
          hint: `define "&${node.source}" before its first use`,
        }));
      }
    },
  });
}

function lintKeys(pd: ParsedDocument, map: YAMLMap, found: Diagnostic[]): void {
  lintTag(pd, map, found);
  const seen = new Map<string, Node>();
  for (const pair of map.items as Pair<Node, Node>[]) {
    const key = keyText(pair.key);
    if (key === undefined) {
      found.push(errorAtNode(pd, pair.key, { code: 'COMPLEX_KEY', message: 'keys must be plain strings' }));
      continue;
    }
    if (FORBIDDEN_KEYS.has(key)) found.push(forbiddenKey(pd, pair.key, key));
    const first = seen.get(key);
    if (first === undefined) seen.set(key, pair.key);
    else found.push(duplicateKey(pd, pair.key, key, first));
  }
}

function keyText(key: Node | null): string | undefined {
  if (!isScalar(key) || key.value === null || typeof key.value === 'object') return undefined;
  return String(key.value);
}

function forbiddenKey(pd: ParsedDocument, node: Node, key: string): Diagnostic {
  return errorAtNode(pd, node, {
    code: 'FORBIDDEN_KEY',
    message: `key "${key}" is not allowed`,
    hint: '"__proto__", "constructor" and "prototype" could alter JavaScript objects and are never valid fields',
  });
}

function duplicateKey(pd: ParsedDocument, node: Node, key: string, first: Node): Diagnostic {
  return errorAtNode(pd, node, {
    code: 'DUPLICATE_KEY',
    message: `duplicate key "${key}"`,
    hint: `first set at line ${nodePosition(pd, first).line}; a key may appear once per mapping`,
  });
}

function lintTag(pd: ParsedDocument, node: Node, found: Diagnostic[]): void {
  if (node.tag === undefined || CORE_TAGS.has(node.tag)) return;
  found.push(errorAtNode(pd, node, {
    code: 'UNSUPPORTED_TAG',
    message: `unsupported YAML tag "${node.tag}"`,
    hint: 'only plain YAML (strings, numbers, booleans, lists, mappings) is read; remove the tag',
  }));
}
