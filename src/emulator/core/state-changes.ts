// What a transaction changed, found without looking at the rest of the state.
//
// A mutation runs on a draft: the state seen through proxies that note, before anything is written, which
// record is about to change and what it held. A record (a unit) is an entry of a collection: a section's
// collection (`licenseManager.grants[ARN]`) or a top-level collection (`clientTokens[TOKEN]`), as `emptyState`
// lays them out; a write anywhere inside a record marks that record, a write above records (a whole collection
// replaced) marks what it replaced. On success the changed units are the transaction's changes, put into the
// state as fresh copies of themselves (so that no proxy, and no object a request or answer shares, stays in
// it); on failure each is put back as it was. Either way the cost is that of the records touched, whatever the
// size of the state. `applyChanges` replays changes (from the journal) on a state. (A handler may copy draft
// objects with `copy` or JSON, not with structuredClone, which cannot clone a proxy.)
import { isRecord } from '../../util/canonical.js';
import { emptyState, type EmulatorState } from './service-contract.js';

/** One changed unit: its path from the state's root and its new value; no value means it was deleted. */
export interface StateChange {
  readonly path: readonly string[];
  readonly value?: unknown;
}

/** A committed transaction: the revision it made and what it changed. */
export interface StateCommit {
  readonly revision: number;
  readonly changes: readonly StateChange[];
}

/** A commit and its JSON text (one line of the journal). */
export interface TrackedCommit extends StateCommit {
  readonly json: string;
}

// How deep a unit is under each top-level key: records of a section's collections are 3 deep, records of a
// top-level collection (a key `emptyState` gives as `{}`) are 2 deep; anything else is its own unit.
const UNIT_DEPTH = new Map(
  Object.entries(emptyState()).flatMap(([key, value]) => (isRecord(value) ? [[key, Object.keys(value).length > 0 ? 3 : 2] as const] : [])),
);
const unitDepth = (top: string | undefined) => (top === undefined ? 1 : (UNIT_DEPTH.get(top) ?? 1));

interface Touched {
  readonly path: readonly string[];
  /** The unit's JSON before the transaction first wrote it; undefined if it was absent. */
  readonly before: string | undefined;
}

/**
 * Runs `mutation` on a tracked draft of `state` and bumps the revision. Returns its result and the commit; if
 * it throws, `state` is restored and the error rethrown.
 */
export function runTracked<T>(state: EmulatorState, mutation: (draft: EmulatorState) => T): { result: T; commit: TrackedCommit } {
  const tracker = new Tracker(state as unknown as Record<string, unknown>);
  let result: T;
  try {
    result = mutation(tracker.draft() as unknown as EmulatorState);
  } catch (error) {
    tracker.restore();
    throw error;
  }
  state.revision += 1;
  const { changes, texts } = tracker.settle();
  return { result, commit: { revision: state.revision, changes, json: `{"revision":${state.revision},"changes":[${texts.join(',')}]}` } };
}

/** Replays a commit's changes on `state` (whose revision it then carries). */
export function applyChanges(state: EmulatorState, commit: StateCommit): void {
  const root = state as unknown as Record<string, unknown>;
  for (const { path, value } of commit.changes) setAt(root, path, value);
  state.revision = commit.revision;
}

class Tracker {
  private readonly touched = new Map<string, Touched>();
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();

  constructor(private readonly root: Record<string, unknown>) {}

  draft(): object {
    return this.wrap(this.root, []);
  }

  /**
   * The changes and their JSON texts, each unit once (a unit inside a replaced one is part of it); the units are
   * now stored as fresh copies.
   */
  settle(): { changes: StateChange[]; texts: string[] } {
    const changes: StateChange[] = [];
    const texts: string[] = [];
    for (const { path } of this.touched.values()) {
      if (path.some((_, i) => i > 0 && this.touched.has(keyOf(path.slice(0, i))))) continue;
      const found = valueAt(this.root, path);
      const json = found === undefined ? undefined : JSON.stringify(found);
      const value: unknown = json === undefined ? undefined : JSON.parse(json);
      setAt(this.root, path, value);
      changes.push(value === undefined ? { path } : { path, value });
      texts.push(`{"path":${JSON.stringify(path)}${json === undefined ? '' : `,"value":${json}`}}`);
    }
    return { changes, texts };
  }

  /** Puts every touched unit back as it was, the last touched first (a unit touched inside a replaced one). */
  restore(): void {
    for (const { path, before } of [...this.touched.values()].reverse()) setAt(this.root, path, before === undefined ? undefined : JSON.parse(before));
  }

  private touch(path: readonly string[]): void {
    const key = keyOf(path);
    if (this.touched.has(key)) return;
    const before = valueAt(this.root, path);
    this.touched.set(key, { path, before: before === undefined ? undefined : JSON.stringify(before) });
  }

  /** `target` at `path`: above units, a write marks the child unit (or the part above units) it replaces; inside a unit, the unit. */
  private wrap(target: object, path: readonly string[]): object {
    const known = this.proxies.get(target);
    if (known) return known;
    const depth = unitDepth(path[0]);
    const unit = path.length >= depth ? path.slice(0, depth) : undefined;
    const marked = (key: string | symbol) => unit ?? [...path, String(key)];
    const proxy = new Proxy(target, {
      get: (t, key, receiver) => {
        const value = Reflect.get(t, key, receiver) as unknown;
        if (typeof value !== 'object' || value === null || typeof key === 'symbol' || this.targets.has(value)) return value;
        return this.wrap(value, unit ?? [...path, key]);
      },
      set: (t, key, value) => {
        this.touch(marked(key));
        return Reflect.set(t, key, (typeof value === 'object' && value !== null && this.targets.get(value)) || value);
      },
      deleteProperty: (t, key) => {
        this.touch(marked(key));
        return Reflect.deleteProperty(t, key);
      },
      defineProperty: (t, key, descriptor) => {
        this.touch(marked(key));
        return Reflect.defineProperty(t, key, descriptor);
      },
    });
    this.proxies.set(target, proxy);
    this.targets.set(proxy, target);
    return proxy;
  }
}

const keyOf = (path: readonly string[]) => path.join('\u0000');

function valueAt(root: Record<string, unknown>, path: readonly string[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Sets (or, for undefined, deletes) the value at `path`, making the objects above it that are missing. */
function setAt(root: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = root;
  for (const key of path.slice(0, -1)) {
    if (!isRecord(node[key])) {
      if (value === undefined) return;
      node[key] = {};
    }
    node = node[key] as Record<string, unknown>;
  }
  const last = path.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
}
