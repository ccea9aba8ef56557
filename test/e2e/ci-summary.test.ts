// The end of .ci/run's output (scripts/ci-summary.mjs): results per Node version from vitest's JSON report, then
// the line CI reads. Run as .ci/run runs it: a separate process given the report's path.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, ROOT } from '../helpers/cli.js';

const SCRIPT = path.join(ROOT, 'scripts/ci-summary.mjs');

const test = (status: string, title: string, suite?: string) => ({ ancestorTitles: suite ? [suite, 'inner'] : [], title, status });

/** A vitest JSON report, as much of it as the summary reads. */
const REPORT = {
  numPassedTests: 7,
  numFailedTests: 2,
  testResults: [
    { assertionResults: [test('passed', 'plans'), test('passed', 'applies'), test('failed', 'watches'), test('skipped', 'slow one')] },
    {
      assertionResults: [
        test('passed', 'validates', 'CLI on Node 20.12.0 (v20.12.0)'),
        test('passed', 'serves', 'CLI on Node 20.12.0 (v20.12.0)'),
        test('passed', 'validates', 'CLI on Node 22 (v22.23.5)'),
        test('failed', 'serves', 'CLI on Node 22 (v22.23.5)'),
        test('passed', 'stops', 'CLI on Node 22 (v22.23.5)'),
        test('skipped', 'skipped: no Node 24 at /cache/node-24/bin/node: run `prepare 24`', 'CLI on Node 24'),
      ],
    },
  ],
};

let dir: string;
let reports = 0;

async function summary(report: unknown): Promise<string> {
  const file = path.join(dir, `report-${reports += 1}.json`);
  if (report !== undefined) await writeFile(file, JSON.stringify(report));
  const { stdout } = await promisify(execFile)(process.execPath, [SCRIPT, file]);
  return stdout;
}

describe('scripts/ci-summary.mjs', () => {
  beforeAll(async () => { dir = await mkdtemp(path.join(tmpdir(), 'licensectl-ci-summary-')); });
  afterAll(() => removeDir(dir));

  it('prints each Node version\'s results, the reason a version was skipped, and the totals last', async () => {
    expect(await summary(REPORT)).toBe([
      `Node ${process.version} (this machine): the whole suite: 2 passed, 1 failed, 1 skipped`,
      'Node 20.12.0 (v20.12.0): end-to-end CLI: 2 passed, 0 failed',
      'Node 22 (v22.23.5): end-to-end CLI: 2 passed, 1 failed',
      'Node 24: end-to-end CLI: 0 passed, 0 failed, 1 skipped (no Node 24 at /cache/node-24/bin/node: run `prepare 24`)',
      '7 passed, 2 failed',
      '',
    ].join('\n'));
  });

  it('counts nothing run when vitest wrote no report (lint or the build failed first)', async () => {
    expect((await summary(undefined)).split('\n').slice(-2)).toEqual(['0 passed, 0 failed', '']);
  });
});
