// Issue 11, point 10: permission problems are reported as such, a read-only state file is never replaced, and
// what a killed process leaves beside the file (its lock, its temporary files) is cleaned up on the next start.
import { CreateLicenseConfigurationCommand, ListLicenseConfigurationsCommand } from '@aws-sdk/client-license-manager';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Emulator } from '../../../src/emulator/index.js';
import { FileStateStore } from '../../../src/emulator/core/state-file.js';
import { removeLeftovers } from '../../../src/emulator/core/state-file-lock.js';
import { lmClient } from '../../helpers/emulator.js';
import { tempDir } from './temp-dir.js';

const create = (name: string) => new CreateLicenseConfigurationCommand({ Name: name, LicenseCountingType: 'Core' });
const list = new ListLicenseConfigurationsCommand({});
const isRoot = process.getuid?.() === 0;

async function errorOf(call: Promise<unknown>): Promise<{ code: string; message: string; hint?: string }> {
  const error = (await call.then(() => undefined, (e: unknown) => e)) as { code: string; message: string; hint?: string } | undefined;
  if (!error) throw new Error('the call was expected to fail');
  return { code: error.code, message: error.message, hint: error.hint };
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid!;
}

async function stateWithOneConfiguration(): Promise<string> {
  const statePath = join(tempDir(), 'emulator.json');
  await lmClient(new Emulator({ statePath })).send(create('windows'));
  return statePath;
}

describe('a state file that cannot be read', () => {
  it('is reported as unreadable, not corrupt, when a directory stands where the file should be', async () => {
    const statePath = join(tempDir(), 'emulator.json');
    mkdirSync(statePath);
    const error = await errorOf(lmClient(new Emulator({ statePath })).send(list));
    expect(error).toEqual({
      code: 'EMULATOR_STATE_UNREADABLE',
      message: `emulator state file ${statePath} is a directory, not a file`,
      hint: 'move the directory away, or point --state at a file',
    });
  });

  // chmod does not stop root from reading; state-file-durability.test.ts covers EACCES for every user.
  it.skipIf(isRoot)('is reported as a permission problem when the user may not read it (chmod 000; skipped as root, who reads anyway)', async () => {
    const statePath = await stateWithOneConfiguration();
    chmodSync(statePath, 0o000);
    const error = await errorOf(lmClient(new Emulator({ statePath })).send(list));
    expect(error.code).toBe('EMULATOR_STATE_UNREADABLE');
    expect(error.message).toBe(`emulator state file ${statePath} cannot be read: permission denied (EACCES)`);
    expect(error.hint).not.toMatch(/delete/);
  });
});

describe('a read-only state file', () => {
  it('is never replaced: a change is refused naming the file, and reads still work', async () => {
    const statePath = await stateWithOneConfiguration();
    chmodSync(statePath, 0o444);
    const before = readFileSync(statePath, 'utf8');
    const lm = lmClient(new Emulator({ statePath }));
    expect(await errorOf(lm.send(create('linux')))).toEqual({
      code: 'EMULATOR_STATE_UNWRITABLE',
      message: `emulator state file ${statePath} is read-only (mode 0444): licensectl never replaces a file made read-only`,
      hint: `make it writable (chmod u+w ${statePath}) to let the emulator change it, or choose another file with --state`,
    });
    expect(readFileSync(statePath, 'utf8')).toBe(before);
    expect(statSync(statePath).mode & 0o777).toBe(0o444);
    expect((await lm.send(list)).LicenseConfigurations?.map((c) => c.Name)).toEqual(['windows']);
  });

  it('keeps the mode the user gave a writable file when it is replaced, and gives it to a new journal', async () => {
    const statePath = await stateWithOneConfiguration();
    await new FileStateStore(statePath).compact();
    chmodSync(statePath, 0o660); // a mode the usual umask (022) would not give a new file
    await lmClient(new Emulator({ statePath })).send(create('linux'));
    expect(statSync(`${statePath}.journal`).mode & 0o777).toBe(0o660);
    await new FileStateStore(statePath).compact();
    expect(statSync(statePath).mode & 0o777).toBe(0o660);
    expect(existsSync(`${statePath}.journal`)).toBe(false);
  });
});

describe('what a killed process left beside the state file', () => {
  const lockOf = (statePath: string, pid: number, host = hostname()) => {
    const lock = `${statePath}.lock`;
    mkdirSync(lock);
    writeFileSync(join(lock, 'owner.json'), JSON.stringify({ pid, host, nonce: 'a-killed-process', since: '2026-03-01T00:00:00.000Z' }));
    return lock;
  };
  const inAnHour = new Date(Date.now() + 3_600_000);

  it('takes over the lock of a holder that has died at once, however fresh the lock looks', async () => {
    const statePath = await stateWithOneConfiguration();
    const lock = lockOf(statePath, deadPid());
    utimesSync(lock, inAnHour, inAnHour); // never stale: only the dead holder can free it
    await lmClient(new Emulator({ statePath })).send(create('linux'));
    expect(Object.values(new Emulator({ statePath }).snapshot().licenseManager.licenseConfigurations)).toHaveLength(2);
    expect(existsSync(lock)).toBe(false);
  }, 60_000);

  it('leaves the lock of a live holder, and of a holder on another host, to staleness', async () => {
    const statePath = await stateWithOneConfiguration();
    const lock = lockOf(statePath, process.ppid);
    expect(removeLeftovers(statePath).locks).toEqual([]);
    expect(existsSync(join(lock, 'owner.json'))).toBe(true);
    writeFileSync(join(lock, 'owner.json'), JSON.stringify({ pid: deadPid(), host: 'another-host', nonce: 'n', since: '2026-03-01T00:00:00.000Z' }));
    expect(removeLeftovers(statePath).locks).toEqual([]);
    expect(existsSync(join(lock, 'owner.json'))).toBe(true);
  });

  it('takes over a stale lock that still holds its owner record', async () => {
    const statePath = await stateWithOneConfiguration();
    const lock = lockOf(statePath, process.ppid, 'another-host');
    const aMinuteAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, aMinuteAgo, aMinuteAgo);
    await lmClient(new Emulator({ statePath })).send(create('linux'));
    expect(existsSync(lock)).toBe(false);
  });

  it('removes the temporary files of dead writers on the next start, and nothing else', async () => {
    const statePath = await stateWithOneConfiguration();
    const dir = join(statePath, '..');
    const dead = deadPid();
    const leftovers = [`.emulator.json.${dead}.0a1b2c3d4e5f.tmp`, `.emulator.json.lock.${dead}.0a1b2c3d4e5f.tmp`];
    const kept = [`.emulator.json.${process.ppid}.0a1b2c3d4e5f.tmp`, '.other.json.1.0a1b2c3d4e5f.tmp', 'notes.txt'];
    for (const name of [...leftovers, ...kept]) writeFileSync(join(dir, name), '{"formatVersion":');
    expect((await lmClient(new Emulator({ statePath })).send(list)).LicenseConfigurations).toHaveLength(1);
    expect(readdirSync(dir).sort()).toEqual(['emulator.json', 'emulator.json.journal', ...kept].sort());
  });
});
