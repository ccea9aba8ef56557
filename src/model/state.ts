// The two inputs of planning.
import type { Address } from './address.js';
import type { DesiredResource, Duplicate, LiveResource, OtherResource, SourceRef } from './resources.js';

export type StoreConfig =
  | { readonly type: 'emulator'; readonly path?: string }
  | { readonly type: 'aws'; readonly region?: string; readonly profile?: string; readonly endpoint?: string };

export interface ProjectConfig {
  readonly name: string;
  readonly store: StoreConfig;
  readonly prune: boolean;
  /** Set when the document writes `prune` itself; watch deletes only on an explicit `prune: true`. */
  readonly pruneExplicit?: true;
  /** When set, plan and apply refuse to run against any other account. */
  readonly account?: string;
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  readonly source?: SourceRef;
}

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
  /**
   * Managed resources paired with their documents by name and parent without reading their tags (grants:
   * one tag read per grant would dominate a read). Their `tags` are the desired ones, assumed; the store
   * verifies them before any change to them is planned for real.
   */
  readonly unverified?: readonly Address[];
}

/** Where a plan is computed against. */
export interface Target {
  readonly store: 'emulator' | 'aws';
  readonly account: string;
  readonly region: string;
  readonly endpoint: string | null;
}
