// Start-up: what a user waits for before licensectl does anything, measured from outside the process
// (spawn to exit), median of several runs each, on the Node running the bench and on every other version cached
// by `node scripts/node-binaries.mjs prepare` (20.12.0, 22, 24). On Node 22+ the same `validate` is also timed
// with the module compile cache turned off (NODE_DISABLE_COMPILE_CACHE=1), to show what bin/run.js's cache saves.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EXTRA_NODES, findNode } from '../../scripts/node-binaries.mjs';
import { ROOT, runBareNode, runCli } from './cli.js';
import { median, repeat, round } from './measure.js';

// The bench's own Node is judged by the targets; the others are shown beside it with fewer runs, to keep the
// whole bench within its five minutes on a loaded machine.
const RUNS = 7;
const OTHER_RUNS = 5;

async function timed(runs, run) {
  const walls = (await repeat(runs, run)).map((r) => r.wallMs);
  return { medianMs: round(median(walls)), runsMs: walls.map((w) => round(w)) };
}

/** The start-up figures of one Node binary. */
async function measureOn(node, version, runs, quickstart, scratch) {
  const cli = (args, env) => () => runCli(args, { node, env });
  const figures = {
    node: version,
    runs,
    bareNode: await timed(runs, () => runBareNode(node)),
    version: await timed(runs, cli(['--version'])),
    validate: await timed(runs, cli(['validate', '--dir', quickstart])),
    plan: await timed(runs, cli(['plan', '--dir', scratch])),
  };
  const major = Number(/^v(\d+)/.exec(version)[1]);
  if (major >= 22) figures.validateWithoutCompileCache = await timed(runs, cli(['validate', '--dir', quickstart], { NODE_DISABLE_COMPILE_CACHE: '1' }));
  return figures;
}

/**
 * `--version`, `validate` and `plan` (embedded emulator) of the quickstart, plus a bare node as the floor. The
 * top-level figures are the bench's own Node (the targets judge them); `byNode` holds every version measured.
 */
export async function measureStartup() {
  const quickstart = path.join(ROOT, 'examples/quickstart');
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'licensectl-bench-startup-'));
  try {
    // A copy without any emulator state: plan always sees the same (empty) account and never writes the example.
    await cp(quickstart, scratch, { recursive: true, filter: (src) => !src.includes(`${path.sep}.licensectl`) });
    const own = await measureOn(process.execPath, process.version, RUNS, quickstart, scratch);
    const others = EXTRA_NODES.map((spec) => findNode(spec));
    const byNode = [own];
    for (const other of others.filter((n) => n.bin)) byNode.push(await measureOn(other.bin, other.version, OTHER_RUNS, quickstart, scratch));
    return { ...own, byNode, notMeasured: others.filter((n) => !n.bin).map((n) => `Node ${n.spec}: ${n.missing}`) };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
