// The read-each-resource baseline: how Terraform's AWS provider refreshes, written with the same SDK clients
// licensectl uses. One GetLicenseConfiguration per configuration, one GetGrant per grant, and per share a
// GetResourceShares filtered by its ARN then its ListResourceSharePermissions (one resource's refresh, in
// order), at most 10 resources at a time. The ARNs come from list calls made beforehand and not timed:
// Terraform has them in its state file.
import { GetGrantCommand, GetLicenseConfigurationCommand, LicenseManagerClient, ListDistributedGrantsCommand, ListLicenseConfigurationsCommand } from '@aws-sdk/client-license-manager';
import { GetResourceSharesCommand, ListResourceSharePermissionsCommand, RAMClient } from '@aws-sdk/client-ram';
import pLimit from 'p-limit';
import { median, round, WARM_RUNS, WARM_UP_RUNS } from './measure.js';

export const BASELINE_CONCURRENCY = 10;
const GONE = new Set(['DELETED', 'PENDING_DELETE', 'DELETING', 'FAILED']);

export function clientsFor(endpoint) {
  const config = { endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKID000000000000', secretAccessKey: 'x' } };
  return { lm: new LicenseManagerClient(config), ram: new RAMClient(config) };
}

async function pages(fetch) {
  const items = [];
  let token;
  do {
    const page = await fetch(token);
    items.push(...page.items);
    token = page.next;
  } while (token);
  return items;
}

/** The ARNs a Terraform state would hold: every live configuration, grant and share of the account. */
export async function listArns({ lm, ram }) {
  const configurations = await pages(async (NextToken) => {
    const out = await lm.send(new ListLicenseConfigurationsCommand({ MaxResults: 100, NextToken }));
    return { items: out.LicenseConfigurations ?? [], next: out.NextToken };
  });
  const grants = await pages(async (NextToken) => {
    const out = await lm.send(new ListDistributedGrantsCommand({ MaxResults: 100, NextToken }));
    return { items: out.Grants ?? [], next: out.NextToken };
  });
  const shares = await pages(async (nextToken) => {
    const out = await ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', nextToken }));
    return { items: out.resourceShares ?? [], next: out.nextToken };
  });
  return {
    configurations: configurations.map((c) => c.LicenseConfigurationArn),
    grants: grants.filter((g) => !GONE.has(g.GrantStatus)).map((g) => g.GrantArn),
    shares: shares.filter((s) => !GONE.has(s.status)).map((s) => s.resourceShareArn),
  };
}

/** One refresh of every resource; resolves with the calls made by operation. */
export async function refreshAll({ lm, ram }, arns) {
  const byOperation = {};
  const send = (client, command) => {
    const operation = command.constructor.name.replace(/Command$/, '');
    byOperation[operation] = { calls: (byOperation[operation]?.calls ?? 0) + 1 };
    return client.send(command);
  };
  const limit = pLimit(BASELINE_CONCURRENCY);
  await Promise.all([
    ...arns.configurations.map((arn) => limit(() => send(lm, new GetLicenseConfigurationCommand({ LicenseConfigurationArn: arn })))),
    ...arns.grants.map((arn) => limit(() => send(lm, new GetGrantCommand({ GrantArn: arn })))),
    ...arns.shares.map((arn) => limit(async () => {
      await send(ram, new GetResourceSharesCommand({ resourceOwner: 'SELF', resourceShareArns: [arn] }));
      await send(ram, new ListResourceSharePermissionsCommand({ resourceShareArn: arn }));
    })),
  ]);
  return Object.fromEntries(Object.entries(byOperation).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Refreshes against the served emulator at `endpoint`, warm like the in-process plans; the median run's time and its calls. */
export async function measureBaseline(endpoint) {
  const clients = clientsFor(endpoint);
  try {
    const arns = await listArns(clients);
    for (let i = 0; i < WARM_UP_RUNS; i += 1) await refreshAll(clients, arns);
    const results = [];
    for (let i = 0; i < WARM_RUNS; i += 1) {
      const started = performance.now();
      const byOperation = await refreshAll(clients, arns);
      results.push({ wallMs: performance.now() - started, byOperation });
    }
    const calls = Object.values(results[0].byOperation).reduce((sum, s) => sum + s.calls, 0);
    return {
      concurrency: BASELINE_CONCURRENCY,
      resources: { configurations: arns.configurations.length, grants: arns.grants.length, shares: arns.shares.length },
      calls,
      byOperation: results[0].byOperation,
      medianMs: round(median(results.map((r) => r.wallMs))),
      runsMs: results.map((r) => round(r.wallMs)),
    };
  } finally {
    clients.lm.destroy();
    clients.ram.destroy();
  }
}
