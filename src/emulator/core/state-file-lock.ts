// The state file's inter-process lock and what a killed process leaves beside the file.
//
// The lock is proper-lockfile's: a directory `FILE.lock` made with mkdir (atomic), whose mtime its holder
// refreshes; a lock not refreshed for STALE_MS counts as abandoned and is taken over. Inside it the holder
// records who it is (`owner.json`: pid, host, a per-process nonce, since when), so that a process that finds
// the lock of a process that died on this host reclaims it at once instead of waiting for staleness, and so
// that a writer that gives up can name the holder. A lock without a record (its holder died in the two system
// calls between mkdir and writing it) or with a record of a live process, or of another host, is left to
// staleness.
//
// Temporary files are named `.FILE.PID.HEX.tmp`. Writes are synchronous, so a temporary file of this process
// is never in use while JavaScript runs: one found at start belongs to a process that died mid-write (or to
// an earlier process with this pid), and is removed; so is one of a pid that is no longer running.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import { LicensectlError } from '../../errors/index.js';

export const STALE_MS = 10_000;
const OWNER_FILE = 'owner.json';
const NONCE = randomBytes(8).toString('hex');

export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly nonce: string;
  /** ISO time the lock was taken. */
  readonly since: string;
}

// proper-lockfile takes a lock with mkdir (mkdirSync for its synchronous API) and removes it with rmdir. This fs
// writes the owner record in the same synchronous step as the mkdir (a process killed between the two leaves a lock only staleness frees), and
// removes the directory with its record, for a release, a take-over of a stale lock and the exit handler alike.
const removeTree = { recursive: true, force: true } as const;
const lockFs = {
  ...fs,
  mkdir: (path: string, callback: (error: NodeJS.ErrnoException | null) => void) => {
    try {
      fs.mkdirSync(path);
    } catch (error) {
      return callback(error as NodeJS.ErrnoException);
    }
    writeOwner(path);
    callback(null);
  },
  mkdirSync: (path: string) => {
    fs.mkdirSync(path);
    writeOwner(path);
  },
  rmdir: (path: string, callback: (error: NodeJS.ErrnoException | null) => void) => fs.rm(path, removeTree, callback),
  rmdirSync: (path: string) => fs.rmSync(path, removeTree),
};

const LOCK_OPTIONS = {
  realpath: false,
  stale: STALE_MS,
  fs: lockFs,
  // Short waits keep contended writers moving; about 25 s in all, beyond the 10 s after which a crashed
  // holder's lock counts as stale and is taken over.
  retries: { retries: 1000, factor: 1.3, minTimeout: 2, maxTimeout: 25, randomize: true },
  // The critical section is synchronous and short; a compromised lock is taken over by the next writer.
  onCompromised: () => undefined,
};

export function lockPathOf(statePath: string): string {
  return `${statePath}.lock`;
}

/**
 * Takes the lock: first frees it if its holder has died, then waits for a live holder or takes over a stale lock.
 * A lock that stays held is EMULATOR_STATE_LOCKED, naming its holder; any other failure is `unwritable`'s error.
 */
export async function acquireLock(statePath: string, unwritable: (cause: unknown) => Error): Promise<() => Promise<void>> {
  reclaimDeadLock(statePath);
  try {
    return await lockfile.lock(statePath, LOCK_OPTIONS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw unwritable(error);
    const owner = lockOwner(statePath);
    const holder = owner ? `process ${owner.pid} on ${owner.host} since ${owner.since}` : 'another process';
    throw new LicensectlError('EMULATOR_STATE_LOCKED', `emulator state file ${statePath} stayed locked by ${holder}`, {
      hint: `another licensectl process is using this state; retry when it finishes (a lock not refreshed for ${STALE_MS / 1000} s, or of a process that has died, is taken over)`,
      cause: error,
    });
  }
}

/** Takes the lock if it is free (or its holder dead, or it is stale) at once; throws ELOCKED otherwise. */
export function acquireLockSync(statePath: string): () => void {
  reclaimDeadLock(statePath);
  return lockfile.lockSync(statePath, { ...LOCK_OPTIONS, retries: 0 });
}

function writeOwner(lockPath: string): void {
  const owner: LockOwner = { pid: process.pid, host: hostname(), nonce: NONCE, since: new Date().toISOString() };
  try {
    fs.writeFileSync(join(lockPath, OWNER_FILE), JSON.stringify(owner));
  } catch {
    // The record only speeds up recovery and names the holder; the lock itself is held.
  }
}

/** Who holds the lock, if it is held and its holder recorded itself. */
export function lockOwner(statePath: string): LockOwner | undefined {
  return readOwner(lockPathOf(statePath));
}

/** What a start removed: a dead holder's lock, and temporary files (and locks moved aside) of dead writers. */
export interface Leftovers {
  readonly locks: string[];
  readonly temps: string[];
}

/**
 * Removes the lock of a dead holder and the temporary files of dead writers next to `statePath`. Best effort:
 * a folder that cannot be listed or changed is left as it is (a write reports that problem itself).
 */
export function removeLeftovers(statePath: string): Leftovers {
  const removed: Leftovers = { locks: [], temps: [] };
  if (reclaimDeadLock(statePath)) removed.locks.push(lockPathOf(statePath));
  const pattern = new RegExp(`^\\.${escapeRegExp(basename(statePath))}(?:\\.lock)?\\.(\\d+)\\.[0-9a-f]+\\.tmp$`);
  let names: string[];
  try {
    names = fs.readdirSync(dirname(statePath));
  } catch {
    return removed;
  }
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1] ?? NaN);
    if (Number.isNaN(pid) || (pid !== process.pid && isRunning(pid))) continue;
    const path = join(dirname(statePath), name);
    try {
      fs.rmSync(path, removeTree);
      removed.temps.push(path);
    } catch {
      // Left for the next start.
    }
  }
  return removed;
}

/** A temporary name beside `statePath` that this process alone uses. */
export function tempPathOf(statePath: string, suffix = ''): string {
  return join(dirname(statePath), `.${basename(statePath)}${suffix}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Moves a dead holder's lock aside (rename is atomic, so of two processes reclaiming it one wins), checks
 * that what was moved is still the dead holder's, and removes it. Had another process taken the lock
 * meanwhile, its lock is put back.
 */
function reclaimDeadLock(statePath: string): boolean {
  const lockPath = lockPathOf(statePath);
  const owner = readOwner(lockPath);
  if (!owner || !isDead(owner)) return false;
  const aside = tempPathOf(statePath, '.lock');
  try {
    fs.renameSync(lockPath, aside);
  } catch {
    return false;
  }
  if (readOwner(aside)?.nonce !== owner.nonce) {
    try {
      fs.renameSync(aside, lockPath);
    } catch {
      fs.rmSync(aside, removeTree);
    }
    return false;
  }
  fs.rmSync(aside, removeTree);
  return true;
}

function readOwner(lockPath: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(fs.readFileSync(join(lockPath, OWNER_FILE), 'utf8')) as Partial<LockOwner>;
    const valid = typeof owner.pid === 'number' && typeof owner.host === 'string' && typeof owner.nonce === 'string' && typeof owner.since === 'string';
    return valid ? (owner as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

/** Only a holder on this host can be known dead; this process's own pid with another nonce is an earlier process. */
function isDead(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return false;
  if (owner.pid === process.pid) return owner.nonce !== NONCE;
  return !isRunning(owner.pid);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
