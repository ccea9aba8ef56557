// `npm run crash-trials [-- TRIALS [FIRST_SEED]]`: the long run of test/e2e/crash-trials.test.ts (issue 11), 40 trials
// of each kind unless told, one line per trial as it ends, then per kind the summary
// "create-heavy: N trials, D duplicates, M missing, F failed re-applies". The trials themselves are the test's (one
// implementation): this script runs that file under vitest with more trials, reading the JSON line the test appends
// per trial. Needs a built dist/ (the trials run the CLI). Exits 1 if any trial failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TRIALS = Number(process.argv[2] ?? 40);
const FIRST_SEED = Number(process.argv[3] ?? 1);
const KINDS = (process.env.LICENSECTL_CRASH_KINDS ?? 'create-heavy,mutate-heavy').split(',');

if (!existsSync(path.join(ROOT, 'dist/commands'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}
const scratch = mkdtempSync(path.join(tmpdir(), 'licensectl-crash-trials-'));
const log = path.join(scratch, 'trials.jsonl');
let printed = 0;

function results() {
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

function failed(r) {
  return r.error !== undefined || r.duplicates.length > 0 || r.missing.length > 0 || r.leftOver.length > 0 || r.reapply.status !== 0 || r.plan.status !== 0;
}

function line(r) {
  const when = r.killed ? `killed at ${r.killAtMs} ms` : `finished (exit ${r.firstStatus}) in ${r.applyMs} ms, before the kill at ${r.killAtMs} ms`;
  const head = `${r.kind} seed ${r.seed}: write delay ${r.writeDelayMs} ms, ${when}, ${r.desired} desired`;
  if (!failed(r)) return `${head}: ok`;
  const problems = [
    r.error && `error: ${r.error}`,
    r.duplicates.length && `duplicates: ${r.duplicates.join(', ')}`,
    r.missing.length && `missing: ${r.missing.join(', ')}`,
    r.leftOver.length && `left over: ${r.leftOver.join(', ')}`,
    r.reapply.status !== 0 && `re-apply exited ${r.reapply.status}:\n    ${`${r.reapply.stderr.trim()}\n${r.reapply.stdout}`.trim().split('\n').join('\n    ')}`,
    r.plan.status !== 0 && `final plan --detailed-exitcode exited ${r.plan.status}:\n    ${r.plan.output.trim().split('\n').slice(-30).join('\n    ')}`,
  ].filter(Boolean);
  return `${head}: FAILED\n  ${problems.join('\n  ')}`;
}

function printNew() {
  const all = results();
  for (const r of all.slice(printed)) console.log(line(r));
  printed = all.length;
}

const vitest = spawn(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', 'test/e2e/crash-trials.test.ts'], {
  cwd: ROOT,
  env: { ...process.env, LICENSECTL_CRASH_TRIALS: String(TRIALS), LICENSECTL_CRASH_SEED: String(FIRST_SEED), LICENSECTL_CRASH_LOG: log },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
vitest.stdout.on('data', (chunk) => (output += chunk));
vitest.stderr.on('data', (chunk) => (output += chunk));
const poll = setInterval(printNew, 1000);
const status = await new Promise((resolve) => vitest.once('exit', (code) => resolve(code ?? 1)));
clearInterval(poll);
printNew();

const all = results();
console.log('');
for (const kind of KINDS) {
  const of = all.filter((r) => r.kind === kind);
  const count = (pick) => of.reduce((n, r) => n + pick(r), 0);
  const duplicates = count((r) => r.duplicates.length);
  const missing = count((r) => r.missing.length);
  const failedReapplies = count((r) => (r.reapply.status !== 0 ? 1 : 0));
  const details = [
    `${count((r) => (r.killed ? 1 : 0))} killed mid-apply`,
    `${count((r) => r.leftOver.length)} left over`,
    `${count((r) => (r.plan.status !== 0 ? 1 : 0))} final plans not clean`,
    `${count((r) => (r.error ? 1 : 0))} trial errors`,
  ];
  console.log(`${kind}: ${of.length} trials, ${duplicates} duplicates, ${missing} missing, ${failedReapplies} failed re-applies (${details.join(', ')})`);
}
if (all.length < TRIALS * KINDS.length) console.log(`\nvitest ended after ${all.length} of ${TRIALS * KINDS.length} trials (exit ${status}):\n${output.slice(-4000)}`);
rmSync(scratch, { recursive: true, force: true });
process.exitCode = status === 0 && all.every((r) => !failed(r)) ? 0 : 1;
