// Measures `licensectl watch` against a served emulator holding 200 license configurations (outside the
// test suite; run `npm run build` first):
//   node test/watch/measure-watch.js latency        file save → change visible in the emulator, median of 20
//   node test/watch/measure-watch.js idle [MINUTES] RSS and CPU time of the watcher idling with --interval 1s (default 10)
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetLicenseConfigurationCommand, LicenseManagerClient, ListLicenseConfigurationsCommand } from '@aws-sdk/client-license-manager';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/run.js');
const RESOURCES = 200;

const children = [];
// Never leave the children behind, whatever ends this script.
process.once('exit', () => { for (const child of children) child.kill('SIGKILL'); });

function cli(args) {
  const env = { ...process.env, NO_COLOR: '1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
  for (const key of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_PROFILE', 'AWS_REGION', 'AWS_ENDPOINT_URL']) delete env[key];
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return child;
}

/** Resolves with the first stdout line matching `pattern`; `onLine` sees every line. */
function waitForLine(child, pattern, onLine = () => {}) {
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) {
        onLine(line);
        if (pattern.test(line)) resolve(line);
      }
    });
    child.once('exit', (code) => reject(new Error(`process exited with ${code}`)));
  });
}

const configYaml = (i, count) => `apiVersion: licensectl/v1
kind: LicenseConfiguration
metadata: {name: lic-${String(i).padStart(3, '0')}}
spec: {countingType: Core, licenseCount: ${count}}
`;

async function setUp(watchArgs) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'licensectl-measure-'));
  await writeFile(path.join(dir, 'licensectl.yaml'), 'apiVersion: licensectl/v1\nkind: Project\nmetadata: {name: measure}\nspec: {}\n');
  for (let i = 0; i < RESOURCES; i += 1) await writeFile(path.join(dir, `lic-${i}.yaml`), configYaml(i, 10));
  const emulator = cli(['emulator', 'serve', '--port', '0', '--quiet']);
  const url = /listening on (\S+)/.exec(await waitForLine(emulator, /listening on/))[1];
  let passes = 0;
  const watcher = cli(['watch', '--dir', dir, '--endpoint', url, '--listen', '127.0.0.1:0', ...watchArgs]);
  const synced = waitForLine(watcher, /"outcome":"(synced|applied|drift-corrected)"/, (line) => { if (line.includes('"event":"reconcile"')) passes += 1; });
  await synced;
  const client = new LicenseManagerClient({ region: 'us-east-1', endpoint: url, credentials: { accessKeyId: 'AKID000000000000', secretAccessKey: 'x' } });
  const stop = async () => {
    client.destroy();
    for (const child of [watcher, emulator]) child.kill('SIGTERM');
    await rm(dir, { recursive: true, force: true });
  };

  return { dir, client, watcher, stop, passes: () => passes };
}

async function arnOf(client, name) {
  let token;
  do {
    const page = await client.send(new ListLicenseConfigurationsCommand({ NextToken: token }));
    const found = page.LicenseConfigurations?.find((c) => c.Name === name);
    if (found) return found.LicenseConfigurationArn;
    token = page.NextToken;
  } while (token);
  throw new Error(`${name} not found`);
}

async function latency() {
  const { dir, client, stop } = await setUp(['--interval', '1h']);
  const arn = await arnOf(client, 'lic-000');
  const samples = [];
  for (let run = 1; run <= 20; run += 1) {
    const count = 100 + run;
    const saved = performance.now();
    await writeFile(path.join(dir, 'lic-0.yaml'), configYaml(0, count));
    for (;;) {
      const out = await client.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: arn }));
      if (out.LicenseCount === count) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    samples.push(performance.now() - saved);
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  samples.sort((a, b) => a - b);
  const ms = (v) => `${Math.round(v)} ms`;
  console.log(`file save → visible in the emulator, ${RESOURCES} resources, 20 saves: median ${ms((samples[9] + samples[10]) / 2)}, min ${ms(samples[0])}, max ${ms(samples[19])}`);
}

function usage(pid) {
  const [rss, cputime] = execFileSync('ps', ['-o', 'rss=,cputime=', '-p', String(pid)]).toString().trim().split(/\s+/);
  return { rssMb: Math.round(Number(rss) / 1024), cputime };
}

async function idle(minutes) {
  const { watcher, stop, passes } = await setUp(['--interval', '1s']);
  console.log(`minute  rss     cpu time  passes`);
  const print = (minute) => {
    const { rssMb, cputime } = usage(watcher.pid);
    console.log(`${String(minute).padStart(6)}  ${`${rssMb} MB`.padEnd(7)} ${cputime.padEnd(9)} ${passes()}`);
  };
  print(0);
  for (let minute = 1; minute <= minutes; minute += 1) {
    await new Promise((r) => setTimeout(r, 60_000));
    print(minute);
  }
  await stop();
}

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const [mode, arg] = process.argv.slice(2);
if (mode === 'latency') await latency();
else if (mode === 'idle') await idle(Number(arg ?? 10));
else console.error('usage: node test/watch/measure-watch.js latency | idle [MINUTES]');
