// Diagnostics as compiler-style text (`file:line:column: error: message`, then an indented hint) and as
// JSON for --json. Pure: no I/O, colour only when asked for.
import type { Diagnostic } from '../errors/index.js';

export interface RenderDiagnosticsOptions {
  readonly color: boolean;
}

interface Styles {
  readonly location: (text: string) => string;
  readonly error: (text: string) => string;
  readonly warning: (text: string) => string;
  readonly hint: (text: string) => string;
}

const wrap = (open: string, close: string) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const PLAIN: Styles = { location: String, error: String, warning: String, hint: String };
const COLOR: Styles = {
  location: wrap('1', '22'),
  error: (text) => wrap('31', '39')(wrap('1', '22')(text)),
  warning: (text) => wrap('33', '39')(wrap('1', '22')(text)),
  hint: wrap('36', '39'),
};

/** One line per diagnostic (plus its hint), in the order given, then a count line; '' for none. */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], options: RenderDiagnosticsOptions): string {
  if (diagnostics.length === 0) return '';
  const styles = options.color ? COLOR : PLAIN;
  const lines = diagnostics.flatMap((d) => renderOne(d, styles));
  return [...lines, countLine(diagnostics)].join('\n');
}

function renderOne(diagnostic: Diagnostic, styles: Styles): string[] {
  const location = locationOf(diagnostic);
  const severity = styles[diagnostic.severity](diagnostic.severity);
  const head = location === undefined ? '' : `${styles.location(location)}: `;
  const line = `${head}${severity}: ${diagnostic.message}`;
  return diagnostic.hint === undefined ? [line] : [line, `  ${styles.hint('hint:')} ${diagnostic.hint}`];
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
