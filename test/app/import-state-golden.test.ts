// Golden outputs of import (a fixed estate: what is chosen, named, referenced and skipped, and the files' text), of
// `state` (table and JSON) and of `state show` (a managed resource as its document).
import { describe, expect, it } from 'vitest';
import { importFileName } from '../../src/app/import-files.js';
import { importPlan, type ImportPlan } from '../../src/app/import.js';
import type { Inventory } from '../../src/app/live-inventory.js';
import { schemaProblems } from '../../src/app/schema.js';
import { documentOfLive, resourceAt } from '../../src/app/state.js';
import type { LiveResource, OtherResource } from '../../src/model/index.js';
import { renderDocuments } from '../../src/render/documents.js';
import { type ImportResult, renderImportText } from '../../src/render/import-result.js';
import { renderStateText, stateRows, type StateView } from '../../src/render/state.js';
import { ACCOUNT, arnFor, desiredConfig, desiredState, foreign, live, liveConfig, liveGrant, liveState, REGION, specOf } from '../helpers/builders.js';
import { expectGolden } from '../render/golden.js';

/** An unmanaged resource as the store reads it: its live mapping with references as ARNs. */
function unmanagedLive(resource: LiveResource, displayName: string): OtherResource {
  return { kind: resource.kind, arn: resource.arn, displayName, owner: 'unmanaged', live: resource };
}

const other = (kind: Parameters<typeof arnFor>[0], name: string) => arnFor(kind, name, '999988887777');
const managedWindows = liveConfig('windows-server', { displayName: 'Windows Server', countingType: 'Core', rules: { licenseAffinityToHost: 90, minimumCores: 8 } }, { tags: { team: 'platform' } });
const oracle = live('LicenseConfiguration', '', { displayName: 'Oracle DB (sockets)', countingType: 'Socket', licenseCount: 16, hardLimit: true, rules: { maximumSockets: 4, minimumSockets: 1 } }, { arn: other('LicenseConfiguration', 'oracle'), tags: { CostCenter: '0042' } });
const windowsCopy = live('LicenseConfiguration', '', { displayName: 'windows-server', description: 'made by hand, same name', countingType: 'vCPU', licenseCount: null }, { arn: other('LicenseConfiguration', 'windows-copy') });
const adoptedAlready = live('LicenseConfiguration', '', { displayName: 'Adopted' }, { arn: other('LicenseConfiguration', 'adopted') });
const pro = live('License', '', { displayName: 'Analytics Pro' }, { arn: other('License', 'pro') });
const foreignConfig = foreign('LicenseConfiguration', 'theirs', 'other-project', 'Their configuration');
const receivedLicense = 'arn:aws:license-manager::444455556666:license:l-0123456789abcdef0123456789abcdef';

function fixedInventory(): Inventory {
  const others: OtherResource[] = [
    unmanagedLive(oracle, 'Oracle DB (sockets)'),
    unmanagedLive(windowsCopy, 'windows-server'),
    unmanagedLive(adoptedAlready, 'Adopted'),
    unmanagedLive(pro, 'Analytics Pro'),
    unmanagedLive(live('Grant', '', { displayName: 'pro to dev', license: pro.arn }, { arn: other('Grant', 'pro-to-dev') }), 'pro to dev'),
    unmanagedLive(live('Grant', '', { displayName: 'received to dev', license: receivedLicense, allowedOperations: ['CheckoutLicense'], status: 'DISABLED' }, { arn: other('Grant', 'received') }), 'received to dev'),
    unmanagedLive(live('ResourceShare', '', { displayName: 'Everything to dev', principals: ['222233334444'], licenseConfigurations: [managedWindows.arn, oracle.arn, foreignConfig.arn].sort() }, { arn: other('ResourceShare', 'everything') }), 'Everything to dev'),
    unmanagedLive(live('ReportGenerator', '', { displayName: 'weekly', licenseConfigurations: [oracle.arn] }, { arn: other('ReportGenerator', 'weekly') }), 'weekly'),
    ...[oracle.arn, foreignConfig.arn].map((configurationArn): OtherResource => ({
      kind: 'Association', arn: configurationArn, displayName: 'arn:aws:ec2:us-east-1::image/ami-0oracle', owner: 'unmanaged',
      live: { kind: 'Association', name: '', arn: 'arn:aws:ec2:us-east-1::image/ami-0oracle', tags: {}, meta: {}, spec: { resourceArn: 'arn:aws:ec2:us-east-1::image/ami-0oracle', licenseConfigurations: [configurationArn], amiAssociationScope: null } },
    })),
    foreignConfig,
  ];
  return { live: liveState([managedWindows], { others }), settings: { ...specOf('ServiceSettings', ''), organizationIntegration: true } };
}

