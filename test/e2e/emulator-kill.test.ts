// Issue 11, point 5: `emulator serve --state FILE` killed with SIGKILL at random moments of an apply, and
// started again on the same file, ten times. The file (with its journal) always parses; every write the server acknowledged
// before the kill is in it (the server logs a request after answering it, and each committed write adds one
// to the state's revision); and after the last restart one more apply completes and a plan shows no changes.
import { type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seededRandom } from '../../src/emulator/core/faults.js';
import { FileStateStore } from '../../src/emulator/core/state-file.js';
import { licenseManagerOperations } from '../../src/emulator/license-manager/index.js';
import { ramOperations } from '../../src/emulator/ram/index.js';
import { stsOperations } from '../../src/emulator/sts/index.js';
import { PROJECT_YAML, projectDir, removeDir, runCli, spawnCli } from '../helpers/cli.js';
import { mixedState } from './mixed-state.js';

const SEED = 11;
const KILLS = 10;
const READ_ONLY = new Set([...licenseManagerOperations, ...ramOperations, ...stsOperations].filter((op) => op.readOnly).map((op) => op.name));

interface Server {
  readonly url: string;
  readonly child: ChildProcess;
  /** One line per answered request: `METHOD path operation status ms`. */
  readonly lines: string[];
  readonly exited: Promise<void>;
}

async function serve(statePath: string): Promise<Server> {
  const child = spawnCli(['emulator', 'serve', '--port', '0', '--state', statePath, '--latency-ms', '2']);
  const lines: string[] = [];
  let pending = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const complete = pending.split('\n');
      pending = complete.pop()!;
      for (const line of complete) {
        const listening = /listening on (http:\/\/\S+)/.exec(line);
        if (listening) resolve(listening[1]!);
        else lines.push(line);
      }
    });
    void exited.then(() => reject(new Error(`emulator exited before listening: ${pending}${stderr}`)));
  });
  return { url, child, lines, exited };
}

/** Writes the server answered with success: a 200 to an operation that is not read-only. */
function acknowledgedWrites(lines: readonly string[]): number {
  return lines.filter((line) => {
    const [, , operation, status] = line.split(' ');
    return status === '200' && !READ_ONLY.has(operation!.replace(/^[a-z-]+:/, ''));
  }).length;
}

/** The revision of the state as the next process loads it (the state file and its journal); throws if it does not parse. */
function revisionOf(statePath: string): number {
  const state = new FileStateStore(statePath).read();
  expect(state.formatVersion).toBe(1);
  return state.revision;
}

/** The desired state of trial `trial`: every configuration's count and tags change, so each apply has work. */
function writeDesiredState(dir: string, trial: number): void {
  const files = mixedState({ configurations: 15, licenses: 8, shares: 5, grants: 12 });
  for (const [name, content] of Object.entries(files)) {
    const changed = content
      .replace(/tags: \{n: "(\d+)"\}/, `tags: {n: "$1", trial: "${trial}"}`)
      .replace(/licenseCount: (\d+)/, (_, count: string) => `licenseCount: ${Number(count) + trial}`);
    writeFileSync(path.join(dir, name), changed);
  }
}

let dir: string;
let stateDir: string;

beforeAll(async () => {
  dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('kill-served') });
  stateDir = await mkdtemp(path.join(tmpdir(), 'licensectl-kill-'));
});
afterAll(async () => {
  await removeDir(dir);
  await removeDir(stateDir);
});

it('keeps every acknowledged write of a served emulator killed ten times during applies, and the next apply completes', async () => {
  const random = seededRandom(SEED);
  const statePath = path.join(stateDir, 'emulator.json');
  let revision = 0;
  for (let trial = 1; trial <= KILLS; trial += 1) {
    writeDesiredState(dir, trial);
    const server = await serve(statePath);
    const killAfter = 15 + Math.floor(random() * 30); // requests answered before the kill (about 20 reads come first)
    const extraMs = Math.floor(random() * 15);
    const apply = spawnCli(['apply', '--dir', dir, '--endpoint', server.url, '--auto-approve']);
    const applied = new Promise<void>((resolve) => apply.once('exit', () => resolve()));
    const kill = () => server.child.kill('SIGKILL');
    const watcher = setInterval(() => {
      if (server.lines.length >= killAfter) {
        clearInterval(watcher);
        setTimeout(kill, extraMs);
      }
    }, 1);
    await Promise.race([server.exited, applied]);
    clearInterval(watcher);
    kill(); // the apply may have finished first: the kill then lands on an idle server
    await server.exited;
    apply.kill('SIGKILL');
    await applied;

    const acknowledged = acknowledgedWrites(server.lines);
    const after = revisionOf(statePath);
    expect(after, `trial ${trial}: ${acknowledged} writes acknowledged after revision ${revision}`).toBeGreaterThanOrEqual(revision + acknowledged);
    revision = after;
  }

  const server = await serve(statePath);
  try {
    const cli = (args: string[]) => runCli([...args, '--dir', dir, '--endpoint', server.url]);
    const apply = await cli(['apply', '--auto-approve']);
    expect(apply.status, apply.stdout + apply.stderr).toBe(0);
    const plan = await cli(['plan', '--detailed-exitcode']);
    expect(plan.status, plan.stdout + plan.stderr).toBe(0);
    expect(plan.stdout).toMatch(/No changes/);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}, 240_000);
