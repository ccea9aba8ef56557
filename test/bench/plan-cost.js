// Pure plan cost: computePlan on 10,000 resources, against an equal live state and a 10%-changed desired state.
// Time is the median of several runs. Peak heap is read from V8's own GC trace (--trace-gc) in a child process:
// the heap in use just before each collection during a run is the most it held, so peak = the largest of those
// (and of the heap at the end of the run) minus the heap after the collection that started the run.
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LARGE_SIZES, mutate, writeState } from './generate.js';
import { median, round } from './measure.js';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'plan-cost-child.js');
const RUNS = 5;
const FRACTION = 0.1;
// `[pid:0x…]   123 ms: Scavenge 4.7 (5.9) -> 4.6 (8.4) MB, … allocation failure;`; a global.gc() says `testing`.
const GC_LINE = /\d+ ms: (Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Compact|Minor Mark-Sweep)\b[^\d]*([\d.]+) \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB.*?(testing)?;/;

/** Writes the large state and its mutated copy under `scratch`. */
export async function prepareLargeStates(scratch) {
  const equalDir = path.join(scratch, 'large');
  const changedDir = path.join(scratch, 'large-changed');
  const written = await writeState(equalDir, LARGE_SIZES);
  await writeState(changedDir, LARGE_SIZES);
  const mutation = await mutate(changedDir, FRACTION);
  return { equalDir, changedDir, resources: written.resources, mutation };
}

export async function measurePlanCost(states) {
  return {
    sizes: LARGE_SIZES,
    runs: RUNS,
    mutation: states.mutation,
    equal: await measureCase(states.equalDir, undefined),
    changed: await measureCase(states.equalDir, states.changedDir),
  };
}

async function measureCase(dir, changedDir) {
  const { message, trace } = await runChild([dir, changedDir ?? '', String(RUNS)]);
  const peaks = peaksFromTrace(trace, RUNS);
  const times = message.runs.map((r) => r.ms);
  return {
    resources: message.resources,
    summary: message.runs[0].summary,
    medianMs: round(median(times)),
    runsMs: times.map((t) => round(t)),
    peakHeapMb: round(Math.max(...peaks)),
    peakHeapRunsMb: peaks.map((p) => round(p)),
  };
}

function runChild(args) {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, args, { execArgv: ['--expose-gc', '--trace-gc'], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    let trace = '';
    let stderr = '';
    let message;
    child.stdout.on('data', (chunk) => { trace += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('message', (m) => { message = m; });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 && message ? resolve({ message, trace }) : reject(new Error(`plan-cost child exited ${code}:\n${stderr}`))));
  });
}

/** Per run: the largest heap seen (before any collection, or at its end) minus the heap it started from, in MB. */
export function peaksFromTrace(trace, runs) {
  const events = trace.split('\n').map((line) => GC_LINE.exec(line)).filter(Boolean)
    .map((m) => ({ before: Number(m[2]), after: Number(m[3]), forced: Boolean(m[4]) }));
  const markers = events.flatMap((e, i) => (e.forced ? [i] : []));
  if (markers.length !== runs + 1) throw new Error(`expected ${runs + 1} forced collections in the GC trace, found ${markers.length}`);
  return markers.slice(1).map((end, k) => {
    const start = markers[k];
    const during = events.slice(start + 1, end + 1).map((e) => e.before);
    return Math.max(...during) - events[start].after;
  });
}
