// The shared first half of plan, apply and every watch pass: the desired state, the live state, the plan, and
// the guards against destructive mistakes checked before any change is made.
import path from 'node:path';
import { directorySource, type DocumentSource, gitSource, loadDesiredState, sourceRevision } from '../config/index.js';
import { type Diagnostic, LicensectlError } from '../errors/index.js';
import { type Address, addressOf, type DesiredState, isKind, type LiveState, mergeUsage, NO_USAGE, type ProjectConfig, selectUnits, type Usage } from '../model/index.js';
import { actedOn, computePlan, type PlanContext } from '../plan/compute-plan.js';
import { type DesiredChanges, diffDesired, diffDesiredSet } from '../plan/desired-diff.js';
import { usageNeeds } from '../plan/change-usage.js';
import { parseTargets } from '../plan/filter.js';
import type { Plan, PlanSource } from '../plan/types.js';
import { type AssociationReads, type Listing, liveState, pairGrants, pairServiceSettings, type Store } from '../store/index.js';
import { invalidDesiredState, withBaseProject } from './invalid-state.js';
import { openStore, type StoreFlags } from './open-store.js';
import { plural } from '../util/words.js';

export interface PlanRun {
  readonly loaded: LoadedState;
  readonly store: Store;
  readonly plan: Plan;
}

export interface PlanFlags extends StoreFlags {
  readonly target?: readonly string[];
  /** With spec.targets: only the targets these names or globs select (one shard of an organization). */
  readonly 'only-targets'?: readonly string[];
  /** Read the desired state at this git ref instead of the working tree. */
  readonly 'git-ref'?: string;
  /** Also describe the desired-state changes from this ref to the head (a pull request's review). */
  readonly base?: string;
}

/**
 * Loads the desired state (failing before any store is opened when it is invalid), opens the store and plans.
 * `onOpen` runs once the store is open, before anything is read (apply takes its lock there).
 */
export async function planDirectory(dir: string, flags: PlanFlags, onOpen?: (store: Store) => Promise<void>): Promise<PlanRun> {
  return planLoaded(await loadForPlan(dir, flags), flags, onOpen);
}

export interface LoadedForPlan {
  readonly loaded: LoadedState;
  /** With --base: what the reviewed change does to the desired state. */
  readonly desiredChanges?: DesiredChanges;
}

/** The desired state a plan is made of (at --git-ref), and with --base what changed since the base. */
export async function loadForPlan(dir: string, flags: PlanFlags): Promise<LoadedForPlan> {
  // A bad --target fails before anything is read; with targets an address may start with a unit's label.
  targetsOf((flags.target ?? []).map((t) => (isKind(t.split('/')[1] ?? '') ? t.slice(t.indexOf('/') + 1) : t)));
  const loaded = await loadDesired(dir, flags['git-ref']).catch(async (error: unknown) => Promise.reject(await withBaseProject(error, dir, flags.base)));
  checkOnlyTargets(loaded.state.project, flags['only-targets'] ?? []);
  if (flags.base === undefined) return { loaded };
  // With spec.targets the documents are shared across targets: each changed one says which it selects.
  const diff = loaded.state.project.targets?.length ? diffDesiredSet : diffDesired;
  return { loaded, desiredChanges: diff((await loadDesired(dir, flags.base)).state, loaded.state) };
}

/** `--only-targets` needs spec.targets, and each pattern must select one of them (a typo would plan nothing). */
export function checkOnlyTargets(project: ProjectConfig, patterns: readonly string[]): void {
  if (!patterns.length) return;
  if (!project.targets?.length) throw new LicensectlError('USAGE', '--only-targets needs spec.targets in licensectl.yaml', { hint: 'drop --only-targets' });
  const names = project.targets.map((t) => t.name).join(', ');
  for (const pattern of patterns)
    if (!selectUnits(project.targets, [pattern]).length) throw new LicensectlError('USAGE', `--only-targets ${JSON.stringify(pattern)} selects no target`, { hint: `the targets are ${names}` });
}

/** Opens the store of a project without targets and plans it. */
export async function planLoaded({ loaded, desiredChanges }: LoadedForPlan, flags: PlanFlags, onOpen?: (store: Store) => Promise<void>): Promise<PlanRun> {
  const targets = targetsOf(flags.target ?? []);
  const store = await openStore({ dir: loaded.dir, project: loaded.state.project, flags });
  try {
    await onOpen?.(store);
    const plan = await planAgainst(store, loaded.state, {
      target: store.target,
      source: loaded.source,
      createdAt: new Date().toISOString(),
      ...(targets.length ? { targets } : {}),
    });
    return { loaded, store, plan: desiredChanges ? { ...plan, desiredChanges } : plan };
  } catch (error) {
    store.close();
    throw error;
  }
}