function fixedImport(): ImportPlan {
  const desired = desiredState([desiredConfig('windows-server'), { ...desiredConfig('adopted'), adopt: adoptedAlready.arn }]);
  return importPlan(desired, fixedInventory(), { account: ACCOUNT, region: REGION }, { kinds: [] });
}

describe('golden output of import', () => {
  it('the files it writes for a fixed estate', () => {
    const files = [...fixedImport().documents].map(([kind, docs]) => `# ==== ${importFileName(kind)}\n${renderDocuments(docs.map((d) => d.input))}`);
    expectGolden('import-fixed-estate.yaml', files.join('\n'));
  });

  it('what it says, as text and as JSON', () => {
    const plan = fixedImport();
    const result: ImportResult = {
      formatVersion: '1', project: 'acme-licenses', target: { account: ACCOUNT, region: REGION },
      files: [...plan.documents].map(([kind, docs]) => ({ path: importFileName(kind), kind, documents: docs.map((d) => ({ address: d.address, arn: d.arn })) })),
      skipped: plan.skipped, foreign: plan.foreign,
    };
    expect(schemaProblems('import-result.schema.json', result)).toEqual([]);
    expectGolden('import-fixed-estate.txt', renderImportText(result));
  });

  it('imports only the kinds and names asked for, and then names what it does not import by ARN', () => {
    const desired = desiredState([desiredConfig('windows-server')]);
    const plan = importPlan(desired, fixedInventory(), { account: ACCOUNT, region: REGION }, { kinds: ['ResourceShare', 'Grant'], name: 'pro*' });
    expect([...plan.documents.values()].flat().map((d) => d.address)).toEqual(['Grant/pro-to-dev']);
    expect(renderDocuments([...plan.documents.values()].flat().map((d) => d.input))).toContain(`licenseArn: ${pro.arn}`);
  });
});

function fixedState(): StateView {
  const grant = liveGrant('analytics-to-dev', { displayName: 'Analytics to dev' }, { meta: { version: '3', status: 'PENDING_ACCEPT' } });
  const copies = [arnFor('LicenseConfiguration', 'copy-1'), arnFor('LicenseConfiguration', 'copy-2')];
  const live = liveState([managedWindows, grant], { others: [unmanagedLive(oracle, 'Oracle DB (sockets)'), foreignConfig], duplicates: [{ address: 'LicenseConfiguration/oracle', arns: copies }] });
  return { formatVersion: '1', project: 'acme-licenses', targets: [{ account: ACCOUNT, region: REGION, resources: stateRows(live) }] };
}

describe('golden output of state', () => {
  it('as a table', () => expectGolden('state.txt', renderStateText(fixedState())));

  it('as JSON, conforming to its schema', () => {
    const view = fixedState();
    expect(schemaProblems('state.schema.json', view)).toEqual([]);
    expectGolden('state.json', `${JSON.stringify(view, null, 2)}\n`);
  });

  it('grouped by target, addresses as plan writes them', () => {
    const live = liveState([managedWindows]);
    const view: StateView = { formatVersion: '1', project: 'acme-licenses', targets: [
      { label: 'dev', account: '111122223333', region: REGION, resources: stateRows(live, 'dev') },
      { label: 'prod@eu-west-1', account: '444455556666', region: 'eu-west-1', resources: [] },
    ] };
    expect(schemaProblems('state.schema.json', view)).toEqual([]);
    expectGolden('state-targets.txt', renderStateText(view));
  });

  it('state show: a managed resource as its document', () => {
    expectGolden('state-show.yaml', renderDocuments([documentOfLive(managedWindows), documentOfLive(liveGrant('analytics-to-dev', { displayName: 'Analytics to dev' }))]));
  });

  it('state show of an unknown address names it and the nearest addresses', () => {
    const read = { view: fixedState(), managed: new Map([['LicenseConfiguration/windows-server', managedWindows]]), stats: [] };
    expect(() => resourceAt(read, 'LicenseConfiguration/windows-sever')).toThrow(expect.objectContaining({
      code: 'UNKNOWN_ADDRESS', message: 'no managed resource at LicenseConfiguration/windows-sever in project acme-licenses',
      hint: 'did you mean LicenseConfiguration/windows-server? (licensectl state lists the addresses)',
    }));
  });
});
