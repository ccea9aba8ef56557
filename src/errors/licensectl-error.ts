// Typed errors (a code from the registry in codes.ts, a message, a hint, the cause, so that each layer can add
// context without losing any) and diagnostics: located problems in user input, collected and reported at once.
import { ERROR_CODES, type ErrorCode } from './codes.js';

export interface LicensectlErrorOptions {
  readonly hint?: string;
  readonly cause?: unknown;
  /** Process exit code; the registry's for the code unless said otherwise. */
  readonly exit?: number;
  readonly diagnostics?: readonly Diagnostic[];
}

/** A failure licensectl expected and can explain; its code is registered in codes.ts. */
export class LicensectlError extends Error {
  readonly code: ErrorCode;
  readonly hint?: string;
  readonly exit: number;
  readonly diagnostics: readonly Diagnostic[];

  constructor(code: ErrorCode, message: string, options: LicensectlErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LicensectlError';
    this.code = code;
    this.hint = options.hint ?? (ERROR_CODES[code].hint || undefined);
    this.exit = options.exit ?? ERROR_CODES[code].exit;
    this.diagnostics = options.diagnostics ?? [];
  }
}

/** Invalid desired state: every diagnostic found, reported together. */
export class ValidationError extends LicensectlError {
  constructor(diagnostics: readonly Diagnostic[]) {
    const count = diagnostics.filter((d) => d.severity === 'error').length;
    super('INVALID_CONFIG', `${count} ${count === 1 ? 'error' : 'errors'} in the desired state`, { diagnostics });
    this.name = 'ValidationError';
  }
}

export function isLicensectlError(value: unknown): value is LicensectlError {
  return value instanceof LicensectlError;
}

// Diagnostics: located problems in user input, collected and reported all at once.
export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly message: string;
  /** Path of the file relative to the project directory (or `REF:path` when read from git). */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** Dotted path of the offending field, e.g. `spec.rules.minimumCores`. */
  readonly field?: string;
  readonly hint?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order: file, line, column, then message. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.message.localeCompare(b.message),
  );
}
