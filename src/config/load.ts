// Loading the desired state: list, read, parse, validate against the schemas, check, normalise.
// Every problem becomes a diagnostic; the state is null iff any of them is an error. Nothing throws.
import { hasErrors, isLicensectlError, sortDiagnostics, type Diagnostic } from '../errors/index.js';
import type { DesiredState } from '../model/index.js';
import { semanticDiagnostics } from './checks/index.js';
import { isRecord } from './checks/view.js';
import { decodeText } from './decode.js';
import { errorAt, errorAtNode, type ParsedDocument } from './document.js';
import { PROJECT_FILE } from './limits.js';
import { schemaDiagnostics } from './locate.js';
import { normalizeState } from './normalize.js';
import { parseYaml, type ParsedFile } from './parse.js';
import { schemaErrors } from './schema/validate.js';
import { selectFiles } from './select.js';
import { directorySource, type DocumentSource } from './source.js';

export interface LoadResult {
  readonly state: DesiredState | null;
  /** Sorted (sortDiagnostics); warnings may accompany a valid state. */
  readonly diagnostics: Diagnostic[];
  /** The files read, as relative paths, sorted. */
  readonly files: string[];
}

export function loadDirectory(dir: string): Promise<LoadResult> {
  return loadDesiredState(directorySource(dir));
}

export async function loadDesiredState(source: DocumentSource): Promise<LoadResult> {
  const listed = await listFiles(source);
  if (!Array.isArray(listed)) return { state: null, diagnostics: [listed], files: [] };
  if (!listed.includes(PROJECT_FILE)) return { state: null, diagnostics: [noProjectFile(source, listed)], files: [] };
  const project = await readText(source, PROJECT_FILE);
  const projectParsed = parsedOf(project);
  const files = selectFiles(listed, ...globsOf(projectParsed.documents.map((d) => d.value)));
  const others = await Promise.all(files.filter((f) => f !== PROJECT_FILE).map((f) => readText(source, f)));
  const parsed = [projectParsed, ...others.map(parsedOf)];
  return { ...checked(parsed.flatMap((p) => p.documents), parsed.flatMap((p) => p.diagnostics), source), files };
}

/** Every file is parsed once, by yaml, with source positions. */
function parsedOf(t: FileText): ParsedFile {
  return 'text' in t ? parseYaml(t.file, t.display, t.text) : { documents: [], diagnostics: [t.failed] };
}

function checked(documents: readonly ParsedDocument[], found: readonly Diagnostic[], source: DocumentSource): Omit<LoadResult, 'files'> {
  const diagnostics = sortDiagnostics([
    ...found,
    ...documents.filter((d) => d.ok).flatMap(validateDocument),
    ...semanticDiagnostics(documents, source.displayPath(PROJECT_FILE)),
  ]);
  return { state: hasErrors(diagnostics) ? null : normalizeState(documents, source.ref), diagnostics };
}

/** A mapping with neither apiVersion nor kind is some other YAML (CI, compose, …): one clear diagnostic. */
function validateDocument(pd: ParsedDocument): Diagnostic[] {
  if (!isRecord(pd.value) || 'apiVersion' in pd.value || 'kind' in pd.value) return schemaDiagnostics(pd, schemaErrors(pd.value));
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

/** A file's text, or the diagnostic saying why there is none. */
type FileText =
  | { readonly file: string; readonly display: string; readonly text: string }
  | { readonly file: string; readonly failed: Diagnostic };

async function readText(source: DocumentSource, file: string): Promise<FileText> {
  const display = source.displayPath(file);
  let bytes: Uint8Array;
  try {
    bytes = await source.read(file);
  } catch (error) {
    return { file, failed: errorAt(display, undefined, problemOf(error, 'READ_FAILED', 'cannot read the file')) };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { file, failed: errorAt(display, decoded.position, decoded.problem) };
  return { file, display, text: decoded.text };
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
