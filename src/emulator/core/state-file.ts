// State kept in a JSON file that several processes may use at once: the state file (the documented JSON) and,
// beside it, its journal (state-journal.ts) of the transactions committed since the file was last written.
//
// A mutation takes the file's inter-process lock (state-file-lock.ts), catches up with what other processes
// committed (the lines they appended), runs, and appends its changes to the journal, fsynced, before it is
// answered: so everything acknowledged is on disk, a killed process leaves the old or the new state (a torn last
// line does not count), and a write costs what it changed, whatever the size of the state. Mutations waiting
// while one holds the lock are committed together after it, under one lock and one fsync, each its own line.
// If a handler throws, its changes are undone and nothing is written. When the journal outgrows the state file
// (and 1 MiB), and when the process exits, the state is compacted under the lock: the state file is replaced
// atomically (write temp + rename) with the whole state, then the journal removed.
//
// Reads never lock: a read catches up by reading the journal on from where it stopped, and re-reads everything
// only when the state file itself was replaced (its inode, size, mtime or ctime changed).
import * as fs from 'node:fs';
import { dirname } from 'node:path';
import { emptyState, type EmulatorState } from './service-contract.js';
import { applyChanges, runTracked } from './state-changes.js';
import { createFileOnce, fsyncDirectory, readStateFile, refuseReadOnly, replaceFile, stampOf, unreadable, unwritable } from './state-file-io.js';
import { acquireLock, acquireLockSync, removeLeftovers } from './state-file-lock.js';
import { appendJournal, journalPathOf, type JournalPosition, readJournal, removeJournal, statJournal } from './state-journal.js';
import { type StateStore } from './state-store.js';

const ABSENT = 'absent';
/** The journal is compacted into the state file once it is larger than the file and than this. */
export const COMPACT_MIN_BYTES = 1 << 20;

interface Pending {
  readonly mutation: (draft: EmulatorState) => unknown;
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: unknown) => void;
}

export class FileStateStore implements StateStore {
  readonly journalPath: string;
  private state = emptyState();
  /** The identity of the state file `state` was read from (ABSENT: none); undefined when memory must be re-read. */
  private stamp: string | undefined;
  private fileBytes = 0;
  /** How far the journal has been read into `state`; undefined when there is none. */
  private journal: JournalPosition | undefined;
  private started = false;
  private readonly queue: Pending[] = [];
  private draining = false;

  constructor(readonly path: string) {
    this.journalPath = journalPathOf(path);
  }

  read(): EmulatorState {
    this.refresh();
    return this.state;
  }

  text(): string {
    return JSON.stringify(this.read());
  }

