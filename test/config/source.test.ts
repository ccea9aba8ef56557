import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDesiredState } from '../../src/config/load.js';
import { directorySource, type DocumentSource } from '../../src/config/source.js';
import { load, loadDirectory, problems, PROJECT, projectDir, yaml } from './helpers.js';

const share = (name: string) => `apiVersion: licensectl/v1\nkind: ResourceShare\nmetadata: {name: ${name}}\nspec: {}\n`;
const namesOf = async (files: Record<string, string>) => (await load(files)).state?.resources.map((r) => r.name);

describe('the directory source', () => {
  it('lists the project file and every .yaml/.yml file below it, sorted, skipping dot-entries and node_modules', async () => {
    const dir = await projectDir({
      'licensectl.yaml': PROJECT,
      'z.yml': '',
      'shares/b.yaml': '',
      'shares/upper-case.YAML': '',
      'README.md': '',
      '.github/workflows/ci.yaml': '',
      '.licensectl/state.yaml': '',
      '.gitlab-ci.yml': '',
      'node_modules/pkg/x.yaml': '',
      'deep/node_modules/y.yaml': '',
    });
    // Extensions match case-sensitively, as git and Linux see file names.
    expect(await directorySource(dir).list()).toEqual(['licensectl.yaml', 'shares/b.yaml', 'z.yml']);
  });

  it('reads symlinked files but does not follow symlinked folders', async () => {
    const dir = await projectDir({ 'licensectl.yaml': PROJECT, 'real/a.yaml': share('a') });
    await symlink(path.join(dir, 'real/a.yaml'), path.join(dir, 'link.yaml'));
    await symlink(path.join(dir, 'real'), path.join(dir, 'linked-folder'));
    expect(await directorySource(dir).list()).toEqual(['licensectl.yaml', 'link.yaml', 'real/a.yaml']);
  });

  it('names files by their relative path in diagnostics', () => {
    expect(directorySource('/x').displayPath('a/b.yaml')).toBe('a/b.yaml');
  });

  it('a directory that does not exist is a diagnostic, not a throw', async () => {
    const result = await loadDirectory('/nonexistent/licensectl-project');
    expect(result).toEqual({
      state: null,
      files: [],
      diagnostics: [{
        severity: 'error',
        code: 'DIRECTORY_NOT_FOUND',
        message: 'directory /nonexistent/licensectl-project does not exist',
        hint: 'pass --dir with the folder that holds licensectl.yaml',
      }],
    });
  });

  it('a file given as the directory', async () => {
    const dir = await projectDir({ 'licensectl.yaml': PROJECT });
    const result = await loadDirectory(path.join(dir, 'licensectl.yaml'));
    expect(result.diagnostics.map((d) => [d.code, d.hint])).toEqual([
      ['NOT_A_DIRECTORY', 'pass --dir with the folder that holds licensectl.yaml, not the file itself'],
    ]);
  });

  it('no licensectl.yaml', async () => {
    const dir = await projectDir({ 'shares.yaml': share('a') });
    const result = await loadDirectory(dir);
    expect(result.state).toBeNull();
    expect(result.diagnostics).toEqual([{
      severity: 'error',
      code: 'PROJECT_FILE_MISSING',
      message: `no licensectl.yaml in ${dir}`,
      hint: 'create licensectl.yaml with a Project document, or point --dir at the folder that holds it',
    }]);
  });

  it('licensectl.yml instead of licensectl.yaml', async () => {
    const result = await load({ 'licensectl.yml': PROJECT });
    expect(result.diagnostics.map((d) => d.hint)).toEqual(['rename licensectl.yml to licensectl.yaml']);
  });

  it('a folder named like a YAML file is walked, not read', async () => {
    const dir = await projectDir({ 'licensectl.yaml': PROJECT });
    await mkdir(path.join(dir, 'folder.yaml'));
    await writeFile(path.join(dir, 'folder.yaml', 'inner.yaml'), share('inner'));
    const result = await loadDirectory(dir);
    expect(result.files).toEqual(['folder.yaml/inner.yaml', 'licensectl.yaml']);
    expect(result.diagnostics).toEqual([]);
  });
});

describe('spec.include and spec.exclude', () => {
  const project = (spec: string) => yaml`
    apiVersion: licensectl/v1
    kind: Project
    metadata: {name: acme}
    spec: ${spec}
  `;
  const files = {
    'licenses/a.yaml': share('a'),
    'licenses/old/b.yaml': share('b'),
    'other/c.yaml': share('c'),
    'd.yaml': share('d'),
  };

  it('without globs, every file is read', async () => {
    expect(await namesOf({ 'licensectl.yaml': project('{}'), ...files })).toEqual(['a', 'b', 'c', 'd']);
  });

  it('include narrows; * stays within a folder, ** crosses folders', async () => {
    expect(await namesOf({ 'licensectl.yaml': project('{include: ["licenses/**", "*.yaml"]}'), ...files })).toEqual(['a', 'b', 'd']);
  });

  it('exclude removes, and wins over include', async () => {
    const spec = '{include: ["licenses/**"], exclude: ["**/old/**"]}';
    const result = await load({ 'licensectl.yaml': project(spec), ...files });
    expect(result.files).toEqual(['licensectl.yaml', 'licenses/a.yaml']);
    expect(result.state?.resources.map((r) => r.name)).toEqual(['a']);
  });

  it('the project file is read whatever the globs say', async () => {
    expect((await load({ 'licensectl.yaml': project('{include: ["nothing/**"]}'), ...files })).files).toEqual(['licensectl.yaml']);
  });

  it('files left out are not even parsed', async () => {
    expect(await problems({ 'licensectl.yaml': project('{exclude: ["broken.yaml"]}'), 'broken.yaml': '{{{' })).toEqual([]);
  });
});

describe('any document source', () => {
  /** A source like the git one to come: files in memory, named `REF:path`. */
  function memorySource(files: Record<string, string>, failing: string[] = []): DocumentSource {
    return {
      label: 'main',
      ref: 'main',
      list: async () => Object.keys(files).sort(),
      read: async (file) => {
        if (failing.includes(file)) throw new Error('object not found');
        return new TextEncoder().encode(files[file]);
      },
      displayPath: (file) => `main:${file}`,
    };
  }

  it('diagnostics name files as the source displays them', async () => {
    const result = await loadDesiredState(memorySource({ 'licensectl.yaml': PROJECT, 'a.yaml': 'kind: Grant: x\n' }));
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual(['main:a.yaml:1:7']);
  });

  it('resources record the ref they were read at', async () => {
    const result = await loadDesiredState(memorySource({ 'licensectl.yaml': PROJECT, 'a.yaml': share('a') }));
    expect(result.state?.resources[0]?.source).toEqual({ file: 'a.yaml', line: 1, column: 1, ref: 'main' });
    expect(result.state?.project.source).toEqual({ file: 'licensectl.yaml', line: 1, column: 1, ref: 'main' });
  });

  it('a file that cannot be read is a diagnostic at that file', async () => {
    const result = await loadDesiredState(memorySource({ 'licensectl.yaml': PROJECT, 'a.yaml': '' }, ['a.yaml']));
    expect(result.diagnostics).toEqual([{
      severity: 'error', code: 'READ_FAILED', file: 'main:a.yaml', message: 'cannot read the file: object not found',
    }]);
  });
});
