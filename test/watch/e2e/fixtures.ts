// Per-test resources for the end-to-end tests, released when the test ends. They take the test context's
// onTestFinished, which (unlike the imported one) stays with its own test when tests run concurrently.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestContext } from 'vitest';
import { CONFIG_YAML, PROJECT_YAML, projectDir, removeDir, spawnCli } from '../../helpers/cli.js';
import { serveEmulator, type ServedEmulator } from '../../helpers/served.js';
import { WatcherProcess } from './watcher-process.js';

export const config = (name: string, count: number) => CONFIG_YAML(name, `countingType: Core\nlicenseCount: ${count}`);

type Finish = TestContext['onTestFinished'];

export function fixtures(onTestFinished: Finish) {
  return {
    project: (name: string, files: Record<string, string>) => project(onTestFinished, name, files),
    scratchDir: (prefix: string) => scratchDir(onTestFinished, prefix),
    served: (args: string[] = []) => served(onTestFinished, args),
    servedOnPort: (port: number, args: string[]) => servedOnPort(onTestFinished, port, args),
    watching: (args: string[], env: Record<string, string> = {}) => watching(onTestFinished, args, env),
  };
}

async function project(onTestFinished: Finish, name: string, files: Record<string, string>): Promise<string> {
  const dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML(name), ...files });
  onTestFinished(() => removeDir(dir));
  return dir;
}

async function scratchDir(onTestFinished: Finish, prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  onTestFinished(() => removeDir(dir));
  return dir;
}

async function served(onTestFinished: Finish, args: string[]): Promise<ServedEmulator> {
  const emulator = await serveEmulator(args);
  onTestFinished(async () => { await emulator.stop(); });
  return emulator;
}

/** `emulator serve` on a given port (to restart it where a watcher expects it). */
async function servedOnPort(onTestFinished: Finish, port: number, args: string[]): Promise<ServedEmulator> {
  const child = spawnCli(['emulator', 'serve', '--port', String(port), '--quiet', ...args]);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => { if (chunk.toString().includes('listening on')) resolve(); });
    child.on('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  const emulator: ServedEmulator = {
    url: `http://127.0.0.1:${port}`, process: child,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve(child.exitCode);
      child.once('exit', resolve);
      child.kill('SIGTERM');
    }),
  };
  onTestFinished(async () => { await emulator.stop(); });
  return emulator;
}

async function watching(onTestFinished: Finish, args: string[], env: Record<string, string>): Promise<WatcherProcess> {
  const watcher = await WatcherProcess.start(args, env);
  onTestFinished(async () => { await watcher.stop('SIGKILL'); });
  return watcher;
}
