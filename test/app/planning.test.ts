// A plan loads the desired state before it opens the store: a desired state that does not load is the one error
// reported, and nothing is written.
import { afterEach, describe, expect, it } from 'vitest';
import { planDirectory } from '../../src/app/planning.js';
import { ValidationError } from '../../src/errors/index.js';
import { CONFIG_YAML, PROJECT_YAML, projectDir, readBytes, removeDir, statePathOf } from '../helpers/cli.js';

const AWS_PROJECT = `apiVersion: licensectl/v1
kind: Project
metadata: {name: overlap}
spec:
  store: {type: aws}
`;

describe('loading the desired state for a plan', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    while (dirs.length) await removeDir(dirs.pop()!);
  });

  it('reports an invalid resource file, not the store that could not open for want of a region', async () => {
    const dir = await projectDir({ 'licensectl.yaml': AWS_PROJECT, 'a.yaml': CONFIG_YAML('broken', 'countingType: Cores') });
    dirs.push(dir);
    const saved = { region: process.env.AWS_REGION, fallback: process.env.AWS_DEFAULT_REGION };
    delete process.env.AWS_REGION;
    delete process.env.AWS_DEFAULT_REGION;
    try {
      const failure = await planDirectory(dir, { concurrency: 4 }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ValidationError);
      expect((failure as ValidationError).diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual(['a.yaml:5 INVALID_VALUE']);
    } finally {
      if (saved.region !== undefined) process.env.AWS_REGION = saved.region;
      if (saved.fallback !== undefined) process.env.AWS_DEFAULT_REGION = saved.fallback;
    }
  });

  it('with the embedded emulator, an invalid resource file leaves no state file behind', async () => {
    const dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('overlap'), 'a.yaml': CONFIG_YAML('broken', 'countingType: Core\nlicenseCount: -1') });
    dirs.push(dir);
    await expect(planDirectory(dir, { concurrency: 4 })).rejects.toBeInstanceOf(ValidationError);
    expect(await readBytes(statePathOf(dir))).toBeNull();
  });
});
