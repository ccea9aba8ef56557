// Issue 14's fan-out scenarios against one in-memory `emulator serve` (accounts through the emulator's AKID<account>
// keys: targets without credentials of their own use them):
//  - `measureFanout`: 50 targets × (10 configurations, 5 shares, 1 license, 100 grants) at 50 ms per call. The state
//    is applied at 0 ms, then the latency set through the emulator's /_licensectl/faults path; a no-change `plan`
//    of the 50-target project as a whole process (median of 3), one single-target plan, and the 50 single-target
//    plans run one after the other.
//  - `measureThrottledAccount`: a 3-target project at 50 ms per call; one target's account throttled (more than 5
//    calls a second answered 429) and each other target's no-change plan time, with and without it.
// Both write their documents with generate.js; targets are named t01…, accounts 1000000000NN.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isolateEnvironment, parseStats, runCli, startEmulator } from './cli.js';
import { generateDocuments, writeDocuments } from './generate.js';
import { loadDesired } from '../../dist/app/planning.js';
import { closeAll, planUnits } from '../../dist/app/target-runs.js';
import { median, medianRun, repeat, round, WARM_UP_RUNS } from './measure.js';

export const FANOUT_SIZES = { configurations: 10, shares: 5, licenses: 1, grants: 100 };
const FANOUT_TARGETS = 50;
const FANOUT_LATENCY_MS = 50;
const THROTTLE_LATENCY_MS = 50;
/** The throttled account's rate: AWS throttles an account's calls a second; 17 calls a plan meet it at once. */
const THROTTLE_RPS = 5;
const PLAN_CONCURRENCY = 10;

const nameOf = (i) => `t${String(i + 1).padStart(2, '0')}`;
const accountOf = (i) => `1000000000${String(i + 1).padStart(2, '0')}`;

/** A project directory whose documents all go to `targets` (indices), with `sizes` of each kind. */
async function writeProject(dir, sizes, targets) {
  const [project, ...generated] = generateDocuments(sizes);
  // The grantees are not targets here: their grants stay PENDING_ACCEPT, which a desired `status: ACTIVE` would flag.
  const resources = generated.map((d) => (d.kind === 'Grant' ? { ...d, spec: withoutStatus(d.spec) } : d));
  const spec = {
    ...project.spec,
    targets: targets.map((i) => ({ name: nameOf(i), account: accountOf(i), regions: ['us-east-1'] })),
    defaultTargets: ['*'],
  };
  await writeDocuments(dir, { ...project, spec }, resources);
}

function withoutStatus({ status: _status, ...spec }) {
  return spec;
}

async function setFaults(url, options) {
  const response = await fetch(`${url}/_licensectl/faults`, { method: 'POST', body: JSON.stringify(options) });
  if (!response.ok) throw new Error(`setting faults: ${response.status} ${await response.text()}`);
}

