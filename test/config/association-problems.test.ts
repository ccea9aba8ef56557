// An Association document's problems, each at its field: configurations it names must be documents of this project,
// and its resource must be an AMI, an instance or a dedicated host (the API reference documents no other).
import { describe, expect, it } from 'vitest';
import { loadDesiredState } from '../../src/config/load.js';
import { directorySource } from '../../src/config/source.js';
import { projectDir, PROJECT, withResources, yaml } from './helpers.js';

const CONFIG = yaml`
  apiVersion: licensectl/v1
  kind: LicenseConfiguration
  metadata: {name: windows-server}
  spec: {countingType: vCPU}
`;
const association = (resourceArn: string, configurations: string, extra = '') => yaml`
  apiVersion: licensectl/v1
  kind: Association
  metadata: {name: ami-windows}
  spec:
    resourceArn: ${resourceArn}
    licenseConfigurations: [${configurations}]
` + extra;

describe('Association documents', () => {
  it('a configuration that no document defines, at its entry, with a suggestion', async () => {
    expect(await withResources(`${CONFIG}---\n${association('arn:aws:ec2:us-east-1::image/ami-0abc1234', 'windows-server, windows-servr')}`)).toEqual([
      'resources.yaml:11:43: error: LicenseConfiguration "windows-servr" is not defined',
      '  hint: did you mean "windows-server"?',
    ]);
  });

  it('a configuration ARN is refused: an Association names managed configurations only', async () => {
    const arn = 'arn:aws:license-manager:us-east-1:111122223333:license-configuration:lic-0123';
    const found = await withResources(`${CONFIG}---\n${association('arn:aws:ec2:us-east-1::image/ami-0abc1234', arn)}`);
    expect(found[0]).toMatch(/^resources\.yaml:11:27: error: "licenseConfigurations\[0\]" must be 1-63 lower-case letters/);
  });

  it('a resource that is not an AMI, instance or dedicated host (a host resource group included), at resourceArn', async () => {
    const expected = 'error: "resourceArn" must be the ARN of an AMI (arn:aws:ec2:REGION::image/ami-…), an instance (…:ACCOUNT:instance/i-…) or a dedicated host (…:dedicated-host/h-…)';
    for (const arn of ['arn:aws:s3:::my-bucket', 'arn:aws:resource-groups:us-east-1:111122223333:group/hosts']) {
      const found = await withResources(`${CONFIG}---\n${association(arn, 'windows-server')}`);
      expect(found[0]).toBe(`resources.yaml:10:16: ${expected}`);
    }
  });

  it('an AMI ARN with an account, at resourceArn, with the form AWS lists it in (it would never converge)', async () => {
    expect(await withResources(`${CONFIG}---\n${association('arn:aws:ec2:us-east-1:111122223333:image/ami-0abc1234', 'windows-server')}`)).toEqual([
      expect.stringMatching(/^resources\.yaml:10:16: error: "resourceArn" must be the ARN of an AMI \(arn:aws:ec2:REGION::image\/ami-…\)/),
      '  hint: an AMI\'s ARN has no account (AWS lists it without one): write "arn:aws:ec2:us-east-1::image/ami-0abc1234"',
    ]);
  });

  it('amiAssociationScope on a resource that is not an AMI, at the field', async () => {
    const doc = association('arn:aws:ec2:us-east-1:111122223333:instance/i-0abc', 'windows-server', '  amiAssociationScope: cross-account\n');
    expect(await withResources(`${CONFIG}---\n${doc}`)).toEqual([
      'resources.yaml:12:24: error: amiAssociationScope applies to AMIs only',
      '  hint: remove it, or name an AMI (arn:aws:ec2:REGION::image/ami-…) in resourceArn',
    ]);
    expect(await withResources(`${CONFIG}---\n${association('arn:aws:ec2:us-east-1::image/ami-0abc1234', 'windows-server', '  amiAssociationScope: cross-account\n')}`)).toEqual([]);
  });

  it('two documents naming the same pair: at the second one\'s entry, pointing at the first', async () => {
    const ami = 'arn:aws:ec2:us-east-1::image/ami-0abc1234';
    const second = association(ami, 'other-server, windows-server').replace('ami-windows', 'ami-again');
    const other = yaml`
      apiVersion: licensectl/v1
      kind: LicenseConfiguration
      metadata: {name: other-server}
      spec: {countingType: vCPU}
    `;
    expect(await withResources(`${CONFIG}---\n${other}---\n${association(ami, 'windows-server')}---\n${second}`)).toEqual([
      'resources.yaml:23:41: error: the pair (arn:aws:ec2:us-east-1::image/ami-0abc1234, LicenseConfiguration "windows-server") is already named by Association "ami-windows"',
      '  hint: named at resources.yaml:16:27; a pair belongs to one Association: remove it from one of them',
    ]);
  });

  it('a configuration whose tags, ownership tags and claims would pass AWS\'s 50: at the Association entry that goes over', async () => {
    const tags = Array.from({ length: 47 }, (_, i) => `t${i}: v`).join(', ');
    const tagged = yaml`
      apiVersion: licensectl/v1
      kind: LicenseConfiguration
      metadata: {name: windows-server, tags: {${tags}}}
      spec: {countingType: vCPU}
    `;
    const ami = 'arn:aws:ec2:us-east-1::image/ami-0abc1234';
    const second = association('arn:aws:ec2:us-east-1::image/ami-0def5678', 'windows-server').replace('ami-windows', 'ami-again');
    expect(await withResources(`${tagged}---\n${association(ami, 'windows-server')}`)).toEqual([]);
    expect(await withResources(`${tagged}---\n${association(ami, 'windows-server')}---\n${second}`)).toEqual([
      'resources.yaml:18:27: error: LicenseConfiguration "windows-server" would carry 51 tags; AWS allows 50',
      '  hint: 47 of its own, 2 that licensectl sets, and 1 for each of the 2 Associations naming it: name it in fewer Associations, or give it fewer tags',
    ]);
  });

  it('normalises to a sorted set of names and a null scope', async () => {
    const dir = await projectDir({
      'licensectl.yaml': PROJECT,
      'r.yaml': `${CONFIG}---\n${association('arn:aws:ec2:us-east-1:111122223333:instance/i-0abc', 'windows-server, windows-server')}`,
    });
    const result = await loadDesiredState(directorySource(dir));
    expect(result.diagnostics).toEqual([]);
    expect(result.state?.resources.find((r) => r.kind === 'Association')).toMatchObject({
      name: 'ami-windows', spec: { resourceArn: 'arn:aws:ec2:us-east-1:111122223333:instance/i-0abc', licenseConfigurations: ['windows-server'], amiAssociationScope: null },
    });
  });
});
