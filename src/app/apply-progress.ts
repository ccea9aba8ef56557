// What `apply` says while it works: each change as it starts and as it ends (with how long it took), and a
// heartbeat every 10 s for a change still waiting on the service, so that a slow or throttled account is never a
// silent one. One line per event; on a terminal, a status line below them also shows the running changes and their
// time so far, redrawn every second. Under `--json` the lines go to stderr and stdout keeps the one JSON document.
import type { ChangeResult, ResourceChange } from '../plan/types.js';
import { actionLook, painter, type Paint } from '../render/symbols.js';
import { formatElapsed } from '../util/duration.js';
import { printable } from '../util/safe-text.js';

export const HEARTBEAT_MS = 10_000;
const REDRAW_MS = 1_000;

export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface ProgressOptions {
  /** The live status line: on a terminal only. */
  readonly terminal: boolean;
  readonly color: boolean;
  readonly now?: () => number;
}

interface Running {
  readonly change: ResourceChange;
  /** As shown: with the unit's label in a project with targets. */
  readonly address: string;
  readonly started: number;
  readonly heartbeat: NodeJS.Timeout;
}

export class ApplyProgress {
  private readonly running = new Map<string, Running>();
  private readonly paint: Paint;
  private readonly now: () => number;
  private redraw?: NodeJS.Timeout;
  private statusShown = false;

  constructor(private readonly out: ProgressStream, private readonly options: ProgressOptions) {
    this.paint = painter(options.color);
    this.now = options.now ?? (() => performance.now());
  }

  /** `label`: the unit of a project with targets, shown before the address (`dev/Grant/x`). */
  start(change: ResourceChange, label?: string): void {
    const started = this.now();
    const address = labelled(change.address, label);
    const heartbeat = setInterval(() => {
      this.line(`still ${ing(change)} ${printable(address)}… ${formatElapsed(this.now() - started)}`);
    }, HEARTBEAT_MS);
    heartbeat.unref();
    this.running.set(address, { change, address, started, heartbeat });
    this.line(`${ing(change)} ${printable(address)}…`);
    if (this.options.terminal && !this.redraw) {
      this.redraw = setInterval(() => this.drawStatus(), REDRAW_MS);
      this.redraw.unref();
    }
  }

  end(result: ChangeResult, label?: string): void {
    const address = labelled(result.address, label);
    const running = this.running.get(address);
    if (running) {
      clearInterval(running.heartbeat);
      this.running.delete(address);
    }
    const took = running ? formatElapsed(this.now() - running.started) : undefined;
    this.line(ended(result, address, took, this.paint));
    if (this.running.size === 0) this.stopRedraw();
  }

  /** Stops every timer and clears the status line; the apply is over. */
  close(): void {
    for (const { heartbeat } of this.running.values()) clearInterval(heartbeat);
    this.running.clear();
    this.stopRedraw();
    this.clearStatus();
  }

  /** An event line, above the status line on a terminal. */
  private line(text: string): void {
    this.clearStatus();
    this.out.write(`${text}\n`);
    this.drawStatus();
  }

  private drawStatus(): void {
    if (!this.options.terminal || this.running.size === 0) return;
    const now = this.now();
    const items = [...this.running.values()].map((r) => `${printable(r.address)} ${formatElapsed(now - r.started)}`);
    const text = `${this.running.size} running: ${items.join(', ')}`;
    // A pseudo-terminal without a size says 0 columns: take the usual 80.
    const width = Math.max(20, (this.out.columns || 80) - 1);
    this.out.write(`\r\x1b[2K${this.paint('dim', text.length > width ? `${text.slice(0, width - 1)}…` : text)}`);
    this.statusShown = true;
  }

  private clearStatus(): void {
    if (!this.statusShown) return;
    this.out.write('\r\x1b[2K');
    this.statusShown = false;
  }

  private stopRedraw(): void {
    if (this.redraw) clearInterval(this.redraw);
    this.redraw = undefined;
  }
}

/** "creating", "updating", "replacing", "deleting". */
function ing(change: ResourceChange): string {
  return `${actionLook(change.action).verb.replace(/e$/, '')}ing`;
}

function labelled(address: string, label: string | undefined): string {
  return label === undefined ? address : `${label}/${address}`;
}

function ended(result: ChangeResult, shown: string, took: string | undefined, paint: Paint): string {
  const address = printable(shown);
  const look = actionLook(result.action);
  switch (result.outcome) {
    case 'applied':
      return `${paint(look.style, look.past)} ${address}${took ? ` in ${took}` : ''}${result.arn ? ` (${printable(result.arn)})` : ''}`;
    case 'failed':
      return `${paint('red', `failed to ${look.verb}`)} ${address}${took ? ` after ${took}` : ''}: ${printable(result.error ? `${result.error.code} ${result.error.message}` : 'no error was reported')}`;
    case 'skipped':
      return `${paint('dim', `skipped ${look.verb} of`)} ${address}: ${result.blockedBy ? `depends on ${printable(result.blockedBy)}` : printable(result.error?.message ?? 'apply stopped before it started')}`;
  }
}
