// The main scenario: a fresh in-memory `emulator serve` with an added latency per call; apply the state, then
// measure `plan` finding no changes, the read-each-resource baseline, and `plan` after 10% of the documents
// changed — each run's calls (from --stats), its wall time and the minimum the limit model allows; then `report`
// with a fleet of 2,000 instances (report-scenario.js).
import path from 'node:path';
import { measureBaseline } from './baseline.js';
import { measureBaselineProcess } from './baseline-process-run.js';
import { measureInProcess } from './in-process.js';
import { parseStats, runCli, startEmulator } from './cli.js';
import { MAIN_SIZES, mutate, writeState } from './generate.js';
import { applyPhases, minimumOf, planPhases, readEachPhases } from './limit.js';
import { medianRun, repeat, round } from './measure.js';
import { measureReportScenario } from './report-scenario.js';

export const PLAN_CONCURRENCY = 10;
const APPLY_CONCURRENCY = 16;
const FRACTION = 0.1;
// Configurations and licenses first, then the shares and grants that refer to them.
const DEPENDENCY_DEPTH = 2;

/** Runs the whole scenario against a fresh emulator with `latencyMs` added to every call. */
export async function measureScenario(scratch, latencyMs, runs) {
  const dir = path.join(scratch, `main-${latencyMs}ms`);
  await writeState(dir, MAIN_SIZES);
  const emulator = await startEmulator(latencyMs);
  try {
    const apply = await measureApply(dir, emulator.url, latencyMs);
    const noChanges = await measurePlans(dir, emulator.url, runs, 0);
    const inProcessNoChanges = await measureInProcess(dir, emulator.url, PLAN_CONCURRENCY);
    const baseline = await measureBaseline(emulator.url);
    const baselineProcess = await measureBaselineProcess(emulator.url, runs);
    const mutation = await mutate(dir, FRACTION);
    const changed = await measurePlans(dir, emulator.url, runs, 2);
    const inProcessChanged = await measureInProcess(dir, emulator.url, PLAN_CONCURRENCY);
    // Last, as it adds a fleet of 2,000 instances to the account: the report, and the no-change plan once more.
    const report = await measureReportScenario(scratch, emulator.url, latencyMs, runs, PLAN_CONCURRENCY);
    const planLimit = (r) => withMinimum(r, planPhases(r.stats, MAIN_SIZES.configurations + MAIN_SIZES.licenses), PLAN_CONCURRENCY, latencyMs);
    return {
      sizes: MAIN_SIZES, latencyMs, runs, mutation,
      apply,
      planNoChanges: planLimit(noChanges),
      planChanged: planLimit(changed),
      inProcessNoChanges: planLimit(inProcessNoChanges),
      inProcessChanged: planLimit(inProcessChanged),
      baseline: withMinimum(baseline, readEachPhases(baseline.calls), baseline.concurrency, latencyMs),
      report: { ...report, report: { ...report.report, ratioToMinimum: report.report.limit.minimumMs > 0 ? round(report.report.wallMs / report.report.limit.minimumMs, 2) : null } },
      baselineProcess: withMinimum({ ...baselineProcess, wallMs: baselineProcess.refreshMs }, readEachPhases(baselineProcess.calls), baselineProcess.concurrency, latencyMs),
    };
  } finally {
    await emulator.stop();
  }
}

async function measureApply(dir, url, latencyMs) {
  const run = await runCli(['apply', '--dir', dir, '--endpoint', url, '--auto-approve', '--concurrency', String(APPLY_CONCURRENCY), '--stats']);
  const stats = parseStats(run.stderr);
  const measured = { stats, wallMs: stats.wallMs, processMs: round(run.wallMs), summary: /Apply complete! Resources: [^\n]*/.exec(run.stdout)?.[0] ?? null };
  return withMinimum(measured, applyPhases(stats, DEPENDENCY_DEPTH), APPLY_CONCURRENCY, latencyMs);
}

/** `runs` plans with --stats; the median run (by the command's own wall time) with every run's times. */
async function measurePlans(dir, url, runs, expectCode) {
  const all = await repeat(runs, async () => {
    const run = await runCli(['plan', '--dir', dir, '--endpoint', url, '--stats', '--detailed-exitcode', '--concurrency', String(PLAN_CONCURRENCY)], { expectCode });
    return { stats: parseStats(run.stderr), processMs: run.wallMs, summary: /^(Plan: .*|No changes\.)/m.exec(run.stdout)?.[0] ?? null };
  });
  const mid = medianRun(all, (r) => r.stats.wallMs);
  return {
    stats: mid.stats, wallMs: mid.stats.wallMs, processMs: round(mid.processMs), summary: mid.summary,
    runsMs: all.map((r) => r.stats.wallMs), processRunsMs: all.map((r) => round(r.processMs)),
  };
}

function withMinimum(measured, phases, concurrency, latencyMs) {
  const limit = minimumOf(phases, concurrency, latencyMs);
  const wallMs = measured.wallMs ?? measured.medianMs;
  return { ...measured, limit, ratioToMinimum: limit.minimumMs > 0 ? round(wallMs / limit.minimumMs, 2) : null };
}
