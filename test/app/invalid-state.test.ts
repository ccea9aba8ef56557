// Where an invalid state's files are on the web: from the variables GitHub Actions and GitLab CI set, never an
// address that is not plain http(s) or that carries credentials.
import { describe, expect, it } from 'vitest';
import { webBase } from '../../src/app/invalid-state.js';

const SHA = '3f2c1a9e0b7d4c5e6f708192a3b4c5d6e7f80912';

describe('webBase', () => {
  it('GitHub Actions: server, repository, blob, commit', () => {
    expect(webBase({ GITHUB_ACTIONS: 'true', GITHUB_SERVER_URL: 'https://github.example.com/', GITHUB_REPOSITORY: 'acme/licenses' }, SHA))
      .toBe(`https://github.example.com/acme/licenses/blob/${SHA}/`);
    expect(webBase({ GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/licenses' }, SHA)).toBe(`https://github.com/acme/licenses/blob/${SHA}/`);
  });

  it('GitLab CI: the project URL, -/blob, commit', () => {
    expect(webBase({ GITLAB_CI: 'true', CI_PROJECT_URL: 'https://gitlab.example.com/group/licenses' }, SHA))
      .toBe(`https://gitlab.example.com/group/licenses/-/blob/${SHA}/`);
  });

  it('nothing outside those CIs, for a revision that is not a commit id, or for an address that is not plain http(s)', () => {
    expect(webBase({}, SHA)).toBeUndefined();
    expect(webBase({ GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/licenses' }, 'main')).toBeUndefined();
    expect(webBase({ GITLAB_CI: 'true', CI_PROJECT_URL: 'https://user:token@gitlab.example.com/group/licenses' }, SHA)).toBeUndefined();
    expect(webBase({ GITLAB_CI: 'true', CI_PROJECT_URL: 'javascript:alert(1)' }, SHA)).toBeUndefined();
  });
});