  transact<T>(mutation: (draft: EmulatorState) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ mutation, resolve: resolve as (result: unknown) => void, reject });
      if (!this.draining) void this.drain();
    });
  }

  /** Writes the state file whole and removes the journal, under the lock. */
  async compact(): Promise<void> {
    const release = await this.lock();
    try {
      this.refresh();
      this.compactHeld();
    } finally {
      await release().catch(() => undefined);
    }
  }

  /** Commits what is queued, a batch per turn of the lock; answers each once the lock is released. */
  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        let release: (() => Promise<void>) | undefined;
        let answers: (() => void)[] = [];
        try {
          this.start();
          refuseReadOnly(this.path);
          release = await this.lock();
          this.ensureFile();
          answers = this.commitBatch(this.queue.splice(0));
        } catch (error) {
          answers = this.queue.splice(0).map((pending) => () => pending.reject(error));
        } finally {
          await release?.().catch(() => undefined);
        }
        for (const answer of answers) answer();
      }
    } finally {
      this.draining = false;
    }
  }

  /** Runs each mutation on the latest state and appends their commits in one fsynced write; returns the answers. */
  private commitBatch(batch: Pending[]): (() => void)[] {
    let outcomes: { pending: Pending; ok: boolean; value: unknown }[];
    const lines: string[] = [];
    try {
      this.refresh();
      outcomes = batch.map((pending) => {
        try {
          const { result, commit } = runTracked(this.state, pending.mutation);
          lines.push(commit.json);
          return { pending, ok: true, value: result };
        } catch (error) {
          return { pending, ok: false, value: error };
        }
      });
      if (lines.length > 0) this.append(lines);
    } catch (error) {
      outcomes = batch.map((pending) => ({ pending, ok: false, value: error }));
    }
    return outcomes.map(({ pending, ok, value }) => () => (ok ? pending.resolve(value) : pending.reject(value)));
  }

  private append(lines: readonly string[]): void {
    try {
      const mode = fs.statSync(this.path).mode & 0o7777;
      this.journal = appendJournal(this.journalPath, this.journal?.offset ?? 0, lines, mode, () => fsyncDirectory(this.path));
    } catch (error) {
      this.stamp = undefined; // memory is ahead of the files: re-read them next time
      throw unwritable(this.path, error);
    }
    exitCompaction.add(this);
    if (this.journal.offset <= Math.max(COMPACT_MIN_BYTES, this.fileBytes)) return;
    try {
      this.compactHeld();
    } catch {
      // The commits are in the journal; the next compaction tries again.
    }
  }

  private compactHeld(): void {
    if (!this.journal) return;
    crashPoint('before-compaction');
    const text = JSON.stringify(this.state);
    try {
      replaceFile(this.path, text);
    } catch (error) {
      this.stamp = undefined;
      throw unwritable(this.path, error);
    }
    crashPoint('after-compaction-rename');
    this.stamp = stampOf(fs.statSync(this.path, { bigint: true }));
    this.fileBytes = text.length;
    removeJournal(this.journalPath);
    this.journal = undefined;
    exitCompaction.delete(this);
  }

  /** On exit: compacts if the lock can be had at once (else the journal stays, for a later process). */
  compactAtExit(): void {
    let release: (() => void) | undefined;
    try {
      release = acquireLockSync(this.path);
      this.refresh();
      this.compactHeld();
    } catch {
      // Nothing is lost: the journal holds what the state file does not.
    } finally {
      release?.();
    }
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    removeLeftovers(this.path);
  }

  /** Brings memory up to the files: the journal's new lines, or everything if the state file was replaced. */
  private refresh(): void {
    this.start();
    for (let attempt = 1; ; attempt += 1) {
      const stamp = this.fileStamp();
      if (stamp === ABSENT) {
        if (this.stamp !== ABSENT) [this.state, this.stamp, this.journal, this.fileBytes] = [emptyState(), ABSENT, undefined, 0];
        return;
      }
      if (stamp === this.stamp && this.journalUnchanged()) return;
      const incremental = stamp === this.stamp && this.journalGrew();
      const loaded = incremental ? undefined : readStateFile(this.path);
      const base = loaded?.state ?? this.state;
      const read = readJournal(this.journalPath, base.revision, incremental ? this.journal : undefined);
      // A compaction between reading the file and the journal: the journal read may lack what the file now has.
      if (this.fileStamp() !== (loaded?.stamp ?? stamp) && attempt < 5) continue;
      for (const commit of read?.commits ?? []) applyChanges(base, commit);
      if (loaded) [this.state, this.stamp, this.fileBytes] = [loaded.state, loaded.stamp, loaded.bytes];
      this.journal = read?.position;
      return;
    }
  }

  private journalUnchanged(): boolean {
    const journal = statJournal(this.journalPath);
    return journal === undefined ? this.journal === undefined : journal.ino === this.journal?.ino && journal.size === this.journal.offset;
  }

  /** The journal is the one read so far, with more in it (or a new one on the same state file). */
  private journalGrew(): boolean {
    const journal = statJournal(this.journalPath);
    if (journal === undefined) return false;
    return this.journal === undefined ? true : journal.ino === this.journal.ino && journal.size >= this.journal.offset;
  }

  private fileStamp(): string {
    try {
      const stat = fs.statSync(this.path, { bigint: true, throwIfNoEntry: false });
      return stat ? stampOf(stat) : ABSENT;
    } catch (error) {
      throw unreadable(this.path, error);
    }
  }

  /** The lock is a directory beside the file, so the file's directory must exist. */
  private lock(): Promise<() => Promise<void>> {
    try {
      fs.mkdirSync(dirname(this.path), { recursive: true });
    } catch (error) {
      return Promise.reject(unwritable(this.path, error));
    }
    return acquireLock(this.path, (error) => unwritable(this.path, error));
  }

  /**
   * Creates a missing state file, under the lock. A journal without its state file belonged to a file that was
   * deleted: it goes first, so that no process can append to it.
   */
  private ensureFile(): void {
    if (fs.existsSync(this.path)) return;
    try {
      removeJournal(this.journalPath);
      createFileOnce(this.path, JSON.stringify(emptyState()));
    } catch (error) {
      throw unwritable(this.path, error);
    }
  }
}

/**
 * Fault injection for crash tests: with LICENSECTL_EMULATOR_CRASH set to `before-compaction` (the journal holds
 * commits the state file does not) or `after-compaction-rename` (the state file holds them all, the journal is still
 * there), the process kills itself at that point, as SIGKILL would.
 */
function crashPoint(point: string): void {
  if (process.env.LICENSECTL_EMULATOR_CRASH === point) process.kill(process.pid, 'SIGKILL');
}

/** Stores with a journal to fold into their state file when the process exits normally. */
const exitCompaction = new (class extends Set<FileStateStore> {
  private registered = false;

  override add(store: FileStateStore): this {
    if (!this.registered) {
      this.registered = true;
      process.once('exit', () => [...this].forEach((s) => s.compactAtExit()));
    }
    return super.add(store);
  }
})();
