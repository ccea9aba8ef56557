// Executes a plan: every change starts once the changes it depends on have succeeded, up to `concurrency`
// at a time; a change whose dependency failed is skipped, never attempted; independent changes go on.
import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import { LicensectlError } from '../errors/index.js';
import { type Address, addressOf, compareAddresses, type DesiredResource, type Kind, type LiveResource } from '../model/index.js';
import { type ApplyResult, applyResultOf, type ChangeResult, type Plan, type ResourceChange } from '../plan/types.js';
import { dependenciesOf } from '../plan/dependencies.js';
import { ABSENT_FINGERPRINT, compareChange } from '../plan/plan-change.js';
import { type ApplyContext, errorName, isVersionConflict, type Store, type StoreChange } from '../store/index.js';
import { canonicalJson } from '../util/canonical.js';

export interface ApplyOptions {
  readonly concurrency: number;
  /** Stops starting new changes (in-flight ones finish); the rest are reported as skipped. */
  readonly signal?: AbortSignal;
  /** A change is about to be sent (after its dependencies succeeded and a concurrency slot is free). */
  readonly onStart?: (change: ResourceChange) => void;
  readonly onResult?: (result: ChangeResult) => void;
}

type ActiveChange = ResourceChange & { action: Exclude<ResourceChange['action'], 'no-op'> };

export async function executePlan(plan: Plan, store: Store, options: ApplyOptions): Promise<ApplyResult> {
  const active = plan.changes.filter((c): c is ActiveChange => c.action !== 'no-op');
  const limit = pLimit(Math.max(1, options.concurrency));
  const ctx = new PlanApplyContext(plan);
  const running = new Map<Address, Promise<ChangeResult>>();
  const run = (change: ActiveChange): Promise<ChangeResult> => {
    const existing = running.get(change.address);
    if (existing) return existing;
    const promise = (async () => {
      const deps = dependenciesOf(change, plan).filter((a) => active.some((c) => c.address === a));
      const depResults = await Promise.all(deps.map((a) => run(active.find((c) => c.address === a)!)));
      const blocker = depResults.find((r) => r.outcome !== 'applied');
      const result = blocker
        ? skipped(change, blocker.address)
        : await limit(() => {
          if (options.signal?.aborted) return interrupted(change);
          options.onStart?.(change);
          return perform(change, store, ctx);
        });
      options.onResult?.(result);
      return result;
    })();
    running.set(change.address, promise);
    return promise;
  };
  const results = await Promise.all(active.map(run));
  return summarise(plan, results);
}

async function perform(change: ActiveChange, store: Store, ctx: PlanApplyContext): Promise<ChangeResult> {
  try {
    const arn = await performAction(change, store, ctx);
    if (arn && change.action !== 'delete') ctx.record(change.address, arn);
    return { address: change.address, action: change.action, outcome: 'applied', arn };
  } catch (error) {
    return { address: change.address, action: change.action, outcome: 'failed', arn: change.arn, error: { code: errorName(error), message: (error as Error).message } };
  }
}

async function performAction(change: ActiveChange, store: Store, ctx: PlanApplyContext): Promise<string | null> {
  switch (change.action) {
    case 'create':
      return store.create(change, ctx);
    case 'update':
      await updateOrReplan(change, store, ctx);
      return change.arn;
    case 'adopt':
      // Tags first: a kill after them leaves a managed resource whose next plan is the update.
      await store.adopt(change, ctx);
      if (change.diff.length > 0) await updateOrReplan(change, store, ctx);
      return change.arn;
    case 'replace':
      await store.delete(change, ctx);
      // The create half is the create the next plan would make if this run were killed between the two: same token.
      return store.create({ ...change, fingerprint: ABSENT_FINGERPRINT }, ctx);
    case 'delete':
      await store.delete(change, ctx);
      return change.arn;
  }
}

/**
 * A new license or grant version names the version it was planned from; when another one landed since (a killed
 * apply's request, or a change made by hand), AWS refuses it (isVersionConflict). The resource is read again and its
 * change planned again, once, as the document asked it: nothing left to do, or the update from the version that is
 * there now.
 */
async function updateOrReplan(change: ActiveChange, store: Store, ctx: PlanApplyContext): Promise<void> {
  try {
    await store.update(change, ctx);
  } catch (error) {
    if (!isVersionConflict(error)) throw error;
    const live = await store.reread(change);
    if (!live || !change.after) throw error;
    const desired = desiredOf(change, change.after);
    const again = compareChange(desired, withReferenceNames(live, desired, ctx));
    if (again.action === 'no-op') return;
    if (again.action !== 'update') throw error;
    // The keys the document sets, as planned (an ignored tag absent from the resource is not in `desired`'s tags).
    await store.update(change.tagKeys ? { ...again, tagKeys: change.tagKeys } : again, ctx);
  }
}

