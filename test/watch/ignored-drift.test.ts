// Watch and ignored fields: drift on an ignored field (metadata.ignore) and tags another tool adds under
// spec.tags: merge are neither reported nor corrected, pass after pass; drift elsewhere still is.
import { ListLicenseConfigurationsCommand, ListTagsForResourceCommand, TagResourceCommand, UpdateLicenseConfigurationCommand } from '@aws-sdk/client-license-manager';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SyncedDocuments } from '../../src/watch/change-causes.js';
import { directoryDesired } from '../../src/watch/directory-source.js';
import { PruneGrace } from '../../src/watch/prune-grace.js';
import { DesiredMemory, reconcileOnce, type ReconcileContext } from '../../src/watch/reconcile.js';
import { StoreHolder } from '../../src/watch/store-holder.js';
import { PROJECT_YAML, projectDir, removeDir, statePathOf } from '../helpers/cli.js';
import { otherClient } from '../helpers/live.js';

const DOCUMENT = `apiVersion: licensectl/v1
kind: LicenseConfiguration
metadata: {name: a, tags: {team: platform}, ignore: [spec.licenseCount]}
spec: {countingType: Core, licenseCount: 10, description: kept}
`;
const NO_GIT = async () => ({ revision: null, dirty: null });

describe('watch and ignored fields', () => {
  let dir: string;
  let stores: StoreHolder;
  beforeAll(() => { process.env.LICENSECTL_MAX_ATTEMPTS = '1'; });
  afterEach(async () => {
    stores.close();
    await removeDir(dir);
  });

  it('drift on an ignored field, or a tag another tool adds in merge mode, is neither reported nor corrected', async () => {
    dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('p', '  tags: merge\n'), 'a.yaml': DOCUMENT });
    stores = new StoreHolder();
    const [memory, synced, grace] = [new DesiredMemory(), new SyncedDocuments(), new PruneGrace(0)];
    const ctx = (): ReconcileContext => ({ source: directoryDesired(dir, NO_GIT), mode: 'correct', storeFlags: { concurrency: 4 }, memory, synced, grace, stores });
    expect(await reconcileOnce(ctx())).toMatchObject({ outcome: 'applied' });

    const other = otherClient(statePathOf(dir));
    const arn = (await other.send(new ListLicenseConfigurationsCommand({}))).LicenseConfigurations![0]!.LicenseConfigurationArn!;
    await other.send(new UpdateLicenseConfigurationCommand({ LicenseConfigurationArn: arn, LicenseCount: 99 }));
    await other.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: 'finops:owner', Value: 'cost-tool' }] }));
    for (let pass = 0; pass < 2; pass += 1) expect(await reconcileOnce(ctx())).toMatchObject({ outcome: 'synced', changes: [] });
    const read = async () => ({
      count: (await other.send(new ListLicenseConfigurationsCommand({}))).LicenseConfigurations![0]!.LicenseCount,
      tags: Object.fromEntries((await other.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags!.filter((t) => !t.Key!.startsWith('licensectl:')).map((t) => [t.Key, t.Value])),
    });
    expect(await read()).toEqual({ count: 99, tags: { team: 'platform', 'finops:owner': 'cost-tool' } });

    // Drift on a field that is not ignored is corrected, and the correction keeps the ignored count and the foreign tag.
    await other.send(new UpdateLicenseConfigurationCommand({ LicenseConfigurationArn: arn, Description: 'changed by hand' }));
    expect(await reconcileOnce(ctx())).toMatchObject({ outcome: 'drift-corrected', changes: [{ address: 'LicenseConfiguration/a', cause: 'drift', fields: ['description'] }] });
    expect(await read()).toEqual({ count: 99, tags: { team: 'platform', 'finops:owner': 'cost-tool' } });
    other.destroy();
  });
});
