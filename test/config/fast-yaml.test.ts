// The fast parser may read a text only when yaml — the reference — would read exactly the same values from it,
// with no error and no warning, and each document starting where yaml says. Checked on the repository's own
// YAML, on hand-picked awkward texts, and on random texts built from YAML's punctuation.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { LineCounter, parseAllDocuments, stringify, type ToStringOptions } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fastParse } from '../../src/config/fast-yaml.js';
import { loadDesiredState } from '../../src/config/load.js';
import { directorySource } from '../../src/config/source.js';

/** What yaml makes of a text, as the full loader would use it; null when yaml reports anything at all. */
function reference(text: string) {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (docs.some((d) => d.errors.length > 0 || d.warnings.length > 0)) return null;
  return docs.map((doc) => {
    const { line, col } = lines.linePos(doc.contents?.range?.[0] ?? doc.range[0]);
    return { value: doc.toJS() as unknown, start: { line, column: col } };
  });
}

/**
 * The property every text must have: what the fast parser reads, yaml reads identically and without complaint.
 * Counts the texts the fast parser took, so that a test can tell it did not pass by refusing everything.
 */
const taken = { count: 0 };
function expectAgreement(text: string): void {
  const fast = fastParse(text);
  if (fast === null) return;
  taken.count++;
  expect(reference(text), JSON.stringify(text)).toEqual(fast);
}

/** Runs a property and checks the fast parser took at least `share` of its texts. */
function assertTaking<Ts>(share: number, property: fc.IRawProperty<Ts>, runs: number, textsPerRun = 1): void {
  taken.count = 0;
  fc.assert(property, { numRuns: runs });
  if (process.env.FAST_YAML_RUNS) console.log(`fast parser took ${taken.count} of ${runs * textsPerRun} texts`);
  expect(taken.count / (runs * textsPerRun)).toBeGreaterThanOrEqual(share);
}

// FAST_YAML_RUNS=200000 explores further than the suite can afford.
const RUNS = Number(process.env.FAST_YAML_RUNS ?? 3000);

const repoFile = (relative: string) => readFileSync(fileURLToPath(new URL(`../../${relative}`, import.meta.url)), 'utf8');

