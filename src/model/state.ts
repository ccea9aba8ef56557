// The two inputs of planning, and the desired and live resources they hold, discriminated by kind.
import type { Address, Kind, Tags } from './identity.js';
import type { ManagementSettings } from './management.js';
import type { SpecByKind } from './specs.js';
import type { TargetConfig } from './targets.js';
import type { Usage } from './usage.js';


/** Where a document came from, for diagnostics and plan details. `ref` is set when read from git. */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly ref?: string;
}

type ByKind<Extra> = { [K in Kind]: { readonly kind: K; readonly name: string; readonly spec: SpecByKind[K] } & Extra }[Kind];

/**
 * A validated, normalised document. `tags` are the user's tags only; `targets` the units it is applied to, as
 * `name@region` (metadata.targets or spec.defaultTargets, resolved), absent in a project without targets.
 * `adopt` is spec.adopt (the ARN of an existing resource to take over); `observe` is set when the document or the
 * project's spec.observe makes it observe-only; `ignore` holds its ignored field paths (metadata.ignore plus the
 * project's matching spec.ignore rules), sorted (see management.ts).
 */
export type DesiredResource = ByKind<{
  readonly tags: Tags;
  readonly source?: SourceRef;
  readonly targets?: readonly string[];
  readonly adopt?: string;
  /** Where spec.adopt is written: a refused adoption is reported there. */
  readonly adoptSource?: SourceRef;
  readonly observe?: true;
  readonly ignore?: readonly string[];
  /** The project says spec.tags: merge: tags other tools add to the resource are kept. */
  readonly mergeTags?: true;
}>;

/** Server-side facts needed to change a resource but never compared (grant and license versions, raw status). */
export interface LiveMeta {
  readonly version?: string;
  readonly status?: string;
  /** The user tag keys licensectl set (spec.tags: merge), read from the licensectl:tags tag; absent without it. */
  readonly tagKeys?: readonly string[];
}

/** A managed resource read back from the store, mapped into the canonical spec. `tags` are user tags only. */
export type LiveResource = ByKind<{ readonly arn: string; readonly tags: Tags; readonly meta: LiveMeta }>;

/** A live resource without our project tag (unmanaged) or with another project's (foreign). Never changed. */
export interface OtherResource {
  readonly kind: Kind;
  readonly arn: string;
  readonly displayName: string;
  readonly owner: 'unmanaged' | 'foreign';
  /** The owning project, for foreign resources. */
  readonly project?: string;
  /**
   * What the resource is, read as a managed one would be (user tags, canonical spec with references as ARNs, meta),
   * for adoption and import; its `name` is empty, as it has no address. Absent where the store did not map it.
   */
  readonly live?: LiveResource;
}

/** Several live resources carry the same ownership tags: nothing is changed for that address. */
export interface Duplicate {
  readonly address: Address;
  readonly arns: readonly string[];
}

/** `region` is the project's region (authoritative unless `allowRegionOverride`); the emulator's defaults to us-east-1. */
export type StoreConfig =
  | { readonly type: 'emulator'; readonly path?: string; readonly region?: string; readonly allowRegionOverride?: boolean }
  | {
      readonly type: 'aws';
      readonly region?: string;
      readonly profile?: string;
      readonly endpoint?: string;
      readonly allowRegionOverride?: boolean;
    };

export interface ProjectConfig extends ManagementSettings {
  readonly name: string;
  readonly store: StoreConfig;
  readonly prune: boolean;
  /** Set when the document writes `prune` itself; watch deletes only on an explicit `prune: true`. */
  readonly pruneExplicit?: true;
  /** When set, plan and apply refuse to run against any other account. */
  readonly account?: string;
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  /** spec.targets (see targets.ts); absent: the one target spec.store names. */
  readonly targets?: readonly TargetConfig[];
  readonly defaultTargets?: readonly string[];
  /** spec.policies; absent: DEFAULT_POLICIES. */
  readonly policies?: Policies;
  readonly source?: SourceRef;
}

/** The project's policies (spec.policies), checked by every plan; name patterns are picomatch globs. */
export interface Policies {
  readonly protect: readonly string[];
  /** null: no headroom required. */
  readonly minHeadroomPercent: number | null;
  /** 0: no expiry warnings. */
  readonly expiryWarningDays: number;
  readonly requireHardLimit: readonly string[];
  /** null: any principal. */
  readonly allowedPrincipals: readonly string[] | null;
}

export const DEFAULT_POLICIES: Policies = { protect: [], minHeadroomPercent: null, expiryWarningDays: 30, requireHardLimit: [], allowedPrincipals: null };

export interface DesiredState {
  readonly project: ProjectConfig;
  /** Sorted by address. */
  readonly resources: readonly DesiredResource[];
}

export interface LiveState {
  /** Sorted by address; one per address (duplicates are listed apart). */
  readonly managed: readonly LiveResource[];
  /** Sorted by kind then ARN. */
  readonly others: readonly OtherResource[];
  readonly duplicates: readonly Duplicate[];
  /** What the store read of license usage; absent where nothing was read (a hand-built state). */
  readonly usage?: Usage;
}

/** Where a plan is computed against. */
export interface Target {
  readonly store: 'emulator' | 'aws';
  readonly account: string;
  readonly region: string;
  readonly endpoint: string | null;
  /** The embedded emulator's state file (absolute): a saved plan applies only to the state it was made against. */
  readonly stateFile?: string;
}
