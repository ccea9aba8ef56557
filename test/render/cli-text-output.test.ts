// Text output through the built CLI: a file name with a line break and an escape sequence in a directory that
// `validate` reads cannot forge a diagnostic line for a CI annotation parser, and reaches the terminal (NO_COLOR,
// as CI runs) only as visible text; error messages quoting a flag value are escaped the same way. A mistake
// repeated in many documents prints a bounded list; --json keeps every diagnostic.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_SHOWN } from '../../src/render/diagnostics.js';
import { CONFIG_YAML, PROJECT_YAML, projectDir, removeDir, runCli } from '../helpers/cli.js';

const EVIL_NAME = 'evil\nc.yaml:1:1: error: forged annotation \u001b[31mred\u001b[2J.yaml';
const ESCAPED_NAME = 'evil\\nc.yaml:1:1: error: forged annotation \\u001b[31mred\\u001b[2J.yaml';
/** A line a CI annotation parser takes for a located error. */
const ANNOTATION = /^\S.*?:\d+:\d+: error: /;
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe.skipIf(process.platform === 'win32')('hostile file names through the CLI', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await removeDir(dir);
    dir = undefined;
  });

  it('validate: one diagnostic line for the hostile file, no forged one, no control character', async () => {
    dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('hostile') });
    await writeFile(path.join(dir, EVIL_NAME), 'apiVersion: licensectl/v1\nkind: [\n');
    const { status, stdout, stderr } = await runCli(['validate', '--dir', dir]);
    expect(status).toBe(1);
    expect(stdout + stderr).not.toMatch(CONTROL);
    const annotations = stderr.split('\n').filter((line) => ANNOTATION.test(line));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]!.startsWith(`${ESCAPED_NAME}:`)).toBe(true);
  });

  it('validate --json keeps the file name exactly, as JSON', async () => {
    dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('hostile') });
    await writeFile(path.join(dir, EVIL_NAME), 'apiVersion: licensectl/v1\nkind: [\n');
    const { status, stdout } = await runCli(['validate', '--dir', dir, '--json']);
    expect(status).toBe(1);
    const { error } = JSON.parse(stdout) as { error: { diagnostics: { file: string }[] } };
    expect(error.diagnostics.map((d) => d.file)).toContain(EVIL_NAME);
  });

  it('a message quoting a flag value is one escaped line', async () => {
    const { status, stderr } = await runCli(['validate', '--dir', `/nonexistent/${EVIL_NAME}`]);
    expect(status).toBe(1);
    expect(stderr).not.toMatch(CONTROL);
    expect(stderr.split('\n').filter((line) => ANNOTATION.test(line))).toEqual([`error: directory /nonexistent/${ESCAPED_NAME} does not exist`]);
  });

  it('an error printed by the base command is escaped too', async () => {
    const { status, stderr } = await runCli(['plan', '--dir', `/nonexistent/${EVIL_NAME}`, '--target', `licenseconfiguration/${EVIL_NAME}`]);
    expect(status).toBe(1);
    expect(stderr).not.toMatch(CONTROL);
    const [message, ...rest] = stderr.split('\n').filter((line) => ANNOTATION.test(line));
    expect(rest).toEqual([]);
    expect(message).toMatch(/^Error \[BAD_TARGET\]: .*did you mean LicenseConfiguration\/evil\\nc\.yaml:1:1: error: forged annotation \\u001b\[31mred/);
  });
});

describe('many diagnostics through the CLI', () => {
  const DOCUMENTS = MAX_SHOWN + 50;
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await removeDir(dir);
    dir = undefined;
  });

  it(`validate prints ${MAX_SHOWN} and counts the rest; --json lists them all`, async () => {
    const bad = Array.from({ length: DOCUMENTS }, (_, i) => CONFIG_YAML(`c${i}`, 'countingType: Core\nlicenceCount: 1')).join('---\n');
    dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('many'), 'configs.yaml': bad });
    const text = await runCli(['validate', '--dir', dir]);
    expect(text.status).toBe(1);
    const lines = text.stderr.split('\n');
    expect(lines.filter((line) => ANNOTATION.test(line))).toHaveLength(MAX_SHOWN);
    expect(lines).toContain(`… and 50 more errors (--json lists every one)`);
    expect(lines).toContain(`${DOCUMENTS} errors`);
    const json = await runCli(['validate', '--dir', dir, '--json']);
    expect((JSON.parse(json.stdout) as { error: { diagnostics: unknown[] } }).error.diagnostics).toHaveLength(DOCUMENTS);
  });
});
