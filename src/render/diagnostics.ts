// Diagnostics as compiler-style text (`file:line:column: error: message`, then an indented hint) and as
// JSON for --json. Pure: no I/O, colour only when asked for.
import type { Diagnostic } from '../errors/index.js';
import { type ColorOptions, type Paint, painter } from './symbols.js';

/** One line per diagnostic (plus its hint), in the order given, then a count line; '' for none. */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], options: ColorOptions): string {
  if (diagnostics.length === 0) return '';
  const paint = painter(options.color);
  const lines = diagnostics.flatMap((d) => renderOne(d, paint));
  return [...lines, countLine(diagnostics)].join('\n');
}

function renderOne(diagnostic: Diagnostic, paint: Paint): string[] {
  const location = locationOf(diagnostic);
  const severity = paint(diagnostic.severity === 'error' ? 'red' : 'yellow', paint('bold', diagnostic.severity));
  const head = location === undefined ? '' : `${paint('bold', location)}: `;
  const line = `${head}${severity}: ${diagnostic.message}`;
  return diagnostic.hint === undefined ? [line] : [line, `  ${paint('cyan', 'hint:')} ${diagnostic.hint}`];
}

function locationOf({ file, line, column }: Diagnostic): string | undefined {
  if (file === undefined || file === '') return undefined;
  if (line === undefined) return file;
  return column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
}

function countLine(diagnostics: readonly Diagnostic[]): string {
  const { errors, warnings } = counts(diagnostics);
  const parts = [plural(errors, 'error'), plural(warnings, 'warning')].filter((p) => p !== undefined);
  return parts.join(', ');
}

function plural(count: number, word: string): string | undefined {
  return count === 0 ? undefined : `${count} ${word}${count === 1 ? '' : 's'}`;
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
