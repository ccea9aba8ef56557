// The License Manager operations table served by the emulator core (awsJson1_1, `x-amz-target`).
// Handlers read and mutate `ctx.state.licenseManager` (and the shared client-token records).
import type { OperationHandler, OperationSpec } from '../core/service-contract.js';
import { createGrantVersion } from './grant-versions.js';
import { acceptGrant, createGrant, deleteGrant, getGrant, listDistributedGrants, listReceivedGrants, rejectGrant } from './grants.js';
import {
  createLicenseConfiguration,
  deleteLicenseConfiguration,
  getLicenseConfiguration,
  listLicenseConfigurations,
  updateLicenseConfiguration,
} from './license-configurations.js';
import {
  listAssociationsForLicenseConfiguration,
  listLicenseSpecificationsForResource,
  listUsageForLicenseConfiguration,
  updateLicenseSpecificationsForResource,
} from './license-specifications.js';
import { checkInLicense, checkoutBorrowLicense, checkoutLicense, extendLicenseConsumption, getLicenseUsage } from './license-consumption.js';
import { createLicense, createLicenseVersion, deleteLicense, getLicense, listLicenses, listReceivedLicenses } from './licenses.js';
import { listFailuresForLicenseConfigurationOperations } from './failures.js';
import { listResourceInventory } from './resource-inventory.js';
import {
  listLicenseConfigurationsForOrganization,
  listReceivedGrantsForOrganization,
  listReceivedLicensesForOrganization,
} from './organization-lists.js';
import {
  createLicenseManagerReportGenerator,
  deleteLicenseManagerReportGenerator,
  getLicenseManagerReportGenerator,
  listLicenseManagerReportGenerators,
  updateLicenseManagerReportGenerator,
} from './report-generators.js';
import { getServiceSettings, updateServiceSettings } from './service-settings.js';
import { listTagsForResource, tagResource, untagResource } from './tags.js';

const reads = (name: string, handler: OperationHandler): OperationSpec => ({ service: 'license-manager', name, readOnly: true, handler });
const writes = (name: string, handler: OperationHandler): OperationSpec => ({ service: 'license-manager', name, readOnly: false, handler });

export const licenseManagerOperations: OperationSpec[] = [
  writes('CreateLicenseConfiguration', createLicenseConfiguration),
  reads('GetLicenseConfiguration', getLicenseConfiguration),
  reads('ListLicenseConfigurations', listLicenseConfigurations),
  writes('UpdateLicenseConfiguration', updateLicenseConfiguration),
  writes('DeleteLicenseConfiguration', deleteLicenseConfiguration),
  writes('UpdateLicenseSpecificationsForResource', updateLicenseSpecificationsForResource),
  reads('ListLicenseSpecificationsForResource', listLicenseSpecificationsForResource),
  reads('ListAssociationsForLicenseConfiguration', listAssociationsForLicenseConfiguration),
  reads('ListUsageForLicenseConfiguration', listUsageForLicenseConfiguration),
  reads('ListFailuresForLicenseConfigurationOperations', listFailuresForLicenseConfigurationOperations),
  reads('ListResourceInventory', listResourceInventory),
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
  reads('ListReceivedLicenses', listReceivedLicenses),
  reads('ListReceivedGrantsForOrganization', listReceivedGrantsForOrganization),
  reads('ListReceivedLicensesForOrganization', listReceivedLicensesForOrganization),
  reads('ListLicenseConfigurationsForOrganization', listLicenseConfigurationsForOrganization),
  writes('CheckoutLicense', checkoutLicense),
  writes('CheckoutBorrowLicense', checkoutBorrowLicense),
  writes('CheckInLicense', checkInLicense),
  writes('ExtendLicenseConsumption', extendLicenseConsumption),
  reads('GetLicenseUsage', getLicenseUsage),
  reads('GetServiceSettings', getServiceSettings),
  writes('UpdateServiceSettings', updateServiceSettings),
  writes('CreateLicenseManagerReportGenerator', createLicenseManagerReportGenerator),
  writes('UpdateLicenseManagerReportGenerator', updateLicenseManagerReportGenerator),
  reads('GetLicenseManagerReportGenerator', getLicenseManagerReportGenerator),
  writes('DeleteLicenseManagerReportGenerator', deleteLicenseManagerReportGenerator),
  reads('ListLicenseManagerReportGenerators', listLicenseManagerReportGenerators),
];
