// One change of a plan as text: a comment saying what happens and why, the address, then its fields.
import type { FieldDiff, ResourceChange } from '../plan/types.js';
import type { Paint, Style } from './ansi.js';
import { actionLook, ARROW, fieldLook, WARNING_MARK } from './symbols.js';
import { fieldsOf, jsonLiteral } from './values.js';

const INDENT = '  ';
/** Symbols are right-aligned in this width, so that addresses line up under `-/+` (as Terraform does). */
const SYMBOL_WIDTH = 3;

export function alignedSymbol(look: { symbol: string; style: Style }, paint: Paint): string {
  return ' '.repeat(Math.max(0, SYMBOL_WIDTH - look.symbol.length)) + paint(look.style, look.symbol);
}
const FIELD_INDENT = '      ';

export function renderChange(change: ResourceChange, paint: Paint): string[] {
  const look = actionLook(change.action);
  const why = change.reasons.length > 0 ? `: ${change.reasons.join('; ')}` : '';
  const arn = change.arn ? paint('dim', ` (${change.arn})`) : '';
  return [
    INDENT + paint('bold', `# ${change.address} ${look.future}`) + why,
    alignedSymbol(look, paint) + ` ${change.address}` + arn,
    ...fieldLines(change, paint),
    ...change.warnings.map((w) => FIELD_INDENT + paint('yellow', `${WARNING_MARK} ${w}`)),
  ];
}

function fieldLines(change: ResourceChange, paint: Paint): string[] {
  switch (change.action) {
    case 'create':
      return change.after ? fieldsOf(change.after).map((f) => diffLine({ path: f.path, before: null, after: f.value }, paint)) : [];
    case 'update':
    case 'replace':
      return change.diff.map((d) => diffLine(d, paint));
    case 'delete':
    case 'no-op':
      return [];
  }
}

function diffLine(diff: FieldDiff, paint: Paint): string {
  const look = fieldLook(diff);
  const value = look.symbol === '+' ? jsonLiteral(diff.after)
    : look.symbol === '-' ? jsonLiteral(diff.before)
    : `${jsonLiteral(diff.before)} ${ARROW} ${jsonLiteral(diff.after)}`;
  const forces = diff.forcesReplacement ? '  ' + paint('red', '# forces replacement') : '';
  return FIELD_INDENT + paint(look.style, look.symbol) + ` ${diff.path}: ${value}${forces}`;
}
