// `licensectl state`: every live resource of each target, managed (with its address), unmanaged or another project's,
// with its name in AWS, ARN, status and version. For people a table per target; for machines (`state --json`,
// schemas/state.schema.json) the same rows. `state show` prints one managed resource as a document (documents.ts).
import type { Kind, LiveResource, LiveState } from '../model/index.js';
import { printable } from '../util/safe-text.js';
import { plural } from '../util/words.js';

export interface StateRow {
  readonly owner: 'managed' | 'unmanaged' | 'foreign';
  /** Kind/name, or label/Kind/name with several targets; managed resources only. */
  readonly address?: string;
  readonly kind: Kind;
  /** Its name in AWS; an Association: the associated resource's ARN; the service settings: empty. */
  readonly name: string;
  readonly arn: string;
  readonly status: string | null;
  readonly version: string | null;
  /** A foreign resource's project. */
  readonly project?: string;
  /** One of several live resources carrying the same ownership tags (`licensectl repair` resolves them). */
  readonly duplicate?: true;
}

export interface StateTarget {
  readonly label?: string;
  readonly account: string;
  readonly region: string;
  readonly resources: readonly StateRow[];
}

export interface StateView {
  readonly formatVersion: '1';
  readonly project: string;
  readonly targets: readonly StateTarget[];
}

/**
 * The rows of one target's live state: managed by address, then each copy of a duplicated address (the store keeps
 * only their ARNs: no name, status or version), then unmanaged and foreign by kind and ARN.
 */
export function stateRows(live: LiveState, label?: string): StateRow[] {
  const managed = live.managed.map((r): StateRow => ({
    owner: 'managed', address: `${label ? `${label}/` : ''}${r.kind}/${r.name}`, kind: r.kind, name: awsNameOf(r), arn: r.arn, status: r.meta.status ?? null, version: r.meta.version ?? null,
  }));
  const others = (owner: 'unmanaged' | 'foreign') => live.others.filter((o) => o.owner === owner).map((o): StateRow => ({
    owner, kind: o.kind, name: o.displayName, arn: o.arn, status: o.live?.meta.status ?? null, version: o.live?.meta.version ?? null, ...(o.project ? { project: o.project } : {}),
  }));
  const duplicates = live.duplicates.flatMap((d) => d.arns.map((arn): StateRow => {
    const kind = d.address.slice(0, d.address.indexOf('/')) as Kind;
    return { owner: 'managed', address: `${label ? `${label}/` : ''}${d.address}`, kind, name: '', arn, status: null, version: null, duplicate: true };
  }));
  return [...managed, ...duplicates, ...others('unmanaged'), ...others('foreign')];
}

function awsNameOf(r: LiveResource): string {
  switch (r.kind) {
    case 'Association':
      return r.spec.resourceArn;
    case 'ServiceSettings':
      return '';
    default:
      return r.spec.displayName;
  }
}

const HEADER = ['OWNER', 'ADDRESS / KIND', 'NAME', 'STATUS', 'VERSION', 'ARN'] as const;

export function renderStateText(view: StateView): string {
  const several = view.targets.length > 1 || view.targets.some((t) => t.label);
  const blocks = view.targets.map((t) => {
    const title = several ? `${t.label ?? ''} (account ${t.account}, ${t.region}):` : `Project ${view.project}: account ${t.account}, ${t.region}`;
    if (!t.resources.length) return `${title}\n  No resources.`;
    const rows = t.resources.map((r) => [r.owner, r.duplicate ? `${r.address} (duplicate)` : r.address ?? (r.project ? `${r.kind} (project ${r.project})` : r.kind), r.name || '-', r.status ?? '-', r.version ?? '-', r.arn].map(printable));
    const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const line = (cells: readonly string[]) => `  ${cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')}`;
    const count = (owner: StateRow['owner']) => t.resources.filter((r) => r.owner === owner).length;
    return [title, line(HEADER), ...rows.map(line), `${plural(count('managed'), 'managed resource')}, ${count('unmanaged')} unmanaged, ${count('foreign')} of other projects.`].join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}
