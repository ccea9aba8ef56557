// Issue 11, "Done when": `apply` against `emulator serve` with 20 ms per call and writes that land late
// (`--write-delay-ms`: a killed process's last requests land after it is gone, as on AWS, whose lists are eventually
// consistent) is killed with SIGKILL at a seeded random moment of a create-heavy apply (an empty account) or a
// mutate-heavy one (half the documents changed: counts, operations, principals, counting types that force a replace,
// documents deleted). Then one more apply must exit 0, a count by ownership tags through the SDK must show every
// desired resource exactly once (none twice, none missing, none left over), and `plan --detailed-exitcode` must exit 0.
//
// `npm test` runs 3 trials of each kind. `npm run crash-trials` runs this file with more (LICENSECTL_CRASH_TRIALS),
// a JSON line per trial appended to LICENSECTL_CRASH_LOG, and prints a summary. To replay one trial:
// LICENSECTL_CRASH_KINDS=mutate-heavy LICENSECTL_CRASH_SEED=<seed> LICENSECTL_CRASH_TRIALS=1 npx vitest run test/e2e/crash-trials.test.ts
import { ListDistributedGrantsCommand, ListLicenseConfigurationsCommand, ListLicensesCommand, ListTagsForResourceCommand } from '@aws-sdk/client-license-manager';
import { GetResourceSharesCommand } from '@aws-sdk/client-ram';
import { appendFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/emulator/core/faults.js';
import { PROJECT_YAML, removeDir, runCli, spawnCli, type CliResult } from '../helpers/cli.js';
import { lmClient, ramClient } from '../helpers/emulator.js';
import { serveEmulator } from '../helpers/served.js';
import { mixedState } from './mixed-state.js';

type TrialKind = 'create-heavy' | 'mutate-heavy';

const TRIALS = Number(process.env.LICENSECTL_CRASH_TRIALS ?? 3);
const FIRST_SEED = Number(process.env.LICENSECTL_CRASH_SEED ?? 1);
const KINDS = (process.env.LICENSECTL_CRASH_KINDS ?? 'create-heavy,mutate-heavy').split(',') as TrialKind[];
const LOG = process.env.LICENSECTL_CRASH_LOG;
const COUNTS = { configurations: 8, licenses: 5, shares: 6, grants: 10 };
const LATENCY_MS = 20;
// Below the per-attempt timeout (2 s here), as a real service answers within its clients' timeout; the pending-create
// window (the timeout plus a second) then covers every late write, and is short enough for a test. A new process
// sends its first request about 1.1 s after it starts: writes later than that land while the re-apply reads.
const WRITE_DELAY_MS = { min: 150, max: 1400 };
// When a process starts, and how many rounds of writes (each latency + delay) an apply of each kind makes, roughly:
// the kill falls anywhere from before the first request to a little past the end of the apply.
const STARTUP_MS = 1100;
const WRITE_ROUNDS: Record<TrialKind, number> = { 'create-heavy': 4.5, 'mutate-heavy': 7 };
const ENV = { LICENSECTL_TIMEOUT_MS: '2000' };
const TYPES = ['vCPU', 'Core', 'Socket', 'Instance'];

interface TrialResult {
  readonly kind: TrialKind;
  readonly seed: number;
  readonly writeDelayMs: number;
  readonly killAtMs: number;
  /** Whether the apply was still running when it was killed (else it had finished, with `firstStatus`, after `applyMs`). */
  readonly killed: boolean;
  readonly applyMs: number;
  readonly firstStatus: number | null;
  readonly desired: number;
  /** `Kind/name ×n` for every address live more than once. */
  readonly duplicates: string[];
  readonly missing: string[];
  /** Live resources of the project that no document asks for (a delete or a replace's old copy not done). */
  readonly leftOver: string[];
  /** The re-apply's exit status, stderr, and (when it failed) the end of its stdout, which lists the failed changes. */
  readonly reapply: { readonly status: number; readonly stderr: string; readonly stdout: string };
  readonly plan: { readonly status: number; readonly output: string };
  readonly error?: string;
}

function trialFailed(r: TrialResult): boolean {
  return r.error !== undefined || r.duplicates.length > 0 || r.missing.length > 0 || r.leftOver.length > 0 || r.reapply.status !== 0 || r.plan.status !== 0;
}

const intIn = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/** The address of each desired document, from its file name (`config-3.yaml` → `LicenseConfiguration/config-3`). */
function addressesOf(files: Record<string, string>): string[] {
  const kinds: Record<string, string> = { config: 'LicenseConfiguration', license: 'License', share: 'ResourceShare', grant: 'Grant' };
  return Object.keys(files)
    .map((file) => /^(config|license|share|grant)-(\d+)\.yaml$/.exec(file))
    .filter((m) => m !== null)
    .map((m) => `${kinds[m[1]!]}/${m[1]}-${m[2]}`)
    .sort();
}

/** `text` with `pattern` replaced; throws if nothing matched, so that no mutation silently does nothing. */
function edit(text: string, pattern: RegExp, replacement: string | ((...groups: string[]) => string)): string {
  const out = text.replace(pattern, replacement as (substring: string, ...args: string[]) => string);
  if (out === text) throw new Error(`mutation did not apply: ${pattern} in\n${text}`);
  return out;
}

/**
 * About half the documents changed, each in one way its kind allows: configurations change their count, their
 * counting type (a replace) or go (and leave the shares that named them); licenses change their entitlement (a new
 * version) or go (their grants move to license-0, a replace); shares change principals or configurations, or go;
 * grants change operations or principal (a replace), or go.
 */
function mutated(files: Record<string, string>, random: () => number): Record<string, string> {
  const out = { ...files };
  const choose = (count: number) => (random() < 0.5 ? intIn(random, 0, count - 1) : -1);
  const shares = () => Object.keys(out).filter((f) => f.startsWith('share-'));
  const grants = () => Object.keys(out).filter((f) => f.startsWith('grant-'));
  for (let i = 0; i < COUNTS.configurations; i += 1) {
    const file = `config-${i}.yaml`;
    switch (choose(3)) {
      case 0: out[file] = edit(out[file]!, /licenseCount: (\d+)/, (_, n) => `licenseCount: ${Number(n) + 100}`); break;
      case 1: out[file] = edit(out[file]!, /countingType: (\w+)/, (_, t) => `countingType: ${TYPES[(TYPES.indexOf(t) + 1) % TYPES.length]}`); break;
      case 2:
        delete out[file];
        for (const share of shares()) out[share] = out[share]!.replace(new RegExp(`(\\[|, )config-${i}(?=[,\\]])`), '$1').replace(/\[, /, '[').replace(/, \]/, ']');
        break;
    }
  }
  for (let i = 0; i < COUNTS.licenses; i += 1) {
    const file = `license-${i}.yaml`;
    switch (choose(i === 0 ? 1 : 2)) {
      case 0: out[file] = edit(out[file]!, /maxCount: (\d+)/, (_, n) => `maxCount: ${Number(n) + 50}`); break;
      case 1:
        delete out[file];
        for (const grant of grants()) out[grant] = out[grant]!.replace(`license: license-${i},`, 'license: license-0,');
        break;
    }
  }
  for (let i = 0; i < COUNTS.shares; i += 1) {
    const file = `share-${i}.yaml`;
    switch (choose(3)) {
      case 0: out[file] = edit(out[file]!, /"3333444455(\d\d)"/, '"5555666677$1"'); break;
      case 1: {
        const absent = Object.keys(out).map((f) => /^(config-\d+)\.yaml$/.exec(f)?.[1]).find((c) => c && !out[file]!.includes(`${c},`) && !out[file]!.includes(`${c}]`));
        out[file] = absent
          ? edit(out[file]!, /licenseConfigurations: \[/, `licenseConfigurations: [${absent}, `).replace(/, \]/, ']')
          : edit(out[file]!, /"3333444455(\d\d)"/, '"5555666677$1"');
        break;
      }
      case 2: delete out[file]; break;
    }
  }
  for (let i = 0; i < COUNTS.grants; i += 1) {
    const file = `grant-${i}.yaml`;
    switch (choose(3)) {
      case 0: out[file] = edit(out[file]!, /allowedOperations: \[([^\]]*)\]/, 'allowedOperations: [$1, ListPurchasedLicenses]'); break;
      case 1: out[file] = edit(out[file]!, /arn:aws:iam::4444555566(\d\d):root/, 'arn:aws:iam::6666777788$1:root'); break;
      case 2: delete out[file]; break;
    }
  }
  return out;
}

