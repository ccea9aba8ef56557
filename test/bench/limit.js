// The limit: the least wall time any client could take to make the calls a run made, given the latency added to
// every call and the concurrency the run allowed. The model (printed with the table, explained in README.md):
//
//   A run is a sequence of phases; a phase starts when the one before it has ended (plan: the lists, with the tag
//   reads of configurations and licenses, then the tag reads of the grants it will act on; apply: the read, then
//   the changes).
//   Within a phase:
//   - a paginated list is a chain: page n+1 needs page n's token, so P pages take P rounds. Lists of different
//     kinds (or association types) are independent and run side by side: the phase's chain is its longest list;
//   - the other calls (per-resource reads, changes) run at most `concurrency` at a time, and wait one round for
//     the list that names them when there is one in the phase (`lead`);
//   - phase rounds = max(chain, lead + ceil(parallel calls / concurrency)).
//   minimum = Σ phase rounds × latency.
//
// Everything but the added latency (CPU, serialisation, the emulator's own work, the network) counts as free,
// so no client making these calls at this concurrency can do better: measured / minimum ≥ 1.

/** List operations the CLI pages through, and how many independent chains each one's calls form. */
const LIST_CHAINS = {
  ListLicenseConfigurations: 1,
  ListLicenses: 1,
  ListDistributedGrants: 1,
  ListReceivedGrants: 1,
  GetResourceShares: 1,
  // One chain per association type (PRINCIPAL and RESOURCE), read side by side.
  GetResourceShareAssociations: 2,
};

/** A phase from per-operation call counts: listed operations form chains, everything else runs in parallel. */
export function phaseFromCalls(name, byOperation) {
  let chain = 0;
  let parallel = 0;
  for (const [operation, { calls }] of Object.entries(byOperation)) {
    if (calls <= 0) continue;
    if (operation in LIST_CHAINS) chain = Math.max(chain, Math.ceil(calls / LIST_CHAINS[operation]));
    else parallel += calls;
  }
  return { name, chain, parallel, lead: chain > 0 && parallel > 0 ? 1 : 0 };
}

export function phaseRounds(phase, concurrency) {
  return Math.max(phase.chain, phase.lead + Math.ceil(phase.parallel / concurrency));
}

/** The minimum wall time of a run, in ms, with the rounds of each phase. */
export function minimumOf(phases, concurrency, latencyMs) {
  const withRounds = phases.map((p) => ({ ...p, rounds: phaseRounds(p, concurrency) }));
  const rounds = withRounds.reduce((sum, p) => sum + p.rounds, 0);
  return { concurrency, latencyMs, rounds, minimumMs: rounds * latencyMs, phases: withRounds };
}

/**
 * The plan's phases: the lists, with one tag read per configuration and license (`listedTagReads` of the run's
 * ListTagsForResource calls); then the tag reads of the grants the plan acts on, which need every list done first
 * (the pairing needs the licenses and all the grants).
 */
export function planPhases(stats, listedTagReads) {
  const tags = stats.byOperation.ListTagsForResource?.calls ?? 0;
  const read = { ...stats.byOperation, ListTagsForResource: { calls: Math.min(tags, listedTagReads) } };
  const grantTags = Math.max(0, tags - listedTagReads);
  return [phaseFromCalls('read', read), ...(grantTags > 0 ? [{ name: 'grant tags', chain: 0, parallel: grantTags, lead: 0 }] : [])];
}

/**
 * The baseline's one phase: every call is a per-resource read of an ARN known beforehand (no lead); a share's
 * refresh is two calls in order (its GetResourceShares, then its permissions), the longest chain.
 */
export function readEachPhases(calls) {
  return [{ name: 'reads', chain: 2, parallel: calls, lead: 0 }];
}

/**
 * The apply's phases: its read (the lists), then every change. Changes wait for what they depend on
 * (configurations and licenses before shares and grants), so the change phase is at least that deep.
 */
export function applyPhases(stats, dependencyDepth) {
  const entries = Object.entries(stats.byOperation);
  const reads = Object.fromEntries(entries.filter(([op]) => !CHANGE_OPERATION.test(op)));
  const changes = entries.filter(([op]) => CHANGE_OPERATION.test(op)).reduce((sum, [, s]) => sum + s.calls, 0);
  return [phaseFromCalls('read', reads), { name: 'changes', chain: Math.min(dependencyDepth, changes), parallel: changes, lead: 0 }];
}

const CHANGE_OPERATION = /^(Create|Update|Delete|Associate|Disassociate|Tag|Untag|Accept|Reject)/;
