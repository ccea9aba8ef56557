// The desired-state changes of a reviewed change (`plan --base`) as text: printed before the plan itself.
import type { DesiredChanges, DesiredDocumentChange } from '../plan/desired-diff.js';
import type { FieldDiff } from '../plan/types.js';
import { type ColorOptions, documentLook, type Paint, painter } from './symbols.js';
import { describeLocation, fieldLine } from './values.js';

const INDENT = '  ';
const FIELD_INDENT = '      ';

/** Project settings first (they affect every document), then documents by address; ends with a newline. */
export function renderDesiredChangesText(changes: DesiredChanges, options: ColorOptions): string {
  const paint = painter(options.color);
  if (changes.documents.length === 0 && changes.project.length === 0) return 'No changes to the desired state.\n';
  const lines = [
    paint('bold', 'Changes to the desired state:'),
    ...projectLines(changes.project, paint),
    ...changes.documents.flatMap((d) => documentLines(d, paint)),
  ];
  return lines.join('\n') + '\n';
}

function projectLines(diff: readonly FieldDiff[], paint: Paint): string[] {
  if (diff.length === 0) return [];
  return [INDENT + paint('yellow', '~') + ' project settings changed', ...diff.map((d) => FIELD_INDENT + fieldLine(d, paint))];
}

function documentLines(change: DesiredDocumentChange, paint: Paint): string[] {
  const look = documentLook(change.status);
  const head = `${INDENT}${paint(look.style, look.symbol)} ${change.address} ${look.word} ${describeLocation(change)}`;
  return [head, ...change.diff.map((d) => FIELD_INDENT + fieldLine(d, paint))];
}
