// The plan's own work without the process around it: the desired state is loaded once, then the live read and
// the planning (planAgainst, as `plan` and every `watch` tick run them) are timed in this process, after untimed
// warm-up runs. Set beside the CLI's figure, it separates start-up and loading costs from the cost of the calls.
// Warm (measure.js: WARM_UP_RUNS, then the median of WARM_RUNS) is what a watcher's ticks see.
import { loadDesired, planAgainst } from '../../dist/app/planning.js';
import { openStore } from '../../dist/app/open-store.js';
import { median, medianRun, repeat, round, WARM_RUNS, WARM_UP_RUNS } from './measure.js';

async function planOnce(loaded, endpoint, concurrency) {
  const store = await openStore({ dir: loaded.dir, project: loaded.state.project, flags: { endpoint, concurrency } });
  try {
    const ctx = { target: store.target, source: { revision: null, dirty: null }, createdAt: new Date().toISOString() };
    const started = performance.now();
    const plan = await planAgainst(store, loaded.state, ctx);
    const wallMs = performance.now() - started;
    return { wallMs, summary: plan.summary, stats: { ...store.stats.total(), byOperation: store.stats.snapshot() } };
  } finally {
    store.close();
  }
}

/** Warm read-and-plan runs of the state in `dir` against `endpoint`; the median run and every time. */
export async function measureInProcess(dir, endpoint, concurrency) {
  const loaded = await loadDesired(dir);
  await repeat(WARM_UP_RUNS, () => planOnce(loaded, endpoint, concurrency));
  const all = await repeat(WARM_RUNS, () => planOnce(loaded, endpoint, concurrency));
  const mid = medianRun(all, (r) => r.wallMs);
  return {
    wallMs: round(median(all.map((r) => r.wallMs))), runsMs: all.map((r) => round(r.wallMs)),
    summary: mid.summary, stats: mid.stats,
  };
}
