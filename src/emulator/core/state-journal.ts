// The journal beside a state file (`FILE.journal`): one JSON line per committed transaction, `{"revision": N,
// "changes": [{"path": [...], "value": ...}, ...]}` (a change without a value is a deletion), appended and fsynced
// before the transaction is answered. The state is the state file with the journal's lines replayed in order.
//
// Which lines count: a line is complete once its newline is on disk, so a line without one, or one that does not
// parse (a process killed mid-append), ends the journal there, and the next writer cuts it off before appending.
// Lines the state file already holds (revision at or below its own: a compaction replaced the file and was killed
// before it removed the journal) are skipped; a line that does not follow on (a journal of another state file)
// ends the journal too. Readers remember how far they read and, while the journal is the same file, read on
// from there: reading another process's writes costs what they wrote.
import * as fs from 'node:fs';
import { type StateCommit } from './state-changes.js';
import { unreadable } from './state-file-io.js';

export function journalPathOf(statePath: string): string {
  return `${statePath}.journal`;
}

/** How far a reader got: the journal's inode and the end of the last line it took. */
export interface JournalPosition {
  readonly ino: bigint;
  readonly offset: number;
}

export interface JournalRead {
  readonly position: JournalPosition;
  /** The lines that follow on from `revision`, in order. */
  readonly commits: StateCommit[];
}

const NEWLINE = 0x0a;

/** The journal's inode and size, or undefined when there is none. */
export function statJournal(path: string): { ino: bigint; size: number } | undefined {
  try {
    const stat = fs.statSync(path, { bigint: true, throwIfNoEntry: false });
    return stat ? { ino: stat.ino, size: Number(stat.size) } : undefined;
  } catch (error) {
    throw unreadable(path, error);
  }
}

/**
 * Reads the journal from `from` (a position in it, or its start) and takes the lines that follow on from
 * `revision`; undefined when there is no journal.
 */
export function readJournal(path: string, revision: number, from?: JournalPosition): JournalRead | undefined {
  let fd: number;
  try {
    fd = fs.openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw unreadable(path, error);
  }
  let bytes: Buffer;
  let ino: bigint;
  let start: number;
  try {
    const stat = fs.fstatSync(fd, { bigint: true });
    ino = stat.ino;
    start = from && from.ino === ino && from.offset <= stat.size ? from.offset : 0;
    bytes = Buffer.alloc(Number(stat.size) - start);
    let read = 0;
    while (read < bytes.length) {
      const n = fs.readSync(fd, bytes, read, bytes.length - read, start + read);
      if (n === 0) break;
      read += n;
    }
    bytes = bytes.subarray(0, read);
  } catch (error) {
    throw unreadable(path, error);
  } finally {
    fs.closeSync(fd);
  }
  const commits: StateCommit[] = [];
  let offset = start;
  let current = revision;
  for (let lineStart = 0; lineStart < bytes.length; ) {
    const end = bytes.indexOf(NEWLINE, lineStart);
    if (end < 0) break;
    const commit = parseLine(bytes.toString('utf8', lineStart, end));
    if (!commit || commit.revision > current + 1) break;
    if (commit.revision === current + 1) {
      commits.push(commit);
      current = commit.revision;
    }
    lineStart = end + 1;
    offset = start + lineStart;
  }
  return { position: { ino, offset }, commits };
}

function parseLine(line: string): StateCommit | undefined {
  try {
    const commit = JSON.parse(line) as Partial<StateCommit>;
    const valid = typeof commit.revision === 'number' && Array.isArray(commit.changes) && commit.changes.every((c) => Array.isArray(c?.path));
    return valid ? (commit as StateCommit) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Appends `lines` (each a commit's JSON) where the journal's valid part ends (`end`, cutting off anything after
 * it) and fsyncs it; a new journal gets `mode` and a durable directory entry. Returns where the journal now ends.
 * If the write fails, the journal is cut back to `end` and the error thrown.
 */
export function appendJournal(path: string, end: number, lines: readonly string[], mode: number, syncDirectory: () => void): JournalPosition {
  const fd = fs.openSync(path, 'a', mode);
  try {
    const stat = fs.fstatSync(fd, { bigint: true });
    const created = stat.size === 0n && end === 0;
    if (created) fs.fchmodSync(fd, mode); // exactly the state file's mode, whatever the umask
    if (Number(stat.size) !== end) fs.ftruncateSync(fd, end);
    try {
      const bytes = Buffer.from(`${lines.join('\n')}\n`);
      for (let written = 0; written < bytes.length; ) written += fs.writeSync(fd, bytes, written);
      fs.fsyncSync(fd);
    } catch (error) {
      try {
        fs.ftruncateSync(fd, end);
      } catch {
        // Left as it is: a reader may then see the change, as it may see any write whose outcome was unknown.
      }
      throw error;
    }
    if (created) syncDirectory();
    return { ino: stat.ino, offset: Number(fs.fstatSync(fd).size) };
  } finally {
    fs.closeSync(fd);
  }
}

/** Removes the journal (after a compaction put everything it held into the state file). */
export function removeJournal(path: string): void {
  fs.rmSync(path, { force: true });
}
