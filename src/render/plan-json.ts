// The machine view of a plan: the public contract of `plan --json` and saved plans (schemas/plan.schema.json).
import type { Address, Duplicate, Kind, OtherResource, SourceRef } from '../model/index.js';
import { sortKeys, toJsonValue } from '../plan/diff-resource.js';
import type { DesiredChanges, DesiredDocumentChange } from '../plan/desired-diff.js';
import type { Action, ChangeUsage, FieldDiff, Finding, FieldLeaf, IgnoredDiff, JsonValue, KeptResource, Plan, PlanSource, PlanSummary, ResourceBody, ResourceChange, Targeted } from '../plan/types.js';

/** A leaf is written as the plan holds it (its path already in document spelling). */
export type JsonFieldLeaf = FieldLeaf;

export interface JsonFieldDiff extends JsonFieldLeaf {
  readonly forcesReplacement?: true;
  readonly changes?: readonly JsonFieldLeaf[];
}

export interface JsonChange {
  readonly address: Address;
  readonly action: Action;
  readonly kind: Kind;
  readonly name: string;
  readonly arn: string | null;
  readonly diff: readonly JsonFieldDiff[];
  readonly fingerprint: string;
  readonly reasons: readonly string[];
  readonly warnings: readonly string[];
  /** `{tags, spec}`, the keys inside each sorted. */
  readonly before: JsonValue;
  readonly after: JsonValue;
  readonly meta: { readonly version?: string; readonly status?: string; readonly tagKeys?: readonly string[] } | null;
  readonly source: SourceRef | null;
  readonly usage?: ChangeUsage;
  readonly ignored?: readonly IgnoredDiff[];
  readonly tagKeys?: readonly string[];
  readonly ignore?: readonly string[];
  /** Observe-only resources: drift (the diff, never corrected), in-sync, or missing (never created). */
  readonly observed?: 'drift' | 'in-sync' | 'missing';
  /** An observed resource through spec.adopt: not tagged, not managed by this project. */
  readonly unmanaged?: true;
}

/**
 * Version "1". Key order is fixed; inside tags, specs, meta and diff values keys are sorted. The document is
 * structurally a `Plan`, so a saved plan reads back as the plan it was written from.
 */
export interface JsonPlanDocument {
  readonly formatVersion: '1';
  readonly project: string;
  readonly target: { readonly store: 'emulator' | 'aws'; readonly account: string; readonly region: string; readonly endpoint: string | null; readonly stateFile?: string };
  readonly source: PlanSource;
  readonly createdAt: string;
  readonly prune: boolean;
  readonly summary: PlanSummary;
  /** Only for `plan --base`: what the reviewed change does to the desired state. */
  readonly desiredChanges?: DesiredChanges;
  /** Only for `plan --target`: the addresses asked for, and how many other changes are left out. */
  readonly targeted?: Targeted;
  readonly changes: readonly JsonChange[];
  readonly unmanaged: readonly OtherResource[];
  readonly duplicates: readonly Duplicate[];
  /** Only when prune is off and managed resources lost their documents: those left alone, with their ARNs. */
  readonly kept?: readonly KeptResource[];
  readonly warnings: readonly string[];
  readonly findings: readonly Finding[];
}

export function planToJson(plan: Plan): JsonPlanDocument {
  const { store, account, region, endpoint, stateFile } = plan.target;
  const { adopt, create, update, replace, delete: del, noop } = plan.summary;
  return {
    formatVersion: plan.formatVersion,
    project: plan.project,
    target: { store, account, region, endpoint, ...(stateFile === undefined ? {} : { stateFile }) },
    source: { revision: plan.source.revision, dirty: plan.source.dirty },
    createdAt: plan.createdAt,
    prune: plan.prune,
    summary: { ...(adopt ? { adopt } : {}), create, update, replace, delete: del, noop },
    ...(plan.desiredChanges ? { desiredChanges: desiredChangesToJson(plan.desiredChanges) } : {}),
    ...(plan.targeted ? { targeted: { addresses: [...plan.targeted.addresses], otherChanges: plan.targeted.otherChanges } } : {}),
    changes: plan.changes.map(changeToJson),
    unmanaged: plan.unmanaged.map(otherToJson),
    duplicates: plan.duplicates.map((d) => ({ address: d.address, arns: [...d.arns] })),
    ...(plan.kept ? { kept: plan.kept.map(({ address, arn }) => ({ address, arn })) } : {}),
    warnings: [...plan.warnings],
    findings: plan.findings.map(findingToJson),
  };
}

