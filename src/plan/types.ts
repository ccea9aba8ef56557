// The plan is a value: computed purely from desired and live state, read by renderers and by apply.
import type { AdoptProblem } from './adopt.js';
import type { DesiredChanges } from './desired-diff.js';
import { type Address, compareAddresses, type DesiredResource, type Duplicate, type Kind, type LiveMeta, type OtherResource, type SpecByKind, type Tags, type Target } from '../model/index.js';

/**
 * The closed action set, in order of severity. `adopt` takes over an existing resource that no project owns
 * (`spec.adopt`, or an Association's existing pairs): our ownership tags are added, then what differs is updated in place.
 */
export const ACTIONS = ['no-op', 'update', 'adopt', 'create', 'replace', 'delete'] as const;
export type Action = (typeof ACTIONS)[number];

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** One changed field. `null` stands for absent. Paths are dotted (`rules.minimumCores`, `tags.team`). */
export interface FieldDiff {
  readonly path: string;
  readonly before: JsonValue;
  readonly after: JsonValue;
  /** This field cannot change in place; it is why the change is a replace. */
  readonly forcesReplacement?: true;
  /** A list of values diffed element by element (a set's in sorted order): what it gains and loses. */
  readonly added?: readonly JsonValue[];
  readonly removed?: readonly JsonValue[];
  /**
   * Where the field reads better in parts (a list of objects paired by key, a member the documents name otherwise):
   * its leaves, with paths as the documents spell them (`entitlements[seats].maxCount`). See plan/field-changes.
   */
  readonly changes?: readonly FieldLeaf[];
}

/** One leaf of a field diff, its path in document spelling; `null` stands for absent. */
export interface FieldLeaf {
  readonly path: string;
  readonly before: JsonValue;
  readonly after: JsonValue;
  readonly added?: readonly JsonValue[];
  readonly removed?: readonly JsonValue[];
}

/** What a resource is (or will be): its user tags and canonical spec. */
export type ResourceBody = { [K in Kind]: { readonly tags: Tags; readonly spec: SpecByKind[K] } }[Kind];

export interface ResourceChange {
  readonly address: Address;
  readonly kind: Kind;
  readonly name: string;
  readonly action: Action;
  /** The live ARN, when the resource exists. */
  readonly arn: string | null;
  /** Sorted by path. */
  readonly diff: readonly FieldDiff[];
  /** Fingerprint of the live resource this change was computed from (`sha256:…`); of "absent" for a create. */
  readonly fingerprint: string;
  /** Why this action, in words (e.g. "countingType cannot change in place"). */
  readonly reasons: readonly string[];
  readonly warnings: readonly string[];
  readonly before: ResourceBody | null;
  readonly after: ResourceBody | null;
  /** Server-side facts of the live resource (versions) that apply needs. */
  readonly meta: LiveMeta | null;
  /** Where the desired document came from. */
  readonly source: DesiredResource['source'] | null;
  /** For a changed configuration or license whose usage was read: what is in use now. */
  readonly usage?: ChangeUsage;
  /**
   * The differences at ignored fields (metadata.ignore, the project's spec.ignore), sorted by path: neither planned
   * nor drift; `before` is live, `after` the document's. Absent when there are none.
   */
  readonly ignored?: readonly IgnoredDiff[];
  /**
   * With the project's spec.tags: merge, the user tag keys the document sets, sorted: apply records them on the
   * resource (licensectl:tags) so that a key leaving the document is removed and other tools' tags are kept.
   */
  readonly tagKeys?: readonly string[];
  /**
   * The document's ignored fields (metadata.ignore plus the project's matching spec.ignore rules), in document
   * spelling (`spec.licenseCount`, `metadata.tags.CostCenter`), sorted; on changes to a live resource only, absent when
   * none. With `tagKeys` (whose presence says spec.tags: merge), what apply needs to plan the change again from the
   * resource as it is then (a license or grant version that conflicts, see apply/execute-plan.ts).
   */
  readonly ignore?: readonly string[];
  /**
   * Observe-only (spec.management: observe, or the project's spec.observe): the action is always no-op; `diff` is the
   * drift, reported and never corrected; `missing` when nothing live is there (it is not created).
   */
  readonly observed?: 'drift' | 'in-sync' | 'missing';
  /**
   * An observed resource paired through spec.adopt (adopt.ts: never tagged): it carries no ownership tag of this
   * project, so it is not managed (not in `unchanged`, not counted as managed). Absent for every other change.
   */
  readonly unmanaged?: true;
}

