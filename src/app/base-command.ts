// The base of every command: JSON mode, colour, and errors rendered as one clear message with a code and
// a hint (and every diagnostic), never a stack trace unless DEBUG=licensectl* asks for one.
import { Command } from '@oclif/core';
import { LicensectlError } from '../errors/index.js';
import { diagnosticsToJson, renderDiagnostics } from '../render/diagnostics.js';

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
    this.printErr(`Error [${error.code}]: ${error.message}${error.hint ? `\n  hint: ${error.hint}` : ''}`);
  }
}

function asLicensectlError(err: Error & { oclif?: { exit?: number }; code?: string }): LicensectlError {
  if (err instanceof LicensectlError) return err;
  // oclif's own parse errors (unknown flag, bad option) are usage errors: exit 1, since 2 means "changes present".
  if (err.oclif) return new LicensectlError('USAGE', err.message.split('\n')[0] ?? err.message, { hint: 'see --help', exit: err.oclif.exit === 0 ? 0 : 1 });
  return new LicensectlError('INTERNAL', err.message || String(err), {
    cause: err, hint: 'this is a bug in licensectl or an unexpected answer from the store; rerun with DEBUG=licensectl for details',
  });
}

function errorJson(error: LicensectlError): Record<string, unknown> {
  return {
    code: error.code,
    message: error.message,
    ...(error.hint ? { hint: error.hint } : {}),
    ...(error.diagnostics.length ? { diagnostics: diagnosticsToJson(error.diagnostics).diagnostics } : {}),
  };
}
