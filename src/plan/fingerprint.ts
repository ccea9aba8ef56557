// Fingerprints of live resources: a saved plan records them so that apply can refuse a plan the account has outgrown.
import { hash } from 'node:crypto';
import type { LiveResource } from '../model/index.js';
import { canonicalJson } from '../util/canonical-json.js';

function sha256(text: string): string {
  // The one-shot hash (Node ≥ 20.12) is several times cheaper than createHash for small inputs.
  return `sha256:${hash('sha256', text, 'hex')}`;
}

/** The fingerprint of "no live resource at this address", recorded by creates. */
export const ABSENT_FINGERPRINT = sha256('null');

/**
 * `sha256:` and the hex digest of the canonical JSON of what planning read: kind, name, ARN, user tags, spec and
 * the server-side version (updates of licenses and grants need it). The raw status in `meta` is left out: it is
 * never compared, so its changing does not make a plan stale.
 */
export function fingerprintOf(live: LiveResource | null): string {
  if (live === null) return ABSENT_FINGERPRINT;
  const { kind, name, arn, tags, spec } = live;
  return sha256(canonicalJson({ kind, name, arn, tags, spec, version: live.meta.version ?? null }));
}
