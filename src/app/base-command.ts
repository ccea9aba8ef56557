// The base of every command and what commands share: JSON mode, colour, errors rendered as one clear message
// with a code and a hint (and every diagnostic, never a stack trace unless DEBUG=licensectl* asks for one), the
// common flags, the approval prompt and `--stats`. An error's message and hint quote what the user gave (a flag
// value, a file name) and are printable(): an error is one line, and never an escape sequence to the terminal.
import { createInterface } from 'node:readline';
import { Command, Flags } from '@oclif/core';
import { LicensectlError } from '../errors/index.js';
import { diagnosticsToJson, renderDiagnostics } from '../render/diagnostics.js';
import type { CallStats } from '../store/index.js';
import { printable } from '../util/safe-text.js';

export abstract class BaseCommand extends Command {
  static override enableJsonFlag = true;

  /** Colour follows the TTY and NO_COLOR. */
  protected useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
    return Boolean(stream.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
  }

  protected printErr(text: string): void {
    process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  protected printOut(text: string): void {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  override async catch(err: Error & { oclif?: { exit?: number } }): Promise<void> {
    const error = asLicensectlError(err);
    process.exitCode = error.exit;
    if (/licensectl/.test(process.env.DEBUG ?? '')) this.printErr(err.stack ?? String(err));
    if (this.jsonEnabled()) {
      this.printOut(JSON.stringify({ error: errorJson(error) }, null, 2));
      return;
    }
    const color = this.useColor(process.stderr);
    if (error.diagnostics.length) this.printErr(renderDiagnostics(error.diagnostics, { color }));
    this.printErr(`Error [${error.code}]: ${printable(error.message)}${error.hint ? `\n  hint: ${printable(error.hint)}` : ''}`);
  }
}

function asLicensectlError(err: Error & { oclif?: { exit?: number }; code?: string }): LicensectlError {
  if (err instanceof LicensectlError) return err;
  // oclif's own parse errors (unknown flag, bad option) are usage errors: exit 1, since 2 means "changes present".
  if (err.oclif) return new LicensectlError('USAGE', err.message.split('\n')[0] ?? err.message, { hint: 'see --help', exit: err.oclif.exit === 0 ? 0 : 1 });
  if (isStoreFailure(err)) return new LicensectlError('STORE_FAILED', `the store failed: ${err.name && err.name !== 'Error' ? `${err.name}: ` : ''}${err.message || err.code}`, { cause: err });
  return new LicensectlError('INTERNAL', err.message || String(err), {
    cause: err, hint: 'this is a bug in licensectl; rerun with DEBUG=licensectl for details',
  });
}

/** Network and operating-system errors on the way to the store. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

/**
 * An answer from AWS or an AWS-compatible service (the SDK's errors carry `$metadata`), the way to it failing, or
 * credentials the SDK could not find: the environment's problem, reported as such, never as a bug of ours.
 */
function isStoreFailure(err: Error & { code?: string; $metadata?: unknown }): boolean {
  return err.$metadata !== undefined || (err.code !== undefined && NETWORK_CODES.has(err.code))
    || err.name === 'CredentialsProviderError' || err.name === 'TimeoutError';
}

function errorJson(error: LicensectlError): Record<string, unknown> {
  return {
    code: error.code,
    message: error.message,
    ...(error.hint ? { hint: error.hint } : {}),
    ...(error.diagnostics.length ? { diagnostics: diagnosticsToJson(error.diagnostics).diagnostics } : {}),
  };
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
  const rows = Object.entries(stats.snapshot()).map(([op, s]) => `  ${op.padEnd(36)} ${String(s.calls).padStart(6)} calls ${String(s.attempts).padStart(6)} attempts ${String(s.errors).padStart(4)} errors`);
  const total = stats.total();
  return [`SDK calls (${total.calls} calls, ${total.attempts} attempts, ${total.errors} errors) in ${Math.round(wallMs)} ms:`, ...rows].join('\n');
}
