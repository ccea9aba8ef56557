// spec.targets, spec.defaultTargets and metadata.targets: resolved per document, and every mistake at its field.
import { describe, expect, it } from 'vitest';
import { desiredForUnit, targetUnits } from '../../src/model/index.js';
import { load, problems, yaml } from './helpers.js';

const PROJECT = (extra = '') => yaml`
  apiVersion: licensectl/v1
  kind: Project
  metadata: {name: org}
  spec:
    targets:
      - {name: mgmt, account: "111122223333", regions: [us-east-1, eu-west-1]}
      - {name: dev, account: "222233334444", regions: [us-east-1], profile: dev}
      - {name: dev-qa, account: "333344445555", regions: [us-east-1], roleArn: "arn:aws:iam::333344445555:role/licensectl", externalId: x1}
${extra}`;
const config = (name: string, targets = '') => `apiVersion: licensectl/v1\nkind: LicenseConfiguration\nmetadata: {name: ${name}${targets ? `, targets: ${targets}` : ''}}\nspec: {countingType: vCPU}\n`;
const share = (configs: string, targets = '') => `apiVersion: licensectl/v1\nkind: ResourceShare\nmetadata: {name: s${targets ? `, targets: ${targets}` : ''}}\nspec: {principals: ["444455556666"], licenseConfigurations: [${configs}]}\n`;

