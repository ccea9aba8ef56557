import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { copyExample, projectDir, readBytes, removeDir, runCli, statePathOf } from '../helpers/cli.js';

describe('the quickstart', () => {
  let dir: string;
  beforeEach(async () => { dir = await copyExample('quickstart'); });
  afterEach(async () => { await removeDir(dir); });

  it('prints its version as oclif does, without loading the framework', async () => {
    const r = await runCli(['--version']);
    expect(r.stdout).toBe(`licensectl/0.1.0 ${process.platform}-${process.arch} node-${process.version}\n`);
    expect(r.status).toBe(0);
  });

  it("keeps the SDK's Node-version notice off stderr, whatever the variable that silences it says", async () => {
    for (const value of [undefined, '1', 'false']) {
      const r = await runCli(['plan', '--dir', dir], { env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: value } });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
  });

  it('validates', async () => {
    const r = await runCli(['validate', '--dir', dir]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('Valid: project quickstart, 3 resources in 3 files.\n');
    expect(r.status).toBe(0);
  });

  it('validates with --json', async () => {
    const r = await runCli(['validate', '--dir', dir, '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      formatVersion: '1', valid: true, project: 'quickstart', files: ['databases.yaml', 'licensectl.yaml', 'windows-server.yaml'],
      resources: { LicenseConfiguration: 3 }, warnings: [],
    });
  });

  it('applies three configurations, then finds no changes', async () => {
    const first = await runCli(['apply', '--dir', dir, '--auto-approve']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Plan: 3 to create, 0 to update, 0 to replace, 0 to delete.');
    expect(first.stdout).toMatch(/Apply complete! Resources: 3 created, 0 updated, 0 replaced, 0 deleted\.\n$/);

    const second = await runCli(['apply', '--dir', dir, '--auto-approve']);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/^No changes\./m);

    const plan = await runCli(['plan', '--dir', dir, '--detailed-exitcode']);
    expect(plan.status).toBe(0);
  });

  it('refuses to apply without a terminal unless approved', async () => {
    const r = await runCli(['apply', '--dir', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Error [APPROVAL_REQUIRED]: apply needs approval, and there is no terminal to ask on');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('--state', () => {
  it('is relative to the working directory, not to --dir', async () => {
    const dir = await copyExample('quickstart');
    const cwd = await projectDir({});
    try {
      const r = await runCli(['apply', '--dir', dir, '--auto-approve', '--state', 'elsewhere.json'], { cwd });
      expect(r.status, r.stderr).toBe(0);
      expect(await readBytes(path.join(cwd, 'elsewhere.json'))).not.toBeNull();
      expect(await readBytes(path.join(dir, 'elsewhere.json'))).toBeNull();
      expect(await readBytes(statePathOf(dir))).toBeNull();
    } finally {
      await removeDir(dir);
      await removeDir(cwd);
    }
  });
});
