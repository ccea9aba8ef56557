// Issue 12, point 3: apply says what it is doing while it does it — each change as it starts and as it ends, with a
// heartbeat for a change still waiting — and a cancelled prompt is "Apply cancelled." with exit 1.
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApplyProgress, HEARTBEAT_MS } from '../../src/app/apply-progress.js';
import { confirmApply } from '../../src/app/base-command.js';
import type { ChangeResult, ResourceChange } from '../../src/plan/types.js';
import { PROJECT_YAML, projectDir, removeDir, runCli, spawnCli } from '../helpers/cli.js';
import { runInTerminal } from '../helpers/terminal.js';
import { serveEmulator } from '../helpers/served.js';

const change = (address: string, action: ResourceChange['action'] = 'create') => ({ address, action }) as ResourceChange;
const applied = (address: string, arn: string): ChangeResult => ({ address: address as ChangeResult['address'], action: 'create', outcome: 'applied', arn });

function recorder(isTTY = false, columns = 120) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns, write: (text: string) => writes.push(text) } };
}

describe('ApplyProgress', () => {
  afterEach(() => vi.useRealTimers());

  it('prints a start line, a heartbeat every 10 s while the change waits, and an end line with the time taken', () => {
    vi.useFakeTimers();
    let now = 0;
    const { writes, stream } = recorder();
    const progress = new ApplyProgress(stream, { terminal: false, color: false, now: () => now });
    progress.start(change('Grant/to-dev'));
    for (let i = 0; i < 2; i += 1) {
      now += HEARTBEAT_MS;
      vi.advanceTimersByTime(HEARTBEAT_MS);
    }
    now += 1_500;
    progress.end(applied('Grant/to-dev', 'arn:aws:license-manager::111122223333:grant:g-1'));
    vi.advanceTimersByTime(60_000);
    progress.close();
    expect(writes.join('')).toBe([
      'creating Grant/to-dev…',
      'still creating Grant/to-dev… 10s',
      'still creating Grant/to-dev… 20s',
      'created Grant/to-dev in 21s (arn:aws:license-manager::111122223333:grant:g-1)',
      '',
    ].join('\n'));
  });

  it('names a failure with its time and a skipped change with what it waited for', () => {
    let now = 0;
    const { writes, stream } = recorder();
    const progress = new ApplyProgress(stream, { terminal: false, color: false, now: () => now });
    progress.start(change('License/analytics', 'update'));
    now = 400;
    progress.end({ address: 'License/analytics', action: 'update', outcome: 'failed', arn: null, error: { code: 'ValidationException', message: 'bad' } });
    progress.end({ address: 'Grant/to-dev', action: 'create', outcome: 'skipped', arn: null, blockedBy: 'License/analytics' });
    progress.close();
    expect(writes.join('').split('\n')).toEqual([
      'updating License/analytics…',
      'failed to update License/analytics after 0.4s: ValidationException bad',
      'skipped create of Grant/to-dev: depends on License/analytics',
      '',
    ]);
  });

  it('on a terminal, keeps a status line of the running changes below the events and clears it at the end', () => {
    vi.useFakeTimers();
    let now = 0;
    const { writes, stream } = recorder(true);
    const progress = new ApplyProgress(stream, { terminal: true, color: false, now: () => now });
    progress.start(change('LicenseConfiguration/a'));
    progress.start(change('LicenseConfiguration/b'));
    now = 3_000;
    vi.advanceTimersByTime(1_000);
    expect(writes.at(-1)).toBe('\r\x1b[2K2 running: LicenseConfiguration/a 3.0s, LicenseConfiguration/b 3.0s');
    progress.end(applied('LicenseConfiguration/a', 'arn:a'));
    expect(writes.slice(-3)).toEqual(['\r\x1b[2K', 'created LicenseConfiguration/a in 3.0s (arn:a)\n', '\r\x1b[2K1 running: LicenseConfiguration/b 3.0s']);
    progress.close();
    expect(writes.at(-1)).toBe('\r\x1b[2K');
    const count = writes.length;
    vi.advanceTimersByTime(30_000);
    expect(writes).toHaveLength(count);
  });
});

describe('the status line width', () => {
  it.each([[0, 79], [40, 39]])('with %i columns (0: a terminal that reports no size) fits in %i', (columns, fits) => {
    const { writes, stream } = recorder(true, columns);
    const progress = new ApplyProgress(stream, { terminal: true, color: false, now: () => 0 });
    progress.start(change(`LicenseConfiguration/${'x'.repeat(100)}`));
    const status = writes.at(-1)!.replace('\r\x1b[2K', '');
    expect(status).toHaveLength(fits);
    expect(status.endsWith('…')).toBe(true);
    progress.close();
  });
});

describe('the approval prompt', () => {
  const ask = async (input: string | null) => {
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const stdout = new PassThrough();
    const answer = confirmApply(false, {}, { input: stdin, output: stdout });
    if (input === null) stdin.end();
    else stdin.write(input);
    return answer;
  };

  it('is a yes only for "yes"', async () => {
    expect(await ask('yes\n')).toBe(true);
    expect(await ask('no\n')).toBe(false);
    expect(await ask('y\n')).toBe(false);
  });

  it('takes Ctrl+C and Ctrl+D (end of input) as no, instead of failing', async () => {
    expect(await ask('\x03')).toBe(false);
    expect(await ask(null)).toBe(false);
  });
});

describe('apply against a slow account (1.5 s per call)', () => {
  it("prints each change's start before it ends", async () => {
    const server = await serveEmulator(['--latency-ms', '1500']);
    const dir = await projectDir({
      'licensectl.yaml': PROJECT_YAML(),
      'windows.yaml': 'apiVersion: licensectl/v1\nkind: LicenseConfiguration\nmetadata: {name: windows}\nspec: {countingType: Core, licenseCount: 64}\n',
    });
    try {
      const child = spawnCli(['apply', '--auto-approve', '--dir', dir, '--endpoint', server.url], {
        env: { AWS_ACCESS_KEY_ID: 'AKID111122223333', AWS_SECRET_ACCESS_KEY: 'emulator' },
      });
      // What had arrived on stdout when each line arrived: the start line must arrive while the end line has not.
      const arrivals: string[] = [];
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        arrivals.push(out);
      });
      let err = '';
      child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
      const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(status, out + err).toBe(0);
      const started = arrivals.find((seen) => seen.includes('creating LicenseConfiguration/windows…'));
      expect(started, out).toBeDefined();
      expect(started).not.toMatch(/created LicenseConfiguration\/windows in/);
      expect(out).toMatch(/created LicenseConfiguration\/windows in \d+\.\ds \(arn:aws:license-manager:/);
    } finally {
      await server.stop();
      await removeDir(dir);
    }
  }, 60_000);
});

describe('a cancelled prompt on a real terminal', () => {
  it.each([['no\n'], ['\x03'], ['\x04']])('answering %j prints "Apply cancelled." and exits 1, changing nothing', async (answer) => {
    const dir = await projectDir({
      'licensectl.yaml': PROJECT_YAML(),
      'windows.yaml': 'apiVersion: licensectl/v1\nkind: LicenseConfiguration\nmetadata: {name: windows}\nspec: {countingType: Core, licenseCount: 64}\n',
    });
    try {
      const { status, output: out } = await runInTerminal(['apply', '--dir', dir], answer);
      expect(out).toContain('Apply cancelled.');
      expect(status).toBe(1);
      const plan = await runCli(['plan', '--dir', dir, '--json']);
      expect(JSON.parse(plan.stdout).summary.create).toBe(1);
    } finally {
      await removeDir(dir);
    }
  }, 60_000);
});
