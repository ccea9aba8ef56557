// Refs are checked before they reach git, so a ref can never be read as an option (`--upload-pack=…`) or
// as anything but one commit: no ranges, no reflog, no revision-walking beyond one `~N` or `^N`.
import { LicensectlError } from '../errors/index.js';

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
