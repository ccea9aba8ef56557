// Every finding code pinned in each view of the plan: text (under its change, and summed up), JSON and markdown.
import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from '../../src/plan/types.js';
import { renderPlanJson } from '../../src/render/plan-json.js';
import { MIN_MAX_CHARS, renderPlanMarkdown } from '../../src/render/plan-markdown.js';
import { renderPlanText } from '../../src/render/plan-text.js';
import { expectGolden } from './golden.js';
import { findingsPlan } from './scenarios.js';

describe('findings in the plan views', () => {
  const plan = findingsPlan();

  it('the scenario yields every code once or more, errors and warnings', () => {
    expect([...new Set(plan.findings.map((f) => f.code))].sort()).toEqual([...FINDING_CODES].sort());
    expect(plan.findings.some((f) => f.severity === 'error' && f.override === null)).toBe(true);
    expect(plan.findings.some((f) => f.override === 'allow-overage')).toBe(true);
    expect(plan.findings.some((f) => f.override === 'allow-in-use')).toBe(true);
  });

  it('as text', () => expectGolden('plan-findings.txt', renderPlanText(plan, { color: false })));
  it('as JSON', () => expectGolden('plan-findings.json', renderPlanJson(plan)));
  it('as markdown, findings the first section after the summary table', () => {
    const md = renderPlanMarkdown(plan);
    expectGolden('markdown-findings.md', md);
    expect(md.indexOf('### License usage and policy findings')).toBeLessThan(md.indexOf('### ⚠️ Deletes and replaces'));
  });

  it('keeps the findings section in a comment cut to the smallest cap', () => {
    const md = renderPlanMarkdown(plan, { maxChars: MIN_MAX_CHARS });
    expect(md.length).toBeLessThanOrEqual(MIN_MAX_CHARS);
    expect(md).toContain('### License usage and policy findings');
  });
});
