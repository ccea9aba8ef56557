// A file's bytes to documents with source positions: only UTF-8 text of a sane size is YAML we read, and
// only YAML within the limits of yaml-limits.ts, checked on the parser's tokens before a document is
// composed. Problems become located diagnostics; nothing throws.
import { Composer, LineCounter, Parser, isScalar, visit, type CST, type Document, type Node, type YAMLError } from 'yaml';
import type { Diagnostic } from '../errors/index.js';
import { errorAt, errorAtNode, positionAt, positionInText, type ParsedDocument, type Position, type Problem } from './document.js';
import { fileTooLarge, MAX_FILE_BYTES } from './source.js';
import { deepFlowNesting, documentRefusals, MAX_ALIAS_COUNT, type Refusal } from './yaml-limits.js';
import { lintYaml } from './yaml-lint.js';
import { unclosedDiagnostic } from './yaml-unclosed.js';

export interface ParsedFile {
  readonly documents: readonly ParsedDocument[];
  readonly diagnostics: readonly Diagnostic[];
  /**
   * The file's text when its YAML could not be read whole (a syntax error, a refused limit, bytes that are not
   * UTF-8): what it defines is unknown, so references to names it mentions are not reported as missing.
   */
  readonly unparsed?: string;
}

/** The documents of one file; `displayFile` is how diagnostics name it. */
export function parseFile(file: string, displayFile: string, bytes: Uint8Array): ParsedFile {
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    const unparsed = decoded.problem.code === 'NOT_UTF8' ? lenient.decode(bytes) : undefined;
    return { documents: [], diagnostics: [errorAt(displayFile, decoded.position, decoded.problem)], ...(unparsed === undefined ? {} : { unparsed }) };
  }
  const parsed = parseYaml(file, displayFile, decoded.text);
  return parsed.documents.some((d) => !d.ok) || parsed.documents.length === 0 ? { ...parsed, unparsed: decoded.text } : parsed;
}

type Decoded =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly problem: Problem; readonly position?: Position };

// Whole-file problems still point somewhere, so every diagnostic reads file:line:column.
const FILE_START: Position = { line: 1, column: 1 };

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_FILE_BYTES) {
    const error = fileTooLarge(bytes.length);
    return { ok: false, problem: { code: error.code, message: error.message, hint: error.hint }, position: FILE_START };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const before = lenient.decode(bytes.subarray(0, nul));
    return {
      ok: false,
      position: positionInText(before, before.length),
      problem: {
        code: 'BINARY_FILE',
        message: 'file contains NUL bytes: it is binary or not UTF-8 (UTF-16?)',
        hint: 'desired-state files must be UTF-8 text; move binary files out or exclude them with spec.exclude',
      },
    };
  }
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    return { ok: false, problem: notUtf8, position: firstInvalid(bytes) };
  }
}

const notUtf8: Problem = {
  code: 'NOT_UTF8',
  message: 'file is not valid UTF-8',
  hint: 'save the file as UTF-8 (Latin-1 and Windows-1252 are not read)',
};

/** Where decoding first went wrong: the first replacement character of a lenient decode. */
function firstInvalid(bytes: Uint8Array): Position {
  const text = lenient.decode(bytes);
  return positionInText(text, Math.max(0, text.indexOf('\uFFFD')));
}

function parseYaml(file: string, displayFile: string, text: string): ParsedFile {
  const tooDeep = deepFlowNesting(text);
  if (tooDeep !== undefined) {
    return { documents: [], diagnostics: [errorAt(displayFile, positionInText(text, tooDeep.offset), tooDeep.problem)] };
  }
  const lines = new LineCounter();
  const composed = composeDocuments(text, lines);
  if (composed.length === 0) {
    const message = text.trim() === '' ? 'file is empty' : 'file has only comments, no documents';
    const problem = { code: 'EMPTY_FILE', message, hint: 'add documents, or delete the file' };
    return { documents: [], diagnostics: [errorAt(displayFile, { line: 1, column: 1 }, problem)] };
  }
  const parsed = composed.map((c) => parseDocument(file, displayFile, text, c, lines));
  return { documents: parsed.map((p) => p.document), diagnostics: parsed.flatMap((p) => p.diagnostics) };
}

/** A composed document, or the shell of one refused by the limits (composed without its contents). */
interface Composed {
  readonly doc: Document.Parsed;
  readonly refusals: readonly Refusal[];
  /** Where the document's contents start in the text, when it has any. */
  readonly contentOffset?: number;
  /** The parser's tokens of the document, to find where an unclosed quote or bracket opens. */
  readonly token?: CST.Document;
}

/**
 * What yaml's parseAllDocuments does, with errors kept on each document, and each document checked
 * against the limits before it is composed. Duplicate keys are lintYaml's to find: yaml's own check
 * compares every key with every earlier one of its mapping, quadratic in their number.
 */
