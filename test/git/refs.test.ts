import { describe, expect, it } from 'vitest';
import { LicensectlError } from '../../src/errors/index.js';
import { validateRef } from '../../src/git/refs.js';

function refusal(ref: string, rules = {}): LicensectlError {
  try {
    validateRef(ref, rules);
  } catch (error) {
    return error as LicensectlError;
  }
  throw new Error(`${ref} was accepted`);
}

describe('validateRef', () => {
  it.each([
    'main', 'origin/main', 'refs/heads/main', 'v1.2.0', 'release/2026-q1', 'feature/x_y', 'HEAD', 'HEAD~', 'HEAD~2', 'main^',
    'main^2', 'v1.0~1', '3f2c', '3f2c9a1', 'a'.repeat(40), 'x'.repeat(255),
  ])('accepts %s', (ref) => {
    expect(() => validateRef(ref)).not.toThrow();
  });

  it.each([
    ['--upload-pack=touch /tmp/pwned', 'it starts with "-"'],
    ['-x', 'it starts with "-"'],
    ['a..b', 'ranges ("..") are not accepted here'],
    ['main...feature', 'ranges ("..") are not accepted here'],
    ['HEAD@{1}', 'reflog syntax ("@{") is not accepted'],
    ['@{-1}', 'reflog syntax ("@{") is not accepted'],
    ['', 'it is empty'],
    ['x'.repeat(256), 'it is longer than 255 characters'],
    ['main branch', 'it contains spaces or control characters'],
    ['main\n--output=/tmp/x', 'it contains spaces or control characters'],
    ['main\u0000', 'it contains spaces or control characters'],
    ['main\u007f', 'it contains spaces or control characters'],
    ['a:b', 'it contains one of \\ : ? * ['],
    ['main^{tree}', '"~" or "^" may only appear once, at the end (HEAD~2, main^)'],
    ['HEAD~1^2', '"~" or "^" may only appear once, at the end (HEAD~2, main^)'],
    ['HEAD~~', '"~" or "^" may only appear once, at the end (HEAD~2, main^)'],
    ['ma^in', '"~" or "^" may only appear once, at the end (HEAD~2, main^)'],
    ['~1', 'it names no branch, tag or commit'],
    ['@', 'it names no branch, tag or commit'],
    ['main/', 'it starts or ends with "/" or ends with "."'],
    ['/main', 'it starts or ends with "/" or ends with "."'],
    ['main.', 'it starts or ends with "/" or ends with "."'],
    ['refs//main', 'a component is empty, starts with "." or ends with ".lock"'],
    ['refs/heads/.hidden', 'a component is empty, starts with "." or ends with ".lock"'],
    ['refs/heads/x.lock', 'a component is empty, starts with "." or ends with ".lock"'],
  ])('refuses %j: %s', (ref, reason) => {
    const error = refusal(ref);
    expect(error.code).toBe('BAD_GIT_REF');
    expect(error.message).toBe(`git ref ${JSON.stringify(ref)} is not allowed: ${reason}`);
    expect(error.hint).toBe('pass a branch, tag or commit, e.g. main, origin/main, v1.2.0, HEAD~1 or a commit SHA');
  });

  it('takes a branch name without ~ or ^, and not HEAD', () => {
    expect(() => validateRef('release/2026', { branch: true })).not.toThrow();
    expect(refusal('main~1', { branch: true }).message).toBe('branch "main~1" is not allowed: "~" or "^" may only appear once, at the end (HEAD~2, main^)');
    expect(refusal('HEAD', { branch: true }).message).toBe('branch "HEAD" is not allowed: HEAD is not a branch');
    expect(refusal('--upload-pack=x', { branch: true }).hint).toBe('pass a branch name, e.g. main or release/2026');
  });
});
