// `npm run bench`: start-up, pure plan cost, and the served-emulator scenario at 20 ms and 0 ms latency, with the
// read-each-resource baseline and the minimum-time model; the cost of a create in an embedded apply as the state grows; then issue 14's fan-out (50 targets) and throttled-account runs. Prints a table; writes test/bench/out/results.json.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isolateEnvironment, ROOT } from './cli.js';
import { measureEmbeddedWrites } from './embedded-writes.js';
import { measureFanout, measureThrottledAccount } from './fanout.js';
import { round } from './measure.js';
import { measurePlanCost, prepareLargeStates } from './plan-cost.js';
import { renderReport } from './report.js';
import { measureScenario } from './scenario.js';
import { measureStartup } from './startup.js';
import { checkTargets } from './targets.js';

const OUT = path.join(ROOT, 'test/bench/out/results.json');
const SCENARIO_RUNS = 3;
const TARGET_LATENCY_MS = 20;

function machine() {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(), node: process.version, cpus: cpus.length, cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    platform: `${os.platform()} ${os.release()} ${os.arch()}`, totalMemoryMb: Math.round(os.totalmem() / 2 ** 20),
  };
}

async function step(label, fn) {
  const started = performance.now();
  process.stderr.write(`bench: ${label}…\n`);
  const result = await fn();
  process.stderr.write(`bench: ${label} done in ${round((performance.now() - started) / 1000)} s\n`);
  return result;
}

async function main() {
  isolateEnvironment();
  const started = performance.now();
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'licensectl-bench-'));
  try {
    const startup = await step('start-up', measureStartup);
    const planCost = await step('pure plan on 10,000 resources', async () => measurePlanCost(await prepareLargeStates(scratch)));
    const scenarios = [];
    for (const latency of [TARGET_LATENCY_MS, 0]) scenarios.push(await step(`scenario at ${latency} ms latency`, () => measureScenario(scratch, latency, SCENARIO_RUNS)));
    const scenario = scenarios.find((s) => s.latencyMs === TARGET_LATENCY_MS);
    const embeddedWrites = await step('embedded apply of 200 and 10,000 creates', () => measureEmbeddedWrites(scratch));
    const fanout = await step('50 targets at 50 ms latency', () => measureFanout(scratch));
    const throttled = await step('3 targets, one account throttled', () => measureThrottledAccount(scratch));
    const results = { machine: machine(), startup, planCost, scenarios, embeddedWrites, fanout, throttled, targets: checkTargets({ startup, planCost, scenario, embeddedWrites, fanout, throttled }) };
    results.benchSeconds = round((performance.now() - started) / 1000);
    await mkdir(path.dirname(OUT), { recursive: true });
    await writeFile(OUT, `${JSON.stringify(results, null, 2)}\n`);
    console.log(renderReport(results));
    console.log(`\nWhole bench: ${results.benchSeconds} s. Every figure: ${path.relative(ROOT, OUT)}`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

await main();
