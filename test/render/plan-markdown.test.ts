import { describe, expect, it } from 'vitest';
import type { DesiredResource, LiveResource } from '../../src/model/index.js';
import { computePlan } from '../../src/plan/compute-plan.js';
import type { Plan } from '../../src/plan/types.js';
import { renderPlanMarkdown } from '../../src/render/plan-markdown.js';
import {
  desiredConfig, desiredShare, desiredState, liveConfig, liveShare, liveState, planContext, unmanaged,
} from '../helpers/builders.js';
import { expectGolden } from './golden.js';
import { associationChangesPlan, everyActionPlan, ignoreRulesPlan, noChangesPlan, pullRequestPlan, reviewableDiffsPlan } from './scenarios.js';

describe('renderPlanMarkdown golden output', () => {
  it('plan with every action', () => expectGolden('markdown-every-action.md', renderPlanMarkdown(everyActionPlan())));
  it('plan with every action and the desired-state changes of a pull request', () => expectGolden('markdown-every-action-desired.md', renderPlanMarkdown(pullRequestPlan())));
  it('plan with element-wise, keyed and line diffs', () => expectGolden('markdown-reviewable-diffs.md', renderPlanMarkdown(reviewableDiffsPlan())));
  it('plan of Association changes', () => expectGolden('markdown-associations.md', renderPlanMarkdown(associationChangesPlan())));
  it('plan with ignore rules and spec.tags: merge', () => expectGolden('markdown-ignore-rules.md', renderPlanMarkdown(ignoreRulesPlan())));
  it('plan without changes', () => expectGolden('markdown-no-changes.md', renderPlanMarkdown(noChangesPlan())));
  it('plan cut to 3,000 characters', () => expectGolden('markdown-capped.md', renderPlanMarkdown(pullRequestPlan(), { maxChars: 3_000 })));

  it.each([
    ['every action', everyActionPlan()], ['desired changes', pullRequestPlan()], ['no changes', noChangesPlan()],
  ])('is well-formed: %s', (_name, plan) => {
    expect(structuralProblems(renderPlanMarkdown(plan))).toEqual([]);
  });
});

describe('the structure check these tests rely on', () => {
  it('finds unclosed fences and details, early fence ends and ragged tables', () => {
    expect(structuralProblems('<details><summary>x</summary>\n\n```diff\n+ a\n```\n```\n')).toEqual([
      'a fence is never closed', '1 <details> never closed',
    ]);
    expect(structuralProblems('````diff\n```\n````\n| a | b |\n| --- | --- |\n| 1 | 2 | 3 |')).toEqual([
      'line 2: a content line could close the fence', 'line 6: 3 cells in a table of 2',
    ]);
  });
});

describe('renderPlanMarkdown head', () => {
  it('starts with the hidden marker and the verdict', () => {
    const lines = renderPlanMarkdown(everyActionPlan()).split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '<!-- licensectl-plan: acme-licenses -->',
      '',
      '**licensectl plan for acme-licenses:** 2 to create, 3 to update, 1 to replace, 1 to delete — ⚠️ 1 delete, 1 replace',
    ]);
  });

  it('under --target, says no targeted resource changes and how many other resources differ', () => {
    const plan = { ...noChangesPlan(), targeted: { addresses: ['ResourceShare/windows-to-dev' as const], otherChanges: 2 } };
    expect(renderPlanMarkdown(plan).split('\n')[2]).toBe(
      '**licensectl plan for acme-licenses:** No changes to the targeted resources. 2 other resources differ from the desired state; plan without --target to see them.',
    );
    const changed = { ...everyActionPlan(), targeted: { addresses: ['ResourceShare/old-share' as const], otherChanges: 1 } };
    expect(renderPlanMarkdown(changed).split('\n')[2]).toMatch(/ — ⚠️ 1 delete, 1 replace\. 1 other resource differs from the desired state; plan without --target to see them\.$/);
  });

  it('names only the actions present, and warns only of deletes and replaces', () => {
    const plan = planOf([desiredConfig('a'), desiredConfig('b')], [liveConfig('c'), liveConfig('d'), liveConfig('e')]);
    expect(verdictOf(plan)).toBe('**licensectl plan for acme-licenses:** 2 to create, 3 to delete — ⚠️ 3 deletes');
    expect(verdictOf(planOf([desiredConfig('a')], []))).toBe('**licensectl plan for acme-licenses:** 1 to create');
    expect(verdictOf(noChangesPlan())).toBe('**licensectl plan for acme-licenses:** No changes.');
  });

  it('keeps the marker free of anything that could end the HTML comment', () => {
    const plan = { ...noChangesPlan(), project: 'evil --> <b>x</b>' };
    expect(renderPlanMarkdown(plan).split('\n')[0]).toBe('<!-- licensectl-plan: evil_--___b_x__b_ -->');
  });

  it('refuses a cap too small to hold the head', () => {
    expect(() => renderPlanMarkdown(everyActionPlan(), { maxChars: 1_999 })).toThrow('maxChars must be at least 2000, got 1999');
  });
});

