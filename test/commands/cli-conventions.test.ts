// The command line behaves as its peers': -h is --help; a mistyped command or flag gets the nearest name; a stray
// argument is a usage error (exit 1, never 2, which --detailed-exitcode reserves for "changes present") with a hint;
// every parse error is one line in licensectl's style with a hint; counts agree with their nouns; shells complete.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaProblems } from '../../src/app/schema.js';
import { PROJECT_YAML, projectDir, removeDir, ROOT, runCli } from '../helpers/cli.js';

/** A usage error as printed: exactly these two lines on stderr, nothing on stdout, exit 1. */
function expectUsage(r: { status: number; stdout: string; stderr: string }, message: string, hint: string): void {
  expect({ status: r.status, stdout: r.stdout, stderr: r.stderr.trim() }).toEqual({ status: 1, stdout: '', stderr: `Error [USAGE]: ${message}\n  hint: ${hint}` });
}

const manifest = JSON.parse(await readFile(path.join(ROOT, 'oclif.manifest.json'), 'utf8')) as { commands: Record<string, unknown> };
const COMMANDS = [...Object.keys(manifest.commands).map((id) => id.split(':')), ['autocomplete'], []];

describe('-h', () => {
  it.each(COMMANDS.map((words) => [words.join(' ') || '(no command)', words]))('prints what --help prints: %s', async (_name, words) => {
    const [short, long] = await Promise.all([runCli([...words, '-h']), runCli([...words, '--help'])]);
    expect(short.status, short.stderr).toBe(0);
    expect(short.stdout).toMatch(/^USAGE$/m);
    expect(short.stdout).toBe(long.stdout);
  });
});

describe('mistyped commands and flags', () => {
  it('a mistyped command: the nearest command, in licensectl\'s style, exit 1', async () => {
    expectUsage(await runCli(['plna']), 'unknown command plna', 'did you mean plan? (licensectl --help lists the commands)');
    expectUsage(await runCli(['emulator', 'srve']), 'unknown command emulator srve', 'did you mean emulator serve? (licensectl --help lists the commands)');
    expectUsage(await runCli(['frobnicate']), 'unknown command frobnicate', 'licensectl --help lists the commands');
  });

  it('help for a mistyped command (help plna, plna -h): the same usage error, exit 1, not oclif\'s exit 2', async () => {
    const [help, short] = await Promise.all([runCli(['help', 'plna']), runCli(['plna', '-h'])]);
    expectUsage(help, 'unknown command plna', 'did you mean plan? (licensectl --help lists the commands)');
    expectUsage(short, 'unknown command plna', 'did you mean plan? (licensectl --help lists the commands)');
    const known = await runCli(['help', 'plan']);
    expect([known.status, known.stdout]).toEqual([0, (await runCli(['plan', '--help'])).stdout]);
  });

  it('a mistyped command under --json: the error as JSON', async () => {
    const r = await runCli(['valdate', '--json']);
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout) as unknown;
    expect(schemaProblems('error.schema.json', doc)).toEqual([]);
    expect(doc).toEqual({ error: { code: 'USAGE', message: 'unknown command valdate', hint: 'did you mean validate? (licensectl --help lists the commands)' } });
  });

  it('a mistyped flag: the nearest flags of that command', async () => {
    expectUsage(await runCli(['plan', '--detailed-exitcod']), 'unknown flag --detailed-exitcod for plan', 'did you mean --detailed-exitcode? (licensectl plan --help lists the flags)');
    expectUsage(await runCli(['plan', '--stat']), 'unknown flag --stat for plan', 'did you mean --state or --stats? (licensectl plan --help lists the flags)');
    expectUsage(await runCli(['validate', '--concurrency', '3']), 'unknown flag --concurrency for validate', 'licensectl validate --help lists the flags');
    expectUsage(await runCli(['--hlp']), 'unknown flag --hlp', 'did you mean --help? (licensectl --help lists the commands)');
  });
});

