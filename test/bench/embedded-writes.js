// Issue 14, point 6: what one create costs an embedded apply as the state grows. A generated project of N
// LicenseConfiguration documents (nothing else) is applied with `licensectl apply --auto-approve` against the
// embedded emulator (a fresh `.licensectl/emulator.json`), as a user runs it; the per-create cost is the apply's wall
// time less that of an apply with nothing to do (start-up, reading the project), divided by N. Wall times are the
// median of 3 runs (of 1 above 2,000 creates): most of a create is waiting for fsync, which other work on the
// machine slows. The goal: at 10,000 creates within 1.5× of the cost at 200.
//
//   node test/bench/embedded-writes.js [N ...]     (default 200 10000; needs `npm run build`)
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isolateEnvironment, runCli } from './cli.js';
import { MAIN_SIZES, writeState } from './generate.js';
import { median, round } from './measure.js';

export const WRITE_SIZES = [200, 10_000];
export const GOAL_RATIO = 1.5;

const runsOf = (creates) => (creates > 2000 ? 1 : 3);

async function applyOnce(scratch, configurations, sizes = { configurations, shares: 0, licenses: 0, grants: 0 }) {
  const dir = path.join(scratch, `apply-${configurations}`);
  await writeState(dir, sizes);
  const creates = sizes.configurations + sizes.shares + sizes.licenses + sizes.grants;
  const { wallMs, stdout } = await runCli(['apply', '--dir', dir, '--auto-approve']);
  if (creates > 0 && !stdout.includes(`${creates} created`)) throw new Error(`apply of ${creates} did not create them all:\n${stdout.slice(-500)}`);
  const stateBytes = (await stat(path.join(dir, '.licensectl/emulator.json')).catch(() => undefined))?.size ?? 0;
  await rm(dir, { recursive: true, force: true });
  return { wallMs, stateBytes };
}

/** The per-create cost of an embedded apply at each size, and the ratio of the largest to the smallest. */
export async function measureEmbeddedWrites(scratch, sizes = WRITE_SIZES) {
  const medianApply = async (creates) => {
    const runs = [];
    for (let i = 0; i < runsOf(creates); i += 1) runs.push(await applyOnce(scratch, creates));
    return { wallMs: median(runs.map((r) => r.wallMs)), stateBytes: runs[0].stateBytes, runs: runs.length };
  };
  const empty = await medianApply(0);
  const rows = [];
  for (const creates of sizes) {
    const { wallMs, stateBytes, runs } = await medianApply(creates);
    const perCreateMs = (wallMs - empty.wallMs) / creates;
    rows.push({ creates, runs, wallMs: round(wallMs), perCreateMs: round(perCreateMs, 3), stateMiB: round(stateBytes / 2 ** 20, 2) });
    process.stderr.write(`embedded apply of ${creates} creates: ${round(wallMs / 1000, 2)} s, ${round(perCreateMs, 3)} ms a create\n`);
  }
  const ratio = round(rows.at(-1).perCreateMs / rows[0].perCreateMs, 2);
  // The scenario, whose creates run concurrently (grants, shares and licenses take client tokens).
  const mixedRuns = [];
  for (let i = 0; i < 3; i += 1) mixedRuns.push((await applyOnce(scratch, 'mixed', MAIN_SIZES)).wallMs);
  const mixed = { sizes: MAIN_SIZES, runs: mixedRuns.length, wallMs: round(median(mixedRuns)) };
  return { emptyApplyMs: round(empty.wallMs), rows, ratio, goal: GOAL_RATIO, met: ratio <= GOAL_RATIO, mixed };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  isolateEnvironment();
  const sizes = process.argv.slice(2).map(Number);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'licensectl-writes-'));
  try {
    console.log(JSON.stringify(await measureEmbeddedWrites(scratch, sizes.length ? sizes : WRITE_SIZES), null, 2));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