describe('fastParse', () => {
  it('reads the quickstart and the valid fixtures, and agrees with yaml on them', () => {
    for (const file of [
      'examples/quickstart/licensectl.yaml', 'examples/quickstart/databases.yaml', 'examples/quickstart/windows-server.yaml',
      'test/fixtures/config/valid/licensectl.yaml', 'test/fixtures/config/valid/licenses/windows.yaml', 'test/fixtures/config/valid/licenses/analytics.yaml',
    ]) {
      const text = repoFile(file);
      expect(fastParse(text), file).not.toBeNull();
      expectAgreement(text);
    }
  });

  it('resolves plain scalars by the YAML 1.2 core rules, as yaml does', () => {
    const text = [
      'a: 0x1F', 'b: 0o17', 'c: 1e3', 'd: .5', 'e: ~', 'f: True', 'g: 012', 'h:', 'i: -.inf', 'j: 1_000', 'k: 0b11',
      'l: +12', 'm: 1.', 'n: .NaN', 'o: yes', 'p: "12"', "q: '~'", 'r: 2027-06-30', 's: 1:30', 't: 9007199254740993',
      'u: FALSE', 'v: nULL', 'w: 0o8', 'x: -0', 'y: 1.5e-3', '',
    ].join('\n');
    expect(fastParse(text)).not.toBeNull();
    expectAgreement(text);
  });

  it('agrees on block scalars, quoting, folding, comments and document markers', () => {
    const texts = [
      'a: |\n  one\n  two\n\nb: >\n  folded\n  line\n\n  para\nc: |-\n  kept\n\n\nd: |+\n  kept\n\n',
      'a: "esc \\t \\u263A \\x41 \\\\ \\" \\N \\_"\nb: \'it\'\'s\'\nc: "multi\n  line\n\n  text"\n',
      'a: plain\n  continued\n  # not a comment? yes it ends the scalar\nb: x # comment\nc: x#not\n',
      '# lead\n---\na: 1\n...\n---\n# between\nb: 2\n',
      '--- \n  a: 1\n  b:\n    - x\n    -   y\n    - - nested\n',
      'k: {a: 1, b: [x, "y"], c: {}}\nl: []\nm: [a,b]\n',
      'a: "x"\n"b": 1\n\'c\': 2\n3: three\ntrue: t\n1.50: f\n',
      'a:\n- 1\n- 2\nb:\n  - c: 1\n    d: 2\n',
      'a: 1\n---\n',
      'a: |2\n   indented\n',
      'a: >\n\n  leading blank\n',
      'a: b: c\n',
      'a: - b\n',
      'a:\n  b: 1\n c: 2\n',
      'a: "unterminated\n',
      'a: 1\na: 2\n',
      '1: a\n"1": b\n',
      '? a\n: b\n',
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      '%YAML 1.2\n---\na: 1\n',
      '[a, b]: c\n',
      '{a: 1}\n',
      '- a\n- b\n',
      'just a scalar\n',
      '',
      '# only a comment\n',
      '~: x\n',
      '__proto__: x\n',
      'a:\n  constructor: x\n',
      'a: x\n\tb: y\n',
      'a: x\r\nb: y\r\n',
      'a: @x\n',
      'a: `x\n',
      '\uFEFFa: 1\n',
      'a: 1\n...\n',
      'a: "\\u00e9t\\u00e9"\nb: été\n',
      'key with spaces: value with: colon\n',
      'a: -1\nb: - 1\n',
      'a: |\n  x\n b: y\n',
    ];
    for (const text of texts) expectAgreement(text);
  });

  it('leaves to yaml every text it is not sure of', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: !!str 1\n', '? a\n: b\n', '%YAML 1.2\n---\na: 1\n', '[a, b]: c\n', '~: x\n', '__proto__: x\n', 'a: 1\na: 2\n', '- a\n', 'a: x\n\tb: y\n', '', '---\n---\na: 1\n']) {
      expect(fastParse(text), JSON.stringify(text)).toBeNull();
    }
  });

  it('agrees with yaml on random texts made of YAML punctuation', () => {
    const piece = fc.constantFrom(
      'a', 'b', 'key', '1', '0x1', '0o7', '.5', '1e3', '~', 'null', 'true', 'no', '-', ' ', '  ', '\n', '\n  ', '\n- ', ': ', ':', '#', ' #',
      '"', "'", '\\', '[', ']', '{', '}', ',', '|', '>', '|-', '>+', '---', '...', '\n---\n', 'é', '%', '!', '&', '*', '?', '@', '\t',
    );
    assertTaking(0.005, fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => expectAgreement(pieces.join(''))), RUNS);
  });

  it('agrees with yaml on random mappings of awkward scalars', () => {
    const scalar = fc.oneof(
      fc.constantFrom('1', '-1', '+1', '01', '1.0', '1.', '.1', '1e1', '1E-1', '0x0A', '0o17', '.inf', '-.Inf', '.nan', 'true', 'False', 'NULL', '~', ''),
      fc.string({ unit: fc.constantFrom('a', 'z', '0', '9', ' ', '-', '.', ':', '#', '/', '_', '=', '"', "'", ',', 'é'), maxLength: 12 }),
    );
    const key = fc.string({ unit: fc.constantFrom('a', 'b', 'z', '0', '-', '_', '.', ' '), minLength: 1, maxLength: 6 });
    const line = fc.tuple(key, scalar).map(([k, v]) => `${k}: ${v}`);
    assertTaking(0.25, fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => expectAgreement(`${lines.join('\n')}\n`)), RUNS);
  });

  it('agrees with yaml on random documents as yaml and js-yaml write them, several to a file', () => {
    const documents = fc.array(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 6 }), { minLength: 1, maxLength: 3 });
    const style = fc.constantFrom<ToStringOptions>({}, { indentSeq: false }, { defaultStringType: 'QUOTE_DOUBLE' }, { defaultStringType: 'QUOTE_SINGLE' }, { collectionStyle: 'flow' }, { lineWidth: 20 }, { indent: 4 });
    assertTaking(0.1, fc.property(documents, style, (docs, options) => {
      expectAgreement(docs.map((d) => stringify(d, options)).join('---\n'));
      expectAgreement(docs.map((d) => jsYaml.dump(d, { lineWidth: 30 })).join('---\n'));
    }), Math.ceil(RUNS / 3), 2);
  });
});

describe('loading the desired state with the fast parser', () => {
  const FIXTURE = fileURLToPath(new URL('../fixtures/config/valid/', import.meta.url));

  it('gives exactly what the full parser gives, positions included', async () => {
    const fast = await loadDesiredState(directorySource(FIXTURE));
    const full = await loadDesiredState(directorySource(FIXTURE), { fast: false });
    expect(full.state).not.toBeNull();
    expect(fast).toEqual(full);
  });
});
