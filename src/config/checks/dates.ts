// Date-times that are RFC 3339 (the schema checks that) but cannot be kept exactly, and validity ranges.
import type { Diagnostic } from '../../errors/index.js';
import { canonicalDateTime, dateTimeProblem } from '../dates.js';
import { errorAtField, isRecord, type DocumentView } from './view.js';

export function checkDates(views: readonly DocumentView[]): Diagnostic[] {
  return views.flatMap((view) => {
    if (view.kind === 'LicenseConfiguration') return checkDateTime(view, ['spec', 'expiry'], view.spec.expiry);
    if (view.kind === 'License' && isRecord(view.spec.validity)) return checkValidity(view, view.spec.validity);
    return [];
  });
}

function checkValidity(view: DocumentView, validity: Record<string, unknown>): Diagnostic[] {
  const found = [
    ...checkDateTime(view, ['spec', 'validity', 'begin'], validity.begin),
    ...checkDateTime(view, ['spec', 'validity', 'end'], validity.end),
  ];
  const { begin, end } = validity;
  if (found.length > 0 || !isUsable(begin) || !isUsable(end)) return found;
  if (canonicalDateTime(end) > canonicalDateTime(begin)) return [];
  return [errorAtField(view, ['spec', 'validity', 'end'], {
    code: 'INVALID_RANGE',
    message: `"end" (${end}) must be after "begin" (${begin})`,
    field: 'spec.validity.end',
  })];
}

function isUsable(value: unknown): value is string {
  return typeof value === 'string' && dateTimeProblem(value) === undefined;
}

/** Malformed values are the schema's to report; here only well-formed ones we cannot keep exactly. */
function checkDateTime(view: DocumentView, path: string[], value: unknown): Diagnostic[] {
  if (typeof value !== 'string') return [];
  const problem = dateTimeProblem(value);
  if (problem === undefined || problem === 'not-rfc3339') return [];
  const name = path[path.length - 1]!;
  const message = problem === 'fractional-seconds'
    ? `"${name}" must be a whole second; AWS keeps no fractions`
    : `"${name}" is not a real date-time`;
  return [errorAtField(view, path, { code: 'INVALID_DATE', message, hint: 'write it like 2027-06-30T00:00:00Z', field: path.join('.') })];
}