/**
 * Reads the live state and plans; then, where the plan's changes touch configurations or licenses in use, reads
 * their usage (plan/usage-needs.ts) and plans again with it, so that the findings can say how many and where.
 * A plan without changes makes no usage read: a configuration's totals come with the listing.
 */
export async function planAgainst(store: Store, desired: DesiredState, ctx: PlanContext): Promise<Plan> {
  return explainPendingCreates((await planWithUsage(store, desired, ctx)).plan, await store.pendingCreates());
}

/**
 * A create the plan makes again whose earlier request's outcome is unknown (it timed out, or its apply was killed)
 * says so: apply will wait until that request can no longer land and look for what it made before creating.
 */
export function explainPendingCreates(plan: Plan, pending: ReadonlyMap<string, { readonly since: number; readonly until: number }>): Plan {
  if (!pending.size) return plan;
  const changes = plan.changes.map((c) => {
    const note = pending.get(c.address);
    if (!note || (c.action !== 'create' && c.action !== 'replace')) return c;
    const warning = `an earlier create of ${c.address} (${new Date(note.since).toISOString()}) ended without an answer and may still land: apply waits until ${new Date(note.until).toISOString()} and takes it if it is there, instead of creating a second one`;
    return { ...c, warnings: [...c.warnings, warning] };
  });
  return { ...plan, changes };
}

/** planAgainst, with the usage it read (every listed configuration's totals, and what the findings needed). */
export async function planWithUsage(store: Store, desired: DesiredState, ctx: PlanContext): Promise<{ plan: Plan; usage: Usage }> {
  const live = await readLive(store, desired);
  const listed = live.usage ?? NO_USAGE;
  const plan = computePlan(desired, live, ctx);
  refuseAdoptions(plan);
  const needs = usageNeeds(plan.changes, listed);
  if (!needs.configurations.length && !needs.licenses.length) return { plan, usage: listed };
  const usage = mergeUsage(listed, await store.readUsage(needs));
  return { plan: computePlan(desired, { ...live, usage }, ctx), usage };
}

/**
 * The live state, in four steps:
 * 1. list every kind (the store reads the tags of configurations and licenses; shares and report generators carry
 *    theirs), and read the service settings where a ServiceSettings document manages them, paired with it by name;
 * 2. pair listed grants with their documents by license and name, taking their tags to be the documents';
 * 3. read the tags of the grants that could not be paired, of those the plan will act on, and of `alsoRead`
 *    (a saved plan's resources, whose fingerprints must be checked against what is really there);
 * 4. assemble. A grant the plan leaves alone is never read one by one: a no-change plan of 500 grants costs
 *    five list calls for them instead of 500 tag reads.
 */
export async function readLive(store: Store, desired: DesiredState, alsoRead: readonly Address[] = []): Promise<LiveState> {
  return (await readListedLive(store, desired, alsoRead)).live;
}

/** readLive, with the listing it started from (a report takes every grant and configuration from it). */
export async function readListedLive(store: Store, desired: DesiredState, alsoRead: readonly Address[] = []): Promise<{ live: LiveState; listing: Listing }> {
  // The service settings have no ownership tags: they are read only when the target's ServiceSettings document names them.
  const [listed, settings] = await Promise.all([store.list(associationReads(desired)), desired.resources.some((r) => r.kind === 'ServiceSettings') ? store.readServiceSettings() : undefined]);
  const listing = { ...listed, managed: [...listed.managed, ...pairServiceSettings(settings, desired.resources, store.target)] };
  const { paired, unpaired } = pairGrants(listing.grants, desired.resources, listing.managed);
  const addressOfPair = (p: (typeof paired)[number]) => addressOf(p.live.kind, p.live.name);
  const assumed = liveState(listing.managed, listing.others, paired.map((p) => p.live));
  const toRead = actedOn(desired, assumed, new Set(paired.map(addressOfPair)));
  for (const address of alsoRead) toRead.add(address);
  const read = await store.readGrantTags([...unpaired, ...paired.filter((p) => toRead.has(addressOfPair(p))).map((p) => p.grant)]);
  const kept = paired.filter((p) => !toRead.has(addressOfPair(p))).map((p) => p.live);
  return { live: { ...liveState([...listing.managed, ...read.managed], [...listing.others, ...read.others], kept), usage: listing.usage }, listing };
}

/** A plan with refused adoptions is never shown or applied: every refusal is named at its document's spec.adopt. */
function refuseAdoptions(plan: Plan): void {
  const refused = plan.refused ?? [];
  if (refused.length === 0) return;
  const diagnostics: Diagnostic[] = refused.map((p) => ({
    severity: 'error', code: 'ADOPT_REFUSED', message: `${p.address}: ${p.message}`, field: 'spec.adopt',
    ...(p.source ? { file: p.source.file, line: p.source.line, column: p.source.column } : {}),
  }));
  throw new LicensectlError('ADOPT_REFUSED', `${plural(refused.length, 'adoption')} refused: ${refused.map((p) => `${p.address}: ${p.message}`).join('; ')}`, { diagnostics });
}

