// Child process of plan-cost.js, started with --expose-gc --trace-gc: loads a desired state (and, for the
// changed case, a mutated copy), builds the live state an apply of the original would leave, and runs
// computePlan several times. Each global.gc() prints a `testing` line in the GC trace: those lines bracket the
// runs, so the parent reads the heap before and after each run, and every collection in between, from it.
import { directorySource, loadDesiredState } from '../../dist/config/index.js';
import { grantArn, licenseArn, licenseConfigurationArn, resourceShareArn } from '../../dist/model/index.js';
import { computePlan } from '../../dist/plan/compute-plan.js';

const [, , dir, changedDir, runsText] = process.argv;
const ACCOUNT = '000000000000';
const REGION = 'us-east-1';
const TARGET = { store: 'emulator', account: ACCOUNT, region: REGION, endpoint: null };

async function load(from) {
  const result = await loadDesiredState(directorySource(from));
  if (!result.state) throw new Error(`${from} does not validate: ${result.diagnostics.slice(0, 3).map((d) => d.message).join('; ')}`);
  return result.state;
}

const hex = (i) => i.toString(16).padStart(32, '0');
const ARN_OF = {
  LicenseConfiguration: (i) => licenseConfigurationArn(REGION, ACCOUNT, `lic-${hex(i)}`),
  License: (i) => licenseArn(ACCOUNT, `l-${hex(i)}`),
  Grant: (i) => grantArn(ACCOUNT, `g-${hex(i)}`),
  ResourceShare: (i) => resourceShareArn(REGION, ACCOUNT, `00000000-0000-0000-0000-${hex(i).slice(-12)}`),
};
const META_OF = {
  LicenseConfiguration: (spec) => ({ status: spec.status }),
  License: (spec) => ({ version: '1', status: spec.status }),
  Grant: (spec) => ({ version: '1', status: spec.status }),
  ResourceShare: () => ({ status: 'ACTIVE' }),
};

/** What the store reads back after applying `desired` (references as names, as the store maps them). */
function liveOf(desired) {
  const managed = desired.resources.map((r, i) => ({ kind: r.kind, name: r.name, arn: ARN_OF[r.kind](i), tags: r.tags, spec: r.spec, meta: META_OF[r.kind](r.spec) }));
  return { managed, others: [], duplicates: [] };
}

const original = await load(dir);
const desired = changedDir ? await load(changedDir) : original;
const live = liveOf(original);
const ctx = { target: TARGET, source: { revision: null, dirty: null }, createdAt: '2026-03-01T12:00:00Z' };

// The plan is dropped when this returns, so the collection after it starts the next run from the same baseline.
function runOnce() {
  const started = performance.now();
  const plan = computePlan(desired, live, ctx);
  return { ms: performance.now() - started, summary: plan.summary };
}

const runs = [];
global.gc();
for (let i = 0; i < Number(runsText); i += 1) {
  runs.push(runOnce());
  global.gc();
}
process.send({ resources: desired.resources.length, runs });
