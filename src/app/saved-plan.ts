// Saved plans (`plan --out FILE`, `apply FILE`): writing and reading the file, signing it, and refusing one that
// was made for another target, has been altered, is too old, or whose resources changed since.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeOutput } from './base-command.js';
import path from 'node:path';
import { LicensectlError } from '../errors/index.js';
import { addressOf, type DesiredResource, type LiveState, type Target } from '../model/index.js';
import { adoptionOf } from '../plan/adopt.js';
import { fingerprintOf } from '../plan/plan-change.js';
import type { Plan } from '../plan/types.js';
import { planToJson } from '../render/plan-json.js';
import { canonicalJson } from '../util/canonical.js';
import { type OutputSchema, schemaProblems } from './schema.js';
import { plural } from '../util/words.js';

const HINT = 'pass the file written by `licensectl plan --out FILE`';

/**
 * Writes the plan and says how: signed, or unsigned with how to sign it. The plan names the project's directory
 * relative to the plan file (`source.dir`), so that `apply FILE` finds the project wherever it is run from — in the
 * same checkout, or another checkout of the repository where the file sits at the same place.
 */
export async function writePlanFile(file: string, plan: Plan, projectDir: string, key = process.env[PLAN_KEY_ENV]): Promise<string> {
  const json = planToJson(plan);
  const unsigned = { ...json, source: { ...json.source, dir: dirFromPlanFile(file, projectDir) } };
  return writeSavedDocument(file, unsigned, key);
}

/** Writes a saved plan document, signed when there is a key; says how to apply it. */
export async function writeSavedDocument(file: string, unsigned: object, key: string | undefined): Promise<string> {
  const doc = key ? signPlanDocument(unsigned, key) : unsigned;
  await writeOutput('--out', file, `${JSON.stringify(doc, null, 2)}\n`);
  return key ? `Saved the signed plan to ${file}; apply it with: licensectl apply ${file}` : `Saved the plan to ${file}; apply it with: licensectl apply ${file} (${UNSIGNED_PLAN_MESSAGE})`;
}

export interface ReadPlanOptions {
  readonly key?: string;
  readonly maxAgeMs: number;
  readonly now: Date;
}

export async function readPlanFile(file: string, options: ReadPlanOptions): Promise<Plan> {
  const doc = await readPlanDocument(file);
  checkSavedDocument(file, doc, 'plan.schema.json', options);
  // Plans saved before findings existed have none.
  return { ...(doc as Plan), findings: (doc as Partial<Plan>).findings ?? [] };
}

/** The JSON of a saved plan file, a single-target plan or a plan set (saved-plan-set.ts), unchecked. */
export async function readPlanDocument(file: string): Promise<unknown> {
  return parse(file, await readText(file));
}

/** Checks a saved document against its schema, its signature (LICENSECTL_PLAN_KEY) and its age. */
export function checkSavedDocument(file: string, doc: unknown, schema: OutputSchema, options: ReadPlanOptions): void {
  const problems = schemaProblems(schema, doc);
  if (problems.length) {
    throw new LicensectlError('PLAN_FILE_INVALID', `${file} is not a licensectl plan: ${problems.slice(0, 3).join('; ')}`, { hint: `${HINT} with this version of licensectl` });
  }
  const signed = (doc as { signature?: unknown }).signature !== undefined;
  if (options.key) assertPlanSigned(doc as object, options.key, file);
  else if (signed) {
    throw new LicensectlError('PLAN_KEY_MISSING', `${file} is signed, but ${PLAN_KEY_ENV} is not set to check it`, { hint: `set ${PLAN_KEY_ENV} to the key the plan was signed with` });
  }
  checkPlanAge((doc as { createdAt: string }).createdAt, options.maxAgeMs, options.now);
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    throw new LicensectlError('PLAN_FILE_UNREADABLE', `cannot read plan file ${file}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}`, { cause, hint: HINT });
  }
}

function parse(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new LicensectlError('PLAN_FILE_INVALID', `${file} is not JSON: ${(cause as Error).message}`, { cause, hint: HINT });
  }
}

/**
 * The project directory of a saved plan: `--dir` when given, else the one the plan names relative to its own
 * file; a plan saved before plans named it, the working directory (as before).
 */
export function projectDirOf(saved: { readonly source: { readonly dir?: string } }, file: string, dirFlag: string | undefined): string {
  if (dirFlag !== undefined) return dirFlag;
  return saved.source.dir === undefined ? '.' : path.resolve(path.dirname(path.resolve(file)), saved.source.dir);
}

