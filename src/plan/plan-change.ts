// One resource's change: what to do at an address, given what is desired and what is live there.
import { hash } from 'node:crypto';
import { addressOf, type DesiredResource, isIgnored, type LiveResource, planPathsOf, type Tags } from '../model/index.js';
import { canonicalJson, isRecord } from '../util/canonical.js';
import { grantLifecycle, markReplacements, planMessages, withoutNonDrift } from './change-rules.js';
import { diffResource } from './diff-resource.js';
import type { Action, FieldDiff, IgnoredDiff, ResourceBody, ResourceChange } from './types.js';

/** Reasons from elsewhere in the plan that force an action (a replaced license forces its grants' replace). */
export interface ForcedReasons {
  readonly replace: readonly string[];
  readonly update: readonly string[];
}
export const NOT_FORCED: ForcedReasons = { replace: [], update: [] };

export function bodyOf(resource: DesiredResource | LiveResource): ResourceBody {
  return { tags: resource.tags, spec: resource.spec } as ResourceBody;
}

/** A desired resource with nothing live at its address, or only a deleted grant (whose fingerprint is kept). */
export function createChange(desired: DesiredResource, gone: LiveResource | null = null): ResourceChange {
  return {
    ...identity(desired), action: 'create', arn: null, diff: [], fingerprint: fingerprintOf(gone),
    reasons: gone ? [planMessages.grantGone(gone.arn, gone.meta.status ?? '')] : [], warnings: [],
    before: null, after: bodyOf(desired), meta: null, source: desired.source ?? null, ...tagKeysOf(desired),
  };
}

/** An observe-only document with nothing live at its address: reported missing, never created. */
export function missingChange(desired: DesiredResource): ResourceChange {
  return { ...createChange(desired), action: 'no-op', observed: 'missing', warnings: [planMessages.observedMissing] };
}

export function deleteChange(live: LiveResource): ResourceChange {
  return {
    ...identity(live), action: 'delete', arn: live.arn, diff: [], fingerprint: fingerprintOf(live),
    reasons: [planMessages.pruned], warnings: [], before: bodyOf(live), after: null, meta: live.meta, source: null,
  };
}

/** no-op, update or replace: replace when a field cannot change in place or the live grant is unusable. */
export function compareChange(desired: DesiredResource, live: LiveResource, forced = NOT_FORCED): ResourceChange {
  const decision = decide(desired, live, forced);
  if (decision === 'gone') return createChange(desired, live);
  return existing(desired, live, decision);
}

/** The action compareChange would plan, unforced, without building the change (see actedOn). */
export function actionOf(desired: DesiredResource, live: LiveResource): Action {
  const decision = decide(desired, live, NOT_FORCED);
  return decision === 'gone' ? 'create' : decision.action;
}

interface Decision {
  readonly action: Action;
  readonly diff: readonly FieldDiff[];
  readonly reasons: readonly string[];
  readonly warnings: readonly string[];
  /** What apply makes of the resource (see effectiveBody), and the differences it leaves alone. */
  readonly after: ResourceBody;
  readonly ignored: readonly IgnoredDiff[];
}

function decide(desired: DesiredResource, live: LiveResource, forced: ForcedReasons): Decision | 'gone' {
  const lifecycle = grantLifecycle(live);
  if (lifecycle === 'gone') return 'gone';
  const { after, ignored } = effectiveBody(desired, live);
  const marked = markReplacements(desired.kind, diffResource(bodyOf(live), after));
  const unusable = lifecycle === 'unusable' ? [planMessages.grantUnusable(live.meta.status ?? '')] : [];
  const replaceReasons = [...marked.reasons, ...unusable, ...forced.replace];
  if (replaceReasons.length > 0) return { action: 'replace', diff: marked.diff, reasons: replaceReasons, warnings: [], after, ignored };
  const { diff, warnings } = withoutNonDrift(live, marked.diff);
  const action = diff.length > 0 || forced.update.length > 0 ? 'update' : 'no-op';
  return { action, diff, reasons: forced.update, warnings, after, ignored };
}

