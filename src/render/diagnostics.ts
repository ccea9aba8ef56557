// Diagnostics as compiler-style text (`file:line:column: error: message`, then an indented hint) and as
// JSON for --json. Pure: no I/O, colour only when asked for. File names, messages and hints are printed with
// their control characters escaped, so that one diagnostic is always one line (a file name cannot forge a
// second `file:line:col: error:` line for a CI annotation parser) and no text of the user's reaches the terminal
// as an escape sequence. Text shows at most MAX_SHOWN diagnostics, as compilers do; --json keeps them all.
import type { Diagnostic } from '../errors/index.js';
import { printable } from '../util/safe-text.js';
import { formatCount } from './markdown.js';
import { type ColorOptions, type Paint, painter } from './symbols.js';
import { plural } from '../util/words.js';

/** Diagnostics printed before the rest are only counted: a mistake repeated in 10,000 documents needs a few to be understood. */
export const MAX_SHOWN = 100;

/**
 * One line per diagnostic (plus its hint), in the order given, up to MAX_SHOWN; then a line counting the ones
 * left out, if any; then the count line. '' for none.
 */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], options: ColorOptions): string {
  if (diagnostics.length === 0) return '';
  return [...diagnosticLines(diagnostics, options), countLine(diagnostics)].join('\n');
}

/** The lines of renderDiagnostics without the count line: for diagnostics under a heading (a target that failed). */
export function diagnosticLines(diagnostics: readonly Diagnostic[], options: ColorOptions): string[] {
  const paint = painter(options.color);
  const lines = diagnostics.slice(0, MAX_SHOWN).flatMap((d) => renderOne(d, paint));
  const rest = diagnostics.slice(MAX_SHOWN);
  return [...lines, ...(rest.length > 0 ? [restLine(rest)] : [])];
}

function renderOne(diagnostic: Diagnostic, paint: Paint): string[] {
  const location = locationOf(diagnostic);
  const severity = paint(diagnostic.severity === 'error' ? 'red' : 'yellow', paint('bold', diagnostic.severity));
  const head = location === undefined ? '' : `${paint('bold', location)}: `;
  const line = `${head}${severity}: ${printable(diagnostic.message)}`;
  return diagnostic.hint === undefined ? [line] : [line, `  ${paint('cyan', 'hint:')} ${printable(diagnostic.hint)}`];
}

function locationOf({ file, line, column }: Diagnostic): string | undefined {
  if (file === undefined || file === '') return undefined;
  const name = printable(file);
  if (line === undefined) return name;
  return column === undefined ? `${name}:${line}` : `${name}:${line}:${column}`;
}

/** `… and 9,900 more errors (--json lists every one)`; never shaped like a diagnostic. */
function restLine(rest: readonly Diagnostic[]): string {
  const { errors, warnings } = counts(rest);
  return `… and ${nonZero(errors, warnings, 'more ').join(' and ')} (--json lists every one)`;
}

function countLine(diagnostics: readonly Diagnostic[]): string {
  const { errors, warnings } = counts(diagnostics);
  return nonZero(errors, warnings).join(', ');
}

/** `3 errors`, `1 warning` (after `prefix`, as in `2 more errors`), leaving out a count of none. */
function nonZero(errors: number, warnings: number, prefix = ''): string[] {
  const counts: [number, string][] = [[errors, `${prefix}error`], [warnings, `${prefix}warning`]];
  return counts.filter(([n]) => n > 0).map(([n, noun]) => plural(n, noun, `${noun}s`, formatCount));
}

function counts(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { errors, warnings: diagnostics.length - errors };
}

export interface DiagnosticsJson {
  readonly valid: boolean;
  readonly errorCount: number;
  readonly warningCount: number;
  readonly diagnostics: readonly Diagnostic[];
}

/** The --json view: counts, then every diagnostic with its members in a fixed order, absent ones omitted. */
export function diagnosticsToJson(diagnostics: readonly Diagnostic[]): DiagnosticsJson {
  const { errors, warnings } = counts(diagnostics);
  return { valid: errors === 0, errorCount: errors, warningCount: warnings, diagnostics: diagnostics.map(ordered) };
}

function ordered(d: Diagnostic): Diagnostic {
  const fields = {
    severity: d.severity, code: d.code, message: d.message, file: d.file,
    line: d.line, column: d.column, field: d.field, hint: d.hint,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as unknown as Diagnostic;
}
