// The grantee, not the grantor, drives much of a grant's lifecycle; this is how each live status is planned.
import type { LiveResource } from '../model/index.js';

/**
 * - settled (ACTIVE, DISABLED): the grantor's choice; `spec.status` is compared like any field.
 * - pending (PENDING_ACCEPT, PENDING_WORKFLOW, WORKFLOW_COMPLETED, or a status AWS adds later): the grantee has yet
 *   to act, so a different status is not drift; the change carries a warning instead.
 * - unusable (REJECTED, FAILED_WORKFLOW): "a rejected grant cannot be activated", so if it is still desired it is
 *   replaced by a new one (Terraform also treats REJECTED as gone). If the grantee keeps rejecting, every apply
 *   offers it again; that is the honest reading of a desired state that wants the grant.
 * - gone (DELETED, PENDING_DELETE): deleted grants stay readable for a while. There is nothing left to update or
 *   delete, so a desired grant is created anew and an undesired one is left out of the plan.
 */
export type GrantLifecycle = 'settled' | 'pending' | 'unusable' | 'gone';

const LIFECYCLE_BY_STATUS: ReadonlyMap<string, GrantLifecycle> = new Map([
  ['ACTIVE', 'settled'],
  ['DISABLED', 'settled'],
  ['REJECTED', 'unusable'],
  ['FAILED_WORKFLOW', 'unusable'],
  ['DELETED', 'gone'],
  ['PENDING_DELETE', 'gone'],
]);

/** The lifecycle of a live resource; every kind but Grant, and a grant without a known status, is settled. */
export function grantLifecycle(live: LiveResource): GrantLifecycle {
  if (live.kind !== 'Grant' || live.meta.status === undefined) return 'settled';
  return LIFECYCLE_BY_STATUS.get(live.meta.status) ?? 'pending';
}
