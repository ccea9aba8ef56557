// Test helpers: write inline YAML into a temporary project directory, load it, render what was found.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { loadDesiredState, type LoadResult } from '../../src/config/load.js';
import { directorySource } from '../../src/config/source.js';
import { renderDiagnostics } from '../../src/render/diagnostics.js';

/** Strips the indentation common to all non-blank lines, so YAML can be written indented in a test. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = String.raw({ raw: strings }, ...values).replace(/^\n/, '').replace(/\n[ ]*$/, '\n');
  const indents = text.split('\n').filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length);
  const strip = Math.min(...indents);
  return text.split('\n').map((l) => l.slice(strip)).join('\n');
}

export const PROJECT = yaml`
  apiVersion: licensectl/v1
  kind: Project
  metadata: {name: acme}
`;

const created: string[] = [];
afterEach(async () => {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

export type Files = Record<string, string | Uint8Array>;

export async function projectDir(files: Files): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'licensectl-config-'));
  created.push(dir);
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}

export function loadDirectory(dir: string): Promise<LoadResult> {
  return loadDesiredState(directorySource(dir));
}

export async function load(files: Files): Promise<LoadResult> {
  return loadDirectory(await projectDir(files));
}

/** The rendered diagnostic lines (hints included, count line dropped) of loading `files`. */
export async function problems(files: Files): Promise<string[]> {
  const result = await load(files);
  return renderDiagnostics(result.diagnostics, { color: false }).split('\n').slice(0, -1);
}

/** Shorthand: the project file plus one more file, `resources.yaml`. */
export function withResources(text: string): Promise<string[]> {
  return problems({ 'licensectl.yaml': PROJECT, 'resources.yaml': text });
}
