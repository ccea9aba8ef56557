import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/config/source.js';
import { problems, PROJECT, yaml } from './helpers.js';

const SHARE_HEAD = 'apiVersion: licensectl/v1\nkind: ResourceShare\n';

function withFile(content: string | Uint8Array): Promise<string[]> {
  return problems({ 'licensectl.yaml': PROJECT, 'shares.yaml': content });
}

describe('YAML problems are located diagnostics', () => {
  it('a syntax error', async () => {
    expect(await withFile('apiVersion: licensectl/v1\nkind: ResourceShare: x\n')).toEqual([
      'shares.yaml:2:7: error: YAML syntax error: Nested mappings are not allowed in compact mappings',
    ]);
  });

  it('only the first syntax error of a document, since later ones are often its consequences', async () => {
    expect(await withFile(`${SHARE_HEAD}metadata: {name: x}}\nspec: {}\n`)).toEqual([
      'shares.yaml:3:20: error: YAML syntax error: Unexpected flow-map-end token in YAML stream: "}"',
    ]);
  });

  it('a duplicate key, naming the first', async () => {
    expect(await withFile(yaml`
      apiVersion: licensectl/v1
      kind: ResourceShare
      metadata: {name: x}
      kind: Grant
      spec: {}
    `)).toEqual([
      'shares.yaml:4:1: error: duplicate key "kind"',
      '  hint: first set at line 2; a key may appear once per mapping',
    ]);
  });

  it('an alias bomb, at its first alias', async () => {
    expect(await withFile(yaml`
      apiVersion: licensectl/v1
      kind: ResourceShare
      metadata: {name: x}
      spec:
        a: &a [q, q, q, q, q, q, q, q, q, q]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
    `)).toEqual([
      'shares.yaml:6:10: error: aliases expand to too many nodes (more than 50)',
      '  hint: write the values out, or nest fewer aliases',
    ]);
  });

  it('flow collections nested absurdly deep, before the parser sees them', async () => {
    expect(await withFile(`${SHARE_HEAD}metadata: {name: x}\nspec: {principals: ${'['.repeat(20000)}${']'.repeat(20000)}}\n`)).toEqual([
      'shares.yaml:4:119: error: collections nested more than 100 levels deep',
    ]);
  });

  it('an alias to no anchor', async () => {
    expect(await withFile(`${SHARE_HEAD}metadata: {name: x}\nspec: {principals: *accounts}\n`)).toEqual([
      'shares.yaml:4:20: error: alias "*accounts" refers to no anchor',
      '  hint: define "&accounts" before its first use',
    ]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('a %s key', async (key) => {
    expect(await withFile(`${SHARE_HEAD}metadata: {name: x}\nspec:\n  ${key}: {polluted: true}\n`)).toEqual([
      `shares.yaml:5:3: error: key "${key}" is not allowed`,
      '  hint: "__proto__", "constructor" and "prototype" could alter JavaScript objects and are never valid fields',
    ]);
  });

  it('tab indentation', async () => {
    expect(await withFile(`${SHARE_HEAD}metadata:\n\tname: x\nspec: {}\n`)).toEqual([
      'shares.yaml:4:1: error: tab character used for indentation',
      '  hint: YAML indentation must use spaces',
    ]);
  });

  it('a tag beyond plain YAML', async () => {
    expect(await withFile(`${SHARE_HEAD}metadata: {name: !!binary eA==}\nspec: {}\n`)).toEqual([
      'shares.yaml:3:27: error: unsupported YAML tag "tag:yaml.org,2002:binary"',
      '  hint: only plain YAML (strings, numbers, booleans, lists, mappings) is read; remove the tag',
    ]);
  });

  it('an empty file', async () => {
    expect(await withFile('')).toEqual(['shares.yaml:1:1: error: file is empty', '  hint: add documents, or delete the file']);
  });

  it('a file with only comments', async () => {
    expect(await withFile('# to do\n')).toEqual([
      'shares.yaml:1:1: error: file has only comments, no documents',
      '  hint: add documents, or delete the file',
    ]);
  });

  it('an empty document, at its separator', async () => {
    const share = (name: string) => `${SHARE_HEAD}metadata: {name: ${name}}\nspec: {}\n`;
    expect(await withFile(`${share('x')}---\n---\n${share('y')}`)).toEqual([
      'shares.yaml:5:1: error: empty document',
      '  hint: remove the extra "---" separator, or write the document',
    ]);
  });

  it('a binary file', async () => {
    expect(await withFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0a]))).toEqual([
      'shares.yaml:1:5: error: file contains NUL bytes: it is binary or not UTF-8 (UTF-16?)',
      '  hint: desired-state files must be UTF-8 text; move binary files out or exclude them with spec.exclude',
    ]);
  });

  it('a file that is not UTF-8, at the first bad byte', async () => {
    const latin1 = new Uint8Array([...Buffer.from(`${SHARE_HEAD}metadata: {name: caf`), 0xe9, 0x7d, 0x0a]);
    expect(await withFile(latin1)).toEqual([
      'shares.yaml:3:21: error: file is not valid UTF-8',
      '  hint: save the file as UTF-8 (Latin-1 and Windows-1252 are not read)',
    ]);
  });

  it('a file over the size limit, without reading it', async () => {
    expect(await withFile('#'.repeat(MAX_FILE_BYTES + 1))).toEqual([
      'shares.yaml: error: file is 5.0 MiB; the limit is 5.0 MiB',
      '  hint: desired state is hand-written YAML; exclude generated files with spec.exclude',
    ]);
  });

  it('a UTF-8 byte order mark is accepted', async () => {
    const text = `\uFEFF${SHARE_HEAD}metadata: {name: x}\nspec: {}\n`;
    expect(await withFile(text)).toEqual([]);
  });
});
