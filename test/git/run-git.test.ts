// The git wrapper: one-line errors without credentials, no repository chosen by the environment, timeouts.
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { normalizeRemote } from '../../src/git/refs.js';
import { redactUrls } from '../../src/util/safe-text.js';
import { findRepo } from '../../src/git/repo.js';
import { firstLine, git, runGit } from '../../src/git/run-git.js';
import { removeDir } from '../helpers/cli.js';
import { tempDir, testRepo } from './repo-helpers.js';

describe('running git', () => {
  const dirs: string[] = [];
  afterAll(async () => { for (const d of dirs) await removeDir(d); });
  afterEach(() => { delete process.env.GIT_DIR; });

  it("keeps one line of git's complaint, without its prefix, hints or credentials", () => {
    const stderr = "\nfatal: repository 'https://ci:s3cret@git.example.com/acme/licenses.git/' not found\nhint: check it\nmore\n";
    expect(firstLine(stderr)).toBe("repository 'https://***@git.example.com/acme/licenses.git/' not found");
    expect(firstLine(`error: ${'x'.repeat(300)}`)).toBe(`${'x'.repeat(199)}…`);
  });

  it('turns a failure into a LicensectlError with a code, one line and a hint', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    await expect(git(dir, ['log'], { code: 'GIT_READ_FAILED', message: 'cannot read the log', hint: 'h' })).rejects.toMatchObject({
      code: 'GIT_READ_FAILED', message: 'cannot read the log: not a git repository (or any of the parent directories): .git', hint: 'h',
    });
    await expect(git(path.join(dir, 'missing'), ['log'], { code: 'GIT_READ_FAILED', message: 'x' })).rejects.toMatchObject({ code: 'DIRECTORY_NOT_FOUND' });
  });

  it('ignores GIT_DIR set by a hook or wrapper: the repository is the one holding the directory', async () => {
    const [mine, other] = [await testRepo(), await testRepo()];
    dirs.push(mine.dir, other.dir);
    process.env.GIT_DIR = path.join(other.dir, '.git');
    expect((await findRepo(mine.dir))?.root).toBe(path.resolve(mine.dir));
  });

  it('kills git after its timeout', async () => {
    const repo = await testRepo();
    dirs.push(repo.dir);
    const result = await runGit(repo.dir, ['-c', 'alias.slow=!sleep 5', 'slow'], { timeoutMs: 200 });
    expect(result.timedOut).toBe(true);
  });
});

describe('remote addresses', () => {
  it('resolves a relative local path, and keeps URLs and scp-like addresses as given', () => {
    expect(normalizeRemote('../repo')).toBe(path.resolve('../repo'));
    for (const url of ['https://github.com/acme/l.git', 'ssh://git@host/l.git', 'git@github.com:acme/l.git', 'file:///srv/l.git', '/srv/l.git']) {
      expect(normalizeRemote(url)).toBe(url);
    }
  });

  it.each([
    ['-u x', 'it starts with "-"'],
    ['ext::sh -c touch% /tmp/x', 'remote helpers ("transport::address") are not accepted'],
    ['https://host/a\n--b', 'it contains control characters'],
    ['', 'it is empty'],
  ])('refuses %j', (url, reason) => {
    expect(() => normalizeRemote(url)).toThrow(`repository ${JSON.stringify(url)} is not allowed: ${reason}`);
  });

  it('redacts credentials in every URL of a text', () => {
    expect(redactUrls('a https://u:p@h/x and http://tok@h/y')).toBe('a https://***@h/x and http://***@h/y');
  });

  it.each([
    ['a password with a raw @', 'https://user:p@ss@host/r.git', 'https://***@host/r.git'],
    ['a URL without a path', 'clone https://TOKEN@host failed', 'clone https://***@host failed'],
    ['a query after the host', 'https://host?next=a@b', 'https://host?next=a@b'],
    ['an address in a sentence', 'see https://host, or mail ops@example.com', 'see https://host, or mail ops@example.com'],
    ['JSON text (never across a quote)', '{"repo":"https://host/r","by":"a@b","u":"https://t@h/x"}', '{"repo":"https://host/r","by":"a@b","u":"https://***@h/x"}'],
  ])('redacts %s', (_what, text, redacted) => {
    expect(redactUrls(text)).toBe(redacted);
  });
});
