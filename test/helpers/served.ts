// Starts `licensectl emulator serve` as a separate process on a free port, as a user would, and runs the AWS
// CLI (botocore) against it.
import { execFile, type ChildProcess } from 'node:child_process';
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

export interface AwsCliResult {
  readonly status: number;
  readonly json: Record<string, unknown[]>;
  readonly stderr: string;
}

/** The AWS CLI (`aws`, JSON output, no pager) against a served emulator, acting as an account (AKID<account>). */
export function awsCli(url: string, args: readonly string[], account = '000000000000'): Promise<AwsCliResult> {
  return new Promise((resolve) => {
    execFile('aws', ['--endpoint-url', url, '--output', 'json', ...args], {
      env: { ...process.env, AWS_ACCESS_KEY_ID: `AKID${account}`, AWS_SECRET_ACCESS_KEY: 'x', AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '' },
    }, (error, stdout, stderr) => resolve({ status: error ? 1 : 0, json: stdout ? JSON.parse(stdout) as Record<string, unknown[]> : {}, stderr }));
  });
}