describe('stray arguments', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await projectDir({ 'licensectl.yaml': PROJECT_YAML('conventions') });
    await mkdir(path.join(cwd, 'licenses'));
  });
  afterAll(async () => { await removeDir(cwd); });

  it('a folder given as an argument: use --dir, exit 1 even with --detailed-exitcode', async () => {
    const r = await runCli(['plan', 'licenses', '--detailed-exitcode'], { cwd });
    expectUsage(r, 'unexpected argument for plan: licenses', 'use --dir licenses to read the desired state from that folder');
    expectUsage(await runCli(['plan', '--dir', '.', 'licenses'], { cwd }), 'unexpected argument for plan: licenses', 'use --dir licenses to read the desired state from that folder');
  });

  it('anything else: what the command takes', async () => {
    expectUsage(await runCli(['validate', 'nothing-here'], { cwd }), 'unexpected argument for validate: nothing-here', 'licensectl validate takes no arguments, only flags; see licensectl validate --help');
    expectUsage(await runCli(['apply', 'plan.json', 'extra'], { cwd }), 'unexpected argument for apply: extra', 'licensectl apply takes PLANFILE only; see licensectl apply --help');
  });
});

describe('parse errors', () => {
  const CASES: [string[], string, string][] = [
    [['plan', '--dir'], 'Flag --dir expects a value', 'see licensectl plan --help'],
    [['plan', '--format', 'yaml'], 'Expected --format=yaml to be one of: text, json, markdown', 'see licensectl plan --help'],
    [['plan', '--format', 'markdwn'], 'Expected --format=markdwn to be one of: text, json, markdown', 'did you mean markdown? (see licensectl plan --help)'],
    [['plan', '--concurrency', '0'], '--concurrency: Expected an integer greater than or equal to 1 but received: 0', 'see licensectl plan --help'],
    [['watch', '--dir', '.', '--repo', 'x'], '--repo=x cannot also be provided when using --dir', 'see licensectl watch --help'],
  ];
  it.each(CASES)('%j: one line with its reason and a hint, exit 1', async (args, message, hint) => {
    expectUsage(await runCli(args), message, hint);
  });
});

describe('counts', () => {
  it('--stats says 1 call, 1 attempt, 0 errors', async () => {
    const dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('counts') });
    try {
      const r = await runCli(['plan', '--dir', dir, '--stats']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/^ {2}ListLicenseConfigurations +1 call +1 attempt +0 errors$/m);
      expect(r.stderr).not.toMatch(/\b1 (calls|attempts|errors)\b/);
    } finally {
      await removeDir(dir);
    }
  });
});

describe('shell completion', () => {
  it('autocomplete bash prints the setup; the script it names completes commands and flags, offline', async () => {
    const cache = await mkdtemp(path.join(tmpdir(), 'licensectl-completion-'));
    // No network: a proxy that refuses everything, and a cache of its own.
    const env = { XDG_CACHE_HOME: cache, HOME: cache, HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9' };
    try {
      const setup = await runCli(['autocomplete', 'bash'], { env });
      expect(setup.status, setup.stderr).toBe(0);
      expect(setup.stdout).toContain('printf "$(licensectl autocomplete script bash)" >> ~/.bashrc; source ~/.bashrc');
      const script = await runCli(['autocomplete', 'script', 'bash'], { env });
      expect(script.status, script.stderr).toBe(0);
      expect(script.stdout).toContain(path.join(cache, 'licensectl/autocomplete/bash_setup'));
      const complete = (words: string) => `COMP_WORDS=(${words}); COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 )); _licensectl_autocomplete; echo "\${COMPREPLY[*]}"`;
      const out = await bash([script.stdout, complete('licensectl pl'), complete('licensectl plan --detailed-ex'), complete('licensectl emulator s')].join('\n'));
      expect(out.trim().split('\n')).toEqual(['plan', '--detailed-exitcode', 'serve']);
    } finally {
      await removeDir(cache);
    }
  });
});

function bash(script: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('bash', ['-c', script], (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)));
  });
}
