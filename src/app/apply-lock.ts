// One apply of a project at a time per embedded emulator state: a lock for the whole apply (plan, changes) beside
// the state file, so that two `apply` runs started together cannot both plan the same creates. Other projects on
// the same state own other resources and are not held up. The emulator's own lock covers
// single writes only. A lock whose holder died is stale after STALE_MS and taken over (proper-lockfile keeps a live
// holder's lock fresh); who holds the lock, and since when, is written beside it for the message of the one refused.
import { hostname } from 'node:os';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LicensectlError } from '../errors/index.js';
import { formatDuration } from '../util/duration.js';

const STALE_MS = 10_000;
const POLL_MS = 500;

export interface ApplyLockOptions {
  /** How long to wait for another apply to finish; 0 refuses at once. */
  readonly timeoutMs: number;
  /** What the holder file says is holding the lock. */
  readonly command: string;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly command: string;
  readonly since: string;
}

/** Takes `project`'s apply lock on `stateFile`, waiting up to `timeoutMs`; returns the function that releases it. */
export async function lockApply(stateFile: string, project: string, options: ApplyLockOptions): Promise<() => Promise<void>> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const lockPath = `${stateFile}.apply-${project}.lock`;
  const holderPath = `${stateFile}.apply-${project}.json`;
  await mkdir(path.dirname(stateFile), { recursive: true });
  // Imported here, not at start: proper-lockfile installs signal handlers as it loads (signal-exit), and a handler in
  // JavaScript waits for synchronous work to end, so loading it early would make SIGTERM wait for YAML parsing.
  const { default: lockfile } = await import('proper-lockfile');
  const deadline = now() + options.timeoutMs;
  for (;;) {
    try {
      // Locked under its own name: proper-lockfile keys its locks by file, and the emulator locks the state file itself.
      const release = await lockfile.lock(lockPath.replace(/\.lock$/, ''), { realpath: false, stale: STALE_MS, onCompromised: () => {} });
      const holder: Holder = { pid: process.pid, host: hostname(), command: options.command, since: new Date(now()).toISOString() };
      await writeFile(holderPath, `${JSON.stringify(holder)}\n`).catch(async (error: unknown) => {
        await release().catch(() => undefined);
        throw error;
      });
      return async () => {
        await rm(holderPath, { force: true });
        await release().catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (now() >= deadline) throw lockedError(stateFile, project, await readHolder(holderPath), options.timeoutMs);
      await sleep(Math.min(POLL_MS, Math.max(1, deadline - now())));
    }
  }
}

async function readHolder(file: string): Promise<Holder | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Holder;
  } catch {
    return null;
  }
}

function lockedError(stateFile: string, project: string, holder: Holder | null, timeoutMs: number): LicensectlError {
  const who = holder ? `${holder.command} (pid ${holder.pid} on ${holder.host}) since ${holder.since}` : 'another licensectl process';
  const waited = timeoutMs > 0 ? ` after waiting ${formatDuration(timeoutMs)}` : '';
  return new LicensectlError('APPLY_LOCKED', `another apply of ${project} holds the lock of ${stateFile}${waited}: ${who}`, {
    hint: 'wait for it to finish, or pass --lock-timeout 5m to wait; a lock whose process died is taken over after 10 s',
  });
}