function existing(desired: DesiredResource, live: LiveResource, decision: Decision): ResourceChange {
  const { action, diff, reasons, warnings, after, ignored } = decision;
  return {
    address: addressOf(desired.kind, desired.name), kind: desired.kind, name: desired.name, action, arn: live.arn, diff,
    fingerprint: fingerprintOf(live), reasons, warnings, before: bodyOf(live), after, meta: live.meta,
    source: desired.source ?? null, ...(ignored.length > 0 ? { ignored } : {}), ...tagKeysOf(desired),
    ...(desired.ignore?.length ? { ignore: [...desired.ignore] } : {}),
  };
}

// Ignored fields and merged tags: the document as apply makes it of a live resource, so that the diff, the action
// and what apply sends all follow from one body. A create has nothing live: it takes the document as written.
/**
 * The document's body with every ignored field (metadata.ignore, the project's spec.ignore) at its live value, and,
 * with spec.tags: merge, the live tags other tools set kept: those neither in the document nor remembered as set by
 * licensectl (LiveMeta.tagKeys). A replace re-creates the resource from this body too, so it keeps the ignored values.
 */
function effectiveBody(desired: DesiredResource, live: LiveResource): { after: ResourceBody; ignored: IgnoredDiff[] } {
  const asked = { tags: desired.mergeTags ? mergedTags(desired.tags, live) : desired.tags, spec: desired.spec } as ResourceBody;
  if (!desired.ignore?.length) return { after: asked, ignored: [] };
  const paths = planPathsOf(desired.kind, desired.ignore);
  const current = bodyOf(live);
  const ignored = diffResource(current, asked).filter((d) => isIgnored(paths, d.path)).map(({ path, before, after }) => ({ path, before, after }));
  if (ignored.length === 0) return { after: asked, ignored };
  const after = paths.reduce<Record<string, unknown>>((body, path) => withValueAt(body, current as unknown as Record<string, unknown>, segmentsOf(path)), asked as unknown as Record<string, unknown>);
  return { after: after as unknown as ResourceBody, ignored };
}

function mergedTags(tags: Tags, live: LiveResource): Tags {
  const ours = new Set(live.meta.tagKeys ?? []);
  return { ...Object.fromEntries(Object.entries(live.tags).filter(([key]) => !(key in tags) && !ours.has(key))), ...tags };
}

function tagKeysOf(desired: DesiredResource): Pick<ResourceChange, 'tagKeys'> {
  return desired.mergeTags ? { tagKeys: Object.keys(desired.tags).sort() } : {};
}

/** A plan path as the members of a body: a tag key may itself hold dots. */
function segmentsOf(path: string): string[] {
  if (path === 'tags') return ['tags'];
  return path.startsWith('tags.') ? ['tags', path.slice('tags.'.length)] : ['spec', ...path.split('.')];
}

/** `body` with the member at `segments` as it is in `from` (absent there: removed); copies only along the path. */
function withValueAt(body: Record<string, unknown>, from: unknown, segments: readonly string[]): Record<string, unknown> {
  const [key, ...rest] = segments as [string, ...string[]];
  const source = isRecord(from) ? from[key] : undefined;
  const copy = { ...body };
  if (rest.length > 0) {
    const inner = isRecord(body[key]) ? (body[key] as Record<string, unknown>) : {};
    if (!isRecord(body[key]) && !isRecord(source)) return body;
    copy[key] = withValueAt(inner, source, rest);
  } else if (source === undefined) delete copy[key];
  else copy[key] = source;
  return copy;
}

function identity(resource: DesiredResource | LiveResource) {
  return { address: addressOf(resource.kind, resource.name), kind: resource.kind, name: resource.name };
}

// Fingerprints of live resources: a saved plan records them so that apply can refuse a plan the account has outgrown.
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
