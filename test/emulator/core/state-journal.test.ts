// Issue 14, point 6: a write appends its changes to the journal beside the state file, so that it costs what it
// changed; the journal is folded into the state file (compaction) when it outgrows it and when a process exits.
// A torn last line, a kill before or during compaction, and two processes taking turns all leave the old or the
// new state, never a torn one.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMPACT_MIN_BYTES, FileStateStore } from '../../../src/emulator/core/state-file.js';
import { Emulator } from '../../../src/emulator/index.js';
import { tempDir } from './temp-dir.js';

const WRITER = fileURLToPath(new URL('./fixtures/journal-writer.mjs', import.meta.url));

const names = (state: { licenseManager: { licenseConfigurations: Record<string, unknown> } }) =>
  Object.values(state.licenseManager.licenseConfigurations).map((c) => (c as { Name: string }).Name).sort();
const create = (emulator: Emulator, name: string) =>
  emulator.mutate((state) => void (state.licenseManager.licenseConfigurations[name] = { Name: name }));
const fileState = (statePath: string) => JSON.parse(readFileSync(statePath, 'utf8')) as { revision: number; licenseManager: { licenseConfigurations: Record<string, unknown> } };
const journalLines = (statePath: string) => readFileSync(`${statePath}.journal`, 'utf8').split('\n').filter(Boolean);

async function withThree(): Promise<string> {
  const statePath = join(tempDir(), 'emulator.json');
  const emulator = new Emulator({ statePath });
  for (const name of ['a', 'b', 'c']) await create(emulator, name);
  return statePath;
}

describe('the journal', () => {
  it('holds one line per commit with the records it changed, and a new process loads the file with it', async () => {
    const statePath = await withThree();
    expect(fileState(statePath).revision).toBe(0);
    expect(journalLines(statePath).map((line) => JSON.parse(line) as unknown)).toEqual(
      ['a', 'b', 'c'].map((name, i) => ({ revision: i + 1, changes: [{ path: ['licenseManager', 'licenseConfigurations', name], value: { Name: name } }] })),
    );
    const state = new FileStateStore(statePath).read();
    expect([state.revision, names(state)]).toEqual([3, ['a', 'b', 'c']]);
  });

  it('records a deletion, and a change deep inside a record as the whole record', async () => {
    const statePath = await withThree();
    const emulator = new Emulator({ statePath });
    await emulator.mutate((state) => {
      delete state.licenseManager.licenseConfigurations.a;
      (state.licenseManager.licenseConfigurations.b as { Tags?: string[] }).Tags = ['x'];
      ((state.licenseManager.licenseConfigurations.b as { Tags: string[] }).Tags).push('y');
    });
    expect(JSON.parse(journalLines(statePath).at(-1)!)).toEqual({
      revision: 4,
      changes: [{ path: ['licenseManager', 'licenseConfigurations', 'a'] }, { path: ['licenseManager', 'licenseConfigurations', 'b'], value: { Name: 'b', Tags: ['x', 'y'] } }],
    });
    expect(new FileStateStore(statePath).read().licenseManager.licenseConfigurations).toEqual({ b: { Name: 'b', Tags: ['x', 'y'] }, c: { Name: 'c' } });
  });

  it('ignores a torn last line, and the next write cuts it off before appending', async () => {
    const statePath = await withThree();
    appendFileSync(`${statePath}.journal`, '{"revision":4,"changes":[{"path":["licenseManager","licenseConf');
    const emulator = new Emulator({ statePath });
    expect([emulator.snapshot().revision, names(emulator.snapshot())]).toEqual([3, ['a', 'b', 'c']]);
    await create(emulator, 'd');
    expect(journalLines(statePath)).toHaveLength(4);
    expect(names(new FileStateStore(statePath).read())).toEqual(['a', 'b', 'c', 'd']);
  });

  it('ignores a last line that does not parse, and one that does not follow on from the state', async () => {
    const statePath = await withThree();
    appendFileSync(`${statePath}.journal`, '{"revision":4,"changes":[{"path":["licenseManager","licenseConfigurations","x"]}\n');
    expect(new FileStateStore(statePath).read().revision).toBe(3);
    writeFileSync(`${statePath}.journal`, `${journalLines(statePath).slice(0, 3).join('\n')}\n{"revision":9,"changes":[]}\n`);
    expect(new FileStateStore(statePath).read().revision).toBe(3);
  });

  it('is compacted into the state file, after which the file alone is the state', async () => {
    const statePath = await withThree();
    await new FileStateStore(statePath).compact();
    expect(readdirSync(dirname(statePath))).toEqual(['emulator.json']);
    expect([fileState(statePath).revision, names(fileState(statePath))]).toEqual([3, ['a', 'b', 'c']]);
  });

  it('is compacted by a write once it is larger than the state file and than 1 MiB', async () => {
    const statePath = join(tempDir(), 'emulator.json');
    const emulator = new Emulator({ statePath });
    const big = 'x'.repeat(COMPACT_MIN_BYTES / 4);
    for (let i = 0; i < 4; i += 1) await create(emulator, `${i}-${big}`);
    expect(existsSync(`${statePath}.journal`)).toBe(true);
    await create(emulator, `4-${big}`);
    expect(existsSync(`${statePath}.journal`)).toBe(false);
    expect(fileState(statePath).revision).toBe(5);
  });

  it('skips the lines a compaction killed before it removed the journal had already put in the file', async () => {
    const statePath = await withThree();
    const journal = readFileSync(`${statePath}.journal`);
    await new FileStateStore(statePath).compact();
    writeFileSync(`${statePath}.journal`, journal); // as if the process died between the rename and the removal
    const emulator = new Emulator({ statePath });
    expect([emulator.snapshot().revision, names(emulator.snapshot())]).toEqual([3, ['a', 'b', 'c']]);
    await create(emulator, 'd');
    const state = new FileStateStore(statePath).read();
    expect([state.revision, names(state)]).toEqual([4, ['a', 'b', 'c', 'd']]);
  });

  it('goes with a state file that was deleted: a new state starts empty', async () => {
    const statePath = await withThree();
    await new FileStateStore(statePath).compact();
    await create(new Emulator({ statePath }), 'd');
    rmSync(statePath);
    const emulator = new Emulator({ statePath });
    expect(names(emulator.snapshot())).toEqual([]);
    await create(emulator, 'e');
    expect(names(new FileStateStore(statePath).read())).toEqual(['e']);
  });
});

