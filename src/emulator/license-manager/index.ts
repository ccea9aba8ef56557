// The License Manager operations table served by the emulator core (awsJson1_1, `x-amz-target`).
// Handlers read and mutate `ctx.state.licenseManager` (and the shared client-token records).
import type { OperationHandler, OperationSpec } from '../core/types.js';
import { createLicenseConfiguration } from './configurations/create.js';
import { deleteLicenseConfiguration, getLicenseConfiguration } from './configurations/get.js';
import { listLicenseConfigurations } from './configurations/list.js';
import { updateLicenseConfiguration } from './configurations/update.js';
import { createGrant } from './grants/create.js';
import { getGrant, listDistributedGrants, listReceivedGrants } from './grants/get-list.js';
import { acceptGrant, createGrantVersion, deleteGrant, rejectGrant } from './grants/lifecycle.js';
import { createLicense } from './licenses/create.js';
import { getLicense, listLicenses } from './licenses/get-list.js';
import { createLicenseVersion, deleteLicense } from './licenses/version-delete.js';
import { listTagsForResource, tagResource, untagResource } from './tags.js';

const reads = (name: string, handler: OperationHandler): OperationSpec => ({ service: 'license-manager', name, readOnly: true, handler });
const writes = (name: string, handler: OperationHandler): OperationSpec => ({ service: 'license-manager', name, readOnly: false, handler });

export const licenseManagerOperations: OperationSpec[] = [
  writes('CreateLicenseConfiguration', createLicenseConfiguration),
  reads('GetLicenseConfiguration', getLicenseConfiguration),
  reads('ListLicenseConfigurations', listLicenseConfigurations),
  writes('UpdateLicenseConfiguration', updateLicenseConfiguration),
  writes('DeleteLicenseConfiguration', deleteLicenseConfiguration),
  writes('TagResource', tagResource),
  writes('UntagResource', untagResource),
  reads('ListTagsForResource', listTagsForResource),
  writes('CreateLicense', createLicense),
  reads('GetLicense', getLicense),
  reads('ListLicenses', listLicenses),
  writes('CreateLicenseVersion', createLicenseVersion),
  writes('DeleteLicense', deleteLicense),
  writes('CreateGrant', createGrant),
  reads('GetGrant', getGrant),
  writes('CreateGrantVersion', createGrantVersion),
  reads('ListDistributedGrants', listDistributedGrants),
  reads('ListReceivedGrants', listReceivedGrants),
  writes('AcceptGrant', acceptGrant),
  writes('RejectGrant', rejectGrant),
  writes('DeleteGrant', deleteGrant),
];
