import { describe, expect, it } from 'vitest';
import type { Edit } from '../../src/plan/field-changes.js';
import type { FieldDiff } from '../../src/plan/types.js';
import { diffBlockLines, textFieldLines, visibleLines } from '../../src/render/field-lines.js';
import { painter } from '../../src/render/symbols.js';

const plain = painter(false);
const text = (diff: FieldDiff) => textFieldLines(diff, plain);
const seats = { name: 'seats', unit: 'Count', maxCount: 50, value: null, overage: false, allowCheckIn: true };

describe('textFieldLines', () => {
  it('writes a value as `~ path: before → after`, an added one with +, a removed one with -', () => {
    expect(text({ path: 'licenseCount', before: 128, after: 256 })).toEqual(['~ licenseCount: 128 → 256']);
    expect(text({ path: 'tags.team', before: null, after: 'platform' })).toEqual(['+ tags.team: "platform"']);
    expect(text({ path: 'expiry', before: '2027-06-30T00:00:00Z', after: null })).toEqual(['- expiry: "2027-06-30T00:00:00Z"']);
  });

  it('nests the elements a set gains and loses under its field', () => {
    expect(text({ path: 'principals', before: ['222233334444', '333344445555'], after: ['222233334444', '444455556666'] })).toEqual([
      '~ principals:',
      '    - "333344445555"',
      '    + "444455556666"',
    ]);
  });

  it('names a changed element of a list of objects by its key', () => {
    expect(text({ path: 'entitlements', before: [seats], after: [{ ...seats, maxCount: 75 }] })).toEqual(['~ entitlements[seats].maxCount: 50 → 75']);
  });

  it('marks every leaf of a field that forces replacement', () => {
    expect(text({ path: 'rules.allowedTenancy', before: ['EC2-Default'], after: ['EC2-DedicatedHost'], forcesReplacement: true })).toEqual([
      '~ rules.allowedTenancy:  # forces replacement',
      '    - "EC2-Default"',
      '    + "EC2-DedicatedHost"',
    ]);
  });

  it('writes a multi-line string as a line diff, each line behind its mark', () => {
    expect(text({ path: 'description', before: 'a\nb\nc', after: 'a\nB\nc' })).toEqual(['~ description:', '      a', '    - b', '    + B', '      c']);
    expect(text({ path: 'description', before: null, after: 'a\nb' })).toEqual(['+ description:', '    + a', '    + b']);
  });

  it('colours marks: green for added, red for removed, yellow for changed', () => {
    const lines = textFieldLines({ path: 'principals', before: ['a'], after: ['b'] }, painter(true));
    expect(lines).toEqual(['\u001b[33m~\u001b[39m principals:', '    \u001b[31m-\u001b[39m "a"', '    \u001b[32m+\u001b[39m "b"']);
  });
});

describe('diffBlockLines', () => {
  it('starts every changed line with - or +, so that GitHub colours it', () => {
    expect(diffBlockLines({ path: 'countingType', before: 'Core', after: 'Socket', forcesReplacement: true })).toEqual([
      '- countingType: "Core"',
      '+ countingType: "Socket"  # forces replacement',
    ]);
    expect(diffBlockLines({ path: 'licenseCount', before: 40, after: null })).toEqual(['- licenseCount: 40']);
    expect(diffBlockLines({ path: 'entitlements', before: [seats], after: [{ ...seats, maxCount: 75 }] })).toEqual([
      '- entitlements[seats].maxCount: 50',
      '+ entitlements[seats].maxCount: 75',
    ]);
  });

  it('keeps a list\'s field and a string\'s kept lines as context, the changes as - and +', () => {
    expect(diffBlockLines({ path: 'principals', before: ['a', 'b'], after: ['a', 'c'] })).toEqual(['  principals:', '-   "b"', '+   "c"']);
    expect(diffBlockLines({ path: 'description', before: 'x\ny', after: 'x\nz' })).toEqual(['  description:', '    x', '-   y', '+   z']);
    expect(diffBlockLines({ path: 'description', before: 'x\ny', after: null })).toEqual(['- description:', '-   x', '-   y']);
  });
});

describe('visibleLines', () => {
  const kept = (value: string): Edit<string> => ({ op: ' ', value });
  it('keeps two lines of context around each change and counts the runs left out, but shows a single kept line', () => {
    const lines = [kept('1'), kept('2'), kept('3'), kept('4'), { op: '-', value: '5' } as const, kept('6'), kept('7'), kept('8'), kept('9'), kept('10'), { op: '+', value: '11' } as const];
    expect(visibleLines(lines)).toEqual([2, kept('3'), kept('4'), lines[4], kept('6'), kept('7'), kept('8'), kept('9'), kept('10'), lines[10]]);
    expect(visibleLines([kept('1'), kept('2'), kept('3'), { op: '+', value: 'x' }])).toEqual([kept('1'), kept('2'), kept('3'), { op: '+', value: 'x' }]);
  });
});
