// The limits that keep reading YAML linear in the size of the file, checked on yaml's concrete syntax tree
// (the Parser's tokens, itself built in linear time) before any document is composed or converted to values.
// What they refuse is never needed in desired state but costs the yaml library more than linear time:
// - mapping keys that are collections (`? - a`, `? ? x`, `[a]: b`, `{a: 1}: b`), which yaml turns into
//   strings when it builds values: nested ones take time growing as n⁴ (910 bytes take 13 s);
// - keys written as aliases (`*a: b`), which stand for whatever the anchor holds, collections included;
// - collections nested deeper than MAX_DEPTH, since composing, converting and linting recurse per level;
// - more than MAX_ALIAS_COUNT aliases in a document, since yaml resolves each alias by a scan of the
//   document's anchors (quadratic in their number), besides expanding them ("billion laughs").
// Each walk stops descending where it refuses, so the check itself is linear and recurses at most MAX_DEPTH.
import type { CST } from 'yaml';
import type { Problem } from './document.js';

/**
 * Aliases per document, and nodes an alias may expand to. Anchors are handy for sharing a principal list,
 * but a handful is all anyone needs; a low cap defeats "billion laughs" documents before they expand.
 */
export const MAX_ALIAS_COUNT = 50;

/** Nesting of collections, block or flow. Real documents nest a handful of levels. */
export const MAX_DEPTH = 100;

export interface Refusal {
  /** Offset in the text of what is refused. */
  readonly offset: number;
  readonly problem: Problem;
}

/**
 * Offset of the bracket that opens flow nesting beyond MAX_DEPTH, checked before the parser sees the
 * text: its lexer slows down on thousands of open brackets. Brackets inside strings count too: a false
 * alarm needs a hundred unclosed ones.
 */
export function deepFlowNesting(text: string): Refusal | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) depth++;
    else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
    if (depth > MAX_DEPTH) return { offset: i, problem: tooDeep };
  }
  return undefined;
}

/** What one document of the parser's output does beyond the limits; empty when it may be composed. */
export function documentRefusals(document: CST.Document): Refusal[] {
  const walk = new LimitWalk();
  walk.token(document.value, 0);
  return walk.found;
}

type Item = CST.BlockMap['items'][number] | CST.CollectionItem;

class LimitWalk {
  readonly found: Refusal[] = [];
  private aliases = 0;
  private nestingReported = false;

  token(token: CST.Token | null | undefined, depth: number): void {
    if (token === null || token === undefined) return;
    switch (token.type) {
      case 'alias':
        this.alias(token);
        return;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        this.collection(token, depth + 1);
        return;
      default:
        // Scalars, and the error tokens of broken syntax, which composing reports.
        return;
    }
  }

  private collection(token: CST.BlockMap | CST.BlockSequence | CST.FlowCollection, depth: number): void {
    if (depth > MAX_DEPTH) {
      // One report per document: what lies deeper is not looked at.
      if (!this.nestingReported) this.found.push({ offset: token.offset, problem: tooDeepBlocks });
      this.nestingReported = true;
      return;
    }
    for (const item of token.items as Item[]) {
      this.key(item.key, depth);
      this.token(item.value, depth);
    }
  }

  private key(key: CST.Token | null | undefined, depth: number): void {
    if (key?.type === 'block-map' || key?.type === 'block-seq' || key?.type === 'flow-collection') {
      this.found.push({ offset: key.offset, problem: complexKey(key) });
    } else if (key?.type === 'alias') {
      this.found.push({ offset: key.offset, problem: aliasKey(key.source) });
    } else {
      this.token(key, depth);
    }
  }

  private alias(token: CST.FlowScalar): void {
    this.aliases++;
    if (this.aliases === MAX_ALIAS_COUNT + 1) this.found.push({ offset: token.offset, problem: tooManyAliases });
  }
}

const tooDeep: Problem = {
  code: 'NESTING_LIMIT',
  message: `collections nested more than ${MAX_DEPTH} levels deep`,
};

/** Block nesting is also what the parser makes of a long run of lines it cannot read. */
const tooDeepBlocks: Problem = {
  ...tooDeep,
  hint: 'desired state nests a few levels; check the lines above for YAML syntax errors, such as "a: b: c" or uneven indentation',
};

const tooManyAliases: Problem = {
  code: 'ALIAS_LIMIT',
  message: `more than ${MAX_ALIAS_COUNT} aliases in one document`,
  hint: 'write the values out, or share fewer of them through anchors',
};

function complexKey(key: CST.BlockMap | CST.BlockSequence | CST.FlowCollection): Problem {
  const mapping = key.type === 'block-map' || (key.type === 'flow-collection' && key.start.source === '{');
  return {
    code: 'COMPLEX_KEY',
    message: `a mapping key must be a string, not a ${mapping ? 'mapping' : 'list'}`,
    hint: 'write the key as plain text; quote it if it starts with "[", "{" or "?"',
  };
}

function aliasKey(source: string): Problem {
  const alias = source.trim();
  return {
    code: 'COMPLEX_KEY',
    message: `a mapping key must be a string, not an alias ("${alias.length > 40 ? `${alias.slice(0, 40)}…` : alias}")`,
    hint: 'write the key out; aliases may stand for values only',
  };
}
