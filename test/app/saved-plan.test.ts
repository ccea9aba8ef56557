import { describe, expect, it } from 'vitest';
import { schemaProblems } from '../../src/app/schema.js';
import {
  assertPlanSigned, canonicalPlanText, checkPlanAge, durationInWords, signPlanDocument, UNSIGNED_PLAN_MESSAGE,
  verifyPlanDocument,
} from '../../src/app/saved-plan.js';
import { LicensectlError } from '../../src/errors/index.js';
import { renderPlanJson } from '../../src/render/plan-json.js';
import { everyActionPlan } from '../render/scenarios.js';

const KEY = 'a-long-random-secret';
/** The saved plan as `plan --out` writes it and `apply FILE` reads it back: signed, then through a file's text. */
const savedText = () => `${JSON.stringify(signPlanDocument(JSON.parse(renderPlanJson(everyActionPlan())), KEY), null, 2)}\n`;

function errorOf(run: () => unknown): LicensectlError {
  try {
    run();
  } catch (error) {
    if (error instanceof LicensectlError) return error;
    throw error;
  }
  throw new Error('expected a LicensectlError');
}

describe('signing a saved plan', () => {
  it('adds an HMAC-SHA256 over the canonical JSON without the signature, as the last member', () => {
    const doc = { b: 1, a: { d: [1, { f: 2, e: 3 }], c: 'x' } };
    const signed = signPlanDocument(doc, 'key');
    expect(canonicalPlanText(signed)).toBe('{"a":{"c":"x","d":[1,{"e":3,"f":2}]},"b":1}');
    expect(Object.keys(signed)).toEqual(['b', 'a', 'signature']);
    // An independent computation: printf '%s' '{"a":{"c":"x","d":[1,{"e":3,"f":2}]},"b":1}' | openssl dgst -sha256 -hmac key
    expect(signed.signature).toEqual({ algorithm: 'HMAC-SHA256', value: '10fc854f0bd15128143cd4a6b5205afccdfb87fba84c4f77d6b3d246d5cd6030' });
    expect(doc).toEqual({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: 'x' } });
  });

  it('verifies a signed plan read back from its file', () => {
    expect(verifyPlanDocument(JSON.parse(savedText()), KEY)).toEqual({ ok: true });
  });

  it('does not depend on the order of keys or on whitespace', () => {
    const reordered = { b: 1, a: { c: 'x', d: [1, { e: 3, f: 2 }] } };
    expect(signPlanDocument(reordered, 'key').signature).toEqual(signPlanDocument({ a: { d: [1, { f: 2, e: 3 }], c: 'x' }, b: 1 }, 'key').signature);
    const compact = JSON.parse(JSON.stringify(JSON.parse(savedText())));
    expect(verifyPlanDocument(compact, KEY)).toEqual({ ok: true });
  });

  it('finds a plan altered when one byte of a value changed', () => {
    const text = savedText();
    const at = text.indexOf('"licenseCount": 256');
    expect(at).toBeGreaterThan(0);
    const altered = text.slice(0, at) + '"licenseCount": 266' + text.slice(at + '"licenseCount": 256'.length);
    expect(altered.length).toBe(text.length);
    expect(verifyPlanDocument(JSON.parse(altered), KEY)).toEqual({ ok: false, reason: 'altered' });
  });

  it('finds a plan altered when its target was changed to another account', () => {
    const doc = JSON.parse(savedText());
    expect(verifyPlanDocument({ ...doc, target: { ...doc.target, account: '111122223333' } }, KEY)).toEqual({ ok: false, reason: 'altered' });
  });

  it('finds a plan altered when signed with another key, or when its signature is malformed', () => {
    const doc = JSON.parse(savedText());
    expect(verifyPlanDocument(doc, 'another-key')).toEqual({ ok: false, reason: 'altered' });
    expect(verifyPlanDocument({ ...doc, signature: { ...doc.signature, value: doc.signature.value.slice(2) } }, KEY)).toEqual({ ok: false, reason: 'altered' });
    expect(verifyPlanDocument({ ...doc, signature: { ...doc.signature, algorithm: 'HMAC-MD5' } }, KEY)).toEqual({ ok: false, reason: 'altered' });
    expect(verifyPlanDocument({ ...doc, signature: null }, KEY)).toEqual({ ok: false, reason: 'altered' });
  });

  it('calls a plan without a signature unsigned', () => {
    expect(verifyPlanDocument(JSON.parse(renderPlanJson(everyActionPlan())), KEY)).toEqual({ ok: false, reason: 'unsigned' });
    expect(UNSIGNED_PLAN_MESSAGE).toBe('plan is unsigned: set LICENSECTL_PLAN_KEY to sign it');
  });

  it('re-signing replaces the previous signature', () => {
    const doc = JSON.parse(savedText());
    expect(signPlanDocument(doc, KEY)).toEqual(doc);
    expect(verifyPlanDocument(signPlanDocument(doc, 'new-key'), 'new-key')).toEqual({ ok: true });
  });

  it('refuses an empty key', () => {
    expect(errorOf(() => signPlanDocument({}, '')).code).toBe('BAD_ENVIRONMENT');
  });

  it('turns a failed verification into a clear error naming the file', () => {
    const doc = JSON.parse(savedText());
    expect(() => assertPlanSigned(doc, KEY, 'plan.json')).not.toThrow();
    const unsigned = errorOf(() => assertPlanSigned(JSON.parse(renderPlanJson(everyActionPlan())), KEY, 'plan.json'));
    expect([unsigned.code, unsigned.message]).toEqual(['PLAN_UNSIGNED', 'plan.json is not signed, and LICENSECTL_PLAN_KEY is set: only signed plans are applied']);
    const altered = errorOf(() => assertPlanSigned(doc, 'other', 'plan.json'));
    expect([altered.code, altered.message]).toEqual(['PLAN_ALTERED', 'plan.json was changed after it was signed, or signed with another key']);
  });

  it('keeps a signed plan valid against schemas/plan.schema.json, and rejects a malformed signature', async () => {
    const doc = JSON.parse(savedText());
    expect(schemaProblems('plan.schema.json', doc)).toEqual([]);
    expect(schemaProblems('plan.schema.json', { ...doc, signature: { algorithm: 'HMAC-SHA256', value: 'zz' } })).toEqual(['/signature/value must match pattern "^[0-9a-f]{64}$"']);
  });
});

