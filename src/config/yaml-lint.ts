// Structural checks on the YAML tree that the parser does not make: keys that could reach JavaScript
// prototypes, duplicate keys (with both places named), tags beyond plain YAML, and dangling aliases.
import { isScalar, visit, type Node, type Pair, type YAMLMap } from 'yaml';
import { errorAtNode, nodePosition, type ParsedDocument } from './document.js';
import type { Diagnostic } from '../errors/index.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

export function lintYaml(pd: ParsedDocument): Diagnostic[] {
  const found: Diagnostic[] = [];
  visit(pd.doc, {
    Map: (_, map) => void found.push(...lintKeys(pd, map)),
    Scalar: (_, node) => void found.push(...lintTag(pd, node)),
    Seq: (_, node) => void found.push(...lintTag(pd, node)),
    Alias: (_, alias) => {
      if (alias.resolve(pd.doc) === undefined) {
        found.push(errorAtNode(pd, alias, {
          code: 'UNKNOWN_ALIAS',
          message: `alias "*${alias.source}" refers to no anchor`,
          hint: `define "&${alias.source}" before its first use`,
        }));
      }
    },
  });
  return found;
}

function lintKeys(pd: ParsedDocument, map: YAMLMap): Diagnostic[] {
  const found: Diagnostic[] = [...lintTag(pd, map)];
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
  return found;
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

function lintTag(pd: ParsedDocument, node: Node): Diagnostic[] {
  if (node.tag === undefined || CORE_TAGS.has(node.tag)) return [];
  return [errorAtNode(pd, node, {
    code: 'UNSUPPORTED_TAG',
    message: `unsupported YAML tag "${node.tag}"`,
    hint: 'only plain YAML (strings, numbers, booleans, lists, mappings) is read; remove the tag',
  })];
}