/** Two-space indented, with a trailing newline. */
export function renderPlanJson(plan: Plan): string {
  return `${JSON.stringify(planToJson(plan), null, 2)}\n`;
}

function changeToJson(change: ResourceChange): JsonChange {
  return {
    address: change.address,
    action: change.action,
    kind: change.kind,
    name: change.name,
    arn: change.arn,
    diff: change.diff.map(fieldDiffToJson),
    fingerprint: change.fingerprint,
    reasons: [...change.reasons],
    warnings: [...change.warnings],
    before: bodyToJson(change.before),
    after: bodyToJson(change.after),
    meta: change.meta === null ? null : (sortKeys(toJsonValue(change.meta)) as JsonChange['meta']),
    source: change.source ? sourceToJson(change.source) : null,
    ...(change.usage ? { usage: usageToJson(change.usage) } : {}),
    ...(change.ignored ? { ignored: change.ignored.map((d) => ({ path: d.path, before: sortKeys(d.before), after: sortKeys(d.after) })) } : {}),
    ...(change.tagKeys ? { tagKeys: [...change.tagKeys] } : {}),
    ...(change.ignore ? { ignore: [...change.ignore] } : {}),
    ...(change.observed ? { observed: change.observed } : {}),
    ...(change.unmanaged ? { unmanaged: true as const } : {}),
  };
}

/** path, before, after, forcesReplacement, then the element-wise detail: added, removed, changes. */
function fieldDiffToJson(d: FieldDiff): JsonFieldDiff {
  return {
    path: d.path, before: sortKeys(d.before), after: sortKeys(d.after),
    ...(d.forcesReplacement ? { forcesReplacement: true as const } : {}),
    ...elementsToJson(d),
    ...(d.changes ? { changes: d.changes.map(leafToJson) } : {}),
  };
}

function leafToJson(leaf: FieldLeaf): JsonFieldLeaf {
  return { path: leaf.path, before: sortKeys(leaf.before), after: sortKeys(leaf.after), ...elementsToJson(leaf) };
}

function elementsToJson(leaf: FieldLeaf): Pick<JsonFieldLeaf, 'added' | 'removed'> {
  return leaf.added && leaf.removed ? { added: leaf.added.map(sortKeys), removed: leaf.removed.map(sortKeys) } : {};
}

export function desiredChangesToJson(changes: DesiredChanges): DesiredChanges {
  return { documents: changes.documents.map(documentToJson), project: changes.project.map(fieldDiffToJson) };
}

function documentToJson(d: DesiredDocumentChange): DesiredDocumentChange {
  const { address, kind, name, status, file, previousFile, targets } = d;
  const moved = previousFile === undefined ? {} : { previousFile };
  return { address, kind, name, status, file, ...moved, diff: d.diff.map(fieldDiffToJson), ...(targets === undefined ? {} : { targets: [...targets] }) };
}

function bodyToJson(body: ResourceBody | null): JsonValue {
  return body === null ? null : { tags: sortKeys(toJsonValue(body.tags)), spec: sortKeys(toJsonValue(body.spec)) };
}

function sourceToJson(source: SourceRef): SourceRef {
  const { file, line, column, ref } = source;
  return ref === undefined ? { file, line, column } : { file, line, column, ref };
}

function usageToJson(u: ChangeUsage): ChangeUsage {
  return {
    consumed: u.consumed,
    ...(u.resources === undefined ? {} : { resources: u.resources }),
    ...(u.entitlements ? { entitlements: u.entitlements.map((e) => ({ name: e.name, consumed: e.consumed })) } : {}),
  };
}

function findingToJson(f: Finding): Finding {
  const { code, severity, address, message, numbers, subjects, override } = f;
  return { code, severity, address, message, numbers: sortKeys(numbers) as Finding['numbers'], subjects: [...subjects], override };
}

function otherToJson(other: OtherResource): OtherResource {
  const { kind, arn, displayName, owner, project } = other;
  return project === undefined ? { kind, arn, displayName, owner } : { kind, arn, displayName, owner, project };
}
