// The one way licensectl runs git: no prompts, no pager, no repository chosen by the caller's environment,
// user input never where git could read it as an option, and failures turned into one-line LicensectlErrors.
// simple-git is not used here: it cannot feed stdin (cat-file --batch), reports a failed command that says
// nothing on stderr as a success, and refuses to run when the user's environment sets EDITOR or PAGER.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { LicensectlError, type ErrorCode } from '../errors/index.js';
import { redactUrls } from '../util/safe-text.js';

export interface GitResult {
  readonly code: number;
  readonly stdout: Buffer;
  readonly stderr: string;
  readonly timedOut: boolean;
}

export interface GitRunOptions {
  /** Written to git's stdin, which is otherwise closed at once (git never waits on a terminal). */
  readonly input?: string;
  /** Kills git after this long; for network operations, which can hang. */
  readonly timeoutMs?: number;
}

export interface GitFailure {
  readonly code: ErrorCode;
  readonly message: string;
  readonly hint?: string;
}

const GIT_ENV = {
  GIT_TERMINAL_PROMPT: '0',
  GIT_PAGER: 'cat',
  // Reading must not take the index lock or rewrite the index: a commit running next to us must not fail.
  GIT_OPTIONAL_LOCKS: '0',
  // Paths we pass are paths, never globs or pathspec magic.
  GIT_LITERAL_PATHSPECS: '1',
  // git's messages are matched in English, whatever the user's locale.
  LC_ALL: 'C',
};

/** Set by git hooks and wrappers; they would point git at another repository than the one holding --dir. */
const REPOSITORY_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_NAMESPACE', 'GIT_PREFIX'];
const MAX_STDERR = 64 * 1024;

function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...GIT_ENV };
  for (const name of REPOSITORY_VARIABLES) delete env[name];
  return env;
}

/** Runs git and returns whatever it said; rejects only when git cannot be started. */
export function runGit(cwd: string, args: readonly string[], options: GitRunOptions = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, env: gitEnv(), windowsHide: true, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    let timedOut = false;
    const finish = (code: number | null) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: err, timedOut });
    };
    const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => { if (err.length < MAX_STDERR) err += chunk.toString(); });
    child.on('error', (cause) => { clearTimeout(timer); reject(cannotStart(cwd, cause)); });
    child.on('close', finish);
    // A helper git started (ssh, a credential helper) may hold the pipes open after git is killed: don't wait for it.
    child.on('exit', () => { if (timedOut) finish(null); });
    // git may exit before reading all of its input (a failed command); its exit code says so.
    child.stdin.on('error', () => {});
    child.stdin.end(options.input);
  });
}

/** Runs git and fails with `failure` (plus git's first line of complaint) unless it succeeds. */
export async function git(cwd: string, args: readonly string[], failure: GitFailure, options: GitRunOptions = {}): Promise<Buffer> {
  const result = await runGit(cwd, args, options);
  if (result.code !== 0) throw gitFailed(result, failure, options.timeoutMs);
  return result.stdout;
}

export function gitFailed(result: GitResult, failure: GitFailure, timeoutMs?: number): LicensectlError {
  const said = result.timedOut ? `git did not finish within ${(timeoutMs ?? 0) / 1000} s` : firstLine(result.stderr);
  return new LicensectlError(failure.code, `${failure.message}${said ? `: ${said}` : ''}`, { hint: failure.hint });
}

/** git's first non-empty line of complaint, without its `fatal:` prefix or any credentials in URLs. */
export function firstLine(stderr: string): string {
  const line = stderr.split('\n').map((l) => l.trim()).find((l) => l !== '' && !l.startsWith('hint:')) ?? '';
  const clean = redactUrls(line.replace(/^(fatal|error|warning): /, ''));
  return clean.length > 200 ? `${clean.slice(0, 199)}…` : clean;
}

let version: Promise<readonly number[]> | undefined;

/** The installed git's version as numbers, e.g. [2, 39, 5]; asked once per process. */
function gitVersion(cwd: string): Promise<readonly number[]> {
  version ??= git(cwd, ['version'], { code: 'GIT_UNAVAILABLE', message: 'cannot ask git for its version' })
    .then((out) => (/(\d+)\.(\d+)(?:\.(\d+))?/.exec(out.toString()) ?? []).slice(1).map((n) => Number(n ?? 0)))
    .catch((error: unknown) => {
      version = undefined; // a missing folder or git now is no reason to fail every later call
      throw error;
    });
  return version;
}

/**
 * `--end-of-options` for `git rev-parse` (git 2.30 and later), or nothing. Refs are validated before they
 * get here, so older gits stay safe; the marker is a second line of defence, not the only one.
 */
export async function endOfOptions(cwd: string): Promise<string[]> {
  const [major = 0, minor = 0] = await gitVersion(cwd);
  return major > 2 || (major === 2 && minor >= 30) ? ['--end-of-options'] : [];
}

function cannotStart(cwd: string, cause: Error): LicensectlError {
  if (!existsSync(cwd)) return new LicensectlError('DIRECTORY_NOT_FOUND', `directory ${cwd} does not exist`, { cause });
  return new LicensectlError('GIT_UNAVAILABLE', `cannot run git: ${cause.message}`, { cause, hint: 'install git and make sure it is on PATH' });
}
