// The receiving half of a grant or a share, in a project whose targets include the receiver's account: a grant is
// accepted (AcceptGrant) and activated (CreateGrantVersion, Status ACTIVE) in the grantee's unit, and a share's
// invitation (an account outside the owner's organization, or one that has not enabled sharing) is accepted in the
// invited unit, during the same apply, so nobody finishes the lifecycle by hand. The plan lists these steps; apply
// runs them once the owners' units are applied, reading each as the receiver sees it (a new grant passes through
// PENDING_WORKFLOW first, a new invitation takes a moment to arrive: both are waited out).
import type { TargetUnit } from '../model/index.js';
import type { ActivationOverrideBehavior, GrantSpec, ResourceShareSpec } from '../model/index.js';
import type { ApplyResult } from '../plan/types.js';
import type { Store } from '../store/index.js';
import { type GranteeStepView, stepWords } from '../render/plan-set.js';
import type { UnitPlan } from './target-runs.js';

export type GranteeAction = 'accept' | 'activate' | 'accept-invitation';

export interface GranteeStep {
  /** The grant or share, `label/Kind/name`. */
  readonly grant: string;
  readonly kind: 'Grant' | 'ResourceShare';
  readonly grantorLabel: string;
  readonly granteeLabel: string;
  /** The grant's ARN when it exists before the apply; a created grant's comes from the apply's result. */
  readonly arn: string | null;
  readonly name: string;
  readonly actions: readonly GranteeAction[];
  /** A grant's Options.ActivationOverrideBehavior for its activation, from its document. */
  readonly activationOverrideBehavior?: ActivationOverrideBehavior;
  /**
   * An organization or OU grant this apply creates: which member accounts it reaches is known only once it is
   * distributed (licensectl reads no Organizations), so the step looks for its child grant there and does nothing
   * where there is none.
   */
  readonly ifReached?: true;
}

/** A step as plans show it (render/plan-set.ts). */
export function stepView(g: GranteeStep): GranteeStepView {
  return { grant: g.grant, granteeLabel: g.granteeLabel, actions: [...g.actions], ...(g.ifReached ? { ifReached: true } : {}) };
}

/** A grant an account received, as ListReceivedGrants shows it (store/kinds/grant.ts). */
interface ReceivedGrant {
  readonly arn: string;
  readonly parentArn: string;
  readonly status: string;
  readonly version: string;
}

const ACCOUNT_OF_PRINCIPAL = /^(?:(\d{12})|arn:aws[a-z-]*:iam::(\d{12}):root)$/;
const ORGANIZATION_PRINCIPAL = /^arn:aws[a-z-]*:organizations::\d{12}:(?:organization|ou)\//;

/** The steps of a plan set, with what they need read first: pending invitations and grants received by members. */
export async function granteeStepsOf(plans: readonly UnitPlan[]): Promise<GranteeStep[]> {
  const [invitations, received] = await Promise.all([pendingInvitationsOf(plans), receivedByMembersOf(plans)]);
  return granteeSteps(plans, invitations, received);
}

/**
 * The steps every grant and share to a target's account needs; the receiver's unit in the same region is preferred.
 * `invitations`: each receiving unit's pending invitations (share ARNs), read at plan time (see pendingInvitationsOf).
 */
export function granteeSteps(
  plans: readonly UnitPlan[], invitations: ReadonlyMap<string, ReadonlySet<string>> = new Map(), received: ReadonlyMap<string, readonly ReceivedGrant[]> = new Map(),
): GranteeStep[] {
  const steps: GranteeStep[] = [];
  for (const { unit, plan } of plans) {
    for (const c of plan.changes) {
      if (c.kind === 'ResourceShare' && c.action !== 'delete' && c.after) {
        for (const receiver of receiversOf(plans, unit, (c.after.spec as ResourceShareSpec).principals)) {
          const fresh = c.action === 'create' || c.action === 'replace';
          if (fresh || (c.arn && invitations.get(receiver.label)?.has(c.arn))) {
            steps.push({ grant: `${unit.label}/${c.address}`, kind: 'ResourceShare', grantorLabel: unit.label, granteeLabel: receiver.label, arn: fresh ? null : c.arn, name: c.name, actions: ['accept-invitation'] });
          }
        }
        continue;
      }
      if (c.kind !== 'Grant' || c.action === 'delete' || !c.after) continue;
      const spec = c.after.spec as GrantSpec;
      if (ORGANIZATION_PRINCIPAL.test(spec.principal)) {
        steps.push(...memberSteps(plans, unit, c, received));
        continue;
      }
      const match = ACCOUNT_OF_PRINCIPAL.exec(spec.principal);
      const account = match?.[1] ?? match?.[2];
      const grantee = granteeUnit(plans.map((p) => p.unit), account, unit.region);
      if (!grantee || grantee.label === unit.label) continue;
      const actions = actionsFor(c.action === 'create' || c.action === 'replace' ? undefined : c.meta?.status, c.meta?.version, spec.status);
      const behavior = spec.activationOverrideBehavior ? { activationOverrideBehavior: spec.activationOverrideBehavior } : {};
      if (actions.length) steps.push({ grant: `${unit.label}/${c.address}`, kind: 'Grant', grantorLabel: unit.label, granteeLabel: grantee.label, arn: c.action === 'replace' ? null : c.arn, name: c.name, actions, ...behavior });
    }
  }
  return steps;
}