/** `--stats` with targets prints one block per target: their sum (the time is the command's, the same in each). */
function statsOfTargets(stderr) {
  const blocks = stderr.split(/^(?=SDK calls \()/m).filter((b) => b.startsWith('SDK calls ('));
  const all = blocks.map((b) => parseStats(b));
  return {
    wallMs: Math.max(...all.map((s) => s.wallMs)), targets: all.length,
    calls: all.reduce((n, s) => n + s.calls, 0), attempts: all.reduce((n, s) => n + s.attempts, 0), errors: all.reduce((n, s) => n + s.errors, 0),
    byOperation: all[0].byOperation,
  };
}

async function plan(dir, url) {
  const run = await runCli(['plan', '--dir', dir, '--endpoint', url, '--stats', '--detailed-exitcode', '--concurrency', String(PLAN_CONCURRENCY)]);
  const stats = statsOfTargets(run.stderr);
  return { wallMs: stats.wallMs, processMs: round(run.wallMs), stats, summary: /^(Plan: .*|No changes\.)/m.exec(run.stdout)?.[0] ?? null };
}

async function medianPlan(runs, dir, url) {
  const all = await repeat(runs, () => plan(dir, url));
  const mid = medianRun(all, (r) => r.processMs);
  return { ...mid, processRunsMs: all.map((r) => r.processMs) };
}

export async function measureFanout(scratch, runs = 3, { sequential: runSequential = true } = {}) {
  const all = Array.from({ length: FANOUT_TARGETS }, (_, i) => i);
  const multi = path.join(scratch, 'fanout-50');
  await writeProject(multi, FANOUT_SIZES, all);
  const singles = await Promise.all(all.map(async (i) => {
    const dir = path.join(scratch, `fanout-single-${nameOf(i)}`);
    await writeProject(dir, FANOUT_SIZES, [i]);
    return dir;
  }));
  const emulator = await startEmulator(0);
  try {
    const started = performance.now();
    // Two creates at a time per target: the emulator's cost per write grows with its state (issue 14 point 6), and
    // 50 targets × 16 at once queue past the SDK's timeout, whose retries of creates without a client token duplicate.
    await runCli(['apply', '--dir', multi, '--endpoint', emulator.url, '--auto-approve', '--concurrency', '2']);
    const seedMs = round(performance.now() - started);
    await setFaults(emulator.url, { latencyMs: FANOUT_LATENCY_MS });
    const single = await medianPlan(runs, singles[0], emulator.url);
    const fanout = await medianPlan(runs, multi, emulator.url);
    const seqStarted = performance.now();
    const sequential = [];
    for (const dir of runSequential ? singles : []) sequential.push(await plan(dir, emulator.url));
    const sequentialMs = round(performance.now() - seqStarted);
    const perTargetCalls = sequential.length ? sequential.map((r) => r.stats.calls) : [0];
    return {
      targets: FANOUT_TARGETS, sizes: FANOUT_SIZES, latencyMs: FANOUT_LATENCY_MS, concurrency: PLAN_CONCURRENCY, seedMs,
      single: { processMs: single.processMs, wallMs: single.wallMs, calls: single.stats.calls, byOperation: single.stats.byOperation, summary: single.summary, processRunsMs: single.processRunsMs },
      fanout: {
        processMs: fanout.processMs, wallMs: fanout.wallMs, calls: fanout.stats.calls, attempts: fanout.stats.attempts, summary: fanout.summary, processRunsMs: fanout.processRunsMs,
        callsPerTarget: round(fanout.stats.calls / FANOUT_TARGETS, 2), toSingle: round(fanout.processMs / single.processMs, 2),
      },
      sequential: { processMs: sequentialMs, callsPerTarget: { min: Math.min(...perTargetCalls), max: Math.max(...perTargetCalls) }, toFanout: round(sequentialMs / fanout.processMs, 1) },
    };
  } finally {
    await emulator.stop();
  }
}

/**
 * Each target's own time needs the run from inside: `planUnits` (what `plan` runs for a project with targets) in this
 * process, warm, each unit's `elapsedMs` from the start of the run to its plan. Median of `runs` per target, quiet and
 * then with one account throttled.
 */
export async function measureThrottledAccount(scratch, runs = 7) {
  const dir = path.join(scratch, 'throttled-3');
  await writeProject(dir, FANOUT_SIZES, [0, 1, 2]);
  const emulator = await startEmulator(0);
  try {
    await runCli(['apply', '--dir', dir, '--endpoint', emulator.url, '--auto-approve', '--concurrency', '16']);
    await setFaults(emulator.url, { latencyMs: THROTTLE_LATENCY_MS });
    const loaded = await loadDesired(dir);
    const flags = { endpoint: emulator.url, concurrency: PLAN_CONCURRENCY };
    const planOnce = async () => {
      const planned = await planUnits(loaded, flags);
      closeAll(planned.plans);
      if (planned.failures.length) throw new Error(`a target failed: ${planned.failures.map((f) => f.error?.message).join('; ')}`);
      return Object.fromEntries(planned.plans.map((p) => [p.unit.label, { ms: p.elapsedMs, attempts: p.store.stats.total().attempts, calls: p.store.stats.total().calls }]));
    };
    const series = async () => {
      await repeat(WARM_UP_RUNS, planOnce);
      const all = await repeat(runs, planOnce);
      return Object.fromEntries(Object.keys(all[0]).map((label) => [label, {
        ms: round(median(all.map((r) => r[label].ms))), runsMs: all.map((r) => round(r[label].ms)),
        calls: all[0][label].calls, attempts: round(median(all.map((r) => r[label].attempts))),
      }]));
    };
    const quiet = await series();
    await setFaults(emulator.url, { throttleRps: THROTTLE_RPS, throttleAccounts: [accountOf(0)] });
    const throttled = await series();
    const others = Object.keys(quiet).filter((label) => label !== nameOf(0));
    const slowdown = Object.fromEntries(others.map((label) => [label, round((throttled[label].ms / quiet[label].ms - 1) * 100)]));
    return { throttleRps: THROTTLE_RPS, throttledTarget: nameOf(0), throttledAccount: accountOf(0), latencyMs: THROTTLE_LATENCY_MS, runs, quiet, throttled, slowdownPercent: slowdown };
  } finally {
    await emulator.stop();
  }
}

// Alone (after `npm run build`): `node test/bench/fanout.js [RUNS]` — the 50-target scenario without the 50 sequential
// plans, RUNS (3) plans of each; prints its figures as JSON.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  isolateEnvironment();
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'licensectl-fanout-'));
  try {
    console.log(JSON.stringify(await measureFanout(scratch, Number(process.argv[2] ?? 3), { sequential: false }), null, 2));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
