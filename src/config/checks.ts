// Semantic checks across documents, what the schemas cannot express: one Project in the project file,
// names unique per kind, references to documents that exist; then every document's own checks.
import type { Diagnostic } from '../errors/index.js';
import { isKind } from '../model/index.js';
import { describePosition, errorAt, errorAtPath, locatePath, nodePosition, type ParsedDocument } from './document.js';
import { documentDiagnostics, viewOf, type DocumentView } from './document-checks.js';
import { didYouMean } from '../util/words.js';
import { isRecord } from '../util/canonical.js';
import { PROJECT_FILE } from './source.js';
import { targetDiagnostics } from './targets.js';

/** common.schema.json#/$defs/name (a test keeps the two equal). */
export const NAME_PATTERN = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * `documents` are every document read, broken ones included: their names count as defined (so that
 * references to them are not reported as missing too), but only well-formed YAML is checked further.
 * `unparsed` are the texts of files whose YAML could not be read whole: a name they mention may be defined there.
 */
export function semanticDiagnostics(documents: readonly ParsedDocument[], projectDisplay: string, unparsed: readonly string[] = []): Diagnostic[] {
  const all = documents.map(viewOf);
  const sound = all.filter((v) => v.pd.ok);
  return [
    ...checkProject(all, projectDisplay),
    ...checkDuplicateNames(sound),
    ...checkReferences(sound, all, unparsed),
    ...checkDuplicatePairs(sound),
    ...checkConfigurationTagLimit(sound),
    ...checkMergedTagKeys(sound),
    ...targetDiagnostics(sound),
    ...documentDiagnostics(sound),
  ];
}

/** `file:line:column` of a field, for hints that point at another place. */
function whereIs(view: DocumentView, path: readonly string[]): string {
  return describePosition(view.pd.displayFile, nodePosition(view.pd, locatePath(view.pd, path).node));
}

// Exactly one Project document, in the project file: it names the project every resource is tagged with.

function checkProject(views: readonly DocumentView[], projectDisplay: string): Diagnostic[] {
  const inProjectFile = views.filter((v) => v.pd.file === PROJECT_FILE);
  const projects = views.filter((v) => v.kind === 'Project');
  const [first, ...others] = projects.filter((v) => v.pd.file === PROJECT_FILE);
  return [
    // A project file with no documents at all was already reported (empty, binary, unreadable).
    ...(first === undefined && inProjectFile.length > 0 ? [missingProject(projectDisplay)] : []),
    ...others.map((v) => duplicateProject(v, first!)),
    ...projects.filter((v) => v.pd.file !== PROJECT_FILE).map(misplacedProject),
  ];
}

function missingProject(projectDisplay: string): Diagnostic {
  return errorAt(projectDisplay, undefined, {
    code: 'PROJECT_MISSING',
    message: `${PROJECT_FILE} has no Project document`,
    hint: 'add a document with apiVersion: licensectl/v1, kind: Project and metadata.name',
  });
}

function duplicateProject(view: DocumentView, first: DocumentView): Diagnostic {
  return errorAtPath(view.pd, ['kind'], {
    code: 'PROJECT_DUPLICATE',
    message: 'duplicate Project document',
    hint: `the Project is defined at ${whereIs(first, ['kind'])}; a project has exactly one`,
  });
}

function misplacedProject(view: DocumentView): Diagnostic {
  return errorAtPath(view.pd, ['kind'], {
    code: 'PROJECT_MISPLACED',
    message: `a Project document belongs in ${PROJECT_FILE}`,
    hint: `move it to ${PROJECT_FILE} at the root of the project`,
  });
}

// metadata.name is unique per kind: it is the address a resource is planned and tracked by.

const NAME = ['metadata', 'name'];

function checkDuplicateNames(views: readonly DocumentView[]): Diagnostic[] {
  const first = new Map<string, DocumentView>();
  const found: Diagnostic[] = [];
  for (const view of views) {
    if (!isKind(view.kind) || view.name === undefined) continue;
    const address = `${view.kind}/${view.name}`;
    const earlier = first.get(address);
    if (earlier === undefined) first.set(address, view);
    else found.push(errorAtPath(view.pd, NAME, {
      code: 'DUPLICATE_NAME',
      message: `duplicate ${view.kind} "${view.name}"`,
      hint: `first defined at ${whereIs(earlier, NAME)}; names are unique per kind`,
      field: 'metadata.name',
    }));
  }
  return found;
}

// A pair (resource, configuration) belongs to one Association: the configuration carries one claim per pair, and
// two documents naming it would each plan the other's pair away.

