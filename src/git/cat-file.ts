// Reading objects in bulk: one `git cat-file --batch` process, whatever the number of files.
import { LicensectlError } from '../errors/index.js';
import { git } from './run-git.js';

/** What a symbolic link in a commit points at. */
export type LinkTarget =
  | { readonly kind: 'file'; readonly oid: string; readonly size: number }
  /** Out of the repository: a commit cannot tell what it would read. */
  | { readonly kind: 'outside'; readonly target: string }
  /** Dangling, a loop, a folder: nothing a directory listing would call a file. */
  | { readonly kind: 'none' };

/** The contents of the given blobs, keyed by object id. */
export async function readBlobs(root: string, oids: readonly string[]): Promise<Map<string, Buffer>> {
  const blobs = new Map<string, Buffer>();
  const unique = [...new Set(oids)];
  if (unique.length === 0) return blobs;
  const out = await git(root, ['cat-file', '--batch'], { code: 'GIT_READ_FAILED', message: 'cannot read files from git' }, { input: `${unique.join('\n')}\n` });
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    const [oid = '', type, size] = out.subarray(at, eol < 0 ? out.length : eol).toString().split(' ');
    if (type !== 'blob') throw new LicensectlError('GIT_READ_FAILED', `git could not read object ${oid}: ${type ?? 'no answer'}`);
    const length = Number(size);
    blobs.set(oid, out.subarray(eol + 1, eol + 1 + length));
    at = eol + 1 + length + 1; // contents are followed by a newline
  }
  return blobs;
}

/** Follows symbolic links inside commit `sha` (`path` from the repository's top), as a checkout would. */
export async function resolveLinks(root: string, sha: string, fullPaths: readonly string[]): Promise<Map<string, LinkTarget>> {
  const targets = new Map<string, LinkTarget>();
  // One request per line: a path with a newline cannot be asked for, and is treated as unreadable.
  const askable = fullPaths.filter((p) => !p.includes('\n'));
  for (const p of fullPaths) if (p.includes('\n')) targets.set(p, { kind: 'none' });
  if (askable.length === 0) return targets;
  const input = `${askable.map((p) => `${sha}:${p}`).join('\n')}\n`;
  const out = await git(root, ['cat-file', '--batch-check', '--follow-symlinks'], { code: 'GIT_READ_FAILED', message: 'cannot follow symbolic links in git' }, { input });
  const answers = parseLinkAnswers(out);
  askable.forEach((p, i) => targets.set(p, answers[i] ?? { kind: 'none' }));
  return targets;
}

/**
 * `<oid> <type> <size>` when the link resolves inside the repository; `<input> missing`; or
 * `symlink|dangling|loop|notdir <size>` followed by that many bytes and a newline.
 */
function parseLinkAnswers(out: Buffer): LinkTarget[] {
  const answers: LinkTarget[] = [];
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    const line = out.subarray(at, eol < 0 ? out.length : eol).toString('utf8');
    at = eol < 0 ? out.length : eol + 1;
    const special = /^(symlink|dangling|loop|notdir) (\d+)$/.exec(line);
    if (special) {
      const length = Number(special[2]);
      const target = out.subarray(at, at + length).toString('utf8');
      at += length + 1;
      answers.push(special[1] === 'symlink' ? { kind: 'outside', target } : { kind: 'none' });
      continue;
    }
    const [oid = '', type, size] = line.split(' ');
    answers.push(type === 'blob' && /^[0-9a-f]+$/.test(oid) ? { kind: 'file', oid, size: Number(size) } : { kind: 'none' });
  }
  return answers;
}
