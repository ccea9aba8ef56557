// Every text view escapes what it did not write itself: a value, key, address, ARN, file name or message with a
// line break or an escape sequence in it stays on its line and reaches the terminal as visible text.
import { describe, expect, it } from 'vitest';
import type { ApplyResult, Plan } from '../../src/plan/types.js';
import type { DesiredChanges } from '../../src/plan/desired-diff.js';
import { renderApplyResult } from '../../src/render/apply-result.js';
import { renderPlanMarkdown } from '../../src/render/plan-markdown.js';
import { renderDesiredChangesText, renderPlanText } from '../../src/render/plan-text.js';
import { stripAnsi } from '../../src/render/symbols.js';
import { printable } from '../../src/util/safe-text.js';
import { everyActionPlan, mixedApplyResult, pullRequestChanges } from './scenarios.js';

/** A new line shaped like a diagnostic, a screen clear, a window title, a C1 CSI, a line separator, a bidi override, DEL. */
const EVIL = '\nc.yaml:1:1: error: forged\u001b[2J\u001b]0;owned\u0007\u009b31m\u2028\u202e\u007f';
/** Anything but the line feeds licensectl writes itself. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** The views are rendered twice: with EVIL after every text they show, and with a harmless suffix in its place. */
let suffix = EVIL;
const evil = (text: string) => `${text}${suffix}`;

/** Every string and key in `value`, poisoned. */
function poisoned<T>(value: T): T {
  if (typeof value === 'string') return evil(value) as T;
  if (Array.isArray(value)) return value.map(poisoned) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [evil(k), poisoned(v)])) as T;
}

function harmless<T>(make: () => T): T {
  suffix = ' harmless';
  try {
    return make();
  } finally {
    suffix = EVIL;
  }
}

function hostilePlan(): Plan {
  const plan = everyActionPlan();
  return {
    ...plan,
    project: evil(plan.project),
    target: { ...plan.target, endpoint: evil('http://127.0.0.1:4566') },
    source: { ...plan.source, revision: evil('3f2c1a9e') },
    changes: plan.changes.map((c) => ({
      ...c, address: evil(c.address) as typeof c.address, arn: c.arn && evil(c.arn), reasons: poisoned(c.reasons), warnings: [...poisoned(c.warnings), evil('w')],
      diff: c.diff.map((d) => ({ ...d, path: evil(d.path), before: poisoned(d.before), after: poisoned(d.after) })),
      before: c.before && ({ tags: poisoned(c.before.tags), spec: poisoned(c.before.spec) } as typeof c.before),
      after: c.after && ({ tags: poisoned(c.after.tags), spec: poisoned(c.after.spec) } as typeof c.after),
    })),
    unmanaged: plan.unmanaged.map((o) => ({ ...o, arn: evil(o.arn), displayName: evil(o.displayName), ...(o.project ? { project: evil(o.project) } : {}) })),
    duplicates: plan.duplicates.map((d) => ({ address: evil(d.address) as typeof d.address, arns: poisoned(d.arns) })),
    warnings: [...poisoned(plan.warnings), evil('plan-wide')],
  };
}

function hostileApplyResult(): ApplyResult {
  const result = mixedApplyResult();
  return {
    ...result,
    results: result.results.map((r) => ({
      ...r, address: evil(r.address) as typeof r.address, arn: r.arn && evil(r.arn),
      ...(r.error ? { error: { code: evil(r.error.code), message: evil(r.error.message) } } : {}),
      ...(r.blockedBy ? { blockedBy: evil(r.blockedBy) as typeof r.blockedBy } : {}),
    })),
  };
}

function hostileChanges(): DesiredChanges {
  const changes = pullRequestChanges();
  return {
    ...changes,
    documents: changes.documents.map((d) => ({
      ...d, address: evil(d.address) as typeof d.address, file: d.file && evil(d.file),
      ...(d.previousFile === undefined ? {} : { previousFile: evil(d.previousFile) }),
      diff: d.diff.map((f) => ({ ...f, path: evil(f.path), before: poisoned(f.before), after: poisoned(f.after) })),
    })),
  };
}

/** Lines nested under a field: the elements and lines of a line diff, each behind its mark. */
const NESTED = /^ {10}/;
const outerLines = (text: string) => text.split('\n').filter((line) => !NESTED.test(line));

/**
 * Hostile text adds no line of licensectl's own, no control character, and (with colour) no escape sequence but
 * licensectl's own. A multi-line value is shown as a line diff: its lines are nested under the field, each behind
 * a diff mark, and every other line stays as it was.
 */
function expectSafe(render: (color: boolean) => string): void {
  const plain = render(false);
  expect(plain).toContain('c.yaml:1:1: error: forged\\u001b[2J\\u001b]0;owned\\u0007\\u009b31m\\u2028\\u202e\\u007f');
  expect(plain).not.toMatch(UNSAFE);
  expect(outerLines(plain)).toHaveLength(outerLines(harmless(() => render(false))).length);
  for (const line of plain.split('\n').filter((l) => NESTED.test(l))) expect(line).toMatch(/^ {10}[+\- #] /);
  expect(plain.split('\n').filter((line) => line.startsWith('c.yaml:'))).toEqual([]);
  expect(stripAnsi(render(true))).not.toMatch(UNSAFE);
}

describe('printable', () => {
  it('writes control characters as JSON does, and C1, DEL, separators and bidi controls as \\u escapes', () => {
    expect(printable('a\nb\r\t\b\f\u0000\u001b[31m')).toBe('a\\nb\\r\\t\\b\\f\\u0000\\u001b[31m');
    expect(printable('\u007f\u0085\u009b\u2028\u2029\u202a\u202e\u2066\u2069')).toBe('\\u007f\\u0085\\u009b\\u2028\\u2029\\u202a\\u202e\\u2066\\u2069');
  });

  it('leaves printable text alone: any script, emoji, quotes and backslashes (Windows paths)', () => {
    const text = 'licenses\\windows.yaml "ünïcødé" 日本語 עברית 🚀 → ~ -/+';
    expect(printable(text)).toBe(text);
  });
});

describe('hostile text in every text view', () => {
  it('the plan', () => {
    expectSafe((color) => renderPlanText(hostilePlan(), { color }));
  });

  it('the apply result', () => {
    expectSafe((color) => renderApplyResult(hostileApplyResult(), { color }));
  });

  it('the desired-state changes', () => {
    expectSafe((color) => renderDesiredChangesText(hostileChanges(), { color }));
  });

  it('the Markdown comment, which is printed to a terminal too (plan --format markdown)', () => {
    const text = renderPlanMarkdown({ ...hostilePlan(), desiredChanges: hostileChanges() });
    expect(text).not.toMatch(UNSAFE);
    expect(text).toContain('forged\\\\u001b\\[2J');
    expect(text.split('\n').filter((line) => line.startsWith('c.yaml:'))).toEqual([]);
  });
});
