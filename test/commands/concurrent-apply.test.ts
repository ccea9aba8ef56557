import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONFIG_YAML, PROJECT_YAML, projectDir, removeDir, runCli, spawnCli, statePathOf } from '../helpers/cli.js';

function finished(child: ReturnType<typeof spawnCli>): Promise<number> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

describe('two applies at once on one state file', () => {
  let dirA: string;
  let dirB: string;
  beforeEach(async () => {
    const configs = (prefix: string) => Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`${prefix}${i}.yaml`, CONFIG_YAML(`${prefix}${i}`, `countingType: vCPU\nlicenseCount: ${i + 1}`)]));
    dirA = await projectDir({ 'licensectl.yaml': PROJECT_YAML('project-a'), ...configs('a') });
    dirB = await projectDir({ 'licensectl.yaml': PROJECT_YAML('project-b'), ...configs('b') });
  });
  afterEach(async () => { await removeDir(dirA); await removeDir(dirB); });

  it('both finish, and the state file holds every resource of both as valid JSON', async () => {
    const state = statePathOf(dirA);
    const a = spawnCli(['apply', '--dir', dirA, '--auto-approve', '--state', state]);
    const b = spawnCli(['apply', '--dir', dirB, '--auto-approve', '--state', state]);
    expect(await Promise.all([finished(a), finished(b)])).toEqual([0, 0]);
    const parsed = JSON.parse(await readFile(state, 'utf8')) as { licenseManager: { licenseConfigurations: Record<string, unknown> } };
    expect(Object.keys(parsed.licenseManager.licenseConfigurations)).toHaveLength(30);
    for (const dir of [dirA, dirB]) {
      const r = await runCli(['plan', '--dir', dir, '--state', state, '--detailed-exitcode']);
      expect(r.stdout).toMatch(/^No changes\./m);
      expect(r.status).toBe(0);
    }
  });
});