interface Writer {
  readonly child: ChildProcess;
  /** Sends a command; resolves with the answer line. */
  send(line: string): Promise<string>;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

async function startWriter(statePath: string, env: Record<string, string> = {}): Promise<Writer> {
  const child = spawn(process.execPath, [WRITER, statePath], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => {
    const line = await Promise.race([lines.next(), exit.then((e) => ({ done: true, value: `exited: ${e.stderr}` }))]);
    if (line.done) throw new Error(`writer ${String(line.value)}`);
    return line.value as string;
  };
  expect(await next()).toBe('ready');
  return { child, exit, send: (line) => (child.stdin!.write(`${line}\n`), next()) };
}

describe('processes sharing the journal', () => {
  it('see each other’s writes when they take turns, and the last to exit leaves the whole state in the file', async () => {
    const statePath = join(tempDir(), 'emulator.json');
    const [alpha, beta] = await Promise.all([startWriter(statePath), startWriter(statePath)]);
    const answers: string[] = [];
    for (let i = 0; i < 10; i += 1) for (const [name, writer] of [[`alpha-${i}`, alpha], [`beta-${i}`, beta]] as const) answers.push(await writer.send(`create ${name}`));
    expect(answers).toEqual(Array.from({ length: 20 }, (_, i) => `${i % 2 ? 'beta' : 'alpha'}-${Math.floor(i / 2)} ${i + 1}`));
    alpha.child.stdin!.end('exit\n');
    beta.child.stdin!.end('exit\n');
    expect(await Promise.all([alpha.exit, beta.exit])).toEqual([0, 0].map((code) => ({ code, signal: null, stderr: '' })));
    expect(existsSync(`${statePath}.journal`)).toBe(false);
    expect([fileState(statePath).revision, names(fileState(statePath))]).toEqual([20, answers.map((a) => a.split(' ')[0]).sort()]);
  }, 60_000);

  it('keep every acknowledged write when a process is killed between its journal appends and compaction, or during it', async () => {
    const statePath = join(tempDir(), 'emulator.json');
    const first = await startWriter(statePath, { LICENSECTL_EMULATOR_CRASH: 'before-compaction' });
    for (const name of ['a', 'b', 'c']) await first.send(`create ${name}`);
    first.child.stdin!.end('exit\n');
    expect((await first.exit).signal).toBe('SIGKILL');
    expect(names(fileState(statePath))).toEqual([]); // all in the journal
    expect(names(new FileStateStore(statePath).read())).toEqual(['a', 'b', 'c']);

    const second = await startWriter(statePath, { LICENSECTL_EMULATOR_CRASH: 'after-compaction-rename' });
    expect(await second.send('create d')).toBe('d 4');
    second.child.stdin!.end('exit\n');
    expect((await second.exit).signal).toBe('SIGKILL');
    expect([fileState(statePath).revision, names(fileState(statePath))]).toEqual([4, ['a', 'b', 'c', 'd']]);
    expect(journalLines(statePath)).toHaveLength(4); // still there, and all in the file
    const state = new FileStateStore(statePath).read();
    expect([state.revision, names(state)]).toEqual([4, ['a', 'b', 'c', 'd']]);

    const third = await startWriter(statePath);
    expect(await third.send('create e')).toBe('e 5');
    third.child.stdin!.end('exit\n');
    expect((await third.exit).code).toBe(0);
    expect([fileState(statePath).revision, names(fileState(statePath)), existsSync(`${statePath}.journal`)]).toEqual([5, ['a', 'b', 'c', 'd', 'e'], false]);
  }, 60_000);
});
