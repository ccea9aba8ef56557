// The base of every command and what commands share: JSON mode, colour, errors rendered as one clear message
// with a code and a hint (cli-errors.ts; every diagnostic, never a stack trace unless DEBUG=licensectl* asks for one),
// the common flags, the approval prompt and `--stats`. An error's message and hint quote what the user gave (a flag
// value, a file name) and are printable(): an error is one line, and never an escape sequence to the terminal.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Command, Flags } from '@oclif/core';
import { LicensectlError } from '../errors/index.js';
import type { CallStats } from '../store/index.js';
import { asLicensectlError, renderError } from './cli-errors.js';
import { plural } from '../util/words.js';

export abstract class BaseCommand extends Command {
  static override enableJsonFlag = true;

  /** Colour follows the TTY and NO_COLOR. */
  protected useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
    return colorOn(stream);
  }

  protected printErr(text: string): void {
    process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  protected printOut(text: string): void {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  override async catch(err: Error & { oclif?: { exit?: number } }): Promise<void> {
    const flags = { ...this.ctor.flags, ...(this.ctor.enableJsonFlag ? { json: {} } : {}) };
    const error = await asLicensectlError(err, { id: this.id ?? '', flags, args: this.ctor.args ?? {} });
    process.exitCode = error.exit;
    // A command line that failed to parse was parsed: oclif's reminder to call parse() (NODE_ENV=development|test) is
    // for commands that never do, and would follow the error.
    if (err.oclif) this.parsed = true;
    if (/licensectl/.test(process.env.DEBUG ?? '')) this.printErr(err.stack ?? String(err));
    const { stdout, stderr } = renderError(error, { json: this.jsonEnabled(), color: this.useColor(process.stderr) });
    if (stdout) this.printOut(stdout);
    if (stderr) this.printErr(stderr);
  }
}

/** Colour follows the TTY and NO_COLOR (and a dumb terminal has none). */
export function colorOn(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
}

// ---- Flags
// Flags shared by the commands that read desired state and talk to a store.
export const dirFlag = {
  dir: Flags.directory({ char: 'd', description: 'directory holding licensectl.yaml', default: '.' }),
};

export const storeFlags = {
  store: Flags.string({ description: 'store to plan against (default: the project\'s spec.store.type, else emulator)', options: ['emulator', 'aws'] }),
  region: Flags.string({ description: 'AWS region (default: project, then AWS_REGION, then us-east-1 for the emulator)' }),
  profile: Flags.string({ description: 'AWS profile for --store aws' }),
  endpoint: Flags.string({ description: 'send SDK calls to this URL (a served emulator, e.g. http://127.0.0.1:4566); default AWS_ENDPOINT_URL' }),
  state: Flags.file({ description: 'emulator state file (default .licensectl/emulator.json beside licensectl.yaml)' }),
  concurrency: Flags.integer({ description: 'parallel API calls for reads and independent changes', default: 10, min: 1, max: 64 }),
  stats: Flags.boolean({ description: 'print SDK calls by operation and wall time to stderr' }),
};

// ---- Approval
// Interactive approval, as Terraform asks it: only the word "yes" approves.
export interface PromptStreams {
  readonly input: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly output: NodeJS.WritableStream;
}

/**
 * True only for "yes". "no" (or anything else), Ctrl+C and Ctrl+D answer false: the caller says what was cancelled
 * and exits 1, as Terraform does.
 */
export async function confirmApply(autoApprove: boolean, { what = 'apply', question = 'Apply these changes? (yes/no) ' } = {}, streams: PromptStreams = { input: process.stdin, output: process.stdout }): Promise<boolean> {
  if (autoApprove) return true;
  if (!streams.input.isTTY) {
    throw new LicensectlError('APPROVAL_REQUIRED', `${what} needs approval, and there is no terminal to ask on`, {
      hint: 'pass --auto-approve, or apply a saved plan: licensectl plan --out plan.json && licensectl apply plan.json',
    });
  }
  const rl = createInterface({ input: streams.input, output: streams.output, terminal: true });
  return new Promise<boolean>((resolve) => {
    let answered = false;
    const answer = (yes: boolean) => {
      if (answered) return;
      answered = true;
      rl.close();
      resolve(yes);
    };
    // Ctrl+C: readline turns it into SIGINT on the interface (the terminal is in raw mode while it reads).
    rl.once('SIGINT', () => {
      streams.output.write('\n');
      answer(false);
    });
    // Ctrl+D, or the input ending: no answer is not a yes.
    rl.once('close', () => answer(false));
    rl.question(question, (text) => answer(text.trim() === 'yes'));
  });
}

// ---- --stats
// `--stats`: SDK calls by operation and wall time, on stderr so stdout stays parseable.
export function renderStats(stats: CallStats, wallMs: number): string {
  const rows = Object.entries(stats.snapshot()).map(([op, s]) => `  ${op.padEnd(36)} ${column(s.calls, 'call', 6)} ${column(s.attempts, 'attempt', 6)} ${column(s.errors, 'error', 4)}`);
  const total = stats.total();
  return [`SDK calls (${plural(total.calls, 'call')}, ${plural(total.attempts, 'attempt')}, ${plural(total.errors, 'error')}) in ${Math.round(wallMs)} ms:`, ...rows].join('\n');
}

/** `     1 call `, `     2 calls`: the number right-aligned in `width`, the noun as wide as its plural, for the table. */
function column(n: number, noun: string, width: number): string {
  return plural(n, noun, `${noun}s`, (k) => String(k).padStart(width)).padEnd(width + noun.length + 2);
}

/**
 * Writes a file a flag asked for (`--out`, `--html`, `--snapshot`): a folder that does not exist, a path that is a
 * folder, or one the user may not write is OUTPUT_UNWRITABLE naming the flag and the path, never an internal error.
 * `makeDir`: create the file's folder first (a snapshot folder is created as needed).
 */
export async function writeOutput(flag: string, file: string, text: string, makeDir = false): Promise<void> {
  try {
    if (makeDir) await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error;
    throw new LicensectlError('OUTPUT_UNWRITABLE', `${flag} ${file}: cannot write it (${code}: ${(error as Error).message})`, { cause: error });
  }
}
