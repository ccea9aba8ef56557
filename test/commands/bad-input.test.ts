import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_YAML, PROJECT_YAML, projectDir, readBytes, removeDir, runCli, statePathOf } from '../helpers/cli.js';

const GOOD = CONFIG_YAML('good', 'countingType: Core\nlicenseCount: 5');

// Each case: the file written as bad.yaml, and where the located message must point.
const CASES: Record<string, { content: string | Buffer; at: RegExp }> = {
  'a YAML syntax error': { content: 'apiVersion: licensectl/v1\nkind: [LicenseConfiguration\n', at: /^bad\.yaml:\d+:\d+: error: /m },
  'a duplicate key': { content: CONFIG_YAML('dup', 'countingType: Core\ncountingType: vCPU'), at: /^bad\.yaml:6:3: error: .*duplicate/mi },
  'an unknown field': { content: CONFIG_YAML('typo', 'countingType: Core\nlicenceCount: 5'), at: /^bad\.yaml:6:3: error: unknown field "licenceCount"[^\n]*\n\s+hint: did you mean "licenseCount"\?/m },
  'an invalid enum': { content: CONFIG_YAML('enum', 'countingType: Cores'), at: /^bad\.yaml:5:17: error: .*countingType/m },
  'a rule the counting type does not allow': { content: CONFIG_YAML('rule', 'countingType: vCPU\nrules: {minimumSockets: 2}'), at: /^bad\.yaml:6:\d+: error: .*minimumSockets/m },
  'a tab': { content: 'apiVersion: licensectl/v1\nkind: LicenseConfiguration\nmetadata:\n\tname: tabbed\n', at: /^bad\.yaml:4:\d+: error: .*tab/mi },
  'an empty file': { content: '', at: /^bad\.yaml:1:1: error: .*empty/mi },
  'a binary file': { content: Buffer.from([0x61, 0x00, 0x62, 0x0a]), at: /^bad\.yaml:1:2: error: .*binary/mi },
  'a non-UTF-8 file': { content: Buffer.from([0x6b, 0x69, 0x6e, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0x0a]), at: /^bad\.yaml:1:\d+: error: .*UTF-8/mi },
  'a __proto__ key': { content: CONFIG_YAML('proto', 'countingType: Core\n__proto__: {polluted: true}'), at: /^bad\.yaml:6:3: error: .*__proto__/m },
  'an alias bomb': { content: 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n', at: /^bad\.yaml:\d+:\d+: error: .*alias/mi },
  'a reference to a missing document': { content: 'apiVersion: licensectl/v1\nkind: ResourceShare\nmetadata: {name: share}\nspec:\n  principals: ["222233334444"]\n  licenseConfigurations: [nope]\n', at: /^bad\.yaml:6:\d+: error: .*nope/m },
  'a duplicate name': { content: GOOD, at: /^(bad|good)\.yaml:3:\d+: error: .*good/m },
};

describe('bad input', () => {
  let dir: string;
  let before: Buffer | null;
  beforeAll(async () => {
    dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML(), 'good.yaml': GOOD });
    expect((await runCli(['apply', '--dir', dir, '--auto-approve'])).status).toBe(0);
    before = await readBytes(statePathOf(dir));
    expect(before).not.toBeNull();
  });
  afterAll(async () => { await removeDir(dir); });

  for (const [name, { content, at }] of Object.entries(CASES)) {
    it(`${name}: a located message, exit 1, and the store untouched`, async () => {
      await writeFile(path.join(dir, 'bad.yaml'), content);
      // apply is the command that would write; validate and plan share its loading path (checked once below).
      const r = await runCli(['apply', '--auto-approve', '--dir', dir]);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toMatch(at);
      expect(r.stderr).toMatch(/^Error \[INVALID_CONFIG\]: \d+ errors? in the desired state/m);
      expect(r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
      expect(r.stdout).toBe('');
      expect(await readBytes(statePathOf(dir))).toEqual(before);
    });
  }

  it('validate and plan report the same located message and exit 1', async () => {
    await writeFile(path.join(dir, 'bad.yaml'), CASES['an unknown field']!.content);
    for (const command of ['validate', 'plan']) {
      const r = await runCli([command, '--dir', dir]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(CASES['an unknown field']!.at);
      expect(r.stdout).toBe('');
    }
    expect(await readBytes(statePathOf(dir))).toEqual(before);
  });

  it('a missing Project document', async () => {
    const empty = await projectDir({ 'only.yaml': GOOD });
    const r = await runCli(['plan', '--dir', empty]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/licensectl\.yaml/);
    expect(await readBytes(statePathOf(empty))).toBeNull();
    await removeDir(empty);
  });

  it('errors are JSON with --json', async () => {
    await writeFile(path.join(dir, 'bad.yaml'), CONFIG_YAML('typo', 'countingType: Core\nlicenceCount: 5'));
    const r = await runCli(['plan', '--dir', dir, '--json']);
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout) as { error: { code: string; diagnostics: { file: string; line: number; column: number }[] } };
    expect(doc.error.code).toBe('INVALID_CONFIG');
    expect(doc.error.diagnostics[0]).toMatchObject({ file: 'bad.yaml', line: 6, column: 3 });
  });
});
