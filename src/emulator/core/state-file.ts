// State kept in one JSON file that several processes may use at once. A mutation takes the file's
// inter-process lock (proper-lockfile), re-reads the file if another process changed it, runs, and replaces
// the file atomically with the text it committed (temp file in the same directory, fsync, rename). If the
// handler throws, nothing is written. Reads never lock: rename makes every reader see either the old or the
// new document, and a read re-parses only when the file's identity (inode, size, mtime, ctime) changed.
// Anything in the file that is not a licensectl emulator state is reported as a clear, typed error naming the
// file, never as a stack trace.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import { LicensectlError } from '../../errors/index.js';
import { isPlainObject } from './model/service-model.js';
import { emptyState, type EmulatorState } from './service-contract.js';
import { CommittedState, type StateStore } from './state-store.js';

const ABSENT = 'absent';
const LOCK_OPTIONS = {
  realpath: false,
  stale: 10_000,
  // Short waits keep contended writers moving; about 25 s in all, beyond the 10 s after which a crashed
  // holder's lock counts as stale and is taken over.
  retries: { retries: 1000, factor: 1.3, minTimeout: 2, maxTimeout: 25, randomize: true },
  // The critical section is synchronous and short; a compromised lock is taken over by the next writer.
  onCompromised: () => undefined,
};

export class FileStateStore implements StateStore {
  private committed = CommittedState.of(emptyState());
  private stamp: string | undefined;
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
      this.ensureFile();
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

  private refresh(): void {
    const stat = this.statPath();
    if (!stat) {
      if (this.stamp !== ABSENT) [this.committed, this.stamp] = [CommittedState.of(emptyState()), ABSENT];
      return;
    }
    if (stampOf(stat) !== this.stamp) this.load();
  }

  private load(): void {
    let fd: number | undefined;
    try {
      fd = fs.openSync(this.path, 'r');
      const stamp = stampOf(fs.fstatSync(fd, { bigint: true }));
      const text = fs.readFileSync(fd, 'utf8');
      this.committed = new CommittedState(parseState(text, this.path), text, (t) => parseState(t, this.path));
      this.stamp = stamp;
    } catch (error) {
      if (error instanceof LicensectlError) throw error;
      throw stateCorrupt(this.path, `cannot be read (${(error as Error).message})`, error);
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }

  private statPath(): fs.BigIntStats | undefined {
    try {
      return fs.statSync(this.path, { bigint: true, throwIfNoEntry: false });
    } catch (error) {
      throw stateCorrupt(this.path, `cannot be read (${(error as Error).message})`, error);
    }
  }

  /** The lock needs the file to exist; create it atomically (link fails if another process won the race). */
  private ensureFile(): void {
    if (fs.existsSync(this.path)) return;
    try {
      fs.mkdirSync(dirname(this.path), { recursive: true });
      const temp = this.writeTemp(JSON.stringify(emptyState()));
      try {
        fs.linkSync(temp, this.path);
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
      return await lockfile.lock(this.path, LOCK_OPTIONS);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw unwritable(this.path, error);
      throw new LicensectlError('EMULATOR_STATE_LOCKED', `emulator state file ${this.path} stayed locked by another process`, {
        hint: 'another licensectl process is using this state; retry when it finishes (a lock older than 10 s is taken over)',
        cause: error,
      });
    }
  }

  private write(text: string): void {
    let temp: string | undefined;
    try {
      temp = this.writeTemp(text);
      fs.renameSync(temp, this.path);
      this.stamp = stampOf(fs.statSync(this.path, { bigint: true }));
    } catch (error) {
      if (temp) fs.rmSync(temp, { force: true });
      this.stamp = undefined; // memory is ahead of the file: re-read it next time
      throw unwritable(this.path, error);
    }
  }

  private writeTemp(text: string): string {
    const temp = join(dirname(this.path), `.${basename(this.path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    const fd = fs.openSync(temp, 'w');
    try {
      fs.writeSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return temp;
  }
}

function stampOf(stat: fs.BigIntStats): string {
  return `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
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

function stateCorrupt(path: string, problem: string, cause?: unknown): LicensectlError {
  return new LicensectlError('EMULATOR_STATE_CORRUPT', `emulator state file ${path} ${problem}`, {
    hint: `delete ${path} to start from an empty emulator (its resources are lost), or restore it from a backup`,
    ...(cause === undefined ? {} : { cause }),
  });
}

function parseState(text: string, path: string): EmulatorState {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw stateCorrupt(path, `is not valid JSON (${(error as Error).message})`, error);
  }
  if (!isPlainObject(document) || document.formatVersion !== 1 || typeof document.revision !== 'number')
    throw stateCorrupt(path, 'is not a licensectl emulator state (expected formatVersion 1 and a revision)');
  return withAllSections(document, path);
}

/** Sections missing from an older file start empty; sections of the wrong type mean the file is damaged. */
function withAllSections(document: Record<string, unknown>, path: string): EmulatorState {
  const empty = emptyState() as unknown as Record<string, Record<string, unknown>>;
  for (const [section, defaults] of Object.entries(empty)) {
    if (!isPlainObject(defaults)) continue;
    const present = document[section] ?? {};
    if (!isPlainObject(present)) throw stateCorrupt(path, `has a malformed "${section}" section`);
    for (const [key, value] of Object.entries(defaults)) {
      present[key] ??= value;
      if (!isPlainObject(present[key])) throw stateCorrupt(path, `has a malformed "${section}.${key}" section`);
    }
    document[section] = present;
  }
  return document as unknown as EmulatorState;
}