describe('targets in the desired state', () => {
  it('resolves each document\'s targets (globs, default) and splits the state into units', async () => {
    const result = await load({
      'licensectl.yaml': PROJECT('    defaultTargets: [mgmt]\n'),
      'a.yaml': `${config('everywhere', '["*"]')}---\n${config('mgmt-only')}---\n${config('devs', '["dev*"]')}`,
    });
    expect(result.diagnostics).toEqual([]);
    const state = result.state!;
    expect(state.resources.map((r) => [r.name, r.targets])).toEqual([
      ['devs', ['dev@us-east-1', 'dev-qa@us-east-1']],
      ['everywhere', ['mgmt@us-east-1', 'mgmt@eu-west-1', 'dev@us-east-1', 'dev-qa@us-east-1']],
      ['mgmt-only', ['mgmt@us-east-1', 'mgmt@eu-west-1']],
    ]);
    const units = targetUnits(state.project);
    expect(units.map((u) => [u.label, u.account, u.region])).toEqual([
      ['mgmt@us-east-1', '111122223333', 'us-east-1'], ['mgmt@eu-west-1', '111122223333', 'eu-west-1'],
      ['dev', '222233334444', 'us-east-1'], ['dev-qa', '333344445555', 'us-east-1'],
    ]);
    expect(units[3]!.credentials).toEqual({ roleArn: 'arn:aws:iam::333344445555:role/licensectl', externalId: 'x1' });
    const dev = desiredForUnit(state, units[2]!);
    expect(dev.resources.map((r) => r.name)).toEqual(['devs', 'everywhere']);
    expect(dev.project).toMatchObject({ account: '222233334444', store: { region: 'us-east-1' } });
  });

  it('name@region selects some regions of a target; a reference must reach the same units', async () => {
    const result = await load({ 'licensectl.yaml': PROJECT('    defaultTargets: [mgmt]\n'), 'a.yaml': `${config('win')}---\n${share('win', '["mgmt@eu-*"]')}` });
    expect(result.diagnostics).toEqual([]);
    expect(result.state!.resources.find((r) => r.name === 's')!.targets).toEqual(['mgmt@eu-west-1']);
    expect(await problems({ 'licensectl.yaml': PROJECT('    defaultTargets: ["mgmt@us-east-1"]\n'), 'a.yaml': `${config('win')}---\n${share('win', '[mgmt]')}` })).toEqual([
      'a.yaml:9:62: error: LicenseConfiguration "win" is not applied to target mgmt@eu-west-1, where ResourceShare/s is',
      '  hint: add mgmt@eu-west-1 to the metadata.targets of LicenseConfiguration/win, or narrow this document\'s',
    ]);
  });

  it('spec.adopt of a resource of another account or region than a unit the document is applied to', async () => {
    const adopting = (arn: string, targets: string) => `${config('win', targets).replace('spec: {countingType: vCPU}', `spec: {countingType: vCPU, adopt: "${arn}"}`)}`;
    const eastArn = 'arn:aws:license-manager:us-east-1:111122223333:license-configuration:lic-0abc';
    expect(await problems({ 'licensectl.yaml': PROJECT(), 'a.yaml': adopting(eastArn, '[mgmt]') })).toEqual([
      'a.yaml:4:35: error: spec.adopt names a resource of account 111122223333 in us-east-1, but LicenseConfiguration/win is applied to mgmt@eu-west-1',
      '  hint: apply it to mgmt@us-east-1 only (metadata.targets)',
    ]);
    expect(await problems({ 'licensectl.yaml': PROJECT(), 'a.yaml': adopting(eastArn, '["mgmt@us-east-1"]') })).toEqual([]);
    expect(await problems({ 'licensectl.yaml': PROJECT(), 'a.yaml': adopting(eastArn, '["dev"]') })).toEqual([
      'a.yaml:4:35: error: spec.adopt names a resource of account 111122223333 in us-east-1, but LicenseConfiguration/win is applied to dev',
      '  hint: apply it to mgmt@us-east-1 only (metadata.targets)',
    ]);
    // A license's ARN names no region: its account is every region's.
    const licenseArn = 'arn:aws:license-manager::111122223333:license:l-0abc';
    const license = `apiVersion: licensectl/v1\nkind: License\nmetadata: {name: l, targets: ["mgmt@us-east-1", dev]}\nspec:\n  productName: p\n  productSku: s\n  issuer: {name: i}\n  homeRegion: us-east-1\n  validity: {begin: "2026-01-01T00:00:00Z"}\n  entitlements: [{name: seats, unit: Count, maxCount: 5}]\n  consumptionConfiguration: {renewType: Monthly}\n  adopt: "${licenseArn}"\n`;
    expect(await problems({ 'licensectl.yaml': PROJECT(), 'a.yaml': license })).toEqual([
      'a.yaml:12:10: error: spec.adopt names a resource of account 111122223333, but License/l is applied to dev',
      '  hint: apply it to mgmt only (metadata.targets)',
    ]);
  });

  it('a license or grant applied to a unit outside its home region', async () => {
    const license = 'apiVersion: licensectl/v1\nkind: License\nmetadata: {name: l}\nspec:\n  productName: p\n  productSku: s\n  issuer: {name: i}\n  homeRegion: us-east-1\n  validity: {begin: "2026-01-01T00:00:00Z"}\n  entitlements: [{name: seats, unit: Count, maxCount: 5}]\n  consumptionConfiguration: {renewType: Monthly}\n';
    expect(await problems({ 'licensectl.yaml': PROJECT('    defaultTargets: [mgmt]\n'), 'a.yaml': license })).toEqual([
      'a.yaml:8:15: error: License/l has homeRegion us-east-1, but is applied to mgmt@eu-west-1',
      '  hint: apply it to the us-east-1 units only, e.g. metadata.targets: ["mgmt@us-east-1"]',
    ]);
  });

  it('a pattern that matches no target, at its field, with a spelling hint', async () => {
    expect(await problems({ 'licensectl.yaml': PROJECT('    defaultTargets: [mgnt]\n'), 'a.yaml': config('a', '[deev]') })).toEqual([
      'a.yaml:3:31: error: "deev" matches no target of spec.targets',
      '  hint: did you mean "dev"?',
      'licensectl.yaml:9:20: error: "mgnt" matches no target of spec.targets',
      '  hint: did you mean "mgmt"?',
    ]);
  });

  it('a document applied nowhere; metadata.targets without spec.targets', async () => {
    expect(await problems({ 'licensectl.yaml': PROJECT(), 'a.yaml': config('a') })).toEqual([
      'a.yaml:3:1: error: LicenseConfiguration/a is applied to no target',
      '  hint: set metadata.targets on it, or spec.defaultTargets in licensectl.yaml',
    ]);
    const plain = 'apiVersion: licensectl/v1\nkind: Project\nmetadata: {name: p}\n';
    expect(await problems({ 'licensectl.yaml': plain, 'a.yaml': config('a', '[dev]') })).toEqual([
      'a.yaml:3:21: error: metadata.targets needs spec.targets in licensectl.yaml',
      '  hint: declare the targets in licensectl.yaml, or remove metadata.targets',
    ]);
  });

  it('a reference by name must reach the referenced document in every target of the document', async () => {
    expect(await problems({ 'licensectl.yaml': PROJECT('    defaultTargets: [mgmt]\n'), 'a.yaml': `${config('win')}---\n${share('win', '[mgmt, dev]')}` })).toEqual([
      'a.yaml:9:62: error: LicenseConfiguration "win" is not applied to target dev, where ResourceShare/s is',
      '  hint: add dev to the metadata.targets of LicenseConfiguration/win, or narrow this document\'s',
    ]);
  });

  it('duplicate targets, and settings that belong to targets', async () => {
    const text = yaml`
      apiVersion: licensectl/v1
      kind: Project
      metadata: {name: org}
      spec:
        account: "111122223333"
        store: {type: aws, region: us-east-1}
        targets:
          - {name: a, account: "111122223333", regions: [us-east-1]}
          - {name: a, account: "111122223333", regions: [eu-west-1]}
          - {name: b, account: "111122223333", regions: [us-east-1]}
        defaultTargets: [a]
    `;
    expect(await problems({ 'licensectl.yaml': text })).toEqual([
      'licensectl.yaml:5:3: error: spec.account cannot be used with spec.targets',
      '  hint: each target declares its account',
      'licensectl.yaml:6:22: error: spec.store.region cannot be used with spec.targets',
      '  hint: each target declares its regions',
      'licensectl.yaml:9:14: error: target "a" is declared twice',
      '  hint: give each target its own name',
      'licensectl.yaml:10:51: error: targets "a" and "b" both name account 111122223333 in us-east-1',
      '  hint: one target per account and region: the two would manage the same resources',
    ]);
  });
});
