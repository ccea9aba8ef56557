// Runs the built CLI as a user would: a separate node process, real exit codes, real stdout and stderr.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/run.js');

export interface CliResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  readonly cwd?: string;
  readonly env?: Record<string, string | undefined>;
  /** The node binary that runs the CLI: this option, else $LICENSECTL_TEST_NODE, else the one running the tests. */
  readonly node?: string;
}

function nodeOf(options: CliOptions): string {
  return options.node ?? (process.env.LICENSECTL_TEST_NODE || process.execPath);
}

export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  if (!existsSync(path.join(ROOT, 'dist/commands'))) throw new Error('dist/ is missing: run `npm run build` before the command tests');
  return new Promise((resolve) => {
    execFile(nodeOf(options), [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...cleanEnv(), ...options.env },
      maxBuffer: 64 * 1024 * 1024,
    }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ status, stdout, stderr });
    });
  });
}

/** Starts the CLI without waiting for it; for concurrent runs and long-lived processes. */
export function spawnCli(args: readonly string[], options: CliOptions = {}) {
  return spawn(nodeOf(options), [BIN, ...args], { cwd: options.cwd ?? ROOT, env: { ...cleanEnv(), ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * The environment of a CLI run: the test runner's, without anything that would make the CLI read a user's AWS
 * setup (credentials, profiles, config files, endpoints, regions, roles, SSO, metadata services) or their
 * licensectl settings. Config and credentials files point at paths that do not exist; a test that wants a
 * profile writes its own files and passes them in `env`.
 */
export function cleanEnv(): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const key of Object.keys(env)) if (/^(AWS_|LICENSECTL_)/.test(key) || key === 'DEBUG') delete env[key];
  return {
    ...env,
    NO_COLOR: '1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_CONFIG_FILE: path.join(tmpdir(), 'licensectl-tests-no-such-dir', 'aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(tmpdir(), 'licensectl-tests-no-such-dir', 'aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

/** A throwaway project directory holding the given files (path → content). */
export async function projectDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'licensectl-test-'));
  await Promise.all(Object.entries(files).map(([name, content]) => writeFile(path.join(dir, name), content)));
  return dir;
}

export async function copyExample(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `licensectl-${name}-`));
  // Without the state a run of the example (`npm run quickstart`) leaves beside it: every copy starts empty.
  await cp(path.join(ROOT, 'examples', name), dir, { recursive: true, filter: (source) => path.basename(source) !== '.licensectl' });
  return dir;
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export function statePathOf(dir: string): string {
  return path.join(dir, '.licensectl/emulator.json');
}

export async function readBytes(file: string): Promise<Buffer | null> {
  return existsSync(file) ? readFile(file) : null;
}

export const PROJECT_YAML = (name = 'test-project', extra = '') => `apiVersion: licensectl/v1
kind: Project
metadata: {name: ${name}}
spec:
  store: {type: emulator}
${extra}`;

/** Project `org` with two targets: mgmt (111122223333, us-east-1 and eu-west-1) and dev (222233334444, us-east-1). */
export const TARGETS_PROJECT_YAML = `apiVersion: licensectl/v1
kind: Project
metadata: {name: org}
spec:
  targets:
    - {name: mgmt, account: "111122223333", regions: [us-east-1, eu-west-1]}
    - {name: dev, account: "222233334444", regions: [us-east-1]}
  defaultTargets: [mgmt]
`;

export const CONFIG_YAML = (name: string, spec: string, tags = '') => `apiVersion: licensectl/v1
kind: LicenseConfiguration
metadata: {name: ${name}${tags ? `, tags: ${tags}` : ''}}
spec:
${spec.split('\n').map((l) => `  ${l}`).join('\n')}
`;

/** A seller-issued License document (home region us-east-1, 50 seats, valid to 2030); `metadata` adds to its metadata. */
export const LICENSE_YAML = (name: string, metadata = '') => `apiVersion: licensectl/v1
kind: License
metadata: {name: ${name}${metadata ? `, ${metadata}` : ''}}
spec:
  productName: Acme Analytics
  productSku: acme-analytics-pro
  issuer: {name: Acme Corp}
  homeRegion: us-east-1
  validity: {begin: "2026-01-01T00:00:00Z", end: "2030-01-01T00:00:00Z"}
  entitlements: [{name: seats, unit: Count, maxCount: 50, allowCheckIn: true}]
  consumptionConfiguration: {renewType: Monthly, provisionalConfiguration: {maxTimeToLiveInMinutes: 60}}
`;