/**
 * An organization or OU grant's steps in the other accounts' units (one per account, the grant's region first): for
 * a grant that exists, where a member's child grant needs accepting or activating; for one this apply creates, in
 * every other account, each doing something only if the grant reaches it.
 */
function memberSteps(plans: readonly UnitPlan[], owner: TargetUnit, c: UnitPlan['plan']['changes'][number], received: ReadonlyMap<string, readonly ReceivedGrant[]>): GranteeStep[] {
  const spec = c.after!.spec as GrantSpec;
  const fresh = c.action === 'create' || c.action === 'replace';
  const common = { grant: `${owner.label}/${c.address}`, kind: 'Grant' as const, grantorLabel: owner.label, name: c.name, ...(spec.activationOverrideBehavior ? { activationOverrideBehavior: spec.activationOverrideBehavior } : {}) };
  return membersOf(plans, owner).flatMap((member): GranteeStep[] => {
    if (fresh) return [{ ...common, granteeLabel: member.label, arn: null, actions: actionsFor(undefined, undefined, spec.status), ifReached: true }];
    const child = received.get(member.label)?.find((g) => g.parentArn === c.arn && g.arn !== c.arn);
    const actions = child ? actionsFor(child.status, child.version, spec.status) : [];
    return child && actions.length ? [{ ...common, granteeLabel: member.label, arn: child.arn, actions }] : [];
  });
}

/** One unit of every account but the owner's: the owner's region first. */
function membersOf(plans: readonly UnitPlan[], owner: TargetUnit): TargetUnit[] {
  const units = plans.map((p) => p.unit);
  const accounts = [...new Set(units.map((u) => u.account))].filter((a) => a !== owner.account);
  return accounts.map((a) => granteeUnit(units, a, owner.region)!);
}

/** The received grants of the units an existing organization or OU grant of another unit may reach; none without such grants. */
async function receivedByMembersOf(plans: readonly UnitPlan[]): Promise<Map<string, readonly ReceivedGrant[]>> {
  const members = new Set<string>();
  for (const { unit, plan } of plans) {
    const existing = plan.changes.some((c) => c.kind === 'Grant' && c.after && c.action !== 'create' && c.action !== 'replace' && c.action !== 'delete' && ORGANIZATION_PRINCIPAL.test((c.after.spec as GrantSpec).principal));
    if (existing) for (const member of membersOf(plans, unit)) members.add(member.label);
  }
  const read = await Promise.all(plans.filter((p) => members.has(p.unit.label)).map(async (p) => [p.unit.label, await p.store.receivedGrants()] as const));
  return new Map(read);
}

/** The other units a share's account principals are (one per account: the share's region first). */
function receiversOf(plans: readonly UnitPlan[], owner: TargetUnit, principals: readonly string[]): TargetUnit[] {
  const units = plans.map((p) => p.unit);
  return principals.flatMap((p) => {
    const unit = granteeUnit(units, ACCOUNT_OF_PRINCIPAL.exec(p)?.[1], owner.region);
    return unit && unit.account !== owner.account ? [unit] : [];
  });
}

/**
 * The pending invitations of every unit that receives a share from another unit: one GetResourceShareInvitations
 * per such unit, none when no share names another target's account.
 */
export async function pendingInvitationsOf(plans: readonly UnitPlan[]): Promise<Map<string, Set<string>>> {
  const receivers = new Set<string>();
  for (const { unit, plan } of plans) {
    for (const c of plan.changes) {
      if (c.kind === 'ResourceShare' && c.after) for (const r of receiversOf(plans, unit, (c.after.spec as ResourceShareSpec).principals)) receivers.add(r.label);
    }
  }
  const read = await Promise.all(plans.filter((p) => receivers.has(p.unit.label)).map(async (p) => [p.unit.label, new Set((await p.store.pendingInvitations()).keys())] as const));
  return new Map(read);
}

function granteeUnit(units: readonly TargetUnit[], account: string | undefined, region: string): TargetUnit | undefined {
  const ofAccount = units.filter((u) => u.account === account);
  return ofAccount.find((u) => u.region === region) ?? ofAccount[0];
}

/** From the status the grantor last saw (undefined: a grant this apply creates) to the one the document wants. */
function actionsFor(status: string | undefined, version: string | undefined, wanted: GrantSpec['status']): GranteeAction[] {
  const activate: GranteeAction[] = wanted === 'ACTIVE' ? ['activate'] : [];
  if (status === undefined || status === 'PENDING_WORKFLOW' || status === 'PENDING_ACCEPT') return ['accept', ...activate];
  // DISABLED at version 1: accepted, never activated; at a later version, disabled by the grantee (or the grantor,
  // whose own update then makes it ACTIVE again): either way the grantee's activation is what the document wants.
  if (status === 'DISABLED' && (version === '1' || wanted === 'ACTIVE')) return activate;
  return [];
}