function composeDocuments(text: string, lines: LineCounter): Composed[] {
  const tokens = [...new Parser(lines.addNewLine).parse(text)];
  const composer = new Composer({ uniqueKeys: false, prettyErrors: false });
  const docs: Document.Parsed[] = [];
  const checked: Omit<Composed, 'doc'>[] = [];
  for (const token of tokens) {
    let next = token;
    if (token.type === 'document') {
      const refusals = documentRefusals(token);
      checked.push({ refusals, contentOffset: token.value?.offset, token });
      if (refusals.length > 0) next = { ...token, value: undefined } satisfies CST.Document;
    }
    for (const doc of composer.next(next)) docs.push(doc);
  }
  docs.push(...composer.end());
  // The composer makes one document per document token, in order.
  return docs.map((doc, i) => ({ doc, refusals: [], ...checked[i] }));
}

function parseDocument(file: string, displayFile: string, text: string, composed: Composed, lines: LineCounter) {
  const { doc, refusals, contentOffset, token } = composed;
  // A refused document was composed without its contents: its start is where they were written.
  const start = positionAt(lines, (refusals.length > 0 ? contentOffset : undefined) ?? doc.contents?.range?.[0] ?? doc.range[0]);
  const shell: ParsedDocument = { file, displayFile, doc, lines, value: undefined, ok: false, start };
  if (refusals.length > 0) {
    // Refused before it was composed: its contents were never built, so there is nothing more to check.
    return { document: shell, diagnostics: refusals.map((r) => errorAt(displayFile, positionAt(lines, r.offset), r.problem)) };
  }
  const diagnostics = [
    // Only the first: after a syntax error the parser's recovery often reports its consequences too.
    ...doc.errors.filter(coveredElsewhere).slice(0, 1).map((e) => unclosedDiagnostic(displayFile, text, lines, token, e) ?? syntaxError(displayFile, lines, e)),
    ...doc.warnings.filter(coveredElsewhere).map((e) => ({ ...syntaxError(displayFile, lines, e), severity: 'warning' as const })),
    ...lintYaml(shell),
    ...emptyDocument(shell),
  ];
  // Converted even when broken, best effort: a broken document's kind and name still count as defined,
  // so that references to it are not reported as missing on top of the real problem.
  const converted = toPlain(shell, diagnostics.length > 0);
  const all = [...diagnostics, ...converted.diagnostics];
  const ok = !all.some((d) => d.severity === 'error');
  return { document: { ...shell, value: converted.value, ok }, diagnostics: all };
}

/** Duplicate keys and unknown tags are reported by lintYaml, with better messages. */
function coveredElsewhere(error: YAMLError): boolean {
  return error.code !== 'DUPLICATE_KEY' && error.code !== 'TAG_RESOLVE_FAILED';
}

function syntaxError(displayFile: string, lines: LineCounter, error: YAMLError): Diagnostic {
  const position = positionAt(lines, error.pos[0]);
  if (error.code === 'TAB_AS_INDENT') {
    return errorAt(displayFile, position, {
      code: 'TAB_INDENT',
      message: 'tab character used for indentation',
      hint: 'YAML indentation must use spaces',
    });
  }
  const detail = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return errorAt(displayFile, position, { code: 'YAML_SYNTAX', message: `YAML syntax error: ${detail}` });
}

function emptyDocument(pd: ParsedDocument): Diagnostic[] {
  const contents = pd.doc.contents;
  if (!(contents === null || (isScalar(contents) && contents.value === null))) return [];
  // At the document's start (its "---"), since an empty document has no contents to point at.
  return [errorAt(pd.displayFile, positionAt(pd.lines, pd.doc.range[0]), {
    code: 'EMPTY_DOCUMENT',
    message: 'empty document',
    hint: 'remove the extra "---" separator, or write the document',
  })];
}

function toPlain(pd: ParsedDocument, broken: boolean): { value: unknown; diagnostics: Diagnostic[] } {
  try {
    return { value: pd.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), diagnostics: [] };
  } catch (error) {
    // A broken document failing to convert adds nothing to what was already reported.
    if (broken) return { value: undefined, diagnostics: [] };
    const message = error instanceof Error ? error.message : String(error);
    return { value: undefined, diagnostics: [errorAtNode(pd, firstAlias(pd) ?? pd.doc.contents, conversionProblem(message))] };
  }
}

/** On a clean parse, yaml throws only when aliases expand beyond maxAliasCount ("billion laughs"). */
function conversionProblem(message: string): Problem {
  if (!/excessive alias/i.test(message)) return { code: 'YAML_SYNTAX', message: `YAML error: ${message}` };
  return {
    code: 'ALIAS_LIMIT',
    message: `aliases expand to too many nodes (more than ${MAX_ALIAS_COUNT})`,
    hint: 'write the values out, or nest fewer aliases',
  };
}

function firstAlias(pd: ParsedDocument): Node | undefined {
  let found: Node | undefined;
  visit(pd.doc, { Alias: (_, alias) => { found = alias; return visit.BREAK; } });
  return found;
}
