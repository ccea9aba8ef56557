// Consumption simulation: AWS counts licenses as instances, hosts or AMIs that use a configuration run.
// The emulator has no EC2, so tests and benchmarks set the count directly; a configuration with consumed
// licenses cannot be deleted, exactly as on AWS.
import { LicensectlError } from '../../../errors/index.js';
import type { EmulatorState } from '../../core/types.js';
import { configurations } from './record.js';

const RESOURCE_TYPES = ['EC2_INSTANCE', 'EC2_HOST', 'EC2_AMI', 'RDS', 'SYSTEMS_MANAGER_MANAGED_INSTANCE'];

/** `count` resources of `resourceType` each consume one license; other resource types consume none. */
export function setConsumption(state: EmulatorState, arn: string, count: number, resourceType: string): void {
  const record = configurations(state)[arn];
  if (!record) throw new LicensectlError('EMULATOR_UNKNOWN_RESOURCE', `the emulator has no license configuration ${arn}`);
  if (!Number.isInteger(count) || count < 0)
    throw new LicensectlError('EMULATOR_INVALID_CONSUMPTION', `consumption must be a whole number of licenses, got ${count}`);
  if (!RESOURCE_TYPES.includes(resourceType))
    throw new LicensectlError('EMULATOR_INVALID_CONSUMPTION', `unknown resource type ${resourceType}`, { hint: `use one of ${RESOURCE_TYPES.join(', ')}` });
  record.ConsumedLicenses = count;
  setRow(record.ConsumedLicenseSummaryList, resourceType, (row, n) => (row.ConsumedLicenses = n), (ResourceType) => ({ ResourceType, ConsumedLicenses: 0 }), count);
  setRow(record.ManagedResourceSummaryList, resourceType, (row, n) => (row.AssociationCount = n), (ResourceType) => ({ ResourceType, AssociationCount: 0 }), count);
}

function setRow<Row extends { ResourceType: string }>(
  rows: Row[],
  resourceType: string,
  set: (row: Row, n: number) => void,
  empty: (resourceType: string) => Row,
  count: number,
): void {
  if (!rows.some((row) => row.ResourceType === resourceType)) rows.push(empty(resourceType));
  for (const row of rows) set(row, row.ResourceType === resourceType ? count : 0);
}

