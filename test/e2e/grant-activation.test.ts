// A Grant's activationOverrideBehavior: the option licensectl passes (CreateGrantVersion Options) when it activates the
// grant in the grantee's target; the emulator records it on the grantee's version. It is not drift: the grantor's grant
// does not carry it. A value outside AWS's enum is refused by validation, naming file, line and field.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetGrantCommand, ListReceivedGrantsCommand } from '@aws-sdk/client-license-manager';
import { LICENSE_YAML, projectDir, readBytes, removeDir, runCli, statePathOf } from '../helpers/cli.js';
import { otherClient } from '../helpers/live.js';

const PROJECT = `apiVersion: licensectl/v1
kind: Project
metadata: {name: org}
spec:
  targets:
    - {name: mgmt, account: "111122223333", regions: [us-east-1]}
    - {name: dev, account: "222233334444", regions: [us-east-1]}
  defaultTargets: [mgmt]
`;
const GRANT = (behavior: string) => `${LICENSE_YAML('analytics')}---
apiVersion: licensectl/v1
kind: Grant
metadata: {name: analytics-to-dev}
spec:
  license: analytics
  principal: "arn:aws:iam::222233334444:root"
  homeRegion: us-east-1
  allowedOperations: [CheckoutLicense]
  activationOverrideBehavior: ${behavior}
`;

describe('Grant activationOverrideBehavior', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await projectDir({ 'licensectl.yaml': PROJECT, 'grant.yaml': GRANT('ALL_GRANTS_PERMITTED_BY_ISSUER') });
  });
  afterAll(async () => removeDir(dir));
  const cli = (args: string[]) => runCli([...args, '--dir', dir]);

  it('reaches the emulator with the grantee\'s activation, and is not drift afterwards', async () => {
    const r = await cli(['apply', '--auto-approve']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('+ activationOverrideBehavior: "ALL_GRANTS_PERMITTED_BY_ISSUER"');
    expect(r.stdout).toContain('accepted and activated mgmt/Grant/analytics-to-dev in dev');
    const dev = otherClient(statePathOf(dir), '222233334444');
    const [received] = (await dev.send(new ListReceivedGrantsCommand({}))).Grants ?? [];
    const grant = (await dev.send(new GetGrantCommand({ GrantArn: received!.GrantArn! }))).Grant!;
    dev.destroy();
    expect([grant.GrantStatus, grant.Options]).toEqual(['ACTIVE', { ActivationOverrideBehavior: 'ALL_GRANTS_PERMITTED_BY_ISSUER' }]);
    const again = await cli(['plan', '--detailed-exitcode']);
    expect(again.status, again.stdout).toBe(0);
  });

  it('a value outside the enum is refused before any store is touched, naming file, line and field', async () => {
    await writeFile(path.join(dir, 'grant.yaml'), GRANT('EVERYTHING'));
    const before = await readBytes(statePathOf(dir));
    const r = await cli(['plan']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/grant\.yaml:\d+:\d+.*activationOverrideBehavior/);
    expect(r.stderr).toContain('DISTRIBUTED_GRANTS_ONLY');
    expect(await readBytes(statePathOf(dir))).toEqual(before);
  });
});