/**
 * The document a change was planned from, as far as planning it again needs: its ignored fields (whose values in
 * `after` are the live ones of planning time, taken anew from the resource as it is now) and, with spec.tags: merge
 * (`tagKeys`), the tags it sets — `after` also holds the other tools' tags of planning time, which the new plan takes
 * from the resource as it is now.
 */
function desiredOf(change: ActiveChange, after: NonNullable<ActiveChange['after']>): DesiredResource {
  const keys = change.tagKeys === undefined ? null : new Set(change.tagKeys);
  const tags = keys === null ? after.tags : Object.fromEntries(Object.entries(after.tags).filter(([key]) => keys.has(key)));
  return {
    kind: change.kind, name: change.name, tags, spec: after.spec,
    ...(change.ignore?.length ? { ignore: change.ignore } : {}),
    ...(keys === null ? {} : { mergeTags: true as const }),
  } as DesiredResource;
}

/** A grant read back names its license by ARN; the plan compares names, as the live state's read does. */
function withReferenceNames(live: LiveResource, desired: DesiredResource, ctx: PlanApplyContext): LiveResource {
  if (live.kind !== 'Grant' || desired.kind !== 'Grant') return live;
  const named = ctx.plannedArnOf('License', desired.spec.license) === live.spec.license ? desired.spec.license : live.spec.license;
  return { ...live, spec: { ...live.spec, license: named } };
}

function skipped(change: ActiveChange, blockedBy: Address): ChangeResult {
  return { address: change.address, action: change.action, outcome: 'skipped', arn: change.arn, blockedBy };
}

function interrupted(change: ActiveChange): ChangeResult {
  return { address: change.address, action: change.action, outcome: 'skipped', arn: change.arn, error: { code: 'INTERRUPTED', message: 'apply was interrupted before this change started' } };
}

function summarise(plan: Plan, results: readonly ChangeResult[]): ApplyResult {
  return applyResultOf(plan, [...results].sort((a, b) => compareAddresses(a.address, b.address)));
}


/**
 * The context of one apply: references resolve to ARNs (those created earlier in the same apply win over those
 * read at plan time), and client tokens derive from what is asked, so that every retry — in this process or in the
 * next apply after this one was killed — sends the same token for the same request (see clientToken).
 */
class PlanApplyContext implements ApplyContext {
  private readonly arns = new Map<string, string>();
  private readonly planned = new Map<string, string>();
  private readonly seed: string;

  constructor(plan: Plan) {
    this.seed = `${plan.project}|${plan.target.account}|${plan.target.region}`;
    for (const change of plan.changes) {
      if (!change.arn) continue;
      this.planned.set(change.address, change.arn);
      if (change.action !== 'replace' && change.action !== 'delete') this.arns.set(change.address, change.arn);
    }
  }

  plannedArnOf(kind: Kind, nameOrArn: string): string | undefined {
    return nameOrArn.startsWith('arn:') ? nameOrArn : this.planned.get(addressOf(kind, nameOrArn));
  }

  currentArnOf(kind: Kind, nameOrArn: string): string | undefined {
    return nameOrArn.startsWith('arn:') ? nameOrArn : this.arns.get(addressOf(kind, nameOrArn));
  }

  record(address: string, arn: string): void {
    this.arns.set(address, arn);
  }

  arnOf(kind: Kind, nameOrArn: string): string {
    if (nameOrArn.startsWith('arn:')) return nameOrArn;
    const arn = this.arns.get(addressOf(kind, nameOrArn));
    if (!arn) {
      throw new LicensectlError('UNRESOLVED_REFERENCE', `${kind}/${nameOrArn} has no ARN yet`, {
        hint: 'it is referenced by another resource but was neither found in the account nor created by this apply',
      });
    }
    return arn;
  }

  /**
   * The same intention gives the same token, never the time or the process: project, account, region, address, the
   * fingerprint of the live resource the change was planned against (absence, for a create), what the call is for,
   * and its members. A re-run after a kill re-sends the killed run's token, and the service answers with what that
   * request made instead of making it twice. A different intention differs in one of these: a changed document
   * changes the members; a resource changed since changes the fingerprint. The one case they cannot tell apart —
   * a resource created, deleted by hand, then asked for again — is caught by the store, which knows the deleted
   * ARN from its listing and asks again under a token that names it.
   */
  clientToken(change: StoreChange, purpose: string, input: unknown = null): string {
    const intent = `${this.seed}|${change.address}|${change.fingerprint}|${purpose}|${canonicalJson(input)}`;
    const hex = createHash('sha256').update(intent).digest('hex');
    // UUID-shaped: accepted by every token field of both services (License Manager's report tokens stop at 36).
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  }
}
