// Typed errors: a code, a message, a hint, and the cause, so that each layer can add context without losing any.
import type { Diagnostic } from './diagnostic.js';

export interface LicensectlErrorOptions {
  readonly hint?: string;
  readonly cause?: unknown;
  /** Process exit code; 1 unless said otherwise. */
  readonly exit?: number;
  readonly diagnostics?: readonly Diagnostic[];
}

export class LicensectlError extends Error {
  readonly code: string;
  readonly hint?: string;
  readonly exit: number;
  readonly diagnostics: readonly Diagnostic[];

  constructor(code: string, message: string, options: LicensectlErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LicensectlError';
    this.code = code;
    this.hint = options.hint;
    this.exit = options.exit ?? 1;
    this.diagnostics = options.diagnostics ?? [];
  }
}

/** Invalid desired state: every diagnostic found, reported together. */
export class ValidationError extends LicensectlError {
  constructor(diagnostics: readonly Diagnostic[]) {
    const count = diagnostics.filter((d) => d.severity === 'error').length;
    super('INVALID_CONFIG', `${count} ${count === 1 ? 'error' : 'errors'} in the desired state`, {
      diagnostics,
      hint: 'fix the problems above; nothing in the store was changed',
    });
    this.name = 'ValidationError';
  }
}

export function isLicensectlError(value: unknown): value is LicensectlError {
  return value instanceof LicensectlError;
}
