// The CLI on every Node.js version it supports, besides the one running the tests: the oldest `engines` allows
// (20.12.0) and the newest 22 and 24, from the cache `node scripts/node-binaries.mjs prepare` fills (.ci/run does).
// One representative run of each kind of command: validate, plan and apply on the embedded emulator, `emulator
// serve` with plan and apply against it, and watch from start to a clean stop. A version whose binary is not in
// the cache is skipped with the reason in the test's name — except under LICENSECTL_REQUIRE_NODES=1 (.ci/run sets
// it), where a missing version is a failure: CI must not pass untested on 22 or 24. The suites' names start with
// "CLI on Node <version>": .ci/run's summary counts their results per version by that prefix.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONFIG_YAML, copyExample, PROJECT_YAML, projectDir, removeDir, ROOT, runCli } from '../helpers/cli.js';
import { serveEmulator } from '../helpers/served.js';
import { WatcherProcess } from '../watch/e2e/watcher-process.js';

interface CachedNode { readonly spec: string; readonly bin?: string; readonly version?: string; readonly missing?: string }

const nodes = JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'scripts/node-binaries.mjs'), 'list'], { encoding: 'utf8' })) as CachedNode[];
const major = (version: string) => Number(/^v(\d+)\./.exec(version)![1]);
// The default reporter shows only a count of skipped tests: say why here too.
for (const node of nodes.filter((n) => !n.bin)) console.warn(`CLI on Node ${node.spec} skipped: ${node.missing}`);

for (const node of nodes) {
  const title = `CLI on Node ${node.spec}${node.version ? ` (${node.version})` : ''}`;
  if (!node.bin) {
    if (process.env.LICENSECTL_REQUIRE_NODES === '1') describe(title, () => it('is in the cache (LICENSECTL_REQUIRE_NODES=1)', () => expect.fail(`Node ${node.spec} is missing: ${node.missing}`)));
    else describe(title, () => it.skip(`skipped: ${node.missing}`, () => {}));
    continue;
  }
  const { bin, version } = node as Required<CachedNode>;

  describe(title, () => {
    const dirs: string[] = [];
    const cli = (args: string[], options: { env?: Record<string, string | undefined> } = {}) => runCli(args, { ...options, node: bin });
    const project = async (name: string) => {
      const dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML(name), 'a.yaml': CONFIG_YAML('a', 'countingType: Core\nlicenseCount: 10') });
      dirs.push(dir);
      return dir;
    };
    // serveEmulator and WatcherProcess start the CLI through spawnCli, which takes the binary from this variable.
    beforeAll(() => { vi.stubEnv('LICENSECTL_TEST_NODE', bin); });
    afterAll(async () => {
      vi.unstubAllEnvs();
      for (const dir of dirs) await removeDir(dir);
    });

    it('is the Node that runs the CLI (--version names it)', async () => {
      const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
      const r = await cli(['--version']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe(`licensectl/${pkg.version} ${process.platform}-${process.arch} node-${version}\n`);
    });

    it('validates, plans and applies the quickstart on the embedded emulator, then plans no changes', async () => {
      const dir = await copyExample('quickstart');
      dirs.push(dir);
      const valid = await cli(['validate', '--dir', dir]);
      expect(valid.stdout, valid.stderr).toContain('Valid: project quickstart, 3 resources in 3 files.');
      const plan = await cli(['plan', '--dir', dir, '--detailed-exitcode']);
      expect(plan.status, plan.stderr).toBe(2);
      expect(plan.stdout).toContain('Plan: 3 to create, 0 to update, 0 to replace, 0 to delete.');
      const apply = await cli(['apply', '--dir', dir, '--auto-approve']);
      expect(apply.status, apply.stderr).toBe(0);
      expect(apply.stdout).toContain('Apply complete! Resources: 3 created');
      const again = await cli(['plan', '--dir', dir, '--detailed-exitcode']);
      expect(again.status, again.stdout + again.stderr).toBe(0);
    });

    it('serves the emulator, applies and plans against it with --endpoint, and stops cleanly', async () => {
      const emulator = await serveEmulator();
      try {
        const dir = await project('served');
        const apply = await cli(['apply', '--dir', dir, '--endpoint', emulator.url, '--auto-approve']);
        expect(apply.status, apply.stdout + apply.stderr).toBe(0);
        const plan = await cli(['plan', '--dir', dir, '--endpoint', emulator.url, '--json']);
        expect(plan.status, plan.stderr).toBe(0);
        expect(JSON.parse(plan.stdout).summary).toMatchObject({ create: 0, update: 0, noop: 1 });
      } finally {
        expect(await emulator.stop()).toBe(0);
      }
    });

    it('watches a directory: reconciles at start, answers /status, stops on SIGTERM with exit 0', async () => {
      const emulator = await serveEmulator();
      try {
        const dir = await project('watched');
        const watcher = await WatcherProcess.start(['--dir', dir, '--endpoint', emulator.url, '--interval', '1h']);
        const first = await watcher.waitForLine((l) => l.event === 'reconcile');
        expect(first).toMatchObject({ triggers: ['start'], outcome: 'applied', counts: { create: 1 } });
        expect((await watcher.json('/status')).status).toBe(200);
        expect(await watcher.stop()).toBe(0);
      } finally {
        await emulator.stop();
      }
    });

    // bin/run.js enables Node's module compile cache where Node has it (22.1+); on 20 it must start without it.
    it(major(version) >= 22 ? 'keeps compiled modules in the compile cache under the temp directory' : 'starts without a compile cache (Node 20 has none)', async () => {
      const temp = await mkdtemp(path.join(tmpdir(), 'licensectl-compile-cache-'));
      dirs.push(temp);
      const r = await cli(['validate', '--dir', path.join(ROOT, 'examples/quickstart')], { env: { TMPDIR: temp, NODE_COMPILE_CACHE: undefined } });
      expect(r.status, r.stderr).toBe(0);
      const cache = path.join(temp, 'node-compile-cache');
      if (major(version) >= 22) expect((await readdir(cache, { recursive: true })).length).toBeGreaterThan(0);
      else expect(existsSync(cache)).toBe(false);
    });
  });
}
