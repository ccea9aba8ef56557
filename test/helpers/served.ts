// Starts `licensectl emulator serve` as a separate process on a free port, as a user would.
import type { ChildProcess } from 'node:child_process';
import { spawnCli } from './cli.js';

export interface ServedEmulator {
  readonly url: string;
  readonly process: ChildProcess;
  stop(): Promise<number | null>;
}

export async function serveEmulator(extraArgs: readonly string[] = []): Promise<ServedEmulator> {
  const child = spawnCli(['emulator', 'serve', '--port', '0', '--quiet', ...extraArgs]);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    // Never leave a server behind: a start that timed out kills the child.
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`emulator did not start: ${out}`)); }, 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) { clearTimeout(timer); resolve(match[1]!); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`emulator exited with ${code}: ${out}`)); });
  });
  return {
    url,
    process: child,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve(child.exitCode);
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    }),
  };
}
