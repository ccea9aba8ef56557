// An invalid desired state, as the error a command fails with: its diagnostics (reported as every ValidationError
// is), plus what a pull-request comment about it needs — the project's name, for the marker that lets CI replace
// its previous comment; the revision read; and, in GitHub Actions or GitLab CI, the web address of the files at
// that revision, so that each error links to its line.
import path from 'node:path';
import { gitSource, loadDesiredState, type LoadResult } from '../config/index.js';
import { ValidationError } from '../errors/index.js';
import { findRepo } from '../git/index.js';
import type { PlanSource } from '../plan/types.js';
import type { InvalidState, SourceLinks } from '../render/invalid-state-markdown.js';

export class InvalidDesiredState extends ValidationError {
  constructor(readonly invalid: InvalidState) {
    super(invalid.diagnostics);
  }
}

interface ReadFrom {
  /** The project folder, absolute. */
  readonly dir: string;
  /** The git ref the documents were read at, if any: diagnostics then name files `REF:path`. */
  readonly ref?: string;
  readonly source: PlanSource;
}

/** The error for a load that found errors; links only for a revision the files read are exactly (not dirty). */
export async function invalidDesiredState(result: LoadResult, from: ReadFrom, env: NodeJS.ProcessEnv = process.env): Promise<InvalidDesiredState> {
  const base = from.source.revision !== null && from.source.dirty === false ? webBase(env, from.source.revision) : undefined;
  const repo = base === undefined ? null : await findRepo(from.dir).catch(() => null);
  const links: SourceLinks | undefined = base === undefined || repo === null || repo.bare
    ? undefined
    : { base, folder: repo.prefix, displayPrefix: from.ref === undefined ? '' : `${from.ref}:` };
  return new InvalidDesiredState({ project: result.project, diagnostics: result.diagnostics, source: from.source, ...(links ? { links } : {}) });
}

/**
 * With `--base`, a head whose Project document cannot be read takes the project's name from the base, so that the
 * comment still replaces the one CI posted before. Any other error is returned as it is.
 */
export async function withBaseProject(error: unknown, dir: string, base: string | undefined): Promise<unknown> {
  if (!(error instanceof InvalidDesiredState) || error.invalid.project !== undefined || base === undefined) return error;
  const project = await gitSource(path.resolve(dir), base).then(loadDesiredState).then((r) => r.project, () => undefined);
  return project === undefined ? error : new InvalidDesiredState({ ...error.invalid, project });
}

/**
 * Where the files of `revision` are on the web, from the variables GitHub Actions and GitLab CI set: GitHub's
 * `GITHUB_SERVER_URL/GITHUB_REPOSITORY/blob/SHA/`, GitLab's `CI_PROJECT_URL/-/blob/SHA/`. Only an http(s) address
 * without credentials is used; undefined outside those CIs.
 */
export function webBase(env: NodeJS.ProcessEnv, revision: string): string | undefined {
  if (!/^[0-9a-f]{40,64}$/.test(revision)) return undefined;
  if (env.GITHUB_ACTIONS === 'true' && env.GITHUB_REPOSITORY) {
    const repository = webAddress(`${(env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')}/${env.GITHUB_REPOSITORY}`);
    return repository && `${repository}/blob/${revision}/`;
  }
  if (env.GITLAB_CI === 'true' && env.CI_PROJECT_URL) {
    const repository = webAddress(env.CI_PROJECT_URL);
    return repository && `${repository}/-/blob/${revision}/`;
  }
  return undefined;
}

function webAddress(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return undefined;
  return url.href.replace(/\/+$/, '');
}
