// Writing the files of `licensectl import`: all or nothing, never over an existing file. File system failures the
// machine cannot be made to produce on demand (a full disk, a file appearing mid-write) are injected into node:fs.
import * as fs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importFileName, writeImport } from '../../src/app/import-files.js';
import type { ImportPlan } from '../../src/app/import.js';
import { LicensectlError } from '../../src/errors/index.js';
import { desiredConfig, desiredShare } from '../helpers/builders.js';

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return { ...real, link: vi.fn(real.link), writeFile: vi.fn(real.writeFile) };
});
const real = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');

const ARN = 'arn:aws:license-manager:us-east-1:000000000000:license-configuration:lic-1';
const SHARE_ARN = 'arn:aws:ram:us-east-1:000000000000:resource-share/1';
const PLAN: ImportPlan = {
  documents: new Map([
    ['LicenseConfiguration', [{ address: 'LicenseConfiguration/a', arn: ARN, awsName: 'a', input: { ...desiredConfig('a'), adopt: ARN } }]],
    ['ResourceShare', [{ address: 'ResourceShare/s', arn: SHARE_ARN, awsName: 's', input: { ...desiredShare('s'), adopt: SHARE_ARN } }]],
  ]),
  skipped: [],
  foreign: [],
  tagsLeftOut: [],
};
const NAMES = [importFileName('LicenseConfiguration'), importFileName('ResourceShare')];
const fault = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

describe('writeImport', () => {
  let dir: string;
  beforeEach(async () => { dir = await mkdtemp(path.join(tmpdir(), 'licensectl-import-files-')); });
  afterEach(async () => {
    vi.mocked(fs.link).mockImplementation(real.link);
    vi.mocked(fs.writeFile).mockImplementation(real.writeFile);
    await rm(dir, { recursive: true, force: true });
  });
  const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a failure'); }, (error: unknown) => error as LicensectlError);

  it('writes one file per kind, and nothing else is left in the folder', async () => {
    const out = path.join(dir, 'imported');
    const written = await writeImport(PLAN, out);
    expect(written.map((f) => path.basename(f.path))).toEqual(NAMES);
    expect((await readdir(out)).sort()).toEqual(NAMES);
    expect(await readFile(path.join(out, NAMES[0]!), 'utf8')).toContain(`adopt: ${ARN}`);
  });

  it('writes nothing when one of the files exists', async () => {
    await writeFile(path.join(dir, NAMES[1]!), 'mine\n');
    const error = await failure(writeImport(PLAN, dir));
    expect(error.code).toBe('IMPORT_FILE_EXISTS');
    expect(await readdir(dir)).toEqual([NAMES[1]]);
  });

  it('removes what it wrote when a later file fails, so the next run is not blocked by a leftover', async () => {
    const out = path.join(dir, 'new', 'imported');
    vi.mocked(fs.link).mockImplementationOnce(real.link).mockImplementationOnce(() => Promise.reject(fault('EIO')));
    const error = await failure(writeImport(PLAN, out));
    expect(error.code).toBe('OUTPUT_UNWRITABLE');
    expect(error.message).toMatch(/EIO: injected\); nothing was written$/);
    // The folders it made went too.
    expect(await readdir(dir)).toEqual([]);
    expect((await writeImport(PLAN, out)).map((f) => path.basename(f.path))).toEqual(NAMES);
  });

  it('removes the temporary files when writing one fails (a full disk)', async () => {
    vi.mocked(fs.writeFile).mockImplementationOnce(real.writeFile).mockImplementationOnce(() => Promise.reject(fault('ENOSPC')));
    const error = await failure(writeImport(PLAN, dir));
    expect(error.code).toBe('OUTPUT_UNWRITABLE');
    expect(await readdir(dir)).toEqual([]);
  });

  it('never replaces a file that appears while it writes, and takes back its own', async () => {
    vi.mocked(fs.link).mockImplementationOnce(real.link).mockImplementationOnce(async (from, to) => {
      await real.writeFile(to, 'written meanwhile\n');
      return real.link(from, to);
    });
    const error = await failure(writeImport(PLAN, dir));
    expect([error.code, error.message]).toEqual(['IMPORT_FILE_EXISTS', `import would replace ${path.join(dir, NAMES[1]!)}; nothing was written`]);
    expect(await readdir(dir)).toEqual([NAMES[1]]);
    expect(await readFile(path.join(dir, NAMES[1]!), 'utf8')).toBe('written meanwhile\n');
  });

  it('copies, never replacing, where the file system has no hard links', async () => {
    vi.mocked(fs.link).mockImplementation(() => Promise.reject(fault('EPERM')));
    expect((await writeImport(PLAN, dir)).map((f) => path.basename(f.path))).toEqual(NAMES);
    expect((await readdir(dir)).sort()).toEqual(NAMES);
    expect(await readFile(path.join(dir, NAMES[1]!), 'utf8')).toContain(`adopt: ${SHARE_ARN}`);
  });
});
