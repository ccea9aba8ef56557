// The planner's public surface: compute a plan, order it, check its freshness.
export * from './types.js';
export * from './apply-result.js';
export { computePlan, type PlanContext } from './compute-plan.js';
export { diffResource, SET_PATHS } from './diff-resource.js';
export { forcesReplacement } from './replace-rules.js';
export { grantLifecycle, type GrantLifecycle } from './grant-status.js';
export { fingerprintOf, ABSENT_FINGERPRINT } from './fingerprint.js';
export { dependenciesOf } from './dependencies.js';
export { executionOrder, executionWaves } from './order.js';
export { parseTargets, selectTargets, type ParsedTargets } from './filter.js';
export { referencesOf, isArn } from './references.js';
export { summarize, hasChanges } from './summary.js';
export { byAddress } from './address-order.js';
export { planMessages } from './messages.js';
