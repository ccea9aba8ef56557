// A plan opens the store and starts its live read as soon as licensectl.yaml is read, before the other files
// are parsed; a desired state that does not load is still the one error reported, and nothing is written.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDesired } from '../../src/app/desired.js';
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

  it('hands over the project before it reads any other file, and waits for the handler', async () => {
    const dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('overlap'), 'a.yaml': CONFIG_YAML('first', 'countingType: Core') });
    dirs.push(dir);
    const seen: string[] = [];
    const loaded = await loadDesired(dir, undefined, {
      onProject: async (project) => {
        seen.push(project?.name ?? 'none');
        // Written while the handler runs: the load must read it, so it cannot have read the folder before.
        await writeFile(path.join(dir, 'b.yaml'), CONFIG_YAML('second', 'countingType: vCPU'));
      },
    });
    expect(seen).toEqual(['overlap']);
    expect(loaded.state.resources.map((r) => r.name)).toEqual(['first', 'second']);
  });

  it('hands over null when licensectl.yaml itself is invalid, and the load fails with its diagnostics', async () => {
    const dir = await projectDir({ 'licensectl.yaml': 'apiVersion: licensectl/v1\nkind: Project\nmetadata: {}\n' });
    dirs.push(dir);
    const seen: unknown[] = [];
    const failure = await loadDesired(dir, undefined, { onProject: (project) => void seen.push(project) }).catch((e: unknown) => e);
    expect(seen).toEqual([null]);
    expect(failure).toBeInstanceOf(ValidationError);
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
