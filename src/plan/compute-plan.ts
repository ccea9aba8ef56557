// The planner: desired and live state in, a Plan value out. Pure, total, deterministic; never mutates its inputs.
import {
  type Address, addressOf, compareAddresses, type DesiredState, kindRank, type LiveState, type ManagementSettings, NO_USAGE, observedByProject, type OtherResource, type Target, withReferenceNames,
} from '../model/index.js';
import { adoptChange, adoptionOf, adoptMessages, type AdoptProblem, observedChange, referenceNamesOf } from './adopt.js';
import { withUsage } from './change-usage.js';
import { findingsOf } from './findings.js';
import { canonicalJson, compareText } from '../util/canonical.js';
import { forcedByReplacements } from './dependencies.js';
import { selectTargets } from './filter.js';
import { grantLifecycle, planMessages } from './change-rules.js';
import { type Pair, pairResources } from './pair-resources.js';
import { actionOf, compareChange, createChange, deleteChange, type ForcedReasons, missingChange, NOT_FORCED } from './plan-change.js';
import { type KeptResource, type Plan, type PlanSource, type ResourceChange, summarize, type Targeted } from './types.js';

export interface PlanContext {
  readonly target: Target;
  readonly source: PlanSource;
  /** ISO 8601; passed in so that planning never reads a clock. */
  readonly createdAt: string;
  /** Overrides the project's `prune`. */
  readonly prune?: boolean;
  /** `--target` addresses; absent or empty plans everything. */
  readonly targets?: readonly Address[];
}

export function computePlan(desired: DesiredState, live: LiveState, ctx: PlanContext): Plan {
  const prune = ctx.prune ?? desired.project.prune;
  const adoption = adoptionOf(desired.resources, live, ctx.target);
  const refused = new Set(adoption.problems.map((p) => p.address));
  // A reference by ARN to what a document manages or adopts is a reference to that document: compared as its name.
  const names = referenceNamesOf(desired.resources, live.managed);
  const wanted = desired.resources.filter((r) => !refused.has(addressOf(r.kind, r.name))).map((r) => withReferenceNames(r, names));
  const pairing = pairResources(wanted, { ...live, managed: [...live.managed, ...adoption.live] });
  const planned = planPairs(pairing.pairs, { prune, adopted: adoption.adopted, project: desired.project });
  const targets = [...new Set(ctx.targets ?? [])].sort(compareAddresses);
  const all = withUsage(planned.changes, live.usage ?? NO_USAGE);
  const changes = targets.length > 0 ? selectTargets(all, targets) : all;
  const kept = targets.length > 0 ? planned.kept.filter((k) => targets.includes(k.address)) : planned.kept;
  const observedKept = targets.length > 0 ? planned.observedKept.filter((a) => targets.includes(a)) : planned.observedKept;
  const known = new Set<Address>([...pairing.pairs.map((p) => p.address), ...pairing.duplicates.map((d) => d.address)]);
  const targetWarnings = targets.length === 0 ? [] : [
    planMessages.partial(targets),
    ...targets.filter((a) => !known.has(a)).map(planMessages.targetMatchesNothing),
  ];
  const problems = [...adoption.problems, ...planned.problems].sort((a, b) => compareAddresses(a.address, b.address));
  return {
    formatVersion: '1', project: desired.project.name, target: ctx.target, source: ctx.source,
    createdAt: ctx.createdAt, prune, summary: summarize(changes), changes,
    ...(targets.length > 0 ? { targeted: targetedOf(targets, all, changes) } : {}),
    unmanaged: sortOthers(live.others.filter((o) => !adoption.taken.has(o))), duplicates: pairing.duplicates, ...(kept.length > 0 ? { kept } : {}),
    // An observed resource stays as it is: its findings judge what is live, not its document.
    findings: findingsOf(changes.map((c) => (c.observed ? { ...c, after: c.before, diff: [] } : c)), live.usage ?? NO_USAGE, desired.project.policies, ctx.createdAt),
    warnings: [...targetWarnings, ...pairing.warnings, ...kept.map((k) => planMessages.pruneOff(k.address)), ...observedKept.map(planMessages.observedKept)],
    ...(problems.length > 0 ? { refused: problems } : {}),
  };
}

