import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { DesiredState } from '../../src/model/index.js';
import { diffDesired, documentChange } from '../../src/plan/desired-diff.js';
import { planToJson, renderPlanJson } from '../../src/render/plan-json.js';
import { load, PROJECT, yaml } from '../config/helpers.js';
import { desiredConfig, desiredGrant, desiredShare, desiredState } from '../helpers/builders.js';
import { everyActionPlan, pullRequestPlan } from '../render/scenarios.js';

const at = (file: string, line = 1) => ({ source: { file, line, column: 1 } });
const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) for (const member of Object.values(value)) deepFreeze(member);
  return Object.freeze(value);
};

describe('diffDesired', () => {
  it('finds nothing between a state and itself, even when lines moved within a file', () => {
    const base = desiredState([desiredConfig('c', {}, at('a.yaml', 1)), desiredShare('s', {}, at('a.yaml', 9))]);
    const head = desiredState([desiredConfig('c', {}, at('a.yaml', 3)), desiredShare('s', {}, at('a.yaml', 12))]);
    expect(diffDesired(base, head)).toEqual({ documents: [], project: [] });
  });

  it('lists an added document with the file it is in', () => {
    const base = desiredState([]);
    const head = desiredState([desiredGrant('to-dev', {}, at('grants.yaml'))]);
    expect(diffDesired(base, head).documents).toEqual([
      { address: 'Grant/to-dev', kind: 'Grant', name: 'to-dev', status: 'added', file: 'grants.yaml', diff: [] },
    ]);
  });

  it('lists a removed document with the file it was in', () => {
    const base = desiredState([desiredShare('old', {}, at('shares/old.yaml'))]);
    expect(diffDesired(base, desiredState([])).documents).toEqual([
      { address: 'ResourceShare/old', kind: 'ResourceShare', name: 'old', status: 'removed', file: 'shares/old.yaml', diff: [] },
    ]);
  });

  it('lists a changed document field by field, tags included', () => {
    const base = desiredState([desiredConfig('windows', { licenseCount: 128, rules: { minimumCores: 8 } }, { tags: { team: 'platform' }, ...at('w.yaml') })]);
    const head = desiredState([desiredConfig('windows', { licenseCount: 256, rules: {} }, { tags: { team: 'infra', cost: 'it' }, ...at('w.yaml') })]);
    expect(diffDesired(base, head).documents).toEqual([{
      address: 'LicenseConfiguration/windows', kind: 'LicenseConfiguration', name: 'windows', status: 'changed', file: 'w.yaml',
      diff: [
        { path: 'licenseCount', before: 128, after: 256 },
        { path: 'rules.minimumCores', before: 8, after: null },
        { path: 'tags.cost', before: null, after: 'it' },
        { path: 'tags.team', before: 'platform', after: 'infra' },
      ],
    }]);
  });

  it('names both files of a document that moved, unchanged or changed', () => {
    const base = desiredState([desiredShare('s', {}, at('all.yaml')), desiredConfig('c', { licenseCount: 1 }, at('all.yaml'))]);
    const head = desiredState([desiredShare('s', {}, at('shares.yaml')), desiredConfig('c', { licenseCount: 2 }, at('configs.yaml'))]);
    expect(diffDesired(base, head).documents).toEqual([
      {
        address: 'LicenseConfiguration/c', kind: 'LicenseConfiguration', name: 'c', status: 'changed', file: 'configs.yaml',
        previousFile: 'all.yaml', diff: [{ path: 'licenseCount', before: 1, after: 2 }],
      },
      { address: 'ResourceShare/s', kind: 'ResourceShare', name: 's', status: 'moved', file: 'shares.yaml', previousFile: 'all.yaml', diff: [] },
    ]);
  });

  it('does not call a document moved when one side has no location', () => {
    expect(diffDesired(desiredState([desiredShare('s')]), desiredState([desiredShare('s', {}, at('s.yaml'))]))).toEqual({ documents: [], project: [] });
  });

  it('reports project settings as field diffs, and ignores where the Project document sits', () => {
    const base = desiredState([], { prune: false, store: { type: 'emulator' }, source: { file: 'licensectl.yaml', line: 1, column: 1 } });
    const head = desiredState([], { prune: true, store: { type: 'aws', region: 'eu-west-1' }, account: '111122223333', exclude: ['drafts/**'] });
    expect(diffDesired(base, head).project).toEqual([
      { path: 'account', before: null, after: '111122223333' },
      { path: 'exclude', before: null, after: ['drafts/**'] },
      { path: 'prune', before: false, after: true },
      { path: 'store.region', before: null, after: 'eu-west-1' },
      { path: 'store.type', before: 'emulator', after: 'aws' },
    ]);
  });

  it('sorts documents by address (kind in dependency order, then name), whatever the input order', () => {
    const head = desiredState([desiredGrant('g'), desiredShare('b'), desiredConfig('z'), desiredShare('a'), desiredConfig('a')]);
    const forward = diffDesired(desiredState([]), head).documents.map((d) => d.address);
    const backward = diffDesired(desiredState([]), { ...head, resources: [...head.resources].reverse() }).documents.map((d) => d.address);
    expect(forward).toEqual(['LicenseConfiguration/a', 'LicenseConfiguration/z', 'ResourceShare/a', 'ResourceShare/b', 'Grant/g']);
    expect(backward).toEqual(forward);
  });

  it('never mutates its inputs', () => {
    const base = deepFreeze(desiredState([desiredConfig('c', { licenseCount: 1 }, at('a.yaml'))], { prune: false }));
    const head = deepFreeze(desiredState([desiredConfig('c', { licenseCount: 2 }, at('b.yaml'))]));
    const copy = structuredClone([base, head]);
    diffDesired(base, head);
    expect([base, head]).toEqual(copy);
  });

  it('pairs documents read from YAML files and reports the fields that changed', async () => {
    const base = await loadState({
      'licensectl.yaml': PROJECT,
      'licenses.yaml': yaml`
        apiVersion: licensectl/v1
        kind: LicenseConfiguration
        metadata: {name: windows-server}
        spec: {countingType: Core, licenseCount: 128}
        ---
        apiVersion: licensectl/v1
        kind: LicenseConfiguration
        metadata: {name: sql-legacy}
        spec: {countingType: Socket}
      `,
    });
    const head = await loadState({
      'licensectl.yaml': PROJECT,
      'licenses/windows.yaml': yaml`
        apiVersion: licensectl/v1
        kind: LicenseConfiguration
        metadata: {name: windows-server, tags: {team: platform}}
        spec: {countingType: Core, licenseCount: 256, description: BYOL}
      `,
    });
    expect(diffDesired(base, head).documents).toEqual([
      { address: 'LicenseConfiguration/sql-legacy', kind: 'LicenseConfiguration', name: 'sql-legacy', status: 'removed', file: 'licenses.yaml', diff: [] },
      {
        address: 'LicenseConfiguration/windows-server', kind: 'LicenseConfiguration', name: 'windows-server', status: 'changed',
        file: 'licenses/windows.yaml', previousFile: 'licenses.yaml',
        diff: [
          { path: 'description', before: '', after: 'BYOL' },
          { path: 'licenseCount', before: 128, after: 256 },
          { path: 'tags.team', before: null, after: 'platform' },
        ],
      },
    ]);
  });
});