/** A difference at an ignored field, its path spelled as a FieldDiff's; `null` stands for absent. */
export interface IgnoredDiff {
  readonly path: string;
  readonly before: JsonValue;
  readonly after: JsonValue;
}

/** What is in use of a changed configuration (licenses consumed, resources associated) or license (units checked out). */
export interface ChangeUsage {
  readonly consumed: number;
  /** Configurations: the resources associated (consuming or not). */
  readonly resources?: number;
  /** Licenses: the units checked out of each entitlement, sorted by name. */
  readonly entitlements?: readonly { readonly name: string; readonly consumed: number }[];
}

/**
 * What a plan does to license usage, or where it breaks the project's policies (plan/findings.ts). Codes are
 * stable: scripts and the JSON plan name them.
 */
export const FINDING_CODES = [
  'COUNT_BELOW_USAGE', 'HARD_LIMIT_AT_CAPACITY', 'HEADROOM_BELOW_POLICY', 'HEADROOM_LOW', 'RULES_BREAK_TRACKED',
  'CONFIGURATION_IN_USE', 'LICENSE_IN_USE', 'SHARE_REMOVES_CONSUMER', 'GRANT_IN_USE', 'ENTITLEMENT_BELOW_USAGE',
  'EXPIRING', 'EXPIRED', 'POLICY_PROTECTED', 'POLICY_HARD_LIMIT_REQUIRED', 'POLICY_PRINCIPAL_NOT_ALLOWED',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** The flags that let apply go ahead despite an error finding. Policy errors have none. */
export type FindingOverride = 'allow-overage' | 'allow-in-use';

export interface Finding {
  readonly code: FindingCode;
  /** An error refuses apply (unless its override is passed); a warning is shown. */
  readonly severity: 'error' | 'warning';
  /** The change it concerns. */
  readonly address: Address;
  /** One line, with its numbers. */
  readonly message: string;
  /** The numbers behind it, by name (licenseCount, consumed, headroomPercent, days, ...). */
  readonly numbers: Readonly<Record<string, number>>;
  /** What it names: tracked resources, consuming accounts, principals. Sorted. */
  readonly subjects: readonly string[];
  /** The flag that lets apply go ahead despite this error; null for warnings and for policies. */
  readonly override: FindingOverride | null;
}

export interface PlanSummary {
  /** Present only when the plan adopts something (plans saved before adoption existed have none). */
  readonly adopt?: number;
  readonly create: number;
  readonly update: number;
  readonly replace: number;
  readonly delete: number;
  readonly noop: number;
}

export interface PlanSource {
  readonly revision: string | null;
  readonly dirty: boolean | null;
  /** Only in a saved plan: the project's directory, relative to the plan file's (`/`-separated). */
  readonly dir?: string;
}

export interface Plan {
  readonly formatVersion: '1';
  readonly project: string;
  readonly target: Target;
  readonly source: PlanSource;
  /** When the plan was computed (ISO 8601); an input of planning, never read from a clock inside it. */
  readonly createdAt: string;
  readonly prune: boolean;
  readonly summary: PlanSummary;
  /** Every managed address, no-ops included, sorted by address. */
  readonly changes: readonly ResourceChange[];
  readonly unmanaged: readonly OtherResource[];
  readonly duplicates: readonly Duplicate[];
  /** Managed resources whose documents are gone, left alone because prune is off, with their ARNs; absent when none. */
  readonly kept?: readonly KeptResource[];
  readonly warnings: readonly string[];
  /** Usage and policy findings, sorted by address then code (plan/findings.ts). Empty in a plan saved before they existed. */
  readonly findings: readonly Finding[];
  /** What the reviewed change does to the desired state itself (`plan --base`); absent otherwise. */
  readonly desiredChanges?: DesiredChanges;
  /** Only with `--target`: the addresses asked for, and how many changes outside what was selected are left out. */
  readonly targeted?: Targeted;
  /**
   * Adoptions refused (spec.adopt naming what cannot be taken over, or a field an adopt would have to replace); the
   * documents are left out of the changes. A plan with any is never shown or applied: the application layer fails
   * with ADOPT_REFUSED. Never in a saved plan.
   */
  readonly refused?: readonly AdoptProblem[];
}

/** A managed resource the plan leaves alone (its document is gone and prune is off), sorted by address. */
export interface KeptResource {
  readonly address: Address;
  readonly arn: string;
}

export interface Targeted {
  /** Sorted by address. */
  readonly addresses: readonly Address[];
  /** Changes (no-ops not counted) the plan would make without --target that this plan leaves out. */
  readonly otherChanges: number;
}

// Counts of changes by action.
export function summarize(changes: readonly ResourceChange[]): PlanSummary {
  const counts = { adopt: 0, create: 0, update: 0, replace: 0, delete: 0, noop: 0 };
  for (const c of changes) counts[c.action === 'no-op' ? 'noop' : c.action] += 1;
  return withAdoptIfAny(counts);
}

/** The summaries added up (the plans of several targets): `adopt` present only when any of them adopts. */
export function sumSummaries(summaries: readonly PlanSummary[]): PlanSummary {
  const total = { adopt: 0, create: 0, update: 0, replace: 0, delete: 0, noop: 0 };
  for (const summary of summaries) for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += summary[key] ?? 0;
  return withAdoptIfAny(total);
}

function withAdoptIfAny({ adopt, ...rest }: Required<PlanSummary>): PlanSummary {
  return adopt > 0 ? { adopt, ...rest } : rest;
}

/** True when applying the plan would change anything. */
export function hasChanges(summary: PlanSummary): boolean {
  return (summary.adopt ?? 0) + summary.create + summary.update + summary.replace + summary.delete > 0;
}

/** The observed resources whose live state differs from their documents, or that do not exist (reported, never corrected). */
export function observedDrift(changes: readonly ResourceChange[]): ResourceChange[] {
  return changes.filter((c) => c.observed === 'drift' || c.observed === 'missing');
}

// The outcome of applying a plan, change by change. Produced by apply/, read by render/.
/** applied: done; failed: the store refused or errored; skipped: a change it depends on failed or apply stopped. */
export type ChangeOutcome = 'applied' | 'failed' | 'skipped';

export interface ChangeResult {
  readonly address: Address;
  readonly action: Exclude<Action, 'no-op'>;
  readonly outcome: ChangeOutcome;
  /** The ARN after the change (the new one for creates and replaces; the old one for deletes). */
  readonly arn: string | null;
  readonly error?: { readonly code: string; readonly message: string };
  /** For skipped changes: the failed change that caused the skip. */
  readonly blockedBy?: Address;
}

export interface ApplyResult {
  readonly project: string;
  readonly target: Target;
  /** Sorted by address; no-ops are not listed. */
  readonly results: readonly ChangeResult[];
  readonly summary: { readonly applied: number; readonly failed: number; readonly skipped: number };
  /**
   * The managed resources the plan left as they are (no-ops but observed unmanaged ones, and those kept with prune
   * off), with their ARNs, sorted by address.
   */
  readonly unchanged?: readonly KeptResource[];
  /** Applied with --target: the changes a whole plan would make that were left out (Targeted.otherChanges). */
  readonly leftOut?: number;
}

/** An ApplyResult of `plan` with these results: the no-ops' ARNs, and what --target left out. */
export function applyResultOf(plan: Plan, results: readonly ChangeResult[]): ApplyResult {
  const count = (outcome: ChangeOutcome) => results.filter((r) => r.outcome === outcome).length;
  return {
    project: plan.project, target: plan.target, results, summary: { applied: count('applied'), failed: count('failed'), skipped: count('skipped') },
    unchanged: [...plan.changes.filter((c) => c.action === 'no-op' && c.arn !== null && !c.unmanaged).map((c) => ({ address: c.address, arn: c.arn! })), ...(plan.kept ?? [])]
      .sort((a, b) => compareAddresses(a.address, b.address)),
    ...(plan.targeted ? { leftOut: plan.targeted.otherChanges } : {}),
  };
}
