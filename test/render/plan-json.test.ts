import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePlan } from '../../src/plan/compute-plan.js';
import { planToJson, renderPlanJson } from '../../src/render/plan-json.js';
import { planContext } from '../helpers/builders.js';
import { desiredStates, liveStates, targetLists } from '../plan/arbitraries.js';
import { readGolden } from './golden.js';
import { everyActionPlan, noChangesPlan } from './scenarios.js';

const ajv = new Ajv2020({ allErrors: true, strict: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const schema = JSON.parse(readFileSync(new URL('../../schemas/plan.schema.json', import.meta.url), 'utf8'));
const validate = ajv.compile(schema);
const problems = (doc: unknown) => (validate(doc) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`));

describe('the JSON plan document', () => {
  it.each(['plan-every-action.json', 'plan-no-changes.json', 'plan-reviewable-diffs.json', 'plan-ignore-rules.json'])('golden %s satisfies schemas/plan.schema.json', (name) => {
    expect(problems(JSON.parse(readGolden(name)))).toEqual([]);
  });

  it('satisfies the schema and reads back as the same plan, for any plan', () => {
    fc.assert(fc.property(desiredStates, liveStates, targetLists, (desired, live, targets) => {
      const plan = computePlan(desired, live, planContext({ targets }));
      const doc = JSON.parse(renderPlanJson(plan));
      expect(problems(doc)).toEqual([]);
      expect(doc).toEqual(plan);
    }), { numRuns: 60 });
  });

  it('is rejected by the schema when a field is unknown, missing or of the wrong kind', () => {
    const doc = planToJson(everyActionPlan());
    expect(problems({ ...doc, extra: 1 })).toEqual([' must NOT have additional properties']);
    expect(problems({ ...doc, changes: [{ ...doc.changes[0], fingerprint: 'md5:1' }] })).toEqual(['/changes/0/fingerprint must match pattern "^sha256:[0-9a-f]{64}$"']);
    const { warnings: _, ...withoutWarnings } = doc;
    expect(problems(withoutWarnings)).toEqual([" must have required property 'warnings'"]);
    const grant = doc.changes.find((c) => c.kind === 'Grant')!;
    const badSpec = { ...grant, after: { tags: {}, spec: { displayName: 'x' } } };
    expect(problems({ ...doc, changes: [badSpec] }).length).toBeGreaterThan(0);
  });

  it('keeps the documented key order', () => {
    const doc = planToJson(noChangesPlan());
    expect(Object.keys(doc)).toEqual(['formatVersion', 'project', 'target', 'source', 'createdAt', 'prune', 'summary', 'changes', 'unmanaged', 'duplicates', 'warnings', 'findings']);
    expect(Object.keys(doc.changes[0]!)).toEqual(['address', 'action', 'kind', 'name', 'arn', 'diff', 'fingerprint', 'reasons', 'warnings', 'before', 'after', 'meta', 'source']);
  });

  it('is indented by two spaces and ends with a newline', () => {
    const text = renderPlanJson(noChangesPlan());
    expect(text.startsWith('{\n  "formatVersion": "1",\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });
});
