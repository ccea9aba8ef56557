// Desired and live resources, discriminated by kind.
import type { Address } from './address.js';
import type { Kind } from './kinds.js';
import type { Tags } from './ownership.js';
import type { SpecByKind } from './specs.js';

/** Where a document came from, for diagnostics and plan details. `ref` is set when read from git. */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly ref?: string;
}

type ByKind<Extra> = { [K in Kind]: { readonly kind: K; readonly name: string; readonly spec: SpecByKind[K] } & Extra }[Kind];

/** A validated, normalised document. `tags` are the user's tags only. */
export type DesiredResource = ByKind<{ readonly tags: Tags; readonly source?: SourceRef }>;

/** Server-side facts needed to change a resource but never compared (grant and license versions, raw status). */
export interface LiveMeta {
  readonly version?: string;
  readonly status?: string;
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
}

/** Several live resources carry the same ownership tags: nothing is changed for that address. */
export interface Duplicate {
  readonly address: Address;
  readonly arns: readonly string[];
}
