// Loading the desired state: list, read, parse, validate against the schemas, check, normalise.
// Every problem becomes a diagnostic; the state is null iff any of them is an error. Nothing throws.
import picomatch from 'picomatch';
import { hasErrors, isLicensectlError, sortDiagnostics, type Diagnostic } from '../errors/index.js';
import type { DesiredState } from '../model/index.js';
import { NAME_PATTERN, semanticDiagnostics } from './checks.js';
import { errorAt, errorAtNode, type ParsedDocument } from './document.js';
import { normalizeState } from './normalize.js';
import { inexactNumbers, withExactNumbers } from './numbers.js';
import { parseFile, type ParsedFile } from './parse.js';
import { schemaDiagnostics } from './schema/validate.js';
import { PROJECT_FILE, type DocumentSource } from './source.js';
import { isRecord } from '../util/canonical.js';

export interface LoadResult {
  readonly state: DesiredState | null;
  /** Sorted (sortDiagnostics); warnings may accompany a valid state. */
  readonly diagnostics: Diagnostic[];
  /** The files read, as relative paths, sorted. */
  readonly files: string[];
  /**
   * The project's name as its Project document gives it, when that name is valid, even if the state is not
   * (a pull-request comment about an invalid state still names its project).
   */
  readonly project?: string;
}

export async function loadDesiredState(source: DocumentSource): Promise<LoadResult> {
  const listed = await listFiles(source);
  if (!Array.isArray(listed)) return { state: null, diagnostics: [listed], files: [] };
  if (!listed.includes(PROJECT_FILE)) return { state: null, diagnostics: [noProjectFile(source, listed)], files: [] };
  const project = await readFile(source, PROJECT_FILE);
  const files = selectFiles(listed, ...globsOf(project.documents.map((d) => d.value)));
  const others = await Promise.all(files.filter((f) => f !== PROJECT_FILE).map((f) => readFile(source, f)));
  const parsed = [project, ...others];
  const name = projectName(project.documents.map((d) => d.value));
  return { ...checked(parsed, source), files, ...(name === undefined ? {} : { project: name }) };
}

/** metadata.name of the project file's first Project document, when it is a valid name. */
function projectName(values: readonly unknown[]): string | undefined {
  const document = values.find((v) => isRecord(v) && v.kind === 'Project');
  const metadata = isRecord(document) && isRecord(document.metadata) ? document.metadata : {};
  return typeof metadata.name === 'string' && NAME_PATTERN.test(metadata.name) ? metadata.name : undefined;
}

function checked(parsed: readonly ParsedFile[], source: DocumentSource): Omit<LoadResult, 'files'> {
  const documents = parsed.flatMap((p) => p.documents);
  const unparsed = parsed.flatMap((p) => (p.unparsed === undefined ? [] : [p.unparsed]));
  const diagnostics = sortDiagnostics([
    ...parsed.flatMap((p) => p.diagnostics),
    ...documents.filter((d) => d.ok).flatMap(validateDocument),
    ...semanticDiagnostics(documents, source.displayPath(PROJECT_FILE), unparsed),
  ]);
  return { state: hasErrors(diagnostics) ? null : normalizeState(documents, source.ref), diagnostics };
}

/** A mapping with neither apiVersion nor kind is some other YAML (CI, compose, …): one clear diagnostic. */
function validateDocument(pd: ParsedDocument): Diagnostic[] {
  if (!isRecord(pd.value) || 'apiVersion' in pd.value || 'kind' in pd.value) return withExactNumbers(schemaDiagnostics(pd), inexactNumbers(pd));
  return [errorAtNode(pd, pd.doc.contents, {
    code: 'NOT_LICENSECTL',
    message: 'not a licensectl document: it has neither apiVersion nor kind',
    hint: `keep other YAML out of the project folder, or leave it out with spec.exclude in ${PROJECT_FILE}`,
  })];
}

async function listFiles(source: DocumentSource): Promise<string[] | Diagnostic> {
  try {
    return await source.list();
  } catch (error) {
    return errorAt(undefined, undefined, problemOf(error, 'LIST_FAILED', `cannot list ${source.label}`));
  }
}

function noProjectFile(source: DocumentSource, files: readonly string[]): Diagnostic {
  const hint = files.includes('licensectl.yml')
    ? 'rename licensectl.yml to licensectl.yaml'
    : `create ${PROJECT_FILE} with a Project document, or point --dir at the folder that holds it`;
  return errorAt(undefined, undefined, { code: 'PROJECT_FILE_MISSING', message: `no ${PROJECT_FILE} in ${source.label}`, hint });
}

/** A file's documents, or the diagnostic saying why it could not be read. */
async function readFile(source: DocumentSource, file: string): Promise<ParsedFile> {
  const display = source.displayPath(file);
  let bytes: Uint8Array;
  try {
    bytes = await source.read(file);
  } catch (error) {
    return { documents: [], diagnostics: [errorAt(display, undefined, problemOf(error, 'READ_FAILED', 'cannot read the file'))] };
  }
  return parseFile(file, display, bytes);
}

/** Typed errors keep their code and hint; anything else (EACCES, …) keeps its message. */
function problemOf(error: unknown, code: string, context: string) {
  if (isLicensectlError(error)) return { code: error.code, message: error.message, hint: error.hint };
  const reason = error instanceof Error ? error.message : String(error);
  return { code, message: `${context}: ${reason}` };
}

/** The project's include/exclude, read before validation because they decide what else is read. */
function globsOf(values: readonly unknown[]): [string[]?, string[]?] {
  const project = values.find((v) => isRecord(v) && v.kind === 'Project');
  const spec = isRecord(project) && isRecord(project.spec) ? project.spec : {};
  const globs = (value: unknown) => (Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string' && g !== '') : []);
  return [globs(spec.include), globs(spec.exclude)];
}

/**
 * Files to read: the project file always; any other file when it matches an include glob (or there are
 * none) and no exclude glob. Globs are picomatch patterns on relative posix paths: `*` stays within one
 * folder, `**` crosses folders.
 */
function selectFiles(files: readonly string[], include: readonly string[] = [], exclude: readonly string[] = []): string[] {
  const included = include.length > 0 ? picomatch([...include]) : () => true;
  const excluded = exclude.length > 0 ? picomatch([...exclude]) : () => false;
  return files.filter((file) => file === PROJECT_FILE || (included(file) && !excluded(file)));
}
