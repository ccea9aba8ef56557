// Running the built CLI as a user would (a fresh `node bin/run.js` process) and starting `emulator serve`.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/run.js');

/** The environment of every CLI run: no AWS settings from the caller's shell, no colour, no debug output. */
export function cleanEnv() {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_') && k !== 'DEBUG' && !k.startsWith('LICENSECTL_')));
  return { ...env, NO_COLOR: '1' };
}

/**
 * Makes this process see the emulator as the CLI runs do (the in-process plans read AWS_* through openStore),
 * and keeps the SDK's Node-version notice out of the table.
 */
export function isolateEnvironment() {
  for (const key of Object.keys(process.env)) if (key.startsWith('AWS_') || key.startsWith('LICENSECTL_')) delete process.env[key];
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
}

/**
 * Runs `licensectl ...args` (on `node`, by default the bench's own); resolves with exit code, output and the wall
 * time seen from outside. It rejects on another exit code than `expectCode` (null: any).
 */
export function runCli(args, { expectCode = 0, node = process.execPath, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(node, [BIN, ...args], { cwd: ROOT, env: { ...cleanEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const result = { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString(), wallMs: performance.now() - started };
      if (expectCode !== null && code !== expectCode) reject(new Error(`licensectl ${args.join(' ')} exited ${code}, expected ${expectCode}:\n${result.stderr}${result.stdout.slice(-2000)}`));
      else resolve(result);
    });
  });
}

/** Wall time of a bare `node -e ''`: the floor under every start-up figure. */
export function runBareNode(node = process.execPath) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(node, ['-e', ''], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', () => resolve({ wallMs: performance.now() - started }));
  });
}

/** Starts `licensectl emulator serve` (in-memory state, a free port); resolves once it prints its URL. */
export function startEmulator(latencyMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'emulator', 'serve', '--port', '0', '--quiet', '--latency-ms', String(latencyMs)], {
      cwd: ROOT, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    const onData = (chunk) => {
      text += chunk;
      const url = /listening on (http:\/\/[^\s]+)/.exec(text)?.[1];
      if (url) {
        child.stdout.off('data', onData);
        resolve({ url, latencyMs, stop: () => stopChild(child) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => { text += chunk; });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`emulator serve exited ${code} before listening:\n${text}`)));
  });
}

function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Parses `--stats` output: `SDK calls (N calls, N attempts, N errors) in N ms:` then one line per operation.
 * Throws when it is missing, so a changed format fails the bench instead of reporting zeros.
 */
export function parseStats(stderr) {
  const head = /SDK calls \((\d+) calls?, (\d+) attempts?, (\d+) errors?\) in (\d+) ms:/.exec(stderr);
  if (!head) throw new Error(`no --stats summary in:\n${stderr.slice(0, 2000)}`);
  const byOperation = {};
  const rows = stderr.slice(head.index + head[0].length).split('\n');
  for (const row of rows) {
    const m = /^\s+(\S+)\s+(\d+) calls?\s+(\d+) attempts?\s+(\d+) errors?/.exec(row);
    if (m) byOperation[m[1]] = { calls: Number(m[2]), attempts: Number(m[3]), errors: Number(m[4]) };
  }
  return { calls: Number(head[1]), attempts: Number(head[2]), errors: Number(head[3]), wallMs: Number(head[4]), byOperation };
}
