// The account always comes from STS GetCallerIdentity with the credentials the SDK's chain resolves — from the
// environment, a profile file, or a role the profile assumes — sent to the store's endpoint (`emulator serve`
// here) or to AWS_ENDPOINT_URL_STS; the embedded emulator answers it in-process. The project's region is
// authoritative, and region names are checked.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/app/open-store.js';
import { Emulator, startServer } from '../../src/emulator/index.js';
import { type CliResult, PROJECT_YAML, projectDir, removeDir, runCli } from '../helpers/cli.js';
import { type ServedEmulator, serveEmulator } from '../helpers/served.js';

const AWS_PROJECT = (extra = '', store = '') => `apiVersion: licensectl/v1
kind: Project
metadata: {name: identity}
spec:
  store: {type: aws, region: us-east-1${store}}
${extra}`;

const CREDENTIALS = `[default]
aws_access_key_id = AKID333344445555
aws_secret_access_key = from-the-file

[ci]
aws_access_key_id = AKID111122223333
aws_secret_access_key = from-the-file
`;

const CONFIG = `[profile deploy]
role_arn = arn:aws:iam::444455556666:role/licensing/deployer
source_profile = ci
role_session_name = licensectl-test
`;

function targetOf(r: CliResult): { account: string; region: string; endpoint: string | null } {
  expect(r.status, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { target: { account: string; region: string; endpoint: string | null } }).target;
}

function errorOf(r: CliResult): { code: string; message: string; hint: string } {
  expect(r.status, r.stdout + r.stderr).toBe(1);
  return (JSON.parse(r.stdout) as { error: { code: string; message: string; hint: string } }).error;
}

