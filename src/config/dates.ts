// Date-times in one canonical form: UTC, whole seconds, `YYYY-MM-DDTHH:MM:SSZ`, so that a document and
// the same instant read back from AWS compare equal whatever offset or precision the user wrote.
import { isoSeconds } from '../util/time.js';

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

export type DateTimeProblem = 'not-rfc3339' | 'fractional-seconds' | 'not-a-time';

export function dateTimeProblem(text: string): DateTimeProblem | undefined {
  const match = RFC3339.exec(text);
  if (match === null) return 'not-rfc3339';
  // AWS keeps whole seconds (LicenseExpiry is a Unix timestamp): a fraction would be silently lost.
  if (match[1] !== undefined && /[1-9]/.test(match[1])) return 'fractional-seconds';
  return Number.isNaN(parse(text)) ? 'not-a-time' : undefined;
}

/** The canonical form of a valid date-time (see dateTimeProblem). */
export function canonicalDateTime(text: string): string {
  return isoSeconds(parse(text));
}

function parse(text: string): number {
  return Date.parse(text.replace(/^(.{10})[t ]/, '$1T').replace(/z$/, 'Z'));
}