describe('renderPlanMarkdown desired-state changes', () => {
  it('says no document changed when the pull request changes none', () => {
    const text = renderPlanMarkdown({ ...noChangesPlan(), desiredChanges: { documents: [], project: [] } });
    expect(text).toContain('\n\n### Changes to the desired state\n\nNo documents changed.\n');
  });

  it('is left out of a plan made without --base', () => {
    expect(renderPlanMarkdown(everyActionPlan())).not.toContain('Changes to the desired state');
  });
});

describe('renderPlanMarkdown escaping', () => {
  const hostile = 'x | y </details></summary><script>alert(1)</script> *b* _i_ [l](http://e) `c` ~~s~~ $m$ @acme/security\n\n# h';

  function hostilePlan(): Plan {
    const desired = [
      desiredConfig('c', { description: hostile, displayName: '```\n</details>' }, { tags: { owner: hostile } }),
      desiredShare('s'),
    ];
    const live = [liveConfig('c'), liveShare('s', { principals: ['111122223333'] })];
    const plan = planOf(desired, live);
    return { ...plan, unmanaged: [unmanaged('LicenseConfiguration', 'by-hand', hostile)], warnings: [hostile] };
  }

  it('keeps tables, details blocks and fences intact whatever the values', () => {
    expect(structuralProblems(renderPlanMarkdown(hostilePlan()))).toEqual([]);
  });

  it('escapes a hostile value in a table cell, a list item and a summary, and breaks mentions', () => {
    const text = renderPlanMarkdown(hostilePlan());
    const escaped = 'x &#124; y &lt;/details&gt;&lt;/summary&gt;&lt;script&gt;alert(1)&lt;/script&gt; \\*b\\* \\_i\\_ \\[l\\](http://e) \\`c\\` \\~\\~s\\~\\~ \\$m\\$ @&#8203;acme/security\\\\n\\\\n# h';
    expect(text).toContain(`| LicenseConfiguration | ${escaped} | <code>`);
    expect(text).toContain(`\n- ⚠️ ${escaped}\n`);
    const outsideFences = text.replace(/^(`{3,})diff\n[\s\S]*?^\1$/gm, '');
    expect(outsideFences).not.toContain('<script>');
    expect(outsideFences).not.toContain('@acme');
    expect(outsideFences).not.toContain('</summary><');
  });

  it('shows hostile values verbatim inside the diff fence, multi-line ones line by line, with a fence longer than any backtick run', () => {
    const text = renderPlanMarkdown(hostilePlan());
    const hostile = 'x | y </details></summary><script>alert(1)</script> *b* _i_ [l](http://e) `c` ~~s~~ $m$ @acme/security';
    expect(text).toContain([
      '````diff',
      '  description:',
      `+   ${hostile}`,
      '+   ',
      '+   # h',
      '  displayName:',
      '-   c',
      '+   ```',
      '+   </details>',
      '+ tags.owner:',
      `+   ${hostile}`,
      '+   ',
      '+   # h',
      '````',
    ].join('\n'));
  });

  it('escapes a hostile tag key in the fence and an address in a summary', () => {
    const desired = [desiredConfig('c', {}, { tags: { 'k\n````\n</details>': 'v' } })];
    const plan = planOf(desired, [liveConfig('c')]);
    const weird = { ...plan, changes: plan.changes.map((c) => ({ ...c, address: 'LicenseConfiguration/<img src=x>' as const })) };
    const text = renderPlanMarkdown(weird);
    expect(structuralProblems(text)).toEqual([]);
    expect(text).toContain('<b>LicenseConfiguration/&lt;img src=x&gt;</b> will be updated in place</summary>');
    expect(text).toContain('\n+ tags.k\\n````\\n</details>: "v"\n`````\n');
  });
});

