// What a pull request changes in the desired state itself: documents added, removed, changed or moved between two
// desired states (base and head), paired by address, and the project's own settings. Pure; never mutates its inputs.
// Only a known file that differs from another known file is a move: a state built without locations moves nothing.
import { type Address, addressOf, compareAddresses, type DesiredResource, type DesiredState, type Kind, type ProjectConfig, targetUnits } from '../model/index.js';
import { canonicalJson, compareText } from '../util/canonical.js';
import { diffResource } from './diff-resource.js';
import type { FieldDiff, ResourceBody } from './types.js';

/** `moved`: the same document, unchanged, now in another file. A changed document that also moved is `changed`. */
export type DesiredDocumentStatus = 'added' | 'removed' | 'changed' | 'moved';

export interface DesiredDocumentChange {
  readonly address: Address;
  readonly kind: Kind;
  readonly name: string;
  readonly status: DesiredDocumentStatus;
  /** The file the document is in: head's for added, changed and moved documents, base's for removed ones. */
  readonly file: string | null;
  /** Base's file, set only when the document moved to another file. */
  readonly previousFile?: string;
  /**
   * Field by field, sorted by path, for changed documents; empty for the others. Besides the body's fields (`tags.team`,
   * `licenseCount`), how much of the resource licensectl manages, in document spelling: `spec.adopt`, `spec.management`
   * and `metadata.ignore`, each as the document has it in effect (the project's spec.observe and spec.ignore included).
   */
  readonly diff: readonly FieldDiff[];
  /** With spec.targets only: the targets (unit labels) the document selects — the head's, the base's when removed. */
  readonly targets?: readonly string[];
}

export interface DesiredChanges {
  /** Sorted by address. */
  readonly documents: readonly DesiredDocumentChange[];
  /** The Project document's settings (name, store, prune, account, include, exclude), sorted by path. */
  readonly project: readonly FieldDiff[];
}

export function diffDesired(base: DesiredState, head: DesiredState): DesiredChanges {
  const before = byAddressOf(base.resources);
  const after = byAddressOf(head.resources);
  const addresses = [...new Set([...before.keys(), ...after.keys()])].sort(compareAddresses);
  const documents = addresses.flatMap((address) => {
    const change = documentChange(address, before.get(address) ?? null, after.get(address) ?? null);
    return change === null ? [] : [change];
  });
  return { documents, project: diffProject(base.project, head.project) };
}

/**
 * diffDesired for a project with spec.targets, whose documents are shared across targets: each document names the
 * targets it selects, and a document whose selection changed (metadata.targets, spec.defaultTargets or the targets
 * themselves) is changed, with a `targets` field diff, even when its body is the same.
 */
export function diffDesiredSet(base: DesiredState, head: DesiredState): DesiredChanges {
  const changes = diffDesired(base, head);
  const [before, after] = [byAddressOf(base.resources), byAddressOf(head.resources)];
  const [baseLabels, headLabels] = [labelsOf(base.project), labelsOf(head.project)];
  const listed = new Map(changes.documents.map((d) => [d.address, d]));
  const addresses = [...new Set([...listed.keys(), ...after.keys()])].sort(compareAddresses);
  const documents = addresses.flatMap((address): DesiredDocumentChange[] => {
    const [was, now] = [before.get(address), after.get(address)];
    const selected = now ? headLabels(now) : baseLabels(was!);
    const retargeted = was && now && canonicalJson(baseLabels(was)) !== canonicalJson(selected)
      ? [{ path: 'targets', before: [...baseLabels(was)], after: [...selected] }] : [];
    const change = listed.get(address) ?? (retargeted.length ? { address, kind: now!.kind, name: now!.name, status: 'changed' as const, file: fileOf(now!), diff: [] } : null);
    if (!change) return [];
    const status = retargeted.length && change.status === 'moved' ? 'changed' : change.status;
    return [{ ...change, status, diff: [...change.diff, ...retargeted].sort((a, b) => compareText(a.path, b.path)), targets: selected }];
  });
  return { documents, project: changes.project };
}

/** A document's `name@region` selections as the project's unit labels. */
function labelsOf(project: ProjectConfig): (resource: DesiredResource) => string[] {
  const labels = new Map(targetUnits(project).map((u) => [`${u.target}@${u.region}`, u.label]));
  return (resource) => (resource.targets ?? []).map((key) => labels.get(key) ?? key);
}

/** One address's document between two states (either may be absent); null when it is the same. */
export function documentChange(address: Address, base: DesiredResource | null, head: DesiredResource | null): DesiredDocumentChange | null {
  const one = (head ?? base)!;
  const common = { address, kind: one.kind, name: one.name };
  if (base === null) return { ...common, status: 'added', file: fileOf(head), diff: [] };
  if (head === null) return { ...common, status: 'removed', file: fileOf(base), diff: [] };
  const diff = [...diffResource(bodyOf(base), bodyOf(head)), ...diffResource(managementOf(base), managementOf(head))].sort((a, b) => compareText(a.path, b.path));
  const moved = movedFrom(base, head);
  if (diff.length > 0) return { ...common, status: 'changed', file: fileOf(head), ...moved, diff };
  if ('previousFile' in moved) return { ...common, status: 'moved', file: fileOf(head), ...moved, diff };
  return null;
}

// Only a known file that differs from another known file is a move: a state built without locations moves nothing.
function movedFrom(base: DesiredResource, head: DesiredResource): { previousFile?: string } {
  const [from, to] = [fileOf(base), fileOf(head)];
  return from !== null && to !== null && from !== to ? { previousFile: from } : {};
}

function fileOf(resource: DesiredResource | null): string | null {
  return resource?.source?.file ?? null;
}

function bodyOf(resource: DesiredResource): ResourceBody {
  return { tags: resource.tags, spec: resource.spec } as ResourceBody;
}

/**
 * What says how much of the resource licensectl manages, under its document paths, as a body for diffResource
 * (whose top-level keys are its paths): the resource it adopts, observe-only or not, and its ignored fields.
 */
function managementOf(resource: DesiredResource): ResourceBody {
  const management = { 'spec.adopt': resource.adopt, 'spec.management': resource.observe ? 'observe' : 'manage', 'metadata.ignore': resource.ignore };
  return { tags: {}, spec: management } as unknown as ResourceBody;
}

/**
 * One document per address. Validation rejects a name declared twice, but this diff is total: of several, the
 * first by content is taken, so the result never depends on input order (as the planner does).
 */
function byAddressOf(resources: readonly DesiredResource[]): Map<Address, DesiredResource> {
  const out = new Map<Address, DesiredResource>();
  const ordered = [...resources].sort((a, b) => compareText(canonicalJson(a), canonicalJson(b)));
  for (const resource of ordered) {
    const address = addressOf(resource.kind, resource.name);
    if (!out.has(address)) out.set(address, resource);
  }
  return out;
}

// The project's own settings between two desired states, as field diffs (`prune`, `store.type`, `account`…).
export function diffProject(base: ProjectConfig, head: ProjectConfig): FieldDiff[] {
  // diffResource walks any plain JSON object; the project is presented as an untagged body. Where the Project
  // document sits is not a setting, so its source is left out.
  return diffResource(settingsOf(base), settingsOf(head));
}

function settingsOf(project: ProjectConfig): ResourceBody {
  const { source: _source, ...settings } = project;
  return { tags: {}, spec: settings } as unknown as ResourceBody;
}
