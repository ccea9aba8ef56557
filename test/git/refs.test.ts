import { describe, expect, it } from 'vitest';
import { validateRef } from '../../src/git/refs.js';

describe('validateRef', () => {
  it.each(['main', 'origin/main', 'v1.2.0', 'HEAD', 'HEAD~2', 'main^', 'feature/x-1', '3f2c9a1', 'a'.repeat(40)])('accepts %s', (ref) => {
    expect(() => validateRef(ref)).not.toThrow();
  });

  it.each([
    ['--upload-pack=touch /tmp/pwned', 'it starts with "-"'],
    ['-x', 'it starts with "-"'],
    ['a..b', 'ranges ("..") are not accepted here'],
    ['HEAD@{1}', 'reflog syntax ("@{") is not accepted'],
    ['', 'it is empty'],
    ['main branch', 'it contains spaces or control characters'],
    ['refs/heads/x.lock', 'a component is empty, starts with "." or ends with ".lock"'],
    ['a:b', 'it contains one of \\ : ? * ['],
  ])('refuses %j: %s', (ref, reason) => {
    expect(() => validateRef(ref)).toThrow(`git ref ${JSON.stringify(ref)} is not allowed: ${reason}`);
  });
});