describe('renderPlanMarkdown under the cap', () => {
  it('keeps a plan of 2,000 changes under 60,000 characters, with the summary and every delete and replace', () => {
    const plan = bigPlan({ creates: 1_000, updates: 970, replaces: 10, deletes: 20 });
    const text = renderPlanMarkdown(plan);
    expect(text.length).toBeLessThanOrEqual(60_000);
    expect(text.length).toBeGreaterThan(55_000);
    expect(structuralProblems(text)).toEqual([]);
    expect(text).toContain('**licensectl plan for acme-licenses:** 1000 to create, 970 to update, 10 to replace, 20 to delete — ⚠️ 20 deletes, 10 replaces');
    expect(text).toContain('| **Total** | **1000** | **970** | **10** | **20** | **0** |');
    const destructive = text.split('\n').filter((l) => /^- \*\*(delete|replace)\*\* /.test(l));
    expect(destructive).toHaveLength(30);
    const shown = text.split('\n').filter((l) => l.startsWith('<details><summary>')).length;
    expect(shown).toBeGreaterThan(0);
    expect(text.endsWith(
      `\n\n_Left out to keep this comment under 60,000 characters: the details of ${(2_000 - shown).toLocaleString('en-US')} of 2,000 changed resources. ` +
      'Run `licensectl plan --format text` to see the full plan._\n',
    )).toBe(true);
  });

  it('shows details in plan order and drops them from the end, whole', () => {
    const plan = bigPlan({ creates: 300, updates: 0, replaces: 0, deletes: 0 });
    const text = renderPlanMarkdown(plan, { maxChars: 20_000 });
    const names = [...text.matchAll(/<b>LicenseConfiguration\/(c-\d+)<\/b>/g)].map((m) => m[1]);
    expect(names).toEqual(plan.changes.slice(0, names.length).map((c) => c.name));
    expect(text.lastIndexOf('</details>')).toBeGreaterThan(text.lastIndexOf('<details>'));
  });

  it('shortens the deletes section itself, with a count, when even it does not fit', () => {
    const plan = bigPlan({ creates: 0, updates: 0, replaces: 0, deletes: 2_000 });
    const text = renderPlanMarkdown(plan);
    expect(text.length).toBeLessThanOrEqual(60_000);
    expect(structuralProblems(text)).toEqual([]);
    const listed = text.split('\n').filter((l) => l.startsWith('- **delete** ')).length;
    expect(listed).toBeGreaterThan(100);
    expect(text).toContain(`\n- _…and ${(2_000 - listed).toLocaleString('en-US')} more deletes and replaces_\n`);
    expect(text).not.toContain('<details>');
    expect(text).toContain('the details of 2,000 of 2,000 changed resources');
  });

  it('is whole, without a closing note, when it fits', () => {
    const text = renderPlanMarkdown(bigPlan({ creates: 10, updates: 10, replaces: 1, deletes: 1 }));
    expect(text).not.toContain('Left out');
    expect(text.split('\n').filter((l) => l.startsWith('<details><summary>'))).toHaveLength(22);
  });

  it.each([2_000, 2_500, 4_000, 10_000, 30_000])('never exceeds a cap of %d and stays well-formed', (maxChars) => {
    for (const plan of [pullRequestPlan(), bigPlan({ creates: 50, updates: 50, replaces: 50, deletes: 50 })]) {
      const text = renderPlanMarkdown(plan, { maxChars });
      expect(text.length).toBeLessThanOrEqual(maxChars);
      expect(structuralProblems(text)).toEqual([]);
      expect(text.startsWith('<!-- licensectl-plan: acme-licenses -->\n\n**licensectl plan for acme-licenses:**')).toBe(true);
    }
  });
});

function planOf(desired: readonly DesiredResource[], live: readonly LiveResource[]): Plan {
  return computePlan(desiredState(desired), liveState(live), planContext());
}

function verdictOf(plan: Plan): string {
  return renderPlanMarkdown(plan).split('\n')[2]!;
}

/** License configurations named c-0000… in one address order: creates, then updates, replaces and deletes. */
function bigPlan(counts: { creates: number; updates: number; replaces: number; deletes: number }): Plan {
  const desired: DesiredResource[] = [];
  const live: LiveResource[] = [];
  let next = 0;
  const name = () => `c-${String(next++).padStart(4, '0')}`;
  for (let i = 0; i < counts.creates; i++) desired.push(desiredConfig(name(), { description: 'created for the scale test' }));
  for (let i = 0; i < counts.updates; i++) {
    const n = name();
    desired.push(desiredConfig(n, { licenseCount: 200 }));
    live.push(liveConfig(n, { licenseCount: 100 }));
  }
  for (let i = 0; i < counts.replaces; i++) {
    const n = name();
    desired.push(desiredConfig(n, { countingType: 'Core' }));
    live.push(liveConfig(n, { countingType: 'vCPU' }));
  }
  for (let i = 0; i < counts.deletes; i++) live.push(liveConfig(name()));
  return planOf(desired, live);
}

// Checks that a Markdown comment is well-formed where a hostile value or a cut could break it.
/** Every problem found: unbalanced <details>, unclosed fences, table rows with the wrong number of cells. */
function structuralProblems(markdown: string): string[] {
  const problems: string[] = [];
  let fence: string | null = null;
  let openDetails = 0;
  let tableColumns: number | null = null;
  markdown.split('\n').forEach((line, index) => {
    const at = `line ${index + 1}`;
    if (fence !== null) {
      if (line === fence) fence = null;
      else if (/^\s{0,3}`{3,}\s*$/.test(line)) problems.push(`${at}: a content line could close the fence`);
      return;
    }
    const opening = /^(`{3,})[^`]*$/.exec(line);
    if (opening) {
      fence = opening[1]!;
      return;
    }
    if (line.startsWith('<details>')) openDetails += 1;
    if (line === '</details>') openDetails -= 1;
    if (openDetails < 0 || openDetails > 1) problems.push(`${at}: <details> nesting is ${openDetails}`);
    const cells = line.startsWith('|') ? line.split('|').length - 2 : null;
    if (cells === null) tableColumns = null;
    else if (tableColumns === null) tableColumns = cells;
    else if (cells !== tableColumns) problems.push(`${at}: ${cells} cells in a table of ${tableColumns}`);
  });
  if (fence !== null) problems.push('a fence is never closed');
  if (openDetails !== 0) problems.push(`${openDetails} <details> never closed`);
  return problems;
}
