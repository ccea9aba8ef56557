import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { tempDir } from './temp-dir.js';

const WRITER = fileURLToPath(new URL('./fixtures/state-writer.mjs', import.meta.url));
const WRITERS = ['alpha', 'beta', 'gamma'];
const CREATES_EACH = 40;

function startWriter(statePath: string, prefix: string): { child: ChildProcess; ready: Promise<void>; exit: Promise<{ code: number | null; stderr: string }> } {
  const child = spawn(process.execPath, [WRITER, statePath, prefix, String(CREATES_EACH)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`writer ${prefix} exited with ${code} before it was ready: ${stderr}`)));
  });
  const exit = new Promise<{ code: number | null; stderr: string }>((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
  return { child, ready, exit };
}

it('loses no create and never corrupts the file when three processes write one state file at once', async () => {
  const statePath = join(tempDir(), 'emulator.json');
  const writers = WRITERS.map((prefix) => startWriter(statePath, prefix));
  await Promise.all(writers.map((w) => w.ready));
  for (const { child } of writers) child.stdin!.end('go\n');
  const exits = await Promise.all(writers.map((w) => w.exit));
  expect(exits).toEqual(WRITERS.map(() => ({ code: 0, stderr: '' })));

  const state = JSON.parse(readFileSync(statePath, 'utf8')) as { revision: number; licenseManager: { licenseConfigurations: Record<string, { Name: string }> } };
  const names = Object.values(state.licenseManager.licenseConfigurations).map((c) => c.Name).sort();
  const expected = WRITERS.flatMap((prefix) => Array.from({ length: CREATES_EACH }, (_, i) => `${prefix}-${i}`)).sort();
  expect(names).toEqual(expected);
  expect(state.revision).toBe(WRITERS.length * CREATES_EACH);
}, 30_000);
