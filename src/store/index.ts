// The store's public surface, for the application layer and apply.
export { CallStats, createClients, DEFAULT_RETRY, errorName, LicensectlRetryStrategy, outcomeUnknown, type CallListener, type Clients, type OperationStats, type RetryOptions } from './clients.js';
export { connectionFailure, type ConnectionFailure, noteEndpointOfFailures } from './connection-failures.js';
export { isVersionConflict, type ApplyContext, type KindRead, type StoreChange } from './kind-adapter.js';
export type { ListedGrant } from './kinds/grant.js';
export type { AssociationPair, AssociationReads } from './kinds/association.js';
export { liveState, pairGrants, type PairedGrant } from './live-state.js';
export { pairServiceSettings, serviceSettingsId } from './kinds/service-settings.js';
export { Store, type Listing, type StoreOptions } from './store.js';
export { DEFAULT_BUDGET_CEILING, PROCESS_BUDGETS, RequestBudget, RequestBudgets } from './request-budget.js';
