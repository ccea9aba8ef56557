// `licensectl report`: the usage picture of the project's account (with spec.targets, of every target's account). Lists everything once (as a plan does), then
// reads what the listing leaves out — the tracked resources of every configuration in use (managed or not) and the
// consumption of every license — plans against that full usage so that the findings (policies included) come out
// for resources nothing changes, and builds one UsageReport value for the renderers. Also writes dated snapshots.
import path from 'node:path';
import { DEFAULT_POLICIES, type DesiredState, type GrantSummary, mergeUsage, type Policies } from '../model/index.js';
import { computePlan } from '../plan/compute-plan.js';
import type { PlanSource } from '../plan/types.js';
import { buildUsageReport, reportSetOf, type UsageReport, type UsageReportSet } from '../render/usage-report.js';
import type { CallStats, Store } from '../store/index.js';
import { checkOnlyTargets, loadDesired, readListedLive } from './planning.js';
import { codeOf, hasTargets, inEveryUnit, placeOf } from './target-runs.js';
import { writeOutput } from './base-command.js';
import { openStore, type StoreFlags } from './open-store.js';

export interface ReportRun {
  readonly report: UsageReport;
  readonly stats: CallStats;
}

/** A project with spec.targets: every target's report (with `--only-targets`, those it selects), and each one's calls. */
export interface ReportSetRun {
  readonly set: UsageReportSet;
  readonly stats: readonly { readonly label: string; readonly stats: CallStats }[];
}

export type ReportFlags = StoreFlags & { readonly 'only-targets'?: readonly string[] };

export async function reportDirectory(dir: string, flags: ReportFlags, now: () => Date = () => new Date()): Promise<ReportRun | ReportSetRun> {
  const loaded = await loadDesired(dir);
  checkOnlyTargets(loaded.state.project, flags['only-targets'] ?? []);
  const readAt = now().toISOString();
  if (hasTargets(loaded)) {
    const { done, failures } = await inEveryUnit(loaded, flags, (store, desired) => reportOf(store, desired, loaded.source, readAt));
    const policies = done[0]?.value.policies ?? policiesOf(loaded.state.project.policies ?? DEFAULT_POLICIES);
    const set = reportSetOf(loaded.state.project.name, readAt, done.map((d) => ({ ...d.value, label: d.unit.label })), await Promise.all(failures.map(async ({ unit, error }) => ({ ...placeOf(unit), error: await codeOf(error) }))), policies);
    return { set, stats: done.map((d) => ({ label: d.unit.label, stats: d.store.stats })) };
  }
  const store = await openStore({ dir: loaded.dir, project: loaded.state.project, flags });
  try {
    return { report: await reportOf(store, loaded.state, loaded.source, readAt), stats: store.stats };
  } finally {
    store.close();
  }
}

/** The report of one account (a project's, or one target's) as `desired` manages it. */
async function reportOf(store: Store, desired: DesiredState, source: PlanSource, readAt: string): Promise<UsageReport> {
  const { live, listing } = await readListedLive(store, desired);
  const inUse = Object.values(listing.usage.configurations)
    .filter((u) => u.consumed > 0 || u.associatedByType.length > 0)
    .map((u) => u.arn);
  const licenses = [...listing.managed, ...listing.others].filter((r) => r.kind === 'License').map((r) => r.arn);
  const usage = mergeUsage(listing.usage, await store.readUsage({ configurations: inUse, licenses }));
  const plan = computePlan(desired, { ...live, usage }, { target: store.target, source, createdAt: readAt });
  const grants: GrantSummary[] = listing.grants.map((g) => ({
    arn: g.arn, licenseArn: g.spec.license, name: g.spec.displayName, principal: g.spec.principal, status: g.meta.status ?? g.spec.status,
  }));
  const managedNames = new Map(listing.managed.filter((r) => r.kind === 'LicenseConfiguration' || r.kind === 'License').map((r) => [r.arn, r.name]));
  return buildUsageReport({
    project: desired.project.name, target: store.target, readAt, policies: desired.project.policies ?? DEFAULT_POLICIES,
    usage, managedNames, grants, findings: plan.findings,
  });
}

function policiesOf(policies: Policies): UsageReport['policies'] {
  return { expiryWarningDays: policies.expiryWarningDays, minHeadroomPercent: policies.minHeadroomPercent };
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
