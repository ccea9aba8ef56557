import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PendingCreates } from '../../src/store/pending-creates.js';

describe('pending creates', () => {
  let dir: string;
  let file: string;
  let now: number;
  const sleep = vi.fn(async (ms: number) => { now += ms; });
  const journal = () => new PendingCreates(file, 31_000, () => now, sleep);
  const notes = async () => JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as Record<string, unknown>;
  const refused = () => true;
  const unknownOutcome = () => false;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pending-'));
    file = path.join(dir, 'pending-creates.json');
    now = 1_000_000;
    sleep.mockClear();
  });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  it('without an earlier note creates at once, and leaves no note behind', async () => {
    const find = vi.fn(async () => 'arn:found');
    expect(await journal().run('k', find, async () => 'arn:new', refused)).toBe('arn:new');
    expect(find).not.toHaveBeenCalled();
    expect(sleep).not.toHaveBeenCalled();
    expect(await notes()).toEqual({});
  });

  it('keeps the note while the create is in flight, so that a kill leaves it', async () => {
    let seen: Record<string, unknown> = {};
    await journal().run('k', async () => undefined, async () => { seen = await notes(); return 'arn:new'; }, refused);
    expect(seen).toEqual({ k: { startedAt: 1_000_000, windowMs: 31_000 } });
  });

  it('after a kill, waits until the killed request can no longer land, then takes what it made', async () => {
    await writeFile(file, JSON.stringify({ k: { startedAt: now - 1_000, windowMs: 31_000 } }));
    const create = vi.fn(async () => 'arn:second');
    expect(await journal().run('k', async () => 'arn:landed-late', create, refused)).toBe('arn:landed-late');
    expect(sleep).toHaveBeenCalledWith(30_000);
    expect(create).not.toHaveBeenCalled();
    expect(await notes()).toEqual({});
  });

  it('after a kill whose request never landed, creates once the window has passed', async () => {
    await writeFile(file, JSON.stringify({ k: { startedAt: now - 40_000, windowMs: 31_000 }, other: { startedAt: now, windowMs: 31_000 } }));
    expect(await journal().run('k', async () => undefined, async () => 'arn:new', refused)).toBe('arn:new');
    expect(sleep).not.toHaveBeenCalled();
    expect(Object.keys(await notes())).toEqual(['other']);
  });

  it('a create whose outcome is unknown is waited out from when its last attempt left, then looked for: never created twice', async () => {
    const timeout = Object.assign(new Error('timed out'), { name: 'TimeoutError' });
    let landsAt = Number.POSITIVE_INFINITY;
    const create = vi.fn(async (sending: () => void) => {
      now += 5_000; // queued behind the account's budget, then a throttled attempt and its backoff
      sending();
      landsAt = now + 30_500; // the request lands after its client gave up, within the window
      now += 30_000;
      throw timeout;
    });
    const looks: number[] = [];
    const find = vi.fn(async () => { looks.push(now); return now >= landsAt ? 'arn:late' : undefined; });
    expect(await journal().run('k', find, create, unknownOutcome)).toBe('arn:late');
    expect(create).toHaveBeenCalledTimes(1);
    // At once (not there yet), then 31 s from the attempt that left at +5 s, not from when the note was first written.
    expect(looks).toEqual([1_035_000, 1_036_000]);
    expect(await notes()).toEqual({});
  });

  it('an unknown outcome that did not land is tried again, up to three rounds; the last failure leaves its note', async () => {
    const create = vi.fn(async (sending: () => void): Promise<string> => { sending(); throw new Error('reset'); });
    const find = vi.fn(async () => undefined);
    await expect(journal().run('k', find, create, unknownOutcome)).rejects.toThrow('reset');
    expect(create).toHaveBeenCalledTimes(3);
    expect(find).toHaveBeenCalledTimes(4);
    expect(Object.keys(await notes())).toEqual(['k']);
  });

  it('a refused create takes its note away; one whose outcome is unknown leaves it', async () => {
    const fail = async (): Promise<string> => { throw new Error('nope'); };
    await expect(journal().run('a', async () => undefined, fail, refused)).rejects.toThrow('nope');
    await expect(journal().run('b', async () => undefined, fail, unknownOutcome)).rejects.toThrow('nope');
    expect(Object.keys(await notes())).toEqual(['b']);
  });
});

describe('pending creates made at once', () => {
  it('keeps every note while its create is in flight and none after', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pending-'));
    const file = path.join(dir, 'pending-creates.json');
    try {
      const journal = new PendingCreates(file, 1_000);
      let release!: () => void;
      const gate = new Promise<void>((resolve) => { release = resolve; });
      const keys = Array.from({ length: 8 }, (_, i) => `k${i}`);
      const running = keys.map((key) => journal.run(key, async () => undefined, async () => { await gate; return `arn:${key}`; }, () => true));
      await vi.waitFor(async () => expect(Object.keys(JSON.parse(await readFile(file, 'utf8')) as object).sort()).toEqual(keys));
      release();
      expect(await Promise.all(running)).toEqual(keys.map((k) => `arn:${k}`));
      await expect(readFile(file, 'utf8')).rejects.toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