describe('how much of a resource licensectl manages, in the desired-state diff', () => {
  const ARN = 'arn:aws:license-manager:us-east-1:000000000000:license-configuration:lic-0123456789abcdef0123456789abcdef';
  const documents = (a: string, b: string) => ({
    'licensectl.yaml': PROJECT,
    'a.yaml': `apiVersion: licensectl/v1\nkind: LicenseConfiguration\nmetadata: {name: a${a}}\nspec: {countingType: Core${b}}\n`,
  });

  it('lists spec.management, metadata.ignore and spec.adopt under their document paths', async () => {
    const base = await loadState(documents('', ''));
    const head = await loadState(documents(', ignore: [spec.licenseCount, metadata.tags.team]', `, management: observe, adopt: "${ARN}"`));
    expect(diffDesired(base, head).documents).toEqual([{
      address: 'LicenseConfiguration/a', kind: 'LicenseConfiguration', name: 'a', status: 'changed', file: 'a.yaml',
      diff: [
        { path: 'metadata.ignore', before: null, after: ['metadata.tags.team', 'spec.licenseCount'] },
        { path: 'spec.adopt', before: null, after: ARN },
        { path: 'spec.management', before: 'manage', after: 'observe' },
      ],
    }]);
    // Back again: what the document leaves out is the default, and a document the same but for them is changed.
    expect(diffDesired(head, base).documents[0]!.diff.map((d) => [d.path, d.before, d.after])).toEqual([
      ['metadata.ignore', ['metadata.tags.team', 'spec.licenseCount'], null], ['spec.adopt', ARN, null], ['spec.management', 'observe', 'manage'],
    ]);
  });

  it('takes the project\'s spec.observe and spec.ignore into account, as they are in effect for the document', async () => {
    const base = await loadState(documents('', ''));
    const project = `${PROJECT}spec:\n  observe: [LicenseConfiguration/a]\n  ignore: [{kind: LicenseConfiguration, fields: [spec.description]}]\n`;
    const head = await loadState({ ...documents('', ''), 'licensectl.yaml': project });
    const diff = diffDesired(base, head);
    expect(diff.project.map((d) => d.path)).toEqual(['ignore', 'observe']);
    expect(diff.documents.map((d) => [d.address, d.diff.map((f) => `${f.path}: ${JSON.stringify(f.before)} → ${JSON.stringify(f.after)}`)])).toEqual([
      ['LicenseConfiguration/a', ['metadata.ignore: null → ["spec.description"]', 'spec.management: "manage" → "observe"']],
    ]);
  });

  it('explains a change that only an ignore removed from the document brings back (watch\'s documentChange)', async () => {
    const base = (await loadState(documents(', ignore: [spec.licenseCount]', ', licenseCount: 4'))).resources[0]!;
    const head = (await loadState(documents('', ', licenseCount: 4'))).resources[0]!;
    expect(documentChange('LicenseConfiguration/a', base, head)).toMatchObject({ status: 'changed', diff: [{ path: 'metadata.ignore', before: ['spec.licenseCount'], after: null }] });
    expect(documentChange('LicenseConfiguration/a', head, head)).toBeNull();
  });
});

