// What the user names for git to read, checked before git sees it. A ref can never be read as an option
// (`--upload-pack=…`) or as anything but one commit: no ranges, no reflog, no revision-walking beyond one
// `~N` or `^N`. A remote address is checked too, a local path made absolute (git runs in another folder),
// and credentials in it are kept out of every message.
import path from 'node:path';
import { LicensectlError } from '../errors/index.js';
import { redactUrls } from '../util/safe-text.js';

/** One trailing `~`, `~N`, `^` or `^N` (HEAD~2, main^); chains and `^{…}` are refused. */
const SUFFIX = /(?:~|\^)\d{0,6}$/;
const MAX_LENGTH = 255;

export interface RefRules {
  /** A branch name: no `~`/`^` suffix and not HEAD. */
  readonly branch?: boolean;
}

/** Throws BAD_GIT_REF unless `ref` is a branch, tag, remote-tracking ref, HEAD or SHA, optionally with ~N / ^N. */
export function validateRef(ref: string, rules: RefRules = {}): void {
  const problem = rules.branch ? branchProblem(ref) : refProblem(ref);
  if (problem === undefined) return;
  const what = rules.branch ? 'branch' : 'git ref';
  throw new LicensectlError('BAD_GIT_REF', `${what} ${JSON.stringify(ref)} is not allowed: ${problem}`, {
    hint: rules.branch
      ? 'pass a branch name, e.g. main or release/2026'
      : 'pass a branch, tag or commit, e.g. main, origin/main, v1.2.0, HEAD~1 or a commit SHA',
  });
}

function refProblem(ref: string): string | undefined {
  const problem = textProblem(ref);
  if (problem !== undefined) return problem;
  const name = ref.replace(SUFFIX, '');
  return name === 'HEAD' ? undefined : nameProblem(name);
}

function branchProblem(name: string): string | undefined {
  const problem = textProblem(name);
  if (problem !== undefined) return problem;
  if (name === 'HEAD') return 'HEAD is not a branch';
  return nameProblem(name);
}

/** What no ref may contain, checked first so that the reason given is the most telling one. */
function textProblem(ref: string): string | undefined {
  if (ref === '') return 'it is empty';
  if (ref.length > MAX_LENGTH) return `it is longer than ${MAX_LENGTH} characters`;
  if (ref.startsWith('-')) return 'it starts with "-"';
  if (/[\p{Cc}\s]/u.test(ref)) return 'it contains spaces or control characters';
  if (ref.includes('..')) return 'ranges ("..") are not accepted here';
  if (ref.includes('@{')) return 'reflog syntax ("@{") is not accepted';
  if (/[\\:?*[]/.test(ref)) return 'it contains one of \\ : ? * [';
  return undefined;
}

/** git check-ref-format's rules for the name itself (a hex SHA is a valid name too). */
function nameProblem(name: string): string | undefined {
  if (name === '' || name === '@') return 'it names no branch, tag or commit';
  if (/[~^]/.test(name)) return '"~" or "^" may only appear once, at the end (HEAD~2, main^)';
  if (name.startsWith('/') || name.endsWith('/') || name.endsWith('.')) return 'it starts or ends with "/" or ends with "."';
  const parts = name.split('/');
  if (parts.some((part) => part === '' || part.startsWith('.') || part.endsWith('.lock'))) {
    return 'a component is empty, starts with "." or ends with ".lock"';
  }
  return undefined;
}

const SCHEME_URL = /^[a-z][a-z0-9+.-]*:\/\//i;
/** `host:path`, git's scp-like ssh syntax; a colon before any slash. */
const SCP_LIKE = /^[^/\\:]+:/;
/** `transport::address` runs a remote helper; `ext::` runs any command. */
const REMOTE_HELPER = /^[a-z][a-z0-9+.-]*::/i;

/** The address git should clone: validated, a local path resolved against the current directory. */
export function normalizeRemote(url: string): string {
  const problem = remoteProblem(url);
  if (problem) {
    throw new LicensectlError('BAD_GIT_URL', `repository ${JSON.stringify(redactUrls(url))} is not allowed: ${problem}`, {
      hint: 'pass an https:// or ssh:// URL, user@host:path, or the path of a local repository',
    });
  }
  if (path.isAbsolute(url) || SCHEME_URL.test(url) || SCP_LIKE.test(url)) return url;
  return path.resolve(url);
}

function remoteProblem(url: string): string | undefined {
  if (url === '') return 'it is empty';
  if (url.startsWith('-')) return 'it starts with "-"';
  if (/\p{Cc}/u.test(url)) return 'it contains control characters';
  if (REMOTE_HELPER.test(url)) return 'remote helpers ("transport::address") are not accepted';
  return undefined;
}
