// The report scenario, on the main scenario's emulator once its plans are measured: 2,000 instances launched from
// AMIs associated (by hand, through the SDK: no document claims them) with the vCPU and Instance configurations,
// then `licensectl report` timed with its calls, and the no-change plan run again to show that consumption adds no
// call to it. The documents are written again as the main scenario applied them (same sizes and seed, same bytes),
// so nothing is to change whatever the main scenario mutated in its own copy.
import path from 'node:path';
import { LicenseManagerClient, ListLicenseConfigurationsCommand, UpdateLicenseSpecificationsForResourceCommand } from '@aws-sdk/client-license-manager';
import { parseStats, runCli } from './cli.js';
import { MAIN_SIZES, writeState } from './generate.js';
import { minimumOf, phaseFromCalls } from './limit.js';
import { medianRun, repeat, round } from './measure.js';

export const REPORT_INSTANCES = 2000;
const USAGE_OPERATIONS = ['ListUsageForLicenseConfiguration', 'GetLicenseUsage'];

/** Launches the fleet, then measures `report` (`runs` times) and one more no-change plan against the same account. */
export async function measureReportScenario(scratch, url, latencyMs, runs, concurrency) {
  const dir = path.join(scratch, `report-${latencyMs}ms`);
  await writeState(dir, MAIN_SIZES);
  const fleet = await launchFleet(url, REPORT_INSTANCES);
  const all = await repeat(runs, async () => {
    const run = await runCli(['report', '--dir', dir, '--endpoint', url, '--json', '--stats', '--concurrency', String(concurrency)]);
    return { stats: parseStats(run.stderr), processMs: run.wallMs, doc: JSON.parse(run.stdout) };
  });
  const mid = medianRun(all, (r) => r.stats.wallMs);
  const instances = mid.doc.configurations.reduce((n, c) => n + c.trackedResources, 0) - fleet.amis;
  if (instances !== REPORT_INSTANCES) throw new Error(`report saw ${instances} tracked instances, expected ${REPORT_INSTANCES}`);
  const inUse = mid.doc.configurations.filter((c) => c.trackedResources > 0).length;
  const plan = await runCli(['plan', '--dir', dir, '--endpoint', url, '--stats', '--detailed-exitcode', '--concurrency', String(concurrency)]);
  return {
    instances: REPORT_INSTANCES, fleet,
    report: {
      stats: mid.stats, wallMs: mid.stats.wallMs, processMs: round(mid.processMs),
      runsMs: all.map((r) => r.stats.wallMs), processRunsMs: all.map((r) => round(r.processMs)),
      summary: { ...mid.doc.summary, configurationsInUse: inUse, trackedResources: instances + fleet.amis },
      limit: reportMinimum(mid.stats, inUse, concurrency, latencyMs),
    },
    planNoChangesWithFleet: { stats: parseStats(plan.stderr), summary: /^(Plan: .*|No changes\.)/m.exec(plan.stdout)?.[0] ?? null },
  };
}

/**
 * Associates one AMI with each configuration counting vCPUs or instances (their rules take a 4-vCPU instance of
 * default tenancy) and launches `total` instances from them, spread evenly; a hard limit that refuses part of a
 * launch passes the rest on to the next configurations.
 */
async function launchFleet(url, total) {
  const lm = new LicenseManagerClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'AKID000000000000', secretAccessKey: 'x' } });
  try {
    const listed = [];
    let NextToken;
    do {
      const page = await lm.send(new ListLicenseConfigurationsCommand({ MaxResults: 100, NextToken }));
      listed.push(...(page.LicenseConfigurations ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
    const targets = listed.filter((c) => c.LicenseCountingType === 'vCPU' || c.LicenseCountingType === 'Instance')
      .sort((a, b) => Number(a.LicenseCountHardLimit) - Number(b.LicenseCountHardLimit) || a.Name.localeCompare(b.Name));
    let launched = 0;
    for (const [i, configuration] of targets.entries()) {
      const ami = `ami-0bench${String(i).padStart(4, '0')}`;
      await lm.send(new UpdateLicenseSpecificationsForResourceCommand({
        ResourceArn: `arn:aws:ec2:us-east-1::image/${ami}`, AddLicenseSpecifications: [{ LicenseConfigurationArn: configuration.LicenseConfigurationArn }],
      }));
    }
    // Hard limits first (sorted last), soft ones after: they take whatever a hard limit refused.
    for (let i = targets.length - 1; i >= 0 && launched < total; i -= 1) {
      const count = Math.ceil((total - launched) / (i + 1));
      const run = await runCli(['emulator', 'fleet', 'launch', '--endpoint', url, '--ami', `ami-0bench${String(i).padStart(4, '0')}`, '--count', String(count), '--vcpus', '4', '--cores', '2'], { expectCode: null });
      launched += run.stdout.split('\n').filter((line) => line.startsWith('i-')).length;
    }
    if (launched !== total) throw new Error(`launched ${launched} instances, not ${total}`);
    return { amis: targets.length, configurations: targets.length, hardLimited: targets.filter((c) => c.LicenseCountHardLimit).length };
  } finally {
    lm.destroy();
  }
}

/**
 * The report's minimum: the plan's read phase (the lists, one tag read per configuration and license), then the
 * usage reads, which need the listing: a configuration's pages of tracked resources are a chain, configurations
 * and licenses side by side, `concurrency` at a time.
 */
function reportMinimum(stats, inUse, concurrency, latencyMs) {
  const read = Object.fromEntries(Object.entries(stats.byOperation).filter(([op]) => !USAGE_OPERATIONS.includes(op)));
  const usageCalls = USAGE_OPERATIONS.reduce((n, op) => n + (stats.byOperation[op]?.calls ?? 0), 0);
  const pages = Math.ceil((stats.byOperation.ListUsageForLicenseConfiguration?.calls ?? 0) / Math.max(1, inUse));
  return minimumOf([phaseFromCalls('read', read), { name: 'usage', chain: pages, parallel: usageCalls, lead: 0 }], concurrency, latencyMs);
}
