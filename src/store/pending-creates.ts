// Creates that take no client token (CreateLicenseConfiguration) cannot be made idempotent by the service, so
// licensectl keeps its own record: before the call, a durable note that the create of an address is in flight; after
// it, the note goes. A process killed between the two leaves the note, and the next apply that is about to create
// that address first waits until the killed request can no longer land (its timeout has passed since it left), then
// looks for it by its ownership tags, and creates only if it is not there.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface PendingCreate {
  /** When the request left (ms since the epoch). */
  readonly startedAt: number;
  /** After this many ms from startedAt, the request can no longer take effect. */
  readonly windowMs: number;
}

type Journal = Record<string, PendingCreate>;

/** Notes older than this are dropped on the next write: they belong to addresses never created again. */
const FORGET_AFTER_MS = 7 * 24 * 3_600_000;

export class PendingCreates {
  constructor(
    private readonly file: string,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /**
   * Runs `create` for `key` under a note. When an earlier note says a create of `key` may still land, waits until it
   * cannot and asks `find` first: its answer (an ARN) is the resource that create made. A create that fails for
   * certain (`refused` says so: the service answered no) takes its note away. One whose outcome is unknown (a
   * timeout, a reset, a 5xx) may still land: it too is waited out before `find` is asked, and only then is the
   * create tried again, up to `rounds` in all; the last one's failure leaves its note for the next apply.
   * `create` calls `sending` each time an attempt leaves (after any wait in a request budget's queue and any
   * throttled attempt before it): the window runs from the last one, which is the one that may land late.
   */
  async run(key: string, find: () => Promise<string | undefined>, create: (sending: () => void) => Promise<string>, refused: (error: unknown) => boolean, rounds = 3): Promise<string> {
    const earlier = (await this.read())[key];
    if (earlier) {
      const found = await this.findAfter(earlier, find);
      if (found) {
        await this.update((journal) => { delete journal[key]; });
        return found;
      }
    }
    for (let round = 1; ; round += 1) {
      let note = { startedAt: this.now(), windowMs: this.windowMs };
      await this.update((journal) => { journal[key] = note; });
      const sending = () => {
        note = { startedAt: this.now(), windowMs: this.windowMs };
        const sent = note;
        void this.update((journal) => { if (journal[key]) journal[key] = sent; }).catch(() => undefined);
      };
      let arn: string;
      try {
        arn = await create(sending);
      } catch (error) {
        if (refused(error)) await this.update((journal) => { delete journal[key]; });
        if (refused(error) || round >= rounds) throw error;
        // What it made is taken at once when it is there; when it is not, the request may still be on its way (it
        // lands after the client gave up): it is waited out and looked for again, or the next round would make a
        // second copy.
        const found = (await find()) ?? (await this.findAfter(note, find));
        if (!found) continue;
        arn = found;
      }
      await this.update((journal) => { delete journal[key]; });
      return arn;
    }
  }

  /** Waits until the noted request can no longer land, then looks for what it made. */
  private async findAfter(note: PendingCreate, find: () => Promise<string | undefined>): Promise<string | undefined> {
    const wait = note.startedAt + note.windowMs - this.now();
    if (wait > 0) await this.sleep(wait);
    return find();
  }

  /** The notes left by creates whose outcome is unknown (a killed apply, or every round timed out), by key. */
  notes(): Promise<Readonly<Record<string, PendingCreate>>> {
    return this.read();
  }

  private async read(): Promise<Journal> {
    try {
      const parsed = JSON.parse(await readFile(this.file, 'utf8')) as unknown;
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Journal) : {};
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      // An unreadable journal must not stop an apply; what it would have said, the duplicate check of the next plan says.
      return {};
    }
  }

  /** Updates one after another: creates run concurrently, and each note is a read-change-write of the one file. */
  private queue: Promise<void> = Promise.resolve();

  private update(change: (journal: Journal) => void): Promise<void> {
    const next = this.queue.then(() => this.write(change));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Read, change and write back atomically (temp file and rename), so that a kill leaves the old or the new journal. */
  private async write(change: (journal: Journal) => void): Promise<void> {
    const journal = await this.read();
    change(journal);
    for (const [key, note] of Object.entries(journal)) if (this.now() - note.startedAt > FORGET_AFTER_MS) delete journal[key];
    if (Object.keys(journal).length === 0) {
      await rm(this.file, { force: true });
      return;
    }
    await mkdir(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    await writeFile(temp, `${JSON.stringify(journal, null, 2)}\n`, { flush: true });
    await rename(temp, this.file);
  }
}
