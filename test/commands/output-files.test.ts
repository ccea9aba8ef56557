// Files a flag asks for (plan --out, report --html, report --snapshot) that cannot be written: OUTPUT_UNWRITABLE
// naming the flag and the path, exit 1 — never an internal error.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_YAML, PROJECT_YAML, projectDir, removeDir, runCli } from '../helpers/cli.js';

describe('an output file that cannot be written', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('outputs'), 'c.yaml': CONFIG_YAML('c', 'countingType: vCPU') });
  });
  afterAll(async () => removeDir(dir));

  it.each([
    [['plan', '--out', '/nonexistent-folder/plan.json'], '--out /nonexistent-folder/plan.json: cannot write it (ENOENT'],
    [['report', '--html', '/nonexistent-folder/usage.html'], '--html /nonexistent-folder/usage.html: cannot write it (ENOENT'],
  ])('%j', async (args, message) => {
    const r = await runCli([...args, '--dir', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`Error [OUTPUT_UNWRITABLE]: ${message}`);
  });

  it('report --snapshot onto a file', async () => {
    const r = await runCli(['report', '--snapshot', path.join(dir, 'c.yaml'), '--dir', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`Error [OUTPUT_UNWRITABLE]: --snapshot ${path.join(dir, 'c.yaml')}/report-`);
  });
});
