// Refs are checked before they reach git, so a ref can never be read as an option (`--upload-pack=…`) or
// as anything but one commit-ish.
import { LicensectlError } from '../errors/index.js';

const SUFFIX = /(?:~\d*|\^\d*)*$/;
const HEX = /^[0-9a-f]{4,40}$/i;

/** Throws BAD_GIT_REF unless `ref` is a branch, tag, remote-tracking ref, HEAD or SHA, optionally with ~N / ^N. */
export function validateRef(ref: string, what = 'git ref'): void {
  const problem = refProblem(ref);
  if (problem) {
    throw new LicensectlError('BAD_GIT_REF', `${what} ${JSON.stringify(ref)} is not allowed: ${problem}`, {
      hint: 'pass a branch, tag or commit, e.g. main, origin/main, v1.2.0, HEAD~1 or a commit SHA',
    });
  }
}

function refProblem(ref: string): string | undefined {
  if (ref === '') return 'it is empty';
  if (ref.length > 255) return 'it is longer than 255 characters';
  if (ref.startsWith('-')) return 'it starts with "-"';
  if (/[\u0000-\u0020\u007f]/.test(ref)) return 'it contains spaces or control characters';
  if (ref.includes('..')) return 'ranges ("..") are not accepted here';
  if (ref.includes('@{')) return 'reflog syntax ("@{") is not accepted';
  if (/[\\:?*[]/.test(ref)) return 'it contains one of \\ : ? * [';
  const base = ref.replace(SUFFIX, '');
  if (base === 'HEAD' || HEX.test(base)) return undefined;
  return nameProblem(base);
}

/** git check-ref-format's rules for the name part. */
function nameProblem(name: string): string | undefined {
  if (name === '' || name === '@') return 'it names no branch, tag or commit';
  if (name.endsWith('/') || name.endsWith('.') || name.startsWith('/')) return 'it starts or ends with "/" or ends with "."';
  if (name.split('/').some((part) => part === '' || part.startsWith('.') || part.endsWith('.lock'))) return 'a component is empty, starts with "." or ends with ".lock"';
  if (/[~^]/.test(name)) return '"~" and "^" may only follow the name';
  return undefined;
}