async function loadState(files: Record<string, string>): Promise<DesiredState> {
  const result = await load(files);
  expect(result.diagnostics).toEqual([]);
  return result.state!;
}

describe('desiredChanges in the JSON plan', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(new URL('../../schemas/plan.schema.json', import.meta.url), 'utf8')));
  const problems = (doc: unknown) => (validate(doc) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`));

  it('appears before the changes when present, satisfies the schema, and reads back as the same plan', () => {
    const plan = pullRequestPlan();
    const doc = JSON.parse(renderPlanJson(plan));
    expect(Object.keys(doc).slice(6, 9)).toEqual(['summary', 'desiredChanges', 'changes']);
    expect(problems(doc)).toEqual([]);
    expect(doc).toEqual(plan);
  });

  it('takes management paths (spec.adopt, spec.management, metadata.ignore) as any other field diff', () => {
    const plan = pullRequestPlan();
    const changes = plan.desiredChanges!;
    const diff = [
      { path: 'metadata.ignore', before: null, after: ['spec.licenseCount'], added: ['spec.licenseCount'], removed: [] },
      { path: 'spec.adopt', before: null, after: 'arn:aws:license-manager:us-east-1:000000000000:license-configuration:lic-1' },
      { path: 'spec.management', before: 'manage', after: 'observe' },
    ];
    const documents = changes.documents.map((d, i) => (i === 0 ? { ...d, status: 'changed' as const, diff } : d));
    const doc = JSON.parse(renderPlanJson({ ...plan, desiredChanges: { ...changes, documents } }));
    expect(problems(doc)).toEqual([]);
    expect(doc.desiredChanges.documents[0].diff).toEqual(diff);
  });

  it('is absent from a plan made without --base', () => {
    expect('desiredChanges' in planToJson(everyActionPlan())).toBe(false);
  });

  it('is rejected by the schema when a document has an unknown status', () => {
    const doc = planToJson(pullRequestPlan());
    const documents = doc.desiredChanges!.documents.map((d, i) => (i === 0 ? { ...d, status: 'renamed' } : d));
    expect(problems({ ...doc, desiredChanges: { ...doc.desiredChanges, documents } })).toEqual(['/desiredChanges/documents/0/status must be equal to one of the allowed values']);
  });
});