/** What --target asked for, and how many of the changes a whole plan would make it leaves out. */
function targetedOf(targets: readonly Address[], all: readonly ResourceChange[], selected: readonly ResourceChange[]): Targeted {
  const kept = new Set(selected);
  return { addresses: targets, otherChanges: all.filter((c) => c.action !== 'no-op' && !kept.has(c)).length };
}

/**
 * The addresses among `candidates` that the plan of `desired` against `live` would change — the same two passes
 * as computePlan (a resource's own action, then the replacements that cascade to what refers to it), without
 * building the changes. Reading live state uses it to read the tags of exactly the grants a plan will act on.
 */
export function actedOn(desired: DesiredState, live: LiveState, candidates: ReadonlySet<Address>): Set<Address> {
  const pairs = pairResources(desired.resources, live).pairs.filter((p) => p.desired && p.live);
  const actions = new Map(pairs.map((p) => [p.address, actionOf(p.desired!, p.live!)]));
  const replaced = new Set([...actions].filter(([, action]) => action === 'replace').map(([address]) => address));
  return new Set(pairs.filter((p) => candidates.has(p.address) && (actions.get(p.address) !== 'no-op' || forcedByReplacements(p, replaced) !== NOT_FORCED)).map((p) => p.address));
}

interface PlannedPairs {
  /** Sorted by address. */
  readonly changes: readonly ResourceChange[];
  /** Live-only resources left alone because prune is off. */
  readonly kept: readonly KeptResource[];
  /** Live-only addresses left alone because the project observes them (spec.observe). */
  readonly observedKept: readonly Address[];
  /** Adoptions refused because they would replace what they take over. */
  readonly problems: readonly AdoptProblem[];
}

interface PairOptions {
  readonly prune: boolean;
  /** The addresses whose live resource is adopted (see adopt.ts). */
  readonly adopted: ReadonlySet<Address>;
  readonly project: ManagementSettings;
}

// Two passes: the first finds what is replaced, the second lets grants and shares that refer to it follow.
function planPairs(pairs: readonly Pair[], options: PairOptions): PlannedPairs {
  const first = pairs.map((pair) => planPair(pair, options, NOT_FORCED));
  const replaced = new Set(first.filter((c) => isChange(c) && c.action === 'replace').map((c) => c!.address));
  const final = pairs.map((pair, i) => {
    const forced = forcedByReplacements(pair, replaced);
    return forced === NOT_FORCED ? first[i] : planPair(pair, options, forced);
  });
  const liveOnly = pairs.filter((p, i) => final[i] === undefined && p.live && grantLifecycle(p.live) !== 'gone');
  const observed = (p: Pair) => observedByProject(options.project, p.kind, p.name);
  return {
    changes: final.filter(isChange),
    kept: liveOnly.filter((p) => !observed(p)).map((p) => ({ address: p.address, arn: p.live!.arn })),
    observedKept: liveOnly.filter(observed).map((p) => p.address),
    problems: final.filter((c): c is AdoptProblem => c !== undefined && !isChange(c)),
  };
}

function isChange(c: ResourceChange | AdoptProblem | undefined): c is ResourceChange {
  return c !== undefined && 'action' in c;
}

/**
 * The change at one address; undefined when nothing is planned there (kept, observed, or a deleted grant nobody
 * wants); a problem when an adoption would replace what it takes over.
 */
function planPair(pair: Pair, options: PairOptions, forced: ForcedReasons): ResourceChange | AdoptProblem | undefined {
  const { desired, live } = pair;
  if (desired && live) {
    const change = compareChange(desired, live, forced);
    if (options.adopted.has(pair.address)) return adoptChange(change, desired);
    if (desired.observe) return observedChange(change);
    return desired.adopt === live.arn ? { ...change, warnings: [...change.warnings, adoptMessages.noLongerNeeded(live.arn)] } : change;
  }
  if (desired) return desired.observe ? missingChange(desired) : createChange(desired);
  if (!live || grantLifecycle(live) === 'gone' || !options.prune || observedByProject(options.project, live.kind, live.name)) return undefined;
  return deleteChange(live);
}

/** Kind in dependency order, then ARN; whole-value order breaks any remaining tie so input order never shows. */
function sortOthers(others: readonly OtherResource[]): OtherResource[] {
  return [...others].sort(
    (a, b) => kindRank(a.kind) - kindRank(b.kind) || compareText(a.arn, b.arn) || compareText(canonicalJson(a), canonicalJson(b)),
  );
}
