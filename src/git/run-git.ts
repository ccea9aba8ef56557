// The one way licensectl runs git: no prompts, no pager, user input never where git could read it as an
// option, and failures turned into one-line LicensectlErrors.
import { spawn } from 'node:child_process';
import { LicensectlError } from '../errors/index.js';

export interface GitResult {
  readonly code: number;
  readonly stdout: Buffer;
  readonly stderr: string;
}

const GIT_ENV = { GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' };

/** Runs git and returns whatever it said; `input` is written to its stdin. */
export function runGit(cwd: string, args: readonly string[], input?: string): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => { err += chunk.toString(); });
    child.on('error', (cause) => reject(new LicensectlError('GIT_UNAVAILABLE', `cannot run git: ${cause.message}`, { cause, hint: 'install git and make sure it is on PATH' })));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: err }));
    if (child.stdin) {
      // git may exit before reading all of its input (a failed command); that is reported by its exit code.
      child.stdin.on('error', () => {});
      child.stdin.end(input);
    }
  });
}

/** Runs git and fails with `code` and `message` (plus git's first line of complaint) unless it succeeds. */
export async function git(cwd: string, args: readonly string[], failure: { code: string; message: string; hint?: string }, input?: string): Promise<Buffer> {
  const result = await runGit(cwd, args, input);
  if (result.code !== 0) {
    const said = result.stderr.split('\n').find((l) => l.trim() !== '')?.replace(/^(fatal|error): /, '');
    throw new LicensectlError(failure.code, `${failure.message}${said ? `: ${said}` : ''}`, { hint: failure.hint });
  }
  return result.stdout;
}
