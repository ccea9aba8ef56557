// The AWS-compatible License Manager + RAM (+ STS, Organizations) emulator: embedded through the SDK clients' request handler,
// or served over HTTP.
export { Emulator, type EmulatorOptions, type FleetPlace } from './core/emulator.js';
export { FLEET_ACTIONS, instanceShape, type FleetAction, type HostRequest, type LaunchRequest } from './fleet/fleet.js';
export { TENANCIES as INSTANCE_TENANCIES, type HostRecord, type InstanceRecord, type InstanceTenancy, type ManagedResourceRecord, type ManagedType } from './fleet/records.js';
export { SUMMARY_COLUMNS, USAGE_COLUMNS, type ReportFile, type ReportRun } from './license-manager/report-runs.js';
export { type ApplicationInput, type ManagedRequest } from './fleet/managed-resources.js';
export { createInProcessHandler, startServer, type InProcessHandler, type RunningServer, type ServerOptions } from './core/transports.js';
export { accountFromAccessKey } from './sts/credentials.js';
export { FaultController, type FaultOptions, type InjectedError } from './core/faults.js';
export type { EmulatorRequest, EmulatorResponse } from './core/wire.js';
export { ServiceError, emptyState, type CallContext, type EmulatorState, type OperationSpec, type ServiceName } from './core/service-contract.js';
export { checkDeclaration, fieldName, InvalidDeclaration, type DeclarationProblem } from './organizations/declaration.js';
export { membersOf, type OrganizationDeclaration, type OrganizationRecord } from './organizations/organization.js';
