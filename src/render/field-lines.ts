// One field's change as lines, in the two forms the renderers print: Terraform-like for the terminal
// (`~ licenseCount: 128 → 256`, element and line edits nested under `~ principals:`), and for a ```diff block in a
// pull-request comment, where every changed line starts with `+` or `-` so that GitHub colours it. Paths and values
// come from fieldChanges: document spelling, lists element by element, long strings line by line.
import { type Edit, type FieldChange, fieldChanges } from '../plan/field-changes.js';
import type { FieldDiff } from '../plan/types.js';
import { printable } from '../util/safe-text.js';
import { ARROW, fieldLook, type Paint, type Style } from './symbols.js';
import { jsonLiteral } from './values.js';
import { plural } from '../util/words.js';

/** Elements and lines sit this much deeper than their field. */
const NESTED = '    ';
/** Kept lines shown on each side of a changed line; longer runs of kept lines are counted, not shown. */
const CONTEXT_LINES = 2;
const FORCES = '# forces replacement';

/** Terminal lines of one field diff, without indentation; coloured by `paint`. */
export function textFieldLines(diff: FieldDiff, paint: Paint): string[] {
  const forces = diff.forcesReplacement ? '  ' + paint('red', FORCES) : '';
  return fieldChanges(diff).flatMap((change) => textLines(change, paint, forces));
}

function textLines(change: FieldChange, paint: Paint, forces: string): string[] {
  const look = fieldLook(change);
  const head = paint(look.style, look.symbol) + ` ${printable(change.path)}:`;
  const edit = (op: Edit<unknown>['op'], text: string) => NESTED + (op === ' ' ? ' ' : paint(opStyle(op), op)) + ` ${text}`;
  switch (change.type) {
    case 'value': {
      const value = look.symbol === '+' ? jsonLiteral(change.after)
        : look.symbol === '-' ? jsonLiteral(change.before)
        : `${jsonLiteral(change.before)} ${ARROW} ${jsonLiteral(change.after)}`;
      return [`${head} ${value}${forces}`];
    }
    case 'elements':
      return [head + forces, ...change.elements.map((e) => edit(e.op, jsonLiteral(e.value)))];
    case 'lines':
      return [head + forces, ...visibleLines(change.lines).map((l) => (typeof l === 'number' ? NESTED + paint('dim', hidden(l)) : edit(l.op, printable(l.value))))];
  }
}

/** Lines of one field diff for a ```diff block: `-` for what goes, `+` for what comes, a space for context. */
export function diffBlockLines(diff: FieldDiff): string[] {
  const forces = diff.forcesReplacement ? `  ${FORCES}` : '';
  return fieldChanges(diff).flatMap((change) => blockLines(change, forces));
}

function blockLines(change: FieldChange, forces: string): string[] {
  const path = change.path;
  const head = `${change.before === null ? '+' : change.after === null ? '-' : ' '} ${path}:${forces}`;
  switch (change.type) {
    case 'value':
      return [
        ...(change.before === null ? [] : [`- ${path}: ${jsonLiteral(change.before)}${change.after === null ? forces : ''}`]),
        ...(change.after === null ? [] : [`+ ${path}: ${jsonLiteral(change.after)}${forces}`]),
      ];
    case 'elements':
      return [head, ...change.elements.map((e) => `${e.op}   ${jsonLiteral(e.value)}`)];
    case 'lines':
      return [head, ...visibleLines(change.lines).map((l) => (typeof l === 'number' ? `    ${hidden(l)}` : `${l.op}   ${l.value}`))];
  }
}

function opStyle(op: '+' | '-'): Style {
  return op === '+' ? 'green' : 'red';
}

function hidden(count: number): string {
  return `# (${plural(count, 'unchanged line')} hidden)`;
}

/** The changed lines with CONTEXT_LINES kept lines around each; a run of kept lines left out becomes its count. */
export function visibleLines(lines: readonly Edit<string>[]): (Edit<string> | number)[] {
  const near = lines.map(() => false);
  lines.forEach((line, i) => {
    if (line.op === ' ') return;
    for (let j = Math.max(0, i - CONTEXT_LINES); j <= Math.min(lines.length - 1, i + CONTEXT_LINES); j++) near[j] = true;
  });
  const out: (Edit<string> | number)[] = [];
  for (let i = 0; i < lines.length; i++) {
    let end = i;
    while (end < lines.length && !near[end]) end++;
    // A single kept line takes no more room than saying it is hidden.
    if (end - i > 1) out.push(end - i);
    else if (end - i === 1) out.push(lines[i]!);
    if (end < lines.length) out.push(lines[end]!);
    i = end;
  }
  return out;
}