/** The project's directory relative to the plan file, as a saved plan names it (`source.dir`). */
export function dirFromPlanFile(file: string, projectDir: string): string {
  return path.relative(path.dirname(path.resolve(file)), projectDir).split(path.sep).join('/') || '.';
}

// ---- Signatures and age
// Trusting a saved plan in CI: an HMAC over its canonical JSON (so the plan applied is the plan reviewed, and was
// written by someone holding LICENSECTL_PLAN_KEY), and a maximum age (so a forgotten plan is not applied weeks later).
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
/** Clocks of the machine that planned and the one that applies may differ a little. */
const FUTURE_TOLERANCE_MS = 60_000;

export function checkPlanAge(createdAt: string, maxAgeMs: number, now: Date): void {
  const created = Date.parse(createdAt);
  if (Number.isNaN(created)) {
    throw new LicensectlError('PLAN_FILE_INVALID', `the saved plan's createdAt is not a date: ${JSON.stringify(createdAt)}`, { hint: 'pass the file written by `licensectl plan --out FILE`' });
  }
  const age = now.getTime() - created;
  // A plan from the future was not made by this clock: an unsigned file's date could have been written to pass the age limit.
  if (age < -FUTURE_TOLERANCE_MS) {
    throw new LicensectlError('PLAN_FILE_INVALID', `the saved plan is dated ${createdAt}, ${durationInWords(-age)} in the future`, {
      hint: 'check the clocks of the machines that planned and apply, and make a new plan with `licensectl plan --out FILE`',
    });
  }
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
  const words = [plural(Math.floor(ms / unit), one, many)];
  const next = UNITS[first + 1];
  const rest = next ? Math.floor((ms % unit) / next[0]) : 0;
  if (next && rest > 0) words.push(plural(rest, next[1], next[2]));
  return words.join(' ');
}

// ---- Binding and freshness
// A saved plan is applied only if every resource it touches is still as it was when the plan was made.
export function checkPlanTarget(plan: Plan, project: string, target: Target): void {
  const mismatches = (['store', 'account', 'region', 'endpoint', 'stateFile'] as const)
    .filter((k) => (plan.target[k] ?? null) !== (target[k] ?? null))
    .map((k) => `${k} ${shown(plan.target[k])} ≠ ${shown(target[k])}`);
  if (plan.project !== project) mismatches.unshift(`project ${plan.project} ≠ ${project}`);
  if (mismatches.length) {
    throw new LicensectlError('PLAN_TARGET_MISMATCH', `the saved plan was made for another target (${mismatches.join(', ')})`, { hint: 'run plan again against this target' });
  }
}

/** A target member as the refusal names it: absent (a stateFile of a non-embedded store) is "none". */
function shown(value: string | null | undefined): string {
  return value === undefined ? 'none' : String(value);
}

export function checkFingerprints(plan: Plan, live: LiveState): void {
  const changed = staleAddresses(plan, live);
  if (changed.length) {
    throw new LicensectlError('STALE_PLAN', `the saved plan is stale: ${changed.join(', ')} changed since it was made`, {
      hint: 'run `licensectl plan --out FILE` again and review the new plan',
    });
  }
}

/** The addresses the plan changes whose live resource is no longer the one it was computed from. */
export function staleAddresses(plan: Plan, live: LiveState): string[] {
  // An adopted resource is not managed yet: it is found again as its document would find it, by its ARN.
  const adopting = plan.changes.filter((c) => (c.action === 'adopt' || c.observed === 'drift' || c.observed === 'in-sync') && c.after && c.arn).map((c) => ({
    kind: c.kind, name: c.name, ...c.after!, ...(c.kind === 'Association' ? {} : { adopt: c.arn ?? '' }),
  }) as DesiredResource);
  const adopted = adoptionOf(adopting, live, plan.target).live;
  const managed = new Set(live.managed.map((r) => addressOf(r.kind, r.name)));
  const byAddress = new Map([...live.managed, ...adopted].map((r) => [addressOf(r.kind, r.name), r]));
  // The fingerprint leaves out our ownership tags: an adopt whose address is managed now was applied since.
  return plan.changes
    .filter((c) => c.action !== 'no-op' && ((c.action === 'adopt' && managed.has(c.address)) || fingerprintOf(byAddress.get(c.address) ?? null) !== c.fingerprint))
    .map((c) => c.address);
}
