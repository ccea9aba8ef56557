// How values read in text: JSON literals, a body listed as dotted paths, the fields a change touches, the target and source
// a plan was computed for, and where a desired document is. Everything here is printable(): a value, key or file
// name with a line break or an escape sequence in it stays on its line and never drives the terminal.
import type { OtherResource, Target } from '../model/index.js';
import type { DesiredDocumentChange } from '../plan/desired-diff.js';
import { toJsonValue } from '../plan/diff-resource.js';
import type { FieldDiff, IgnoredDiff, JsonValue, PlanSource, ResourceBody, ResourceChange, Targeted } from '../plan/types.js';
import { compareText, isRecord } from '../util/canonical.js';
import { printable } from '../util/safe-text.js';
import { plural } from '../util/words.js';

/** JSON escapes C0 controls but leaves DEL, C1 and U+2028/2029 raw; printable() writes those as JSON escapes too. */
export function jsonLiteral(value: JsonValue): string {
  return printable(JSON.stringify(value));
}

interface Field {
  readonly path: string;
  readonly value: JsonValue;
}

/**
 * Every set field of a body under the same dotted paths the diff uses (`tags.team`, `rules.minimumCores`),
 * sorted by path. Nulls are absent values and left out; lists are shown whole.
 */
function fieldsOf(body: ResourceBody): Field[] {
  const out: Field[] = [];
  collect('tags', toJsonValue(body.tags), out);
  collect('', toJsonValue(body.spec), out);
  return out.sort((a, b) => compareText(a.path, b.path));
}

function collect(path: string, value: JsonValue, out: Field[]): void {
  if (value === null) return;
  if (!isRecord(value)) {
    out.push({ path, value });
    return;
  }
  for (const [key, member] of Object.entries(value)) collect(path === '' ? key : `${path}.${key}`, member as JsonValue, out);
}

/** The fields a change touches: a create lists every field it sets, a delete every field it removes. */
export function changedFields(change: ResourceChange): readonly FieldDiff[] {
  switch (change.action) {
    case 'create':
      return change.after ? fieldsOf(change.after).map((f) => ({ path: f.path, before: null, after: f.value })) : [];
    case 'delete':
      return change.before ? fieldsOf(change.before).map((f) => ({ path: f.path, before: f.value, after: null })) : [];
    case 'update':
    case 'adopt':
    case 'replace':
      return change.diff;
    case 'no-op':
      // An observed resource's drift.
      return change.observed ? change.diff : [];
  }
}

/** `emulator, account 000000000000, region us-east-1`, and the endpoint when there is one. */
/** `2 ignored differences: licenseCount, tags.team` (metadata.ignore, the project's spec.ignore). */
export function describeIgnored(ignored: readonly IgnoredDiff[]): string {
  return `${plural(ignored.length, 'ignored difference')}: ${ignored.map((d) => d.path).join(', ')}`;
}

export function describeTarget(target: Target): string {
  const endpoint = target.endpoint ? `, endpoint ${target.endpoint}` : '';
  return printable(`${target.store}, account ${target.account}, region ${target.region}${endpoint}`);
}

/** `revision 3f2c1a9e`, `revision 3f2c1a9e with uncommitted changes` or `files (no git revision)`. */
export function describeSource(source: PlanSource): string {
  if (source.revision === null) return 'files (no git revision)';
  const dirty = source.dirty === true ? ' with uncommitted changes' : '';
  return `revision ${printable(source.revision)}${dirty}`;
}

/** Where the document is (or was), in words: "in b.yaml", "from a.yaml", "from a.yaml to b.yaml", "in b.yaml (moved from a.yaml)". */
export function describeLocation(change: DesiredDocumentChange): string {
  const file = change.file === null ? 'an unknown file' : printable(change.file);
  if (change.status === 'removed') return `from ${file}`;
  if (change.previousFile === undefined) return `in ${file}`;
  const previous = printable(change.previousFile);
  return change.status === 'moved' ? `from ${previous} to ${file}` : `in ${file} (moved from ${previous})`;
}

/**
 * What a plan made with --target leaves out, as a sentence: `3 other resources differ from the desired state; …`.
 * Empty for a whole plan, and when nothing was left out.
 */
export function leftOutSentence(targeted: Targeted | undefined): string {
  if (targeted === undefined || targeted.otherChanges === 0) return '';
  const differ = targeted.otherChanges === 1 ? 'differs' : 'differ';
  return `${plural(targeted.otherChanges, 'other resource')} ${differ} from the desired state; ` +
    'plan without --target to see them.';
}

/**
 * The unmanaged resources as a plan lists them for people: the instance pairs of one configuration (AWS pairs every
 * instance launched from an associated AMI) as one line, `N instances`, when there are several. JSON keeps every pair.
 */
export function othersForPeople(others: readonly OtherResource[]): OtherResource[] {
  const instances = new Map<string, OtherResource[]>();
  const shown: OtherResource[] = [];
  for (const o of others) {
    if (o.kind === 'Association' && o.owner === 'unmanaged' && /:instance\/i-/.test(o.displayName)) instances.set(o.arn, [...(instances.get(o.arn) ?? []), o]);
    else shown.push(o);
  }
  for (const [arn, pairs] of instances) shown.push(pairs.length === 1 ? pairs[0]! : { kind: 'Association', arn, displayName: `${pairs.length} instances`, owner: 'unmanaged' });
  return shown;
}
