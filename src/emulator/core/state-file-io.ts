// The system calls of the state file, each made so that a crash at any point leaves the old or the new file: it
// is read whole, with its identity; it is replaced by a temporary file of this process, written and fsynced,
// renamed over it, then the directory fsynced; a missing file is created the same way, linked into place only if no other process did
// first. And the errors a user sees: a file that cannot be read is reported as such (never as corrupt), a file
// made read-only is never replaced.
import * as fs from 'node:fs';
import { dirname } from 'node:path';
import { LicensectlError } from '../../errors/index.js';
import { type EmulatorState } from './service-contract.js';
import { parseState } from './state-file-format.js';
import { tempPathOf } from './state-file-lock.js';

/** Reads and parses the state file, with its identity (`stampOf`) and size; reports why it cannot be read. */
export function readStateFile(path: string): { state: EmulatorState; stamp: string; bytes: number } {
  let fd: number | undefined;
  let text: string;
  let stamp: string;
  try {
    fd = fs.openSync(path, 'r');
    stamp = stampOf(fs.fstatSync(fd, { bigint: true }));
    text = fs.readFileSync(fd, 'utf8');
  } catch (error) {
    throw unreadable(path, error);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  return { state: parseState(text, path), stamp, bytes: text.length };
}

/** Replaces `path` with `text` atomically and durably, keeping the file's mode. */
export function replaceFile(path: string, text: string): void {
  const mode = fs.statSync(path).mode & 0o7777;
  const temp = writeTemp(path, text, mode);
  try {
    fs.renameSync(temp, path);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fsyncDirectory(path);
}

/** Creates `path` holding `text` unless it exists; of two processes creating it, one wins (link fails with EEXIST). */
export function createFileOnce(path: string, text: string): boolean {
  fs.mkdirSync(dirname(path), { recursive: true });
  const temp = writeTemp(path, text);
  try {
    fs.linkSync(temp, path);
    fsyncDirectory(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** A new temporary file of this process beside `path`, holding `text` on disk; removed again if that fails. */
function writeTemp(path: string, text: string, mode?: number): string {
  const temp = tempPathOf(path);
  const fd = fs.openSync(temp, 'wx', mode ?? 0o666);
  try {
    if (mode !== undefined) fs.fchmodSync(fd, mode); // exactly the old file's mode, whatever the umask
    fs.writeFileSync(fd, text);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  return temp;
}

/** Makes a rename or link in the file's directory durable (Windows cannot open directories, nor needs to). */
export function fsyncDirectory(path: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dirname(path), 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** rename replaces a file whatever its mode, so a file the user made read-only is refused here. */
export function refuseReadOnly(path: string): void {
  const stat = fs.statSync(path, { throwIfNoEntry: false });
  if (!stat) return;
  let writable = (stat.mode & 0o222) !== 0; // root may write anything: the mode bits say what the user meant
  if (writable) {
    try {
      fs.accessSync(path, fs.constants.W_OK);
    } catch {
      writable = false;
    }
  }
  if (writable) return;
  const mode = (stat.mode & 0o777).toString(8).padStart(4, '0');
  throw new LicensectlError('EMULATOR_STATE_UNWRITABLE', `emulator state file ${path} is read-only (mode ${mode}): licensectl never replaces a file made read-only`, {
    hint: `make it writable (chmod u+w ${path}) to let the emulator change it, or choose another file with --state`,
  });
}

export function stampOf(stat: fs.BigIntStats): string {
  return `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}

/** A file that cannot be read is intact as far as anyone knows: say why it cannot be read, never "delete it". */
export function unreadable(path: string, cause: unknown): LicensectlError {
  const code = (cause as NodeJS.ErrnoException).code;
  const [problem, hint] =
    code === 'EACCES' || code === 'EPERM'
      ? [`cannot be read: permission denied (${code})`, `give the user running licensectl read and write access to ${path}, or choose another file with --state`]
      : code === 'EISDIR'
        ? ['is a directory, not a file', `move the directory away, or point --state at a file`]
        : [`cannot be read (${(cause as Error).message})`, `check ${path} and the disk it is on, or choose another file with --state`];
  return new LicensectlError('EMULATOR_STATE_UNREADABLE', `emulator state file ${path} ${problem}`, { hint, cause });
}

export function unwritable(path: string, cause: unknown): LicensectlError {
  return new LicensectlError('EMULATOR_STATE_UNWRITABLE', `cannot write emulator state file ${path} (${(cause as Error).message})`, {
    hint: 'check that the directory exists and is writable, or choose another file with --state',
    cause,
  });
}

