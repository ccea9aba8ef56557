// A plan's changes and license usage. Which usage a plan needs read beyond what the listing brought: the tracked
// resources of a configuration that is deleted, replaced, deactivated, or loses sharing (to say how many and where),
// and the consumption of a license whose entitlements or status change or that goes away, or whose grant does.
// Nothing when nothing changes; one read per touched configuration or license otherwise, and none where the listing
// already shows nothing in use. Then the usage each changed configuration and license shows in the plan.
import type { ConfigurationUsage, GrantSpec, LicenseConfigurationSpec, ResourceShareSpec, Usage } from '../model/index.js';
import type { ChangeUsage, ResourceChange } from './types.js';

export interface UsageNeeds {
  readonly configurations: readonly string[];
  readonly licenses: readonly string[];
}

/** Resolves a document's reference (a managed resource's name, or an ARN) to an ARN; undefined when not created yet. */
export interface ArnsOf {
  configuration(ref: string): string | undefined;
  license(ref: string): string | undefined;
}

export function usageNeeds(changes: readonly ResourceChange[], listed: Usage): UsageNeeds {
  const arns = arnsOf(changes);
  const configurations = new Set<string>();
  const licenses = new Set<string>();
  for (const c of changes) {
    if (c.action === 'no-op' || c.action === 'create') continue;
    if (c.kind === 'LicenseConfiguration' && c.arn) {
      const after = c.after?.spec as LicenseConfigurationSpec | undefined;
      if (!isInPlace(c) || after?.status === 'DISABLED') configurations.add(c.arn);
    } else if (c.kind === 'ResourceShare') {
      for (const lost of lostShares(c)) {
        const arn = arns.configuration(lost.configuration);
        if (arn) configurations.add(arn);
      }
    } else if (c.kind === 'License' && c.arn && (!isInPlace(c) || touches(c, 'entitlements', 'status'))) {
      licenses.add(c.arn);
    } else if (c.kind === 'Grant' && c.before && (!isInPlace(c) || touches(c, 'allowedOperations', 'status'))) {
      const arn = arns.license((c.before.spec as GrantSpec).license);
      if (arn) licenses.add(arn);
    }
  }
  const inUse = (arn: string) => {
    const u = listed.configurations[arn];
    return u !== undefined && (u.consumed > 0 || u.associatedByType.length > 0);
  };
  return { configurations: [...configurations].filter(inUse).sort(), licenses: [...licenses].sort() };
}

/** An update, or an adopt (whose fields change as an update's do). */
function isInPlace(c: ResourceChange): boolean {
  return c.action === 'update' || c.action === 'adopt';
}

function touches(c: ResourceChange, ...fields: string[]): boolean {
  return c.diff.some((d) => fields.some((f) => d.path === f || d.path.startsWith(`${f}.`) || d.path.startsWith(`${f}[`)));
}

/** A configuration a share stops sharing with some of its principals; `kept`: the principals it still has. */
export interface LostShare {
  readonly configuration: string;
  readonly principals: readonly string[];
  readonly kept: readonly string[];
  readonly why: string;
}

export function lostShares(c: ResourceChange): LostShare[] {
  const before = c.before?.spec as ResourceShareSpec | undefined;
  if (!before || c.action === 'no-op') return [];
  const after = c.action === 'delete' ? undefined : (c.after?.spec as ResourceShareSpec | undefined);
  const kept = after?.principals ?? [];
  const lost: LostShare[] = [];
  for (const configuration of before.licenseConfigurations) {
    if (!after) lost.push({ configuration, principals: before.principals, kept, why: 'the share is deleted' });
    else if (!after.licenseConfigurations.includes(configuration)) lost.push({ configuration, principals: before.principals, kept, why: 'the configuration is removed from the share' });
    else {
      const removed = before.principals.filter((p) => !kept.includes(p));
      if (removed.length) lost.push({ configuration, principals: removed, kept, why: `${removed.join(', ')} ${removed.length === 1 ? 'is' : 'are'} removed from the share` });
    }
  }
  return lost;
}

const ACCOUNT = /^\d{12}$/;

/**
 * The accounts that consume `u` through a lost share, with how many each: an account principal is itself; an
 * organization or OU principal stands for every consuming account but the owner and the account principals kept
 * (which accounts an OU holds is the organization's to say).
 */
export function consumingAccounts(u: ConfigurationUsage, lost: LostShare): { account: string; consumed: number }[] {
  const byAccount = new Map<string, number>();
  for (const r of u.resources ?? []) if (r.account !== u.ownerAccount) byAccount.set(r.account, (byAccount.get(r.account) ?? 0) + r.consumed);
  const wide = lost.principals.some((p) => !ACCOUNT.test(p));
  const keptAccounts = new Set(lost.kept.filter((p) => ACCOUNT.test(p)));
  return [...byAccount]
    .filter(([account, consumed]) => consumed > 0 && (lost.principals.includes(account) || (wide && !keptAccounts.has(account))))
    .map(([account, consumed]) => ({ account, consumed }))
    .sort((a, b) => (a.account < b.account ? -1 : 1));
}

/** ARNs of the managed configurations and licenses the changes name (documents name them by name). */
export function arnsOf(changes: readonly ResourceChange[]): ArnsOf {
  const byName = (kind: string) => new Map(changes.filter((c) => c.kind === kind && c.arn).map((c) => [c.name, c.arn!]));
  const [configurations, licenses] = [byName('LicenseConfiguration'), byName('License')];
  const resolve = (map: Map<string, string>) => (ref: string) => (ref.startsWith('arn:') ? ref : map.get(ref));
  return { configuration: resolve(configurations), license: resolve(licenses) };
}


/** The changes, each changed configuration and license with the usage read for it (see ChangeUsage). */
export function withUsage(changes: readonly ResourceChange[], usage: Usage): ResourceChange[] {
  return changes.map((c) => {
    const shown = c.action === 'no-op' || !c.arn ? undefined : usageOfChange(c.kind, c.arn, usage);
    return shown ? { ...c, usage: shown } : c;
  });
}

function usageOfChange(kind: ResourceChange['kind'], arn: string, usage: Usage): ChangeUsage | undefined {
  if (kind === 'LicenseConfiguration') {
    const u = usage.configurations[arn];
    return u && { consumed: u.consumed, resources: u.associatedByType.reduce((n, r) => n + r.count, 0) };
  }
  if (kind === 'License') {
    const u = usage.licenses[arn];
    return u && { consumed: u.entitlements.reduce((n, e) => n + e.consumed, 0), entitlements: u.entitlements.map((e) => ({ name: e.name, consumed: e.consumed })) };
  }
  return undefined;
}
