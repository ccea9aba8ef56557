// How much of a resource licensectl manages. A document may take over an existing resource (`spec.adopt: ARN`),
// be observe-only (`spec.management: observe`, or the project's `spec.observe` address globs: read and reported,
// never created, changed or deleted), and ignore fields (`metadata.ignore`, or the project's `spec.ignore` rules by
// kind and name glob: differences there are neither planned nor drift). The project's `spec.tags: merge` keeps tags
// other tools add. Ignore paths are dotted from the document's top: `spec.licenseCount`, `metadata.tags.CostCenter`,
// `metadata.tags` (every user tag).
import picomatch from 'picomatch';
import { addressOf, type Kind } from './identity.js';

export type Management = 'manage' | 'observe';

/** replace: a managed resource's user tags are exactly its document's; merge: tags other tools add are kept. */
export type TagMode = 'replace' | 'merge';

export interface IgnoreRule {
  /** Absent: every kind. */
  readonly kind?: Kind;
  /** A picomatch glob on metadata.name; absent: every name. */
  readonly name?: string;
  readonly fields: readonly string[];
}

/** The project-level settings (Project spec.observe, spec.ignore, spec.tags). */
export interface ManagementSettings {
  readonly observe?: readonly string[];
  readonly ignore?: readonly IgnoreRule[];
  readonly tags?: TagMode;
}

/** True when the project's spec.observe globs select the address `Kind/name`. */
export function observedByProject(settings: ManagementSettings, kind: Kind, name: string): boolean {
  const globs = settings.observe ?? [];
  return globs.length > 0 && picomatch(globs as string[])(addressOf(kind, name));
}

/** The fields the project's spec.ignore rules ignore for `Kind/name`, sorted and unique. */
export function ignoredByProject(settings: ManagementSettings, kind: Kind, name: string): string[] {
  const fields = (settings.ignore ?? [])
    .filter((rule) => (rule.kind === undefined || rule.kind === kind) && (rule.name === undefined || picomatch(rule.name)(name)))
    .flatMap((rule) => rule.fields);
  return [...new Set(fields)].sort();
}

/**
 * Ignore paths (document spelling: `spec.licenseCount`, `metadata.tags.team`, a Grant's `spec.licenseArn`) as the
 * plan's field diffs spell them (`licenseCount`, `tags.team`, `license`).
 */
export function planPathsOf(kind: Kind, ignore: readonly string[]): string[] {
  return ignore.map((field) => {
    if (field === 'metadata.tags' || field.startsWith('metadata.tags.')) return field.slice('metadata.'.length);
    const path = field.slice('spec.'.length);
    return kind === 'Grant' && path === 'licenseArn' ? 'license' : path;
  });
}

/** True when the plan diff path `path` is at or under one of `planPaths` (see planPathsOf). */
export function isIgnored(planPaths: readonly string[], path: string): boolean {
  return planPaths.some((field) => path === field || path.startsWith(`${field}.`));
}
