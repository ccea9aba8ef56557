// What a team gets when it installs licensectl into its own repository: `npm pack` of this project (the built
// dist/ as `npm test` leaves it; --ignore-scripts, so packing never rebuilds the dist/ other tests are running),
// installed as a devDependency into a fresh project outside this one, then run there with npx. Dependencies come
// from the npm cache that `npm ci` filled (--prefer-offline: the registry is asked only for package metadata).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, CONFIG_YAML, PROJECT_YAML, removeDir, ROOT } from '../helpers/cli.js';

interface Packed { readonly filename: string; readonly files: readonly { path: string }[] }
interface Run { readonly status: number; readonly stdout: string; readonly stderr: string }

/**
 * The environment of a user's shell without the user's AWS setup (cleanEnv), and none of the npm_* settings
 * `npm test` passes down (they name this project as the prefix to install into), and no node_modules/.bin of this
 * project on the PATH.
 */
function userEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(cleanEnv()).filter(([key]) => !/^npm_/i.test(key) && key !== 'INIT_CWD'));
  env.PATH = (env.PATH ?? '').split(path.delimiter).filter((dir) => !dir.includes(`node_modules${path.sep}.bin`)).join(path.delimiter);
  return env;
}

function run(command: string, args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: userEnv(), maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('the packed package, installed into a licenses repository', () => {
  let work: string;
  let team: string;
  let packed: Packed;

  beforeAll(async () => {
    if (!existsSync(path.join(ROOT, 'dist/commands')) || !existsSync(path.join(ROOT, 'oclif.manifest.json'))) {
      throw new Error('dist/ or oclif.manifest.json is missing: run `npm run build` first (npm test does)');
    }
    work = await mkdtemp(path.join(tmpdir(), 'licensectl-packed-'));
    const pack = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
    expect(pack.status, pack.stderr).toBe(0);
    packed = (JSON.parse(pack.stdout) as Packed[])[0]!;
    team = path.join(work, 'licenses');
    await mkdir(team);
    await writeFile(path.join(team, 'package.json'), `${JSON.stringify({ name: 'licenses', private: true }, null, 2)}\n`);
    await writeFile(path.join(team, 'licensectl.yaml'), PROJECT_YAML('team'));
    await writeFile(path.join(team, 'windows.yaml'), CONFIG_YAML('windows', 'countingType: Core\nlicenseCount: 64'));
    const install = await run('npm', ['install', '--save-dev', path.join(work, packed.filename), '--prefer-offline', '--no-audit', '--no-fund'], team);
    expect(install.status, install.stdout + install.stderr).toBe(0);
  }, 180_000); // npm install of the whole dependency tree, from the cache, on a loaded 2-core machine

  afterAll(async () => { if (work) await removeDir(work); });

  it('holds the built CLI and its published schemas, and none of the sources, tests or build inputs', () => {
    const files = packed.files.map((f) => f.path);
    for (const needed of ['package.json', 'README.md', 'bin/run.js', 'oclif.manifest.json', 'dist/commands/plan.js', 'dist/commands/emulator/serve.js', 'schemas/plan.schema.json']) {
      expect(files, needed).toContain(needed);
    }
    expect(files.filter((f) => /^(src|test|scripts|examples|aws-models|node_modules)\//.test(f) || f === 'bin/dev.js')).toEqual([]);
  });

  it('is installed as a copy in the team\'s node_modules, recorded as a devDependency', async () => {
    const manifest = JSON.parse(await readFile(path.join(team, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(manifest.devDependencies.licensectl).toBe(`file:../${packed.filename}`);
    expect((await lstat(path.join(team, 'node_modules/licensectl'))).isSymbolicLink()).toBe(false);
  });

  it('runs with npx: --version', async () => {
    const version = await run('npx', ['--no-install', 'licensectl', '--version'], team);
    expect(version.status, version.stderr).toBe(0);
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout).toBe(`licensectl/${pkg.version} ${process.platform}-${process.arch} node-${process.version}\n`);
  });

  it('runs with npx: validate, then a plan against the embedded emulator', async () => {
    const valid = await run('npx', ['--no-install', 'licensectl', 'validate'], team);
    expect(valid.stdout, valid.stderr).toContain('Valid: project team,');
    const plan = await run('npx', ['--no-install', 'licensectl', 'plan', '--detailed-exitcode'], team);
    expect(plan.status, plan.stderr).toBe(2);
    expect(plan.stdout).toContain('+ LicenseConfiguration/windows');
    expect(plan.stdout).toContain('Plan: 1 to create, 0 to update, 0 to replace, 0 to delete.');
  });
});
