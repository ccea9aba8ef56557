// The planner: desired and live state in, a Plan value out. Pure, total, deterministic; never mutates its inputs.
import { type Address, compareAddresses, type DesiredState, kindRank, type LiveState, NO_USAGE, type OtherResource, type Target } from '../model/index.js';
import { withUsage } from './change-usage.js';
import { findingsOf } from './findings.js';
import { canonicalJson, compareText } from '../util/canonical.js';
import { forcedByReplacements } from './dependencies.js';
import { selectTargets } from './filter.js';
import { grantLifecycle, planMessages } from './change-rules.js';
import { type Pair, pairResources } from './pair-resources.js';
import { actionOf, compareChange, createChange, deleteChange, type ForcedReasons, NOT_FORCED } from './plan-change.js';
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
  const pairing = pairResources(desired.resources, live);
  const planned = planPairs(pairing.pairs, prune);
  const targets = [...new Set(ctx.targets ?? [])].sort(compareAddresses);
  const all = withUsage(planned.changes, live.usage ?? NO_USAGE);
  const changes = targets.length > 0 ? selectTargets(all, targets) : all;
  const kept = targets.length > 0 ? planned.kept.filter((k) => targets.includes(k.address)) : planned.kept;
  const known = new Set<Address>([...pairing.pairs.map((p) => p.address), ...pairing.duplicates.map((d) => d.address)]);
  const targetWarnings = targets.length === 0 ? [] : [
    planMessages.partial(targets),
    ...targets.filter((a) => !known.has(a)).map(planMessages.targetMatchesNothing),
  ];
  return {
    formatVersion: '1', project: desired.project.name, target: ctx.target, source: ctx.source,
    createdAt: ctx.createdAt, prune, summary: summarize(changes), changes,
    ...(targets.length > 0 ? { targeted: targetedOf(targets, all, changes) } : {}),
    unmanaged: sortOthers(live.others), duplicates: pairing.duplicates, ...(kept.length > 0 ? { kept } : {}),
    findings: findingsOf(changes, live.usage ?? NO_USAGE, desired.project.policies, ctx.createdAt),
    warnings: [...targetWarnings, ...pairing.warnings, ...kept.map((k) => planMessages.pruneOff(k.address))],
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
}

// Two passes: the first finds what is replaced, the second lets grants and shares that refer to it follow.
function planPairs(pairs: readonly Pair[], prune: boolean): PlannedPairs {
  const first = pairs.map((pair) => planPair(pair, prune, NOT_FORCED));
  const replaced = new Set(first.filter((c) => c?.action === 'replace').map((c) => c!.address));
  const final = pairs.map((pair, i) => {
    const forced = forcedByReplacements(pair, replaced);
    return forced === NOT_FORCED ? first[i] : planPair(pair, prune, forced);
  });
  const kept = pairs.filter((p, i) => final[i] === undefined && p.live && grantLifecycle(p.live) !== 'gone');
  return {
    changes: final.filter((c): c is ResourceChange => c !== undefined),
    kept: kept.map((p) => ({ address: p.address, arn: p.live!.arn })),
  };
}

/** The change at one address; undefined when nothing is planned there (kept, or a deleted grant nobody wants). */
function planPair(pair: Pair, prune: boolean, forced: ForcedReasons): ResourceChange | undefined {
  const { desired, live } = pair;
  if (desired && live) return compareChange(desired, live, forced);
  if (desired) return createChange(desired);
  if (!live || grantLifecycle(live) === 'gone' || !prune) return undefined;
  return deleteChange(live);
}

/** Kind in dependency order, then ARN; whole-value order breaks any remaining tie so input order never shows. */
function sortOthers(others: readonly OtherResource[]): OtherResource[] {
  return [...others].sort(
    (a, b) => kindRank(a.kind) - kindRank(b.kind) || compareText(a.arn, b.arn) || compareText(canonicalJson(a), canonicalJson(b)),
  );
}
