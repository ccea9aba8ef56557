import { describe, it } from 'vitest';
import { applyToJson, renderApplyResult } from '../../src/render/apply-result.js';
import { renderPlanJson } from '../../src/render/plan-json.js';
import { renderPlanText } from '../../src/render/plan-text.js';
import { expectGolden } from './golden.js';
import { associationChangesPlan, everyActionPlan, ignoreRulesPlan, mixedApplyResult, noChangesPlan, reviewableDiffsPlan, targetedApplyResult } from './scenarios.js';

describe('golden output', () => {
  it('plan with every action, as text', () => expectGolden('plan-every-action.txt', renderPlanText(everyActionPlan(), { color: false })));
  it('plan with every action, as JSON', () => expectGolden('plan-every-action.json', renderPlanJson(everyActionPlan())));
  it('plan with element-wise, keyed and line diffs, as text', () => expectGolden('plan-reviewable-diffs.txt', renderPlanText(reviewableDiffsPlan(), { color: false })));
  it('plan with element-wise, keyed and line diffs, as JSON', () => expectGolden('plan-reviewable-diffs.json', renderPlanJson(reviewableDiffsPlan())));
  it('plan of Association changes (set diffs, a replace, a create, a delete, an unmanaged pair), as text', () => expectGolden('plan-associations.txt', renderPlanText(associationChangesPlan(), { color: false })));
  it('plan of Association changes, as JSON', () => expectGolden('plan-associations.json', renderPlanJson(associationChangesPlan())));
  it('plan without changes, as text', () => expectGolden('plan-no-changes.txt', renderPlanText(noChangesPlan(), { color: false })));
  it('plan without changes, as JSON', () => expectGolden('plan-no-changes.json', renderPlanJson(noChangesPlan())));
  it('plan with ignore rules and spec.tags: merge, as text', () => expectGolden('plan-ignore-rules.txt', renderPlanText(ignoreRulesPlan(), { color: false })));
  it('plan with ignore rules and spec.tags: merge, as JSON', () => expectGolden('plan-ignore-rules.json', renderPlanJson(ignoreRulesPlan())));
  it('apply of a targeted plan, as text', () => expectGolden('apply-result-targeted.txt', renderApplyResult(targetedApplyResult(), { color: false })));
  it('apply of a targeted plan, as JSON (unchanged resources with their ARNs, leftOut)', () => expectGolden('apply-result-targeted.json', `${JSON.stringify(applyToJson(targetedApplyResult()), null, 2)}\n`));
  it('apply with applied, failed and skipped changes, as text', () => expectGolden('apply-result.txt', renderApplyResult(mixedApplyResult(), { color: false })));
  it('apply with applied, failed and skipped changes, as JSON', () => expectGolden('apply-result.json', `${JSON.stringify(applyToJson(mixedApplyResult()), null, 2)}\n`));
});
