// Document names (metadata.name) for resources that have none yet (import): derived from the AWS name, made valid
// (lower-case letters, digits and hyphens, at most 63 characters, a letter or digit at each end), and made unique
// deterministically: resources of one kind whose names collide, with each other or with names already taken, get
// -2, -3, … in ARN order.
import type { Kind } from '../model/index.js';
import { compareText } from '../util/canonical.js';

const MAX = 63;

/** One resource to name: its kind, ARN (the tie-break) and the name it has in AWS. */
export interface Nameable {
  readonly kind: Kind;
  readonly arn: string;
  readonly awsName: string;
}

/**
 * A name for every resource, by ARN. `taken`: the names already used per kind (documents, managed resources), which
 * no resource of that kind is given.
 */
export function assignNames(resources: readonly Nameable[], taken: ReadonlyMap<Kind, ReadonlySet<string>>): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Map<Kind, Set<string>>();
  for (const r of [...resources].sort((a, b) => compareText(a.kind, b.kind) || compareText(a.arn, b.arn))) {
    const kindUsed = used.get(r.kind) ?? new Set(taken.get(r.kind) ?? []);
    used.set(r.kind, kindUsed);
    const base = baseName(r.awsName, r.arn, r.kind);
    let name = base;
    for (let n = 2; kindUsed.has(name); n += 1) name = withSuffix(base, n);
    kindUsed.add(name);
    names.set(r.arn, name);
  }
  return names;
}

/**
 * A valid name from an AWS name: lower-cased, every run of other characters a hyphen, trimmed to 63. An AWS name with
 * nothing usable in it gives the ARN's resource id (lic-…, l-…), else the kind's name.
 */
export function baseName(awsName: string, arn: string, kind: Kind): string {
  return slug(awsName) || slug(arn.split(/[:/]/).pop() ?? '') || slug(kind.replace(/([a-z])([A-Z])/g, '$1-$2'));
}

function slug(text: string): string {
  const hyphenated = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return trimHyphens(trimHyphens(hyphenated).slice(0, MAX));
}

/** `base-N`, the base shortened so that the whole stays within 63 characters. */
function withSuffix(base: string, n: number): string {
  const suffix = `-${n}`;
  return `${trimHyphens(base.slice(0, MAX - suffix.length))}${suffix}`;
}

function trimHyphens(text: string): string {
  return text.replace(/^-+|-+$/g, '');
}
