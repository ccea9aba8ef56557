// The files `licensectl import` writes: one per kind, checked before anything is written by loading the project as it
// will be with them (every check validate makes: schemas, references, names, tags), and never written over an
// existing file.
import { constants, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { copyFile, link, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { directorySource, loadDesiredState } from '../config/index.js';
import { LicensectlError } from '../errors/index.js';
import type { Kind } from '../model/index.js';
import { renderDocuments } from '../render/documents.js';
import type { ImportedDocument, ImportPlan } from './import.js';

/** The file each kind is written to: imported-license-configurations.yaml, imported-service-settings.yaml, … */
export function importFileName(kind: Kind): string {
  const kebab = kind.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
  return `imported-${kebab.endsWith('s') ? kebab : `${kebab}s`}.yaml`;
}

// A document left out can leave another referring to it: checking again settles it (a chain is at most kinds long).
const MAX_ROUNDS = 8;

/**
 * The plan without the documents the project would refuse, each moved to `skipped` with the first problem found:
 * the project is loaded as it will be, its files and the new ones (at their place under `out`, or beside the
 * project file when `out` is outside it).
 */
export async function checkImport(plan: ImportPlan, dir: string, out: string): Promise<ImportPlan> {
  let current = plan;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const files = filesOf(current, relativeOut(dir, out));
    const base = directorySource(dir);
    const overlay = new Map(files.map((f) => [f.relative, f]));
    const result = await loadDesiredState({
      ...base,
      list: async () => [...new Set([...await base.list(), ...overlay.keys()])].sort(),
      read: async (file) => (overlay.has(file) ? new TextEncoder().encode(overlay.get(file)!.text) : base.read(file)),
    });
    const refused = new Map<ImportedDocument, string>();
    for (const d of result.diagnostics) {
      const file = d.file === undefined ? undefined : overlay.get(d.file);
      if (d.severity !== 'error' || !file) continue;
      const doc = file.starts.findLast((s) => s.line <= (d.line ?? 1))?.doc;
      if (doc && !refused.has(doc)) refused.set(doc, `${d.field ? `${d.field}: ` : ''}${d.message}`);
    }
    if (refused.size === 0) return current;
    const documents = new Map([...current.documents].map(([kind, docs]) => [kind, docs.filter((doc) => !refused.has(doc))] as const).filter(([, docs]) => docs.length > 0));
    const skipped = [...current.skipped, ...[...refused].map(([doc, reason]) => ({ kind: doc.input.kind, arn: doc.arn, name: doc.awsName, reason: `its document would not validate: ${reason}` }))];
    current = { ...current, documents, skipped };
  }
  return current;
}

function relativeOut(dir: string, out: string): string {
  const relative = path.relative(dir, out);
  return relative.startsWith('..') || path.isAbsolute(relative) ? '' : relative.split(path.sep).join('/');
}

/** Each kind's file: its text, and the line each document starts on. */
function filesOf(plan: ImportPlan, folder: string) {
  return [...plan.documents].map(([kind, docs]) => {
    const starts: { line: number; doc: ImportedDocument }[] = [];
    let line = 1;
    for (const doc of docs) {
      starts.push({ line, doc });
      line += renderDocuments([doc.input]).split('\n').length;
    }
    return { kind, docs, relative: folder ? `${folder}/${importFileName(kind)}` : importFileName(kind), text: renderDocuments(docs.map((d) => d.input)), starts };
  });
}

export interface WrittenFile {
  readonly path: string;
  readonly kind: Kind;
  readonly documents: readonly { address: string; arn: string }[];
}

/**
 * Writes one file per kind into `out`. No file is ever replaced: when one of them exists, nothing is written (as
 * Terraform's -generate-config-out refuses an existing file). Running import again once its documents are in the
 * project writes nothing for what they adopt, so a second import only needs a new place for new resources.
 *
 * All or nothing: every file is written whole to a temporary file beside it first, then linked under its name (a link
 * never replaces a file that appeared meanwhile); if any step fails, what this run made — files, temporary files,
 * folders — is removed before the error is reported.
 */
export async function writeImport(plan: ImportPlan, out: string): Promise<WrittenFile[]> {
  const files = [...plan.documents].map(([kind, docs]) => ({ kind, file: path.join(out, importFileName(kind)), docs }));
  const existing = files.filter((f) => existsSync(f.file)).map((f) => f.file);
  if (existing.length) throw fileExists(existing);
  const temporary: string[] = [];
  const placed: string[] = [];
  let folder: string | undefined;
  try {
    if (files.length) folder = await mkdir(out, { recursive: true });
    for (const f of files) {
      const temp = path.join(out, `.${importFileName(f.kind)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      temporary.push(temp);
      await writeFile(temp, renderDocuments(f.docs.map((d) => d.input)), { flag: 'wx' });
    }
    for (const [i, f] of files.entries()) {
      await placeFile(temporary[i]!, f.file);
      placed.push(f.file);
    }
  } catch (error) {
    await Promise.all(placed.map(removeQuietly));
    if (folder) await rm(folder, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof LicensectlError || !code) throw error;
    throw new LicensectlError('OUTPUT_UNWRITABLE', `--out ${out}: cannot write the imported documents (${code}: ${(error as Error).message}); nothing was written`, { cause: error });
  } finally {
    await Promise.all(temporary.map(removeQuietly));
  }
  return files.map((f) => ({ path: f.file, kind: f.kind, documents: f.docs.map((d) => ({ address: d.address, arn: d.arn })) }));
}

/**
 * `temp` under the name `file`, never replacing one: a hard link, or where the file system has none (some network and
 * FAT mounts answer EPERM or ENOTSUP), an exclusive copy. A file of that name that appeared since the check (another
 * import at the same time) is not ours to replace.
 */
async function placeFile(temp: string, file: string): Promise<void> {
  try {
    await link(temp, file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EPERM' || error.code === 'ENOTSUP' || error.code === 'ENOSYS') return copyFile(temp, file, constants.COPYFILE_EXCL);
      throw error;
    });
  } catch (error) {
    throw (error as NodeJS.ErrnoException).code === 'EEXIST' ? fileExists([file]) : error;
  }
}

function fileExists(files: readonly string[]): LicensectlError {
  return new LicensectlError('IMPORT_FILE_EXISTS', `import would replace ${files.join(', ')}; nothing was written`, {
    hint: 'review and rename (or merge) the earlier import\'s files first, or pass --out DIR to write elsewhere inside the project; resources a document already adopts (spec.adopt) are not imported again',
  });
}

/** Removes a file this run made; one already gone is fine, and a failure to remove it must not hide the first error. */
async function removeQuietly(file: string): Promise<void> {
  await rm(file, { force: true }).catch(() => undefined);
}
