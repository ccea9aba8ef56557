// Start-up: what a user waits for before licensectl does anything, measured from outside the process
// (spawn to exit), median of several runs each.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT, runBareNode, runCli } from './cli.js';
import { median, repeat, round } from './measure.js';

const RUNS = 7;

async function timed(run) {
  const walls = (await repeat(RUNS, run)).map((r) => r.wallMs);
  return { medianMs: round(median(walls)), runsMs: walls.map((w) => round(w)) };
}

/** `--version`, `validate` and `plan` (embedded emulator) of the quickstart, plus a bare node as the floor. */
export async function measureStartup() {
  const quickstart = path.join(ROOT, 'examples/quickstart');
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'licensectl-bench-startup-'));
  try {
    // A copy without any emulator state: plan always sees the same (empty) account and never writes the example.
    await cp(quickstart, scratch, { recursive: true, filter: (src) => !src.includes(`${path.sep}.licensectl`) });
    return {
      runs: RUNS,
      bareNode: await timed(() => runBareNode()),
      version: await timed(() => runCli(['--version'])),
      validate: await timed(() => runCli(['validate', '--dir', quickstart])),
      plan: await timed(() => runCli(['plan', '--dir', scratch])),
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
