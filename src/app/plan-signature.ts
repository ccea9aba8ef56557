// Trusting a saved plan in CI: an HMAC over its canonical JSON (so the plan applied is the plan reviewed, and was
// written by someone holding LICENSECTL_PLAN_KEY), and a maximum age (so a forgotten plan is not applied weeks later).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { LicensectlError } from '../errors/index.js';
import { canonicalJson } from '../util/canonical-json.js';

export const PLAN_KEY_ENV = 'LICENSECTL_PLAN_KEY';
/** What `plan --out` says when it writes a plan without a key. */
export const UNSIGNED_PLAN_MESSAGE = `plan is unsigned: set ${PLAN_KEY_ENV} to sign it`;
export const SIGNATURE_ALGORITHM = 'HMAC-SHA256';

export interface PlanSignature {
  readonly algorithm: typeof SIGNATURE_ALGORITHM;
  /** Lower-case hex of the HMAC-SHA256. */
  readonly value: string;
}

export type PlanVerification = { readonly ok: true } | { readonly ok: false; readonly reason: 'unsigned' | 'altered' };

/** The signed text: keys sorted at every level, no whitespace, the `signature` member left out. */
export function canonicalPlanText(doc: object): string {
  const { signature: _signature, ...unsigned } = doc as Record<string, unknown>;
  return canonicalJson(unsigned);
}

/** A copy of the document with `signature` last (replacing any previous one). */
export function signPlanDocument<T extends object>(doc: T, key: string): Omit<T, 'signature'> & { signature: PlanSignature } {
  if (key === '') throw new LicensectlError('BAD_ENVIRONMENT', `${PLAN_KEY_ENV} is set but empty`, { hint: `set ${PLAN_KEY_ENV} to a long random secret, or unset it` });
  const { signature: _signature, ...unsigned } = doc as T & { signature?: unknown };
  return { ...unsigned, signature: { algorithm: SIGNATURE_ALGORITHM, value: hmacOf(canonicalPlanText(unsigned), key) } };
}

/** `unsigned` when the document has no `signature`; `altered` when it does but it is not this key's over this content. */
export function verifyPlanDocument(doc: object, key: string): PlanVerification {
  if (!('signature' in doc)) return { ok: false, reason: 'unsigned' };
  const given = signatureBytes((doc as { signature: unknown }).signature);
  const expected = Buffer.from(hmacOf(canonicalPlanText(doc), key), 'hex');
  // timingSafeEqual needs equal lengths; a malformed signature is refused before it, revealing nothing secret.
  return given !== null && timingSafeEqual(given, expected) ? { ok: true } : { ok: false, reason: 'altered' };
}

/** Throws PLAN_UNSIGNED or PLAN_ALTERED, naming the file, unless the document carries this key's signature. */
export function assertPlanSigned(doc: object, key: string, file: string): void {
  const verification = verifyPlanDocument(doc, key);
  if (verification.ok) return;
  if (verification.reason === 'unsigned') {
    throw new LicensectlError('PLAN_UNSIGNED', `${file} is not signed, and ${PLAN_KEY_ENV} is set: only signed plans are applied`, {
      hint: `write the plan with \`licensectl plan --out FILE\` where ${PLAN_KEY_ENV} is set to the same key`,
    });
  }
  throw new LicensectlError('PLAN_ALTERED', `${file} was changed after it was signed, or signed with another key`, {
    hint: `make a new plan with \`licensectl plan --out FILE\`; check that both steps use the same ${PLAN_KEY_ENV}`,
  });
}

function hmacOf(text: string, key: string): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('hex');
}

function signatureBytes(signature: unknown): Buffer | null {
  if (typeof signature !== 'object' || signature === null) return null;
  const { algorithm, value } = signature as Record<string, unknown>;
  if (algorithm !== SIGNATURE_ALGORITHM || typeof value !== 'string' || !/^[0-9a-f]{64}$/.test(value)) return null;
  return Buffer.from(value, 'hex');
}

/** Throws PLAN_TOO_OLD when the plan was made more than `maxAgeMs` before `now`. */
export function checkPlanAge(createdAt: string, maxAgeMs: number, now: Date): void {
  const created = Date.parse(createdAt);
  if (Number.isNaN(created)) {
    throw new LicensectlError('PLAN_FILE_INVALID', `the saved plan's createdAt is not a date: ${JSON.stringify(createdAt)}`, { hint: 'pass the file written by `licensectl plan --out FILE`' });
  }
  const age = now.getTime() - created;
  if (age <= maxAgeMs) return;
  throw new LicensectlError('PLAN_TOO_OLD', `the saved plan is ${durationInWords(age)} old, older than the limit of ${durationInWords(maxAgeMs)} (--max-plan-age)`, {
    hint: 'make a new plan with `licensectl plan --out FILE`, or raise --max-plan-age',
  });
}

const UNITS: readonly (readonly [ms: number, one: string, many: string])[] = [
  [86_400_000, 'day', 'days'], [3_600_000, 'hour', 'hours'], [60_000, 'minute', 'minutes'], [1_000, 'second', 'seconds'],
];

/** The largest unit and the next one when not zero, rounded down: "1 day 2 hours", "90 minutes" → "1 hour 30 minutes". */
export function durationInWords(ms: number): string {
  const first = UNITS.findIndex(([unit]) => ms >= unit);
  if (first < 0) return 'less than a second';
  const [unit, one, many] = UNITS[first]!;
  const words = [counted(Math.floor(ms / unit), one, many)];
  const next = UNITS[first + 1];
  const rest = next ? Math.floor((ms % unit) / next[0]) : 0;
  if (next && rest > 0) words.push(counted(rest, next[1], next[2]));
  return words.join(' ');
}

function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

