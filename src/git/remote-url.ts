// Remote repository addresses: checked before git sees them, local paths made absolute (git runs in another
// folder), and credentials kept out of every message.
import path from 'node:path';
import { LicensectlError } from '../errors/index.js';

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

/** Replaces `user:secret@` in URLs with `***@`, so that a token in a clone URL never reaches a log. */
export function redactUrls(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, '$1***@');
}
