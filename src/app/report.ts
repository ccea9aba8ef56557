// `licensectl report`: the usage picture of the project's account. Lists everything once (as a plan does), then
// reads what the listing leaves out — the tracked resources of every configuration in use (managed or not) and the
// consumption of every license — plans against that full usage so that the findings (policies included) come out
// for resources nothing changes, and builds one UsageReport value for the renderers. Also writes dated snapshots.
import path from 'node:path';
import { DEFAULT_POLICIES, type GrantSummary, mergeUsage } from '../model/index.js';
import { computePlan } from '../plan/compute-plan.js';
import { buildUsageReport, type UsageReport } from '../render/usage-report.js';
import type { CallStats } from '../store/index.js';
import { loadDesired, readListedLive } from './planning.js';
import { writeOutput } from './base-command.js';
import { openStore, type StoreFlags } from './open-store.js';

export interface ReportRun {
  readonly report: UsageReport;
  readonly stats: CallStats;
}

export async function reportDirectory(dir: string, flags: StoreFlags, now: () => Date = () => new Date()): Promise<ReportRun> {
  const loaded = await loadDesired(dir);
  const store = await openStore({ dir: loaded.dir, project: loaded.state.project, flags });
  try {
    const { live, listing } = await readListedLive(store, loaded.state);
    const inUse = Object.values(listing.usage.configurations)
      .filter((u) => u.consumed > 0 || u.associatedByType.length > 0)
      .map((u) => u.arn);
    const licenses = [...listing.managed, ...listing.others].filter((r) => r.kind === 'License').map((r) => r.arn);
    const usage = mergeUsage(listing.usage, await store.readUsage({ configurations: inUse, licenses }));
    const readAt = now().toISOString();
    const plan = computePlan(loaded.state, { ...live, usage }, { target: store.target, source: loaded.source, createdAt: readAt });
    const grants: GrantSummary[] = listing.grants.map((g) => ({
      arn: g.arn, licenseArn: g.spec.license, name: g.spec.displayName, principal: g.spec.principal, status: g.meta.status ?? g.spec.status,
    }));
    const managedNames = new Map(listing.managed.filter((r) => r.kind === 'LicenseConfiguration' || r.kind === 'License').map((r) => [r.arn, r.name]));
    const report = buildUsageReport({
      project: loaded.state.project.name, target: store.target, readAt, policies: loaded.state.project.policies ?? DEFAULT_POLICIES,
      usage, managedNames, grants, findings: plan.findings,
    });
    return { report, stats: store.stats };
  } finally {
    store.close();
  }
}

/**
 * Writes the report as a dated JSON snapshot, DIR/report-<readAt with colons as dashes>.json (a name every file
 * system takes, sorting by time), and returns its path.
 */
export async function writeSnapshot(dir: string, json: string, readAt: string): Promise<string> {
  const file = path.join(dir, `report-${readAt.replace(/:/g, '-')}.json`);
  await writeOutput('--snapshot', file, json.endsWith('\n') ? json : `${json}\n`, true);
  return file;
}