/** The configurations Association documents name (by name, ARN, or their documents' spec.adopt): see AssociationReads. */
function associationReads(desired: DesiredState): AssociationReads {
  const adopted = new Map(desired.resources.flatMap((r) => (r.kind === 'LicenseConfiguration' && r.adopt ? [[r.name, r.adopt] as const] : [])));
  const refs = desired.resources.flatMap((r) => (r.kind === 'Association' ? r.spec.licenseConfigurations : []));
  return {
    names: new Set(refs.filter((ref) => !ref.startsWith('arn:'))),
    arns: new Set(refs.flatMap((ref) => (ref.startsWith('arn:') ? [ref] : adopted.has(ref) ? [adopted.get(ref)!] : []))),
  };
}

/** The addresses a plan changes. */
export function touchedBy(plan: Plan): Address[] {
  return plan.changes.filter((c) => c.action !== 'no-op').map((c) => c.address);
}

export function targetsOf(values: readonly string[]) {
  const { targets, errors } = parseTargets(values);
  if (errors.length) throw new LicensectlError('BAD_TARGET', errors.join('; '), { hint: 'addresses look like Kind/name, e.g. LicenseConfiguration/windows-server' });
  return targets;
}

// ---- The desired state
// Loads and validates the desired state for a command — from the directory, or as it is at a git ref —
// failing once with every diagnostic, and says which revision it came from.
export interface LoadedState {
  readonly state: DesiredState;
  readonly warnings: readonly Diagnostic[];
  readonly files: readonly string[];
  readonly dir: string;
  /** The commit the documents came from and whether the working tree differs from it (null outside git). */
  readonly source: PlanSource;
}

export async function loadDesired(dir: string, gitRef?: string): Promise<LoadedState> {
  const absolute = path.resolve(dir);
  const source: DocumentSource = gitRef === undefined ? directorySource(absolute) : await gitSource(absolute, gitRef);
  const result = await loadDesiredState(source);
  const revision = await revisionOf(source, absolute, result.files);
  if (!result.state) throw await invalidDesiredState(result, { dir: absolute, ref: gitRef, source: revision });
  return { state: result.state, warnings: result.diagnostics.filter((d) => d.severity === 'warning'), files: result.files, dir: absolute, source: revision };
}

// Documents read from a commit are that commit exactly: never dirty. From a directory, only the files
// actually read (after spec.include / spec.exclude) decide whether the tree is dirty.
async function revisionOf(source: DocumentSource, dir: string, files: readonly string[]): Promise<PlanSource> {
  if ('sha' in source) return { revision: (source as { sha: string }).sha, dirty: false };
  return sourceRevision(dir, files);
}

// ---- Guards
// Guards against destructive mistakes, checked before any change is made.
export interface GuardOptions {
  readonly maxDeletes?: number;
  readonly allowEmpty: boolean;
  /** Resources in the desired state; zero while managed ones exist usually means the wrong directory or a bad merge. */
  readonly desiredCount: number;
}

export function checkGuards(plan: Plan, options: GuardOptions): void {
  if (plan.duplicates.length) {
    const list = plan.duplicates.map((d) => `${d.address} (${d.arns.join(', ')})`).join('; ');
    throw new LicensectlError('DUPLICATE_RESOURCES', `several live resources carry the ownership tags of one document: ${list}`, {
      hint: 'delete the extra copies or remove their licensectl: tags by hand; licensectl will not guess which one is real',
    });
  }
  const destroys = plan.changes.filter((c) => c.action === 'delete' || c.action === 'replace');
  if (options.maxDeletes !== undefined && destroys.length > options.maxDeletes) {
    throw new LicensectlError('TOO_MANY_DELETES', `the plan deletes or replaces ${plural(destroys.length, 'resource')}, more than --max-deletes ${options.maxDeletes}`, {
      hint: `review the plan; raise --max-deletes to at least ${destroys.length} if it is intended`,
    });
  }
  const managed = plan.changes.filter((c) => c.action !== 'create').length;
  if (!options.allowEmpty && options.desiredCount === 0 && managed > 0) {
    throw new LicensectlError('EMPTY_DESIRED_STATE', `the desired state has no resources, but ${plural(managed, 'managed resource exists', 'managed resources exist')}; applying would delete ${managed === 1 ? 'it' : 'them all'}`, {
      hint: 'check --dir; pass --allow-empty if you really mean to remove everything',
    });
  }
}
