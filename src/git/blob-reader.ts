// Reads requested in the same turn of the event loop share one `git cat-file --batch` process: the loader
// reads its files concurrently, so a project of a thousand files costs one git process, not a thousand,
// and files it never asks for (left out by spec.exclude) are never read.
import { readBlobs } from './cat-file.js';

interface Waiter {
  resolve(contents: Buffer): void;
  reject(error: unknown): void;
}
type Batch = Map<string, Waiter[]>;

/** A function reading one blob by id, batched with every other read asked for in the same turn. */
export function blobReader(root: string): (oid: string) => Promise<Buffer> {
  let pending: Batch | undefined;
  return (oid) => new Promise<Buffer>((resolve, reject) => {
    if (pending === undefined) {
      const batch: Batch = new Map();
      pending = batch;
      setImmediate(() => {
        pending = undefined;
        readBlobs(root, [...batch.keys()]).then((blobs) => settle(batch, blobs), (error: unknown) => fail(batch, error));
      });
    }
    pending.set(oid, [...(pending.get(oid) ?? []), { resolve, reject }]);
  });
}

function settle(batch: Batch, blobs: Map<string, Buffer>): void {
  for (const [oid, waiters] of batch) {
    const contents = blobs.get(oid);
    for (const w of waiters) {
      if (contents) w.resolve(contents);
      else w.reject(new Error(`git returned no object ${oid}`));
    }
  }
}

function fail(batch: Batch, error: unknown): void {
  for (const w of [...batch.values()].flat()) w.reject(error);
}
