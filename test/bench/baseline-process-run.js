// Runs baseline-process.js `runs` times against the served emulator: spawn to exit, as the CLI's plans are timed,
// so that process can be compared with process (both pay Node's start and the SDK's import).
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clientsFor, listArns, BASELINE_CONCURRENCY } from './baseline.js';
import { cleanEnv } from './cli.js';
import { median, round } from './measure.js';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'baseline-process.js');

export async function measureBaselineProcess(endpoint, runs) {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'licensectl-baseline-'));
  try {
    const arnsFile = path.join(scratch, 'arns.json');
    await writeFile(arnsFile, JSON.stringify(await arnsOf(endpoint)));
    const all = [];
    for (let i = 0; i < runs; i += 1) all.push(await runChild(endpoint, arnsFile));
    const calls = Object.values(all[0].byOperation).reduce((sum, s) => sum + s.calls, 0);
    return {
      concurrency: BASELINE_CONCURRENCY, calls, byOperation: all[0].byOperation,
      processMs: round(median(all.map((r) => r.processMs))), processRunsMs: all.map((r) => round(r.processMs)),
      importMs: round(median(all.map((r) => r.importMs))), refreshMs: round(median(all.map((r) => r.refreshMs))),
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function arnsOf(endpoint) {
  const clients = clientsFor(endpoint);
  try {
    return await listArns(clients);
  } finally {
    clients.lm.destroy();
    clients.ram.destroy();
  }
}

function runChild(endpoint, arnsFile) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CHILD, endpoint, arnsFile], { env: { ...cleanEnv(), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => { out += chunk; });
    child.stderr.on('data', (chunk) => { err += chunk; });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`baseline process exited ${code}:\n${err}`));
      resolve({ ...JSON.parse(out), processMs: performance.now() - started });
    });
  });
}
