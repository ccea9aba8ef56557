// Issue 11, point 5 at the level of system calls: a write is a line appended to the journal and fsynced; a
// compaction is a temporary file of its own, written and fsynced, renamed over the state file, and then the
// directory is fsynced; a write that fails leaves the old state; and a read refused by the operating system is a permission problem, not corruption.
// node:fs is wrapped to record (and, when told, fail) the calls the state file makes.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FileStateStore } from '../../../src/emulator/core/state-file.js';
import { Emulator } from '../../../src/emulator/index.js';
import { tempDir } from './temp-dir.js';

const io = vi.hoisted(() => ({
  calls: [] as string[],
  paths: new Map<number, string>(),
  /** Fail the next fsync of a file whose name matches. */
  failFsync: undefined as RegExp | undefined,
  /** Refuse to open for reading a file whose name matches, as the OS does without read permission. */
  denyRead: undefined as RegExp | undefined,
}));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const name = (path: unknown) => basename(String(path)).replace(/\.\d+\.[0-9a-f]+\.tmp$/, '.PID.RANDOM.tmp');
  const openSync = (path: string, flags = 'r', mode?: number) => {
    if (flags === 'r' && io.denyRead?.test(String(path)))
      throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
    const fd = fs.openSync(path, flags, mode);
    io.paths.set(fd, String(path));
    io.calls.push(`open ${name(path)} ${flags}`);
    return fd;
  };
  const fsyncSync = (fd: number) => {
    const path = io.paths.get(fd) ?? '?';
    if (io.failFsync?.test(path)) {
      io.failFsync = undefined;
      throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
    }
    io.calls.push(`fsync ${name(path)}`);
    fs.fsyncSync(fd);
  };
  const renameSync = (from: string, to: string) => {
    io.calls.push(`rename ${name(from)} -> ${name(to)}`);
    fs.renameSync(from, to);
  };
  return { ...fs, default: fs, openSync, fsyncSync, renameSync };
});

afterEach(() => {
  io.calls.length = 0;
  io.failFsync = undefined;
  io.denyRead = undefined;
});

const createWindows = (emulator: Emulator) => emulator.mutate((state) => void (state.licenseManager.licenseConfigurations.windows = {}));

describe('writing the state file', () => {
  it('appends a mutation to the journal and fsyncs it before answering', async () => {
    const statePath = join(tempDir(), 'emulator.json');
    const emulator = new Emulator({ statePath });
    await emulator.mutate(() => undefined); // creates the file and the journal
    io.calls.length = 0;
    await createWindows(emulator);
    const writes = io.calls.filter((call) => !call.endsWith(' r'));
    expect(writes).toEqual(['open emulator.json.journal a', 'fsync emulator.json.journal']);
  });

  it('compacts by writing a new temporary file, fsyncing it, renaming it over the file, then fsyncing the directory', async () => {
    const dir = tempDir();
    const statePath = join(dir, 'emulator.json');
    await createWindows(new Emulator({ statePath }));
    io.calls.length = 0;
    await new FileStateStore(statePath).compact();
    const dirName = basename(dir);
    const writes = io.calls.filter((call) => !call.startsWith('open emulator.json'));
    expect(writes).toEqual([
      'open .emulator.json.PID.RANDOM.tmp wx',
      'fsync .emulator.json.PID.RANDOM.tmp',
      'rename .emulator.json.PID.RANDOM.tmp -> emulator.json',
      `open ${dirName} r`,
      `fsync ${dirName}`,
    ]);
    expect(readdirSync(dir)).toEqual(['emulator.json']);
  });

  it('cuts the journal back and keeps the old state when the write fails', async () => {
    const dir = tempDir();
    const statePath = join(dir, 'emulator.json');
    const emulator = new Emulator({ statePath });
    await emulator.mutate(() => undefined);
    const before = [readFileSync(statePath, 'utf8'), readFileSync(`${statePath}.journal`, 'utf8')];
    io.failFsync = /\.journal$/;
    await expect(createWindows(emulator)).rejects.toMatchObject({
      code: 'EMULATOR_STATE_UNWRITABLE',
      message: `cannot write emulator state file ${statePath} (EIO: i/o error, fsync)`,
    });
    expect(readdirSync(dir).sort()).toEqual(['emulator.json', 'emulator.json.journal']);
    expect([readFileSync(statePath, 'utf8'), readFileSync(`${statePath}.journal`, 'utf8')]).toEqual(before);
    expect(emulator.snapshot().licenseManager.licenseConfigurations).toEqual({});
    await createWindows(emulator);
    expect(Object.keys(emulator.snapshot().licenseManager.licenseConfigurations)).toEqual(['windows']);
    expect(Object.keys(new Emulator({ statePath }).snapshot().licenseManager.licenseConfigurations)).toEqual(['windows']);
  });

  it('opens each temporary file exclusively, so that no write can reuse another one', async () => {
    const statePath = join(tempDir(), 'emulator.json');
    const emulator = new Emulator({ statePath });
    await createWindows(emulator);
    await new FileStateStore(statePath).compact();
    await createWindows(emulator);
    await new FileStateStore(statePath).compact();
    const temps = io.calls.filter((call) => call.startsWith('open .emulator.json.'));
    expect(temps).toHaveLength(3);
    expect(temps.every((call) => call.endsWith(' wx'))).toBe(true); // exclusive: never another writer's file
  });
});

describe('reading the state file', () => {
  it('reports a read the operating system refuses as a permission problem, without a hint to delete the file', async () => {
    const statePath = join(tempDir(), 'emulator.json');
    await createWindows(new Emulator({ statePath }));
    io.denyRead = /emulator\.json$/;
    const error = await new Emulator({ statePath }).mutate(() => undefined).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'EMULATOR_STATE_UNREADABLE',
      message: `emulator state file ${statePath} cannot be read: permission denied (EACCES)`,
      hint: `give the user running licensectl read and write access to ${statePath}, or choose another file with --state`,
    });
  });
});
