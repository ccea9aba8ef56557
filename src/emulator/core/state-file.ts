// State kept in one JSON file that several processes may use at once. A mutation takes the file's
// inter-process lock (state-file-lock.ts), re-reads the file if another process changed it, runs, and replaces
// the file atomically with the text it committed: a temporary file of its own in the same directory, written
// and fsynced, renamed over the file, and the directory fsynced, so that the file is always either the old or
// the new state, and the new one survives a crash of the machine once the mutation returns. A caller answers
// only after `transact` returns, so everything acknowledged is on disk. If the handler throws, nothing is
// written. Reads never lock: rename makes every reader see either the old or the new document, and a read
// re-parses only when the file's identity (inode, size, mtime, ctime) changed.
//
// Permissions are the user's: a file that cannot be read is reported as such (never as corrupt), a file made
// read-only is never replaced, and a replaced file keeps its mode. The first use of the store removes what a
// killed process left beside the file (a dead holder's lock, temporary files).
import * as fs from 'node:fs';
import { dirname } from 'node:path';
import { LicensectlError } from '../../errors/index.js';
import { emptyState, type EmulatorState } from './service-contract.js';
import { parseState } from './state-file-format.js';
import { acquireLock, lockOwner, removeLeftovers, STALE_MS, tempPathOf } from './state-file-lock.js';
import { CommittedState, type StateStore } from './state-store.js';

const ABSENT = 'absent';

export class FileStateStore implements StateStore {
  private committed = CommittedState.of(emptyState());
  private stamp: string | undefined;
  private started = false;
  private readonly mutex = new Mutex();

  constructor(readonly path: string) {}

  read(): EmulatorState {
    this.refresh();
    return this.committed.state;
  }

  text(): string {
    this.refresh();
    return this.committed.text;
  }

  transact<T>(mutation: (draft: EmulatorState) => T): Promise<T> {
    return this.mutex.run(async () => {
      this.start();
      this.ensureFile();
      refuseReadOnly(this.path);
      const release = await this.lock();
      try {
        this.refresh();
        const result = this.committed.apply(mutation);
        this.write(this.committed.text);
        return result;
      } finally {
        await release().catch(() => undefined);
      }
    });
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    removeLeftovers(this.path);
  }

  private refresh(): void {
    this.start();
    const stat = this.statPath();
    if (!stat) {
      if (this.stamp !== ABSENT) [this.committed, this.stamp] = [CommittedState.of(emptyState()), ABSENT];
      return;
    }
    if (stampOf(stat) !== this.stamp) this.load();
  }

  private load(): void {
    let fd: number | undefined;
    let text: string;
    let stamp: string;
    try {
      fd = fs.openSync(this.path, 'r');
      stamp = stampOf(fs.fstatSync(fd, { bigint: true }));
      text = fs.readFileSync(fd, 'utf8');
    } catch (error) {
      throw unreadable(this.path, error);
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
    this.committed = new CommittedState(parseState(text, this.path), text, (t) => parseState(t, this.path));
    this.stamp = stamp;
  }

  private statPath(): fs.BigIntStats | undefined {
    try {
      return fs.statSync(this.path, { bigint: true, throwIfNoEntry: false });
    } catch (error) {
      throw unreadable(this.path, error);
    }
  }

  /** The lock needs the file to exist; create it atomically (link fails if another process won the race). */
  private ensureFile(): void {
    if (fs.existsSync(this.path)) return;
    try {
      fs.mkdirSync(dirname(this.path), { recursive: true });
      const temp = writeTemp(this.path, JSON.stringify(emptyState()));
      try {
        fs.linkSync(temp, this.path);
        fsyncDirectory(this.path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      } finally {
        fs.rmSync(temp, { force: true });
      }
    } catch (error) {
      throw unwritable(this.path, error);
    }
  }

  private async lock(): Promise<() => Promise<void>> {
    try {
      return await acquireLock(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw unwritable(this.path, error);
      const owner = lockOwner(this.path);
      const holder = owner ? `process ${owner.pid} on ${owner.host} since ${owner.since}` : 'another process';
      throw new LicensectlError('EMULATOR_STATE_LOCKED', `emulator state file ${this.path} stayed locked by ${holder}`, {
        hint: `another licensectl process is using this state; retry when it finishes (a lock not refreshed for ${STALE_MS / 1000} s, or of a process that has died, is taken over)`,
        cause: error,
      });
    }
  }

  private write(text: string): void {
    try {
      const mode = fs.statSync(this.path).mode & 0o7777;
      const temp = writeTemp(this.path, text, mode);
      try {
        fs.renameSync(temp, this.path);
      } catch (error) {
        fs.rmSync(temp, { force: true });
        throw error;
      }
      fsyncDirectory(this.path);
      this.stamp = stampOf(fs.statSync(this.path, { bigint: true }));
    } catch (error) {
      this.stamp = undefined; // memory is ahead of the file: re-read it next time
      throw unwritable(this.path, error);
    }
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
function fsyncDirectory(path: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dirname(path), 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** rename replaces a file whatever its mode, so a file the user made read-only is refused here. */
function refuseReadOnly(path: string): void {
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

function stampOf(stat: fs.BigIntStats): string {
  return `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}

/** A file that cannot be read is intact as far as anyone knows: say why it cannot be read, never "delete it". */
function unreadable(path: string, cause: unknown): LicensectlError {
  const code = (cause as NodeJS.ErrnoException).code;
  const [problem, hint] =
    code === 'EACCES' || code === 'EPERM'
      ? [`cannot be read: permission denied (${code})`, `give the user running licensectl read and write access to ${path}, or choose another file with --state`]
      : code === 'EISDIR'
        ? ['is a directory, not a file', `move the directory away, or point --state at a file`]
        : [`cannot be read (${(cause as Error).message})`, `check ${path} and the disk it is on, or choose another file with --state`];
  return new LicensectlError('EMULATOR_STATE_UNREADABLE', `emulator state file ${path} ${problem}`, { hint, cause });
}

function unwritable(path: string, cause: unknown): LicensectlError {
  return new LicensectlError('EMULATOR_STATE_UNWRITABLE', `cannot write emulator state file ${path} (${(cause as Error).message})`, {
    hint: 'check that the directory exists and is writable, or choose another file with --state',
    cause,
  });
}

/** Serialises async critical sections within one process (the file lock serialises across processes). */
class Mutex {
  private tail: Promise<void> = Promise.resolve();

  async run<T>(section: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await section();
    } finally {
      release();
    }
  }
}
