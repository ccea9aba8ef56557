// Desired-state changes of a pull request, for the Markdown and text renderers' tests and golden files.
import type { DesiredResource } from '../../src/model/index.js';
import { diffDesired, type DesiredChanges } from '../../src/plan/desired-diff.js';
import type { Plan } from '../../src/plan/types.js';
import { desiredConfig, desiredShare, desiredState } from '../helpers/builders.js';
import { everyActionPlan } from './scenarios.js';

const at = (file: string, line = 1) => ({ source: { file, line, column: 1 } });

/** Added, removed, changed, changed-and-moved and moved documents, and a project setting. */
export function pullRequestChanges(): DesiredChanges {
  const kept: DesiredResource[] = [desiredShare('windows-to-dev', { licenseConfigurations: ['windows-server'] }, at('shares.yaml', 1))];
  const base = desiredState([
    ...kept,
    desiredConfig('windows-server', { countingType: 'Core', licenseCount: 128 }, at('licenses/windows.yaml')),
    desiredConfig('sql-legacy', { countingType: 'Core', licenseCount: 40 }, at('licenses.yaml')),
    desiredShare('old-share', {}, at('shares.yaml', 8)),
    desiredShare('legacy-to-qa', { licenseConfigurations: ['sql-legacy'] }, at('shares.yaml', 15)),
  ], { prune: false });
  const head = desiredState([
    ...kept,
    desiredConfig('windows-server', { countingType: 'Core', licenseCount: 256 }, { tags: { team: 'platform' }, ...at('licenses/windows.yaml') }),
    desiredConfig('sql-legacy', { countingType: 'Socket', licenseCount: null }, at('licenses/sql.yaml')),
    desiredConfig('oracle-ee', { hardLimit: true }, at('licenses/oracle.yaml')),
    desiredShare('legacy-to-qa', { licenseConfigurations: ['sql-legacy'] }, at('shares/legacy.yaml')),
  ], { prune: true });
  return diffDesired(base, head);
}

export function pullRequestPlan(): Plan {
  return { ...everyActionPlan(), desiredChanges: pullRequestChanges() };
}