async function writeProject(dir: string, files: Record<string, string>, previous: Record<string, string> = {}): Promise<void> {
  await Promise.all(Object.keys(previous).filter((f) => !(f in files)).map((f) => rm(path.join(dir, f))));
  await Promise.all(Object.entries(files).map(([f, content]) => writeFile(path.join(dir, f), content)));
}

/** Every live resource carrying `project`'s ownership tag, as `Kind/name` (one entry per resource), through the SDK. */
async function liveAddresses(url: string, project: string): Promise<string[]> {
  const lm = lmClient(url, { attempts: 5 });
  const ram = ramClient(url, { attempts: 5 });
  const nameIn = (tags: { Key?: string; Value?: string }[] | undefined) => {
    const get = (key: string) => tags?.find((t) => t.Key === key)?.Value;
    return get('licensectl:project') === project ? get('licensectl:name') : undefined;
  };
  const lmTagged = async (kind: string, arns: string[]) =>
    (await Promise.all(arns.map(async (arn) => nameIn((await lm.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags))))
      .filter((name) => name !== undefined)
      .map((name) => `${kind}/${name}`);

  const configurations: string[] = [];
  const licenses: string[] = [];
  const grants: string[] = [];
  let token: string | undefined;
  do {
    const out = await lm.send(new ListLicenseConfigurationsCommand({ MaxResults: 100, NextToken: token }));
    configurations.push(...(out.LicenseConfigurations ?? []).map((c) => c.LicenseConfigurationArn!));
    token = out.NextToken;
  } while (token);
  do {
    const out = await lm.send(new ListLicensesCommand({ MaxResults: 100, NextToken: token }));
    licenses.push(...(out.Licenses ?? []).filter((l) => !['DELETED', 'PENDING_DELETE'].includes(l.Status ?? '')).map((l) => l.LicenseArn!));
    token = out.NextToken;
  } while (token);
  do {
    const out = await lm.send(new ListDistributedGrantsCommand({ MaxResults: 100, NextToken: token }));
    grants.push(...(out.Grants ?? []).filter((g) => !['DELETED', 'PENDING_DELETE'].includes(g.GrantStatus ?? '')).map((g) => g.GrantArn!));
    token = out.NextToken;
  } while (token);
  const shares: string[] = [];
  do {
    const out = await ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', maxResults: 500, nextToken: token }));
    for (const share of out.resourceShares ?? []) {
      const name = ['DELETING', 'DELETED', 'FAILED'].includes(share.status ?? '') ? undefined : nameIn(share.tags?.map((t) => ({ Key: t.key, Value: t.value })));
      if (name !== undefined) shares.push(`ResourceShare/${name}`);
    }
    token = out.nextToken;
  } while (token);
  return [
    ...(await lmTagged('LicenseConfiguration', configurations)),
    ...(await lmTagged('License', licenses)),
    ...(await lmTagged('Grant', grants)),
    ...shares,
  ].sort();
}

/** Runs `licensectl apply` and SIGKILLs it `killAtMs` after it started, unless it has finished by then. */
async function killedApply(dir: string, url: string, killAtMs: number): Promise<{ killed: boolean; status: number | null; killedAt: number; ms: number }> {
  const started = Date.now();
  const child = spawnCli(['apply', '--dir', dir, '--endpoint', url, '--auto-approve'], { env: ENV });
  child.stdout!.resume();
  child.stderr!.resume();
  let killedAt = 0;
  const timer = setTimeout(() => {
    killedAt = Date.now();
    child.kill('SIGKILL');
  }, killAtMs);
  const [status, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.once('exit', (code, sig) => resolve([code, sig])));
  clearTimeout(timer);
  return { killed: signal === 'SIGKILL', status, killedAt, ms: Date.now() - started };
}

async function runTrial(kind: TrialKind, seed: number): Promise<TrialResult> {
  const random = seededRandom(seed);
  const writeDelayMs = intIn(random, WRITE_DELAY_MS.min, WRITE_DELAY_MS.max);
  const project = `crash-${kind}-${seed}`;
  const scratch = await mkdtemp(path.join(tmpdir(), 'licensectl-crash-'));
  const dir = path.join(scratch, 'project');
  const base: Pick<TrialResult, 'kind' | 'seed' | 'writeDelayMs'> = { kind, seed, writeDelayMs };
  const server = await serveEmulator(['--state', path.join(scratch, 'emulator.json'), '--latency-ms', String(LATENCY_MS), '--write-delay-ms', String(writeDelayMs)]);
  try {
    const initial = { 'licensectl.yaml': PROJECT_YAML(project), ...mixedState(COUNTS) };
    await mkdir(dir);
    await writeProject(dir, initial);
    let desired: Record<string, string> = initial;
    const killAtMs = intIn(random, STARTUP_MS - 200, STARTUP_MS + Math.round(WRITE_ROUNDS[kind] * (LATENCY_MS + writeDelayMs)));
    if (kind === 'mutate-heavy') {
      const first = await runCli(['apply', '--dir', dir, '--endpoint', server.url, '--auto-approve'], { env: ENV });
      if (first.status !== 0) throw new Error(`the first, complete apply failed (exit ${first.status}):\n${first.stderr}${first.stdout.slice(-2000)}`);
      desired = mutated(initial, random);
      await writeProject(dir, desired, initial);
    }
    const interrupted = await killedApply(dir, server.url, killAtMs);
    const reapply = await runCli(['apply', '--dir', dir, '--endpoint', server.url, '--auto-approve'], { env: ENV });
    // The killed run's last writes land at most latency + delay after the kill; count once they all have.
    const settle = interrupted.killed ? interrupted.killedAt + LATENCY_MS + writeDelayMs + 200 - Date.now() : 0;
    if (settle > 0) await new Promise((resolve) => setTimeout(resolve, settle));
    const live = await liveAddresses(server.url, project);
    const plan: CliResult = await runCli(['plan', '--detailed-exitcode', '--dir', dir, '--endpoint', server.url], { env: ENV });
    const wanted = addressesOf(desired);
    const counts = new Map<string, number>();
    for (const address of live) counts.set(address, (counts.get(address) ?? 0) + 1);
    return {
      ...base,
      killAtMs,
      killed: interrupted.killed,
      applyMs: interrupted.ms,
      firstStatus: interrupted.status,
      desired: wanted.length,
      duplicates: [...counts].filter(([, n]) => n > 1).map(([address, n]) => `${address} ×${n}`),
      missing: wanted.filter((address) => !counts.has(address)),
      leftOver: [...counts.keys()].filter((address) => !wanted.includes(address)),
      reapply: { status: reapply.status, stderr: reapply.stderr, stdout: reapply.status === 0 ? '' : reapply.stdout.trim().split('\n').slice(-40).join('\n') },
      plan: { status: plan.status, output: plan.status === 0 ? '' : plan.stdout + plan.stderr },
    };
  } catch (error) {
    return { ...base, killAtMs: 0, killed: false, applyMs: 0, firstStatus: null, desired: 0, duplicates: [], missing: [], leftOver: [], reapply: { status: -1, stderr: '', stdout: '' }, plan: { status: -1, output: '' }, error: (error as Error).message };
  } finally {
    await server.stop();
    await removeDir(scratch);
  }
}

/** One line naming what went wrong in a trial (or `ok`). */
function verdict(r: TrialResult): string {
  if (!trialFailed(r)) return 'ok';
  return [
    r.error && `error: ${r.error}`,
    r.duplicates.length && `duplicates: ${r.duplicates.join(', ')}`,
    r.missing.length && `missing: ${r.missing.join(', ')}`,
    r.leftOver.length && `left over: ${r.leftOver.join(', ')}`,
    r.reapply.status !== 0 && `re-apply exited ${r.reapply.status}: ${r.reapply.stderr.trim()} ${r.reapply.stdout}`,
    r.plan.status !== 0 && `final plan exited ${r.plan.status}: ${r.plan.output.trim().slice(-1500)}`,
  ].filter(Boolean).join('; ');
}

describe.each(KINDS)('apply killed at a random moment of a %s apply, against late writes', (kind) => {
  it(`is repaired by the next apply in ${TRIALS} seeded trials: every desired resource exactly once, and a plan with no changes`, async () => {
    const failures: string[] = [];
    for (let n = 0; n < TRIALS; n += 1) {
      const result = await runTrial(kind, FIRST_SEED + n);
      if (LOG) appendFileSync(LOG, `${JSON.stringify(result)}\n`);
      if (trialFailed(result)) failures.push(`${kind} seed ${result.seed} (write delay ${result.writeDelayMs} ms, kill at ${result.killAtMs} ms): ${verdict(result)}`);
    }
    expect(failures).toEqual([]);
  }, TRIALS * 120_000);
});