export interface GranteeOutcome {
  readonly step: GranteeStep;
  readonly done: readonly GranteeAction[];
  readonly error?: { readonly code: string; readonly message: string };
  /** An organization or OU grant that does not reach the grantee's account. */
  readonly reached?: false;
}

/** How long a new grant may stay PENDING_WORKFLOW before the grantee gives up on it. */
const WORKFLOW_WAIT_MS = 60_000;

/** Runs the steps in the grantees' stores; a step that fails is reported, the others go on. */
export async function runGranteeSteps(
  steps: readonly GranteeStep[], stores: ReadonlyMap<string, Store>, results: ReadonlyMap<string, ApplyResult>,
  codeOf: (error: unknown) => Promise<{ code: string; message: string }>, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms)),
): Promise<GranteeOutcome[]> {
  return Promise.all(steps.map(async (step): Promise<GranteeOutcome> => {
    const done: GranteeAction[] = [];
    try {
      const arn = step.arn ?? results.get(step.grantorLabel)?.results.find((r) => r.address === `${step.kind}/${step.name}` && r.outcome === 'applied')?.arn;
      if (!arn) return { step, done, error: { code: 'NOT_CREATED', message: `${step.grant} was not created, so ${step.granteeLabel} has nothing to accept` } };
      const store = stores.get(step.granteeLabel)!;
      if (step.kind === 'ResourceShare') {
        const owner = stores.get(step.grantorLabel)!;
        // An invitation, or the share reaching the account without one (inside an organization that shares).
        for (let waited = 0, pause = 200; waited < WORKFLOW_WAIT_MS; waited += pause, pause = Math.min(pause * 2, 5_000)) {
          const invitation = (await store.pendingInvitations()).get(arn);
          if (invitation) {
            await store.acceptInvitation(invitation);
            done.push('accept-invitation');
            break;
          }
          if (await owner.principalAssociated(arn, store.target.account)) break;
          await sleep(pause);
        }
        return { step, done };
      }
      const child = step.ifReached ? await childGrantOf(arn, stores.get(step.grantorLabel)!, store, sleep) : arn;
      if (!child) return { step, done, reached: false };
      let seen = await store.receivedGrantStatus(child);
      for (let waited = 0, pause = 200; (!seen || seen.status === 'PENDING_WORKFLOW') && waited < WORKFLOW_WAIT_MS; waited += pause, pause = Math.min(pause * 2, 5_000)) {
        await sleep(pause);
        seen = await store.receivedGrantStatus(arn);
      }
      if (step.actions.includes('accept') && seen?.status === 'PENDING_ACCEPT') {
        await store.acceptGrant(child);
        done.push('accept');
        seen = await store.receivedGrantStatus(child);
      }
      if (step.actions.includes('activate') && seen?.status === 'DISABLED') {
        await store.activateGrant(child, seen.version, step.activationOverrideBehavior);
        done.push('activate');
      }
      return { step, done };
    } catch (error) {
      return { step, done, error: await codeOf(error) };
    }
  }));
}

/**
 * The member's child grant of an organization or OU grant created in this apply: once the grantor sees it
 * distributed (out of PENDING_WORKFLOW), the member's received grant whose parent it is; undefined where it did not
 * reach.
 */
async function childGrantOf(parent: string, owner: Store, member: Store, sleep: (ms: number) => Promise<unknown>): Promise<string | undefined> {
  for (let waited = 0, pause = 200; (await owner.receivedGrantStatus(parent))?.status === 'PENDING_WORKFLOW' && waited < WORKFLOW_WAIT_MS; waited += pause, pause = Math.min(pause * 2, 5_000)) await sleep(pause);
  return (await member.receivedGrants()).find((g) => g.parentArn === parent && g.arn !== parent)?.arn;
}

/** One line of what a step did, or why it failed. */
export function describeOutcome(g: GranteeOutcome): string {
  const { step } = g;
  if (g.error) return `failed to ${stepWords(step.actions)} ${step.grant} in ${step.granteeLabel}: ${g.error.code} ${g.error.message}`;
  if (g.reached === false) return `${step.grant} does not reach ${step.granteeLabel}: nothing to do there`;
  return g.done.length ? `${doneWords(g.done)} ${step.grant} in ${step.granteeLabel}` : `${step.grant}: nothing left to do in ${step.granteeLabel}`;
}

/** What a step did, in the past tense. */
function doneWords(actions: readonly GranteeAction[]): string {
  return actions.map((a) => (a === 'accept' ? 'accepted' : a === 'activate' ? 'activated' : 'accepted the invitation to')).join(' and ');
}