function checkDuplicatePairs(views: readonly DocumentView[]): Diagnostic[] {
  const first = new Map<string, { view: DocumentView; index: number }>();
  const found: Diagnostic[] = [];
  for (const view of views) {
    const { resourceArn, licenseConfigurations } = view.spec;
    if (view.kind !== 'Association' || typeof resourceArn !== 'string' || !Array.isArray(licenseConfigurations)) continue;
    licenseConfigurations.forEach((entry, index) => {
      if (!isName(entry)) return;
      const key = `${resourceArn}\n${entry}`;
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, { view, index });
      else if (earlier.view !== view) found.push(errorAtPath(view.pd, ['spec', 'licenseConfigurations', String(index)], {
        code: 'DUPLICATE_PAIR',
        message: `the pair (${resourceArn}, LicenseConfiguration "${entry}") is already named by Association "${earlier.view.name ?? ''}"`,
        hint: `named at ${whereIs(earlier.view, ['spec', 'licenseConfigurations', String(earlier.index)])}; a pair belongs to one Association: remove it from one of them`,
        field: `spec.licenseConfigurations[${index}]`,
      }));
    });
  }
  return found;
}

// AWS allows 50 tags on a resource. A managed configuration carries its own tags, the 2 ownership tags, and one
// claim per Association naming it: found here, not half-way through an apply.

const TAG_LIMIT = 50;

/** The project, and with it every document, says spec.tags: merge. */
function mergesTags(views: readonly DocumentView[]): boolean {
  return views.some((v) => v.kind === 'Project' && v.spec.tags === 'merge');
}

function checkConfigurationTagLimit(views: readonly DocumentView[]): Diagnostic[] {
  // The ownership tags, and with spec.tags: merge the keys licensectl set (licensectl:tags).
  const OWNERSHIP_TAGS = mergesTags(views) ? 3 : 2;
  const associations = views.filter((v) => v.kind === 'Association' && Array.isArray(v.spec.licenseConfigurations));
  return views.flatMap((view) => {
    if (view.kind !== 'LicenseConfiguration' || view.name === undefined) return [];
    const name = view.name;
    const own = isRecord(view.metadata.tags) ? Object.keys(view.metadata.tags).length : 0;
    const naming = associations.filter((a) => (a.spec.licenseConfigurations as unknown[]).includes(name));
    const total = own + OWNERSHIP_TAGS + naming.length;
    if (total <= TAG_LIMIT) return [];
    const problem = {
      code: 'TAG_LIMIT',
      message: `LicenseConfiguration "${name}" would carry ${total} tags; AWS allows ${TAG_LIMIT}`,
      hint: `${own} of its own, ${OWNERSHIP_TAGS} that licensectl sets, and 1 for each of the ${naming.length} Associations naming it: name it in fewer Associations, or give it fewer tags`,
    };
    // At the Association that goes over; when its own tags alone do, at them.
    const over = naming[TAG_LIMIT - OWNERSHIP_TAGS - own];
    if (over === undefined) return [errorAtPath(view.pd, ['metadata', 'tags'], { ...problem, field: 'metadata.tags' })];
    const index = (over.spec.licenseConfigurations as unknown[]).indexOf(name);
    return [errorAtPath(over.pd, ['spec', 'licenseConfigurations', String(index)], { ...problem, field: `spec.licenseConfigurations[${index}]` })];
  });
}

// With spec.tags: merge, a resource remembers the user tag keys licensectl set in one tag, separated by spaces
// (model/identity.ts TAG_KEYS_TAG): a key cannot hold a space, and the keys together must fit a tag value.

const TAG_VALUE_LIMIT = 256;

function checkMergedTagKeys(views: readonly DocumentView[]): Diagnostic[] {
  if (!mergesTags(views)) return [];
  return views.flatMap((view) => {
    if (view.kind === 'Project' || !isRecord(view.metadata.tags)) return [];
    const keys = Object.keys(view.metadata.tags);
    const spaced = keys.filter((key) => /\s/.test(key)).map((key) => errorAtPath(view.pd, ['metadata', 'tags', key], {
      code: 'INVALID_VALUE',
      message: `tag key "${key}" holds a space, which spec.tags: merge cannot remember`,
      hint: 'licensectl records the keys it sets in the licensectl:tags tag, separated by spaces: rename the key, or use spec.tags: replace',
      field: `metadata.tags.${key}`,
    }, true));
    const length = keys.join(' ').length;
    const long = length <= TAG_VALUE_LIMIT ? [] : [errorAtPath(view.pd, ['metadata', 'tags'], {
      code: 'TAG_LIMIT',
      message: `the tag keys of ${view.kind} "${view.name ?? ''}" take ${length} characters together; spec.tags: merge remembers them in one tag value of at most ${TAG_VALUE_LIMIT}`,
      hint: 'use shorter or fewer tag keys, or spec.tags: replace',
      field: 'metadata.tags',
    }, true)];
    return [...spaced, ...long];
  });
}

