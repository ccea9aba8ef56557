// Grants are paired with their documents by license and name, without a tag read each; tags are read for
// grants that cannot be paired, and for paired grants before the plan changes them.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CreateGrantCommand, ListLicensesCommand } from '@aws-sdk/client-license-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mixedState } from '../e2e/mixed-state.js';
import { PROJECT_YAML, projectDir, removeDir, runCli, statePathOf } from '../helpers/cli.js';
import { otherClient } from '../helpers/live.js';

const tagReads = (stderr: string) => Number(/^\s+ListTagsForResource\s+(\d+) calls?/m.exec(stderr)?.[1] ?? 0);

describe('reading grants', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('grants'), ...mixedState({ configurations: 1, licenses: 1, shares: 0, grants: 6 }) });
    expect((await runCli(['apply', '--dir', dir, '--auto-approve'])).status).toBe(0);
  });
  afterAll(async () => { await removeDir(dir); });

  it('a plan with no changes reads no grant tags (one tag read per configuration and license)', async () => {
    const r = await runCli(['plan', '--dir', dir, '--stats']);
    expect(r.stdout).toMatch(/^No changes\./m);
    expect(tagReads(r.stderr)).toBe(2);
  });

  it('a grant the plan would change has its tags read first', async () => {
    await writeFile(path.join(dir, 'grant-3.yaml'), 'apiVersion: licensectl/v1\nkind: Grant\nmetadata: {name: grant-3}\nspec: {license: license-0, principal: "arn:aws:iam::444455556603:root", homeRegion: us-east-1, allowedOperations: [CheckoutLicense]}\n');
    const r = await runCli(['plan', '--dir', dir, '--stats', '--json']);
    expect(tagReads(r.stderr)).toBe(3);
    const plan = JSON.parse(r.stdout) as { changes: { address: string; action: string }[] };
    expect(plan.changes.filter((c) => c.action !== 'no-op')).toEqual([expect.objectContaining({ address: 'Grant/grant-3', action: 'update' })]);
  });

  it('an untagged grant of the same license is read, listed as unmanaged and never deleted', async () => {
    const lm = otherClient(statePathOf(dir));
    const license = (await lm.send(new ListLicensesCommand({}))).Licenses![0]!;
    const made = await lm.send(new CreateGrantCommand({
      ClientToken: 'by-hand', GrantName: 'hand-made', LicenseArn: license.LicenseArn, Principals: ['arn:aws:iam::999988887777:root'],
      HomeRegion: 'us-east-1', AllowedOperations: ['CheckoutLicense'],
    }));
    const r = await runCli(['apply', '--dir', dir, '--auto-approve', '--stats']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(made.GrantArn!);
    expect(r.stdout).toContain('Plan: 0 to create, 1 to update, 0 to replace, 0 to delete.');
    expect((await runCli(['plan', '--dir', dir, '--detailed-exitcode'])).status).toBe(0);
  });
});
