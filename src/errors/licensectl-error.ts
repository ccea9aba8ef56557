// Typed errors: a code, a message, a hint, and the cause, so that each layer can add context without losing any.
import { ERROR_CODES, type ErrorCode } from './codes.js';
import type { Diagnostic } from './diagnostic.js';

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
