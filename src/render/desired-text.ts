// The desired-state changes of a reviewed change (`plan --base`) as text: printed before the plan itself.
import type { DesiredChanges, DesiredDocumentChange, DesiredDocumentStatus } from '../plan/desired-diff.js';
import type { FieldDiff } from '../plan/types.js';
import { painter, type Paint, type Style } from './ansi.js';
import { ARROW, fieldLook } from './symbols.js';
import { jsonLiteral } from './values.js';

export interface DesiredTextOptions {
  readonly color: boolean;
}

export interface DocumentLook {
  readonly symbol: string;
  readonly style: Style;
  /** The status in words, e.g. "added". */
  readonly word: string;
}

export function documentLook(status: DesiredDocumentStatus): DocumentLook {
  switch (status) {
    case 'added':
      return { symbol: '+', style: 'green', word: 'added' };
    case 'removed':
      return { symbol: '-', style: 'red', word: 'removed' };
    case 'changed':
      return { symbol: '~', style: 'yellow', word: 'changed' };
    case 'moved':
      return { symbol: ARROW, style: 'cyan', word: 'moved' };
  }
}

/** Where the document is (or was), in words: "in b.yaml", "from a.yaml", "from a.yaml to b.yaml", "in b.yaml (moved from a.yaml)". */
export function describeLocation(change: DesiredDocumentChange): string {
  const file = change.file ?? 'an unknown file';
  if (change.status === 'removed') return `from ${file}`;
  if (change.previousFile === undefined) return `in ${file}`;
  return change.status === 'moved' ? `from ${change.previousFile} to ${file}` : `in ${file} (moved from ${change.previousFile})`;
}

/** One field as `~ path: before → after`, `+ path: after` or `- path: before`, without indentation. */
export function fieldLine(diff: FieldDiff, paint: Paint): string {
  const look = fieldLook(diff);
  const value = look.symbol === '+' ? jsonLiteral(diff.after)
    : look.symbol === '-' ? jsonLiteral(diff.before)
    : `${jsonLiteral(diff.before)} ${ARROW} ${jsonLiteral(diff.after)}`;
  const forces = diff.forcesReplacement ? '  ' + paint('red', '# forces replacement') : '';
  return paint(look.style, look.symbol) + ` ${diff.path}: ${value}${forces}`;
}

/** Project settings first (they affect every document), then documents by address; ends with a newline. */
export function renderDesiredChangesText(changes: DesiredChanges, options: DesiredTextOptions): string {
  const paint = painter(options.color);
  if (changes.documents.length === 0 && changes.project.length === 0) return 'No changes to the desired state.\n';
  const lines = [
    paint('bold', 'Changes to the desired state:'),
    ...projectLines(changes.project, paint),
    ...changes.documents.flatMap((d) => documentLines(d, paint)),
  ];
  return lines.join('\n') + '\n';
}

const INDENT = '  ';
const FIELD_INDENT = '      ';

function projectLines(diff: readonly FieldDiff[], paint: Paint): string[] {
  if (diff.length === 0) return [];
  return [INDENT + paint('yellow', '~') + ' project settings changed', ...diff.map((d) => FIELD_INDENT + fieldLine(d, paint))];
}

function documentLines(change: DesiredDocumentChange, paint: Paint): string[] {
  const look = documentLook(change.status);
  const head = `${INDENT}${paint(look.style, look.symbol)} ${change.address} ${look.word} ${describeLocation(change)}`;
  return [head, ...change.diff.map((d) => FIELD_INDENT + fieldLine(d, paint))];
}
