// The pull-request comment for an invalid desired state: the plan comment's marker, the verdict, every located
// problem linked to its line when the repository's web address is known, escaped, and capped.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/errors/index.js';
import { fileUrl, renderInvalidStateMarkdown, type InvalidState } from '../../src/render/invalid-state-markdown.js';
import { renderPlanMarkdown } from '../../src/render/plan-markdown.js';
import { computePlan } from '../../src/plan/compute-plan.js';
import { desiredState, liveState, planContext } from '../helpers/builders.js';
import { expectGolden } from './golden.js';

const SHA = '3f2c1a9e0b7d4c5e6f708192a3b4c5d6e7f80912';
const unclosed: Diagnostic = {
  severity: 'error', code: 'UNCLOSED_QUOTE', message: 'unclosed double quote: the string opened here never ends',
  file: 'licenses.yaml', line: 3, column: 47, hint: 'parsing stopped at line 12, column 1 (the end of the file); end the string with "',
};
const missing: Diagnostic = {
  severity: 'error', code: 'MISSING_REFERENCE', message: 'LicenseConfiguration "sql-server" is not defined',
  file: 'grants.yaml', line: 15, column: 43, field: 'spec.licenseConfigurations[1]',
  hint: 'define a LicenseConfiguration document with that name, or give the ARN of one licensectl does not manage',
};
const warning: Diagnostic = { severity: 'warning', code: 'YAML_SYNTAX', message: 'something odd', file: 'a.yaml', line: 1, column: 1 };

const state = (overrides: Partial<InvalidState> = {}): InvalidState => ({
  project: 'acme-licenses', diagnostics: [warning, missing, unclosed], source: { revision: SHA, dirty: false }, ...overrides,
});
const links = { base: `https://github.com/acme/licenses/blob/${SHA}/`, folder: 'infra', displayPrefix: '' };

describe('renderInvalidStateMarkdown', () => {
  it('golden: marker, verdict, revision, errors then warnings, each linked to its line', () => {
    expectGolden('markdown-invalid-state.md', renderInvalidStateMarkdown(state({ links })));
  });

  it('starts with the very marker of the plan comment, so CI replaces that comment', () => {
    const desired = desiredState([]);
    const plan = computePlan(desired, liveState([]), planContext());
    const planMarker = renderPlanMarkdown(plan).split('\n', 1)[0];
    expect(renderInvalidStateMarkdown(state({ project: plan.project })).split('\n', 1)[0]).toBe(planMarker);
  });

  it('without a web address, locations are code and nothing is linked', () => {
    const text = renderInvalidStateMarkdown(state());
    expect(text).toContain('- ❌ <code>licenses.yaml:3:47</code>: unclosed double quote');
    expect(text).not.toContain('](');
  });

  it('escapes what the user wrote: no table, mention, link or HTML gets through, and file names cannot end a link', () => {
    const hostile: Diagnostic = {
      severity: 'error', code: 'UNKNOWN_FIELD', message: 'unknown field "<img src=x> @acme/admins [x](http://evil) | a"',
      file: 'we(ird) [x].yaml', line: 2, column: 1,
    };
    const text = renderInvalidStateMarkdown(state({ diagnostics: [hostile], links }));
    expect(text).toContain('&lt;img src=x&gt; @&#8203;acme/admins \\[x\\](http://evil) &#124; a');
    expect(text).toContain(`(https://github.com/acme/licenses/blob/${SHA}/infra/we%28ird%29%20%5Bx%5D.yaml#L2)`);
  });

  it('stays under the cap, saying how many problems it left out', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ ...missing, line: i + 1 }));
    const text = renderInvalidStateMarkdown(state({ diagnostics: many, links }), { maxChars: 5000 });
    expect(text.length).toBeLessThanOrEqual(5000);
    expect(text).toMatch(/…and [\d,]+ more problems \(`licensectl validate` lists every one\)/);
    expect(text).toContain('the desired state is invalid (1,000 errors)');
  });

  it('an unknown project still gets a comment, saying so', () => {
    expect(renderInvalidStateMarkdown(state({ project: undefined }))).toContain('**licensectl plan for this project:** ❌');
  });
});

describe('fileUrl', () => {
  it('the file below the project folder, without the REF: prefix of --git-ref diagnostics', () => {
    expect(fileUrl({ ...links, displayPrefix: 'main:' }, 'main:sub/a.yaml', 4)).toBe(`https://github.com/acme/licenses/blob/${SHA}/infra/sub/a.yaml#L4`);
    expect(fileUrl({ ...links, folder: '' }, 'a.yaml', undefined)).toBe(`https://github.com/acme/licenses/blob/${SHA}/a.yaml`);
    expect(fileUrl({ ...links, displayPrefix: 'main:' }, 'a.yaml', 4)).toBeUndefined();
  });
});