describe('checkPlanAge', () => {
  const createdAt = '2026-03-01T12:00:00Z';
  const day = 86_400_000;

  it('accepts a plan up to the limit', () => {
    expect(() => checkPlanAge(createdAt, day, new Date('2026-03-02T12:00:00Z'))).not.toThrow();
    expect(() => checkPlanAge(createdAt, day, new Date('2026-03-01T12:00:00Z'))).not.toThrow();
  });

  it('refuses a plan dated in the future beyond a minute of clock skew', () => {
    expect(() => checkPlanAge(createdAt, day, new Date('2026-03-01T11:59:30Z'))).not.toThrow();
    const error = errorOf(() => checkPlanAge(createdAt, day, new Date('2026-03-01T11:00:00Z')));
    expect([error.code, error.message]).toEqual(['PLAN_FILE_INVALID', 'the saved plan is dated 2026-03-01T12:00:00Z, 1 hour in the future']);
  });

  it('refuses an older plan, saying its age and the limit in words', () => {
    const error = errorOf(() => checkPlanAge(createdAt, day, new Date('2026-03-03T14:30:00Z')));
    expect([error.code, error.message, error.hint]).toEqual([
      'PLAN_TOO_OLD',
      'the saved plan is 2 days 2 hours old, older than the limit of 1 day (--max-plan-age)',
      'make a new plan with `licensectl plan --out FILE`, or raise --max-plan-age',
    ]);
    expect(errorOf(() => checkPlanAge(createdAt, 90 * 60_000, new Date('2026-03-01T13:31:00Z'))).message)
      .toBe('the saved plan is 1 hour 31 minutes old, older than the limit of 1 hour 30 minutes (--max-plan-age)');
  });

  it('refuses a createdAt that is not a date', () => {
    expect(errorOf(() => checkPlanAge('yesterday', day, new Date())).code).toBe('PLAN_FILE_INVALID');
  });

  it('words durations with their two largest units', () => {
    expect([500, 1_000, 59_000, 61_000, 3_600_000, 90_061_000].map(durationInWords))
      .toEqual(['less than a second', '1 second', '59 seconds', '1 minute 1 second', '1 hour', '1 day 1 hour']);
  });
});