// References between documents: a share's or a report generator's license configurations and a grant's license must be defined.
// ARNs refer to resources licensectl does not manage and are not checked here. A file that failed to parse
// may define anything it mentions: a reference to such a name is not reported, the parse error is.

/** The names of one kind that count as defined, and those that may be (mentioned in a file that failed to parse). */
interface Defined {
  readonly names: ReadonlySet<string>;
  readonly mentioned: (name: string) => boolean;
}

/** `definitions` are the documents whose names count as defined. */
function checkReferences(views: readonly DocumentView[], definitions: readonly DocumentView[], unparsed: readonly string[]): Diagnostic[] {
  const defined = namesByKind(definitions);
  const words = wordsOf(unparsed);
  const mentioned = (name: string) => words.has(name);
  const ofKind = (kind: string): Defined => ({ names: defined.get(kind) ?? NONE, mentioned });
  return views.flatMap((view) => {
    if (view.kind === 'ResourceShare' || view.kind === 'ReportGenerator') return shareReferences(view, ofKind('LicenseConfiguration'));
    if (view.kind === 'Association') return associationReferences(view, ofKind('LicenseConfiguration'));
    if (view.kind === 'Grant') return grantReference(view, ofKind('License'));
    return [];
  });
}

/** Every run of name characters in the texts, once: a name is mentioned when it is one of them, not part of a longer one. */
function wordsOf(texts: readonly string[]): ReadonlySet<string> {
  const words = new Set<string>();
  for (const text of texts) for (const word of text.match(/[a-z0-9-]+/g) ?? []) words.add(word);
  return words;
}

function isDefined(name: string, defined: Defined): boolean {
  return defined.names.has(name) || defined.mentioned(name);
}

/** Suggestions only of names that are themselves valid: a broken document's name may not be. */
function suggestion(name: string, defined: Defined): string | undefined {
  return didYouMean(name, [...defined.names].filter(isName));
}

function namesByKind(views: readonly DocumentView[]): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  for (const { kind, name } of views) {
    if (kind === undefined || name === undefined) continue;
    const ofKind = names.get(kind) ?? new Set<string>();
    names.set(kind, ofKind.add(name));
  }
  return names;
}

/** ARNs name resources licensectl does not manage; malformed entries are the schema's to report. */
function isName(value: unknown): value is string {
  return typeof value === 'string' && NAME_PATTERN.test(value);
}

const NONE: ReadonlySet<string> = new Set();

function shareReferences(view: DocumentView, configurations: Defined): Diagnostic[] {
  const entries = Array.isArray(view.spec.licenseConfigurations) ? view.spec.licenseConfigurations : [];
  return entries.flatMap((entry, index) => {
    if (!isName(entry) || isDefined(entry, configurations)) return [];
    const otherwise = 'define a LicenseConfiguration document with that name, or give the ARN of one licensectl does not manage';
    return [errorAtPath(view.pd, ['spec', 'licenseConfigurations', String(index)], {
      code: 'MISSING_REFERENCE',
      message: `LicenseConfiguration "${entry}" is not defined`,
      hint: suggestion(entry, configurations) ?? otherwise,
      field: `spec.licenseConfigurations[${index}]`,
    })];
  });
}

/** An association names managed configurations only: the pairs it owns are tagged on them. */
function associationReferences(view: DocumentView, configurations: Defined): Diagnostic[] {
  const entries = Array.isArray(view.spec.licenseConfigurations) ? view.spec.licenseConfigurations : [];
  return entries.flatMap((entry, index) => {
    if (!isName(entry) || isDefined(entry, configurations)) return [];
    return [errorAtPath(view.pd, ['spec', 'licenseConfigurations', String(index)], {
      code: 'MISSING_REFERENCE',
      message: `LicenseConfiguration "${entry}" is not defined`,
      hint: suggestion(entry, configurations) ?? 'define a LicenseConfiguration document with that name; an Association names managed configurations only',
      field: `spec.licenseConfigurations[${index}]`,
    })];
  });
}

function grantReference(view: DocumentView, licenses: Defined): Diagnostic[] {
  const license = view.spec.license;
  if (!isName(license) || isDefined(license, licenses)) return [];
  const otherwise = 'define a License document with that name, or use licenseArn for a license licensectl does not manage';
  return [errorAtPath(view.pd, ['spec', 'license'], {
    code: 'MISSING_REFERENCE',
    message: `License "${license}" is not defined`,
    hint: suggestion(license, licenses) ?? otherwise,
    field: 'spec.license',
  })];
}