describe('the account, from STS with whatever credentials the chain finds', () => {
  let served: ServedEmulator;
  let home: string;
  let files: Record<string, string>;
  const dirs: string[] = [];
  const project = async (yaml: string) => {
    const dir = await projectDir({ 'licensectl.yaml': yaml });
    dirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    served = await serveEmulator();
    home = await projectDir({ credentials: CREDENTIALS, config: CONFIG });
    files = { AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'), AWS_CONFIG_FILE: path.join(home, 'config') };
  });
  afterAll(async () => {
    await served.stop();
    for (const dir of [home, ...dirs]) await removeDir(dir);
  });

  it('with credentials only in a profile file and --endpoint: the account the profile’s key maps to; a pinned spec.account passes, another is refused', async () => {
    const dir = await project(AWS_PROJECT());
    const pinned = await project(AWS_PROJECT('  account: "333344445555"\n', `, endpoint: "${served.url}"`));
    const wrong = await project(AWS_PROJECT('  account: "999988887777"\n', `, endpoint: "${served.url}"`));
    const [plain, named, atPinned, atWrong] = await Promise.all([
      runCli(['plan', '--dir', dir, '--endpoint', served.url, '--json'], { env: files }),
      runCli(['plan', '--dir', dir, '--endpoint', served.url, '--profile', 'ci', '--json'], { env: files }),
      runCli(['plan', '--dir', pinned, '--json'], { env: files }),
      runCli(['plan', '--dir', wrong, '--json'], { env: files }),
    ]);
    expect(targetOf(plain)).toEqual({ store: 'aws', account: '333344445555', region: 'us-east-1', endpoint: served.url });
    expect(targetOf(named).account).toBe('111122223333');
    expect(targetOf(atPinned).account).toBe('333344445555');
    const refused = errorOf(atWrong);
    expect(refused).toMatchObject({ code: 'ACCOUNT_MISMATCH', message: 'project identity expects account 999988887777, but the credentials are for account 333344445555' });
  });

  it('a profile that assumes a role (role_arn + source_profile) acts as the role’s account, the role assumed at the same endpoint', async () => {
    const dir = await project(AWS_PROJECT('  account: "444455556666"\n'));
    const r = await runCli(['plan', '--dir', dir, '--endpoint', served.url, '--json'], { env: { ...files, AWS_PROFILE: 'deploy' } });
    expect(targetOf(r).account).toBe('444455556666');
  });

  it('environment credentials, temporary ones included, are asked of STS too', async () => {
    const dir = await project(AWS_PROJECT());
    const assumed = await runCli(['plan', '--dir', dir, '--endpoint', served.url, '--profile', 'deploy', '--json'], { env: files });
    expect(targetOf(assumed).account).toBe('444455556666');
    // The temporary credentials a role session hands on (as CI systems put them in the environment).
    const session = await assumeRole(served.url, 'arn:aws:iam::555566667777:role/ci');
    const r = await runCli(['plan', '--dir', dir, '--endpoint', served.url, '--json'], { env: session });
    expect(targetOf(r).account).toBe('555566667777');
    const plain = await runCli(['plan', '--dir', dir, '--endpoint', served.url, '--json'], { env: { AWS_ACCESS_KEY_ID: 'AKID222233334444', AWS_SECRET_ACCESS_KEY: 'x' } });
    expect(targetOf(plain).account).toBe('222233334444');
  });

  it('sends STS to AWS_ENDPOINT_URL_STS when it is set', async () => {
    const dir = await project(AWS_PROJECT());
    const r = await runCli(['plan', '--dir', dir, '--endpoint', served.url, '--json'], { env: { ...files, AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:1' } });
    // Nothing listens there: a store failure naming that address, whatever code network failures get.
    const error = errorOf(r);
    expect(error.code).not.toBe('INTERNAL');
    expect(error.message).toContain('127.0.0.1:1');
  });

  it('missing credentials: AWS_CREDENTIALS, exit 1, naming the environment, the profile and both files', async () => {
    const dir = await project(AWS_PROJECT());
    const missing = { AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'no-credentials'), AWS_CONFIG_FILE: path.join(home, 'no-config') };
    // Speed is measured in test/bench, never asserted here: a wall-clock bound failed on a loaded machine.
    const error = errorOf(await runCli(['plan', '--dir', dir, '--endpoint', served.url, '--json'], { env: missing }));
    expect(error.code).toBe('AWS_CREDENTIALS');
    for (const place of ['AWS_ACCESS_KEY_ID', 'profile "default"', `${missing.AWS_SHARED_CREDENTIALS_FILE} (missing)`, `${missing.AWS_CONFIG_FILE} (missing)`]) expect(error.message).toContain(place);
    const refusedKey = { AWS_ACCESS_KEY_ID: 'ASIA2222333344440123456789ABCDEF', AWS_SECRET_ACCESS_KEY: 'x' }; // an issued key without its token
    const [named, refused] = await Promise.all([
      runCli(['plan', '--dir', dir, '--endpoint', served.url, '--profile', 'nobody', '--json'], { env: files }).then(errorOf),
      runCli(['plan', '--dir', dir, '--endpoint', served.url, '--json'], { env: refusedKey }).then(errorOf),
    ]);
    expect(refused).toMatchObject({ code: 'AWS_CREDENTIALS', message: `${served.url} refused the credentials: InvalidClientTokenId: The security token included in the request is invalid.` });
    expect(named).toMatchObject({ code: 'AWS_CREDENTIALS', message: expect.stringContaining(`profile "nobody" (--profile / spec.store.profile) in ${files.AWS_SHARED_CREDENTIALS_FILE} and ${files.AWS_CONFIG_FILE}`) });
  });

  it('the embedded emulator asks its own STS with the credentials chosen for the run; with none chosen, the default key', async () => {
    const dirs = await Promise.all([1, 2, 3, 4, 5, 6].map(() => project(PROJECT_YAML('identity'))));
    // A default profile the user keeps for AWS (an SSO login, long expired) is not the emulator's business.
    const sso = await projectDir({ config: '[default]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = Admin\n' });
    dirs.push(sso);
    const [named, fromRole, fromNothing, misnamed, defaultsOnly, expiredSso] = await Promise.all([
      runCli(['plan', '--dir', dirs[0]!, '--json'], { env: { ...files, AWS_PROFILE: 'ci' } }),
      runCli(['plan', '--dir', dirs[1]!, '--json'], { env: { ...files, AWS_PROFILE: 'deploy' } }),
      runCli(['plan', '--dir', dirs[2]!, '--json']),
      runCli(['plan', '--dir', dirs[3]!, '--profile', 'nobody', '--json'], { env: files }),
      runCli(['plan', '--dir', dirs[4]!, '--json'], { env: files }),
      runCli(['plan', '--dir', dirs[5]!, '--json'], { env: { AWS_CONFIG_FILE: path.join(sso, 'config') } }),
    ]);
    expect(targetOf(named).account).toBe('111122223333');
    expect(targetOf(fromRole).account).toBe('444455556666');
    expect(targetOf(fromNothing).account).toBe('000000000000');
    // A profile someone named must exist: no silent fallback to the default account.
    expect(errorOf(misnamed).code).toBe('AWS_CREDENTIALS');
    expect(targetOf(defaultsOnly).account).toBe('000000000000');
    expect(targetOf(expiredSso).account).toBe('000000000000');
  });
});

describe('one answer per process', () => {
  it('asks STS once, however often the store is opened (the watcher opens it every pass)', async () => {
    const emulator = new Emulator();
    const server = await startServer(emulator, { port: 0 });
    try {
      const project = { name: 'once', store: { type: 'emulator' as const }, prune: true };
      for (let pass = 0; pass < 3; pass += 1) {
        const store = await openStore({ dir: '.', project, flags: { endpoint: server.url, concurrency: 1 } });
        expect(store.target.account).toBe('000000000000');
        store.close();
      }
      expect(emulator.callCounts().GetCallerIdentity).toBe(1);
    } finally {
      await server.close();
    }
  });
});

describe('the project’s region is authoritative, and region names are checked', () => {
  const dirs: string[] = [];
  afterAll(async () => { for (const dir of dirs) await removeDir(dir); });
  const project = async (store: string) => {
    const dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('regions').replace('store: {type: emulator}', `store: {type: emulator${store}}`) });
    dirs.push(dir);
    return dir;
  };

  it('refuses another --region unless the project allows it; AWS_REGION does not outrank the project region', async () => {
    const dir = await project(', region: eu-west-1');
    const open = await project(', region: eu-west-1, allowRegionOverride: true');
    const [own, same, other, fromEnv, allowed, envAllowed] = await Promise.all([
      runCli(['plan', '--dir', dir, '--json']),
      runCli(['plan', '--dir', dir, '--region', 'eu-west-1', '--json']),
      runCli(['plan', '--dir', dir, '--region', 'us-east-1', '--json']),
      runCli(['plan', '--dir', dir, '--json'], { env: { AWS_REGION: 'us-west-2' } }),
      runCli(['plan', '--dir', open, '--region', 'us-east-1', '--json']),
      runCli(['plan', '--dir', open, '--json'], { env: { AWS_REGION: 'us-west-2' } }),
    ]);
    expect(targetOf(own).region).toBe('eu-west-1');
    expect(targetOf(same).region).toBe('eu-west-1');
    expect(errorOf(other)).toEqual({
      code: 'USAGE',
      message: '--region us-east-1 differs from the region of project regions, eu-west-1 (spec.store.region in licensectl.yaml)',
      hint: 'drop --region, or set spec.store.allowRegionOverride: true in licensectl.yaml to let it choose',
    });
    expect(targetOf(fromEnv).region).toBe('eu-west-1');
    expect(targetOf(allowed).region).toBe('us-east-1');
    expect(targetOf(envAllowed).region).toBe('us-west-2');
  });

  it('refuses a region name that is not one, in --region and in licensectl.yaml (with file, line and field)', async () => {
    const dir = await project('');
    const bad = await project(', region: useast1');
    const [flag, r] = await Promise.all([runCli(['plan', '--dir', dir, '--region', 'useast1', '--json']), runCli(['validate', '--dir', bad])]);
    expect(errorOf(flag)).toMatchObject({ code: 'USAGE', message: '--region "useast1" is not an AWS region name' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('licensectl.yaml:5:35: error: "region" must be an AWS region such as us-east-1');
  });
});

describe('tests never read the AWS setup of the user running them', () => {
  it('the CLI runs without the runner’s credentials, profiles, config files, endpoints and region', async () => {
    const user = await projectDir({ credentials: '[default]\naws_access_key_id = AKID999988887777\naws_secret_access_key = x\n[work]\naws_access_key_id = AKID999988887777\naws_secret_access_key = x\n' });
    const dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('isolated') });
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_SHARED_CREDENTIALS_FILE: path.join(user, 'credentials'), AWS_CONFIG_FILE: path.join(user, 'credentials'), AWS_PROFILE: 'work',
      AWS_REGION: 'ap-south-1', AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:1', AWS_ROLE_ARN: 'arn:aws:iam::999988887777:role/x', AWS_WEB_IDENTITY_TOKEN_FILE: path.join(user, 'token'),
    });
    try {
      expect(targetOf(await runCli(['plan', '--dir', dir, '--json']))).toMatchObject({ account: '000000000000', region: 'us-east-1' });
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
      for (const d of [user, dir]) await removeDir(d);
    }
  });

  it('nor does this test process, which opens stores in-process (vitest setup)', () => {
    expect(Object.keys(process.env).filter((k) => /^AWS_(ACCESS|SECRET|SESSION|PROFILE|REGION|DEFAULT_REGION|ENDPOINT_URL|ROLE|WEB_IDENTITY)/.test(k))).toEqual([]);
    expect(process.env.AWS_CONFIG_FILE).toMatch(/licensectl-tests-no-such-dir/);
    expect(process.env.AWS_SHARED_CREDENTIALS_FILE).toMatch(/licensectl-tests-no-such-dir/);
  });
});

/** Temporary credentials from the served emulator's STS, as environment variables. */
async function assumeRole(url: string, roleArn: string): Promise<Record<string, string>> {
  const body = new URLSearchParams({ Action: 'AssumeRole', Version: '2011-06-15', RoleArn: roleArn, RoleSessionName: 'ci' });
  const xml = await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body })).text();
  const field = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)![1]!;
  return { AWS_ACCESS_KEY_ID: field('AccessKeyId'), AWS_SECRET_ACCESS_KEY: field('SecretAccessKey'), AWS_SESSION_TOKEN: field('SessionToken') };
}
