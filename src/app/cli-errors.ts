// How any failure becomes the one error a user sees: a registered code, a message, a hint. Errors licensectl throws
// keep theirs; the command line's own (oclif's parse errors, a mistyped command or flag, a stray argument) become USAGE
// with a suggestion where one is near; a connection that never reached the service is named by its cause; an answer
// of the service is STORE_FAILED, except credentials missing, expired or refused (AWS_CREDENTIALS, also when they
// run out in the middle of a long apply or watch); anything else is INTERNAL, a bug of ours.
import { statSync } from 'node:fs';
import { LicensectlError } from '../errors/index.js';
import { diagnosticsToJson, renderDiagnostics } from '../render/diagnostics.js';
import { nearest, plural } from '../util/words.js';
import { printable } from '../util/safe-text.js';

/** What the command line knows of the command that failed: its id and the flags and arguments it takes. */
export interface CommandShape {
  readonly id: string;
  readonly flags: Readonly<Record<string, { readonly char?: string; readonly options?: readonly string[] }>>;
  readonly args: Readonly<Record<string, unknown>>;
}

type RawError = Error & { oclif?: { exit?: number }; code?: string; $metadata?: unknown; flags?: string[]; args?: string[] };

export async function asLicensectlError(err: RawError, command?: CommandShape): Promise<LicensectlError> {
  const connection = await connectionError(err);
  if (connection) return connection;
  if (err instanceof LicensectlError) return err;
  if (err.oclif) return parseError(err, command);
  if (isCredentialsFailure(err)) {
    return new LicensectlError('AWS_CREDENTIALS', `the AWS credentials were not accepted or could not be loaded: ${err.name && err.name !== 'Error' ? `${err.name}: ` : ''}${err.message || err.code}`, {
      cause: err, hint: 'renew or fix the credentials (aws sso login, the profile, or the environment) and run the command again',
    });
  }
  if (isStoreFailure(err)) return new LicensectlError('STORE_FAILED', `the store failed: ${err.name && err.name !== 'Error' ? `${err.name}: ` : ''}${err.message || err.code}`, { cause: err });
  return new LicensectlError('INTERNAL', err.message || String(err), {
    cause: err, hint: 'this is a bug in licensectl; rerun with DEBUG=licensectl for details',
  });
}

/** The error as printed: its diagnostics, then `Error [CODE]: message` and its hint; under --json one JSON document. */
export function renderError(error: LicensectlError, options: { json: boolean; color: boolean }): { stdout?: string; stderr?: string } {
  if (options.json) return { stdout: JSON.stringify({ error: errorJson(error) }, null, 2) };
  const lines = error.diagnostics.length ? [renderDiagnostics(error.diagnostics, { color: options.color })] : [];
  lines.push(`Error [${error.code}]: ${printable(error.message)}${error.hint ? `\n  hint: ${printable(error.hint)}` : ''}`);
  return { stderr: lines.join('\n') };
}

function errorJson(error: LicensectlError): Record<string, unknown> {
  return {
    code: error.code,
    message: error.message,
    ...(error.hint ? { hint: error.hint } : {}),
    ...(error.diagnostics.length ? { diagnostics: diagnosticsToJson(error.diagnostics).diagnostics } : {}),
  };
}

// ---- The way to the store. The store's module is loaded only when the error may have come from it (an SDK error, or
// a STORE_FAILED wrapping one): an error of the command line never pays for loading the AWS SDK. AWS_CREDENTIALS keeps
// its code: the credential chain's own failures (an instance metadata service that is not there) are not the store's.

async function connectionError(err: RawError): Promise<LicensectlError | undefined> {
  const fromStore = err instanceof LicensectlError ? err.code === 'STORE_FAILED' : !err.oclif;
  if (!fromStore) return undefined;
  const { connectionFailure } = await import('../store/index.js');
  const failure = connectionFailure(err);
  if (!failure) return undefined;
  const where = failure.endpoint ?? (failure.kind === 'refused' ? failure.detail : `the endpoint`);
  const tries = plural(failure.attempts, 'attempt');
  switch (failure.kind) {
    case 'refused':
      return new LicensectlError('ENDPOINT_UNREACHABLE', `cannot connect to ${where}: connection refused by ${failure.detail}, nothing listens there (${tries})`, {
        cause: err, hint: 'check the endpoint\'s host and port (--endpoint, AWS_ENDPOINT_URL or spec.store.endpoint) and that the service runs, e.g. licensectl emulator serve --port PORT',
      });
    case 'unknown-host':
      return new LicensectlError('ENDPOINT_UNREACHABLE', `cannot connect to ${where}: ${failure.code === 'EAI_AGAIN' ? `no DNS answer for the host ${failure.detail}` : `unknown host ${failure.detail}`} (${failure.code}, ${tries})`, {
        cause: err, hint: 'check the host name in the endpoint (--endpoint, AWS_ENDPOINT_URL or spec.store.endpoint), the network and the DNS settings',
      });
    case 'tls':
      return new LicensectlError('TLS_FAILED', `TLS handshake with ${where} failed: ${failure.detail} (${failure.code}, ${tries})`, { cause: err });
  }
}

/** Network and operating-system errors on the way to the store. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

/** The service's answers to credentials it does not take: expired, unknown, or signed wrongly. */
const REFUSED_CREDENTIALS = new Set(['ExpiredTokenException', 'ExpiredToken', 'UnrecognizedClientException', 'InvalidClientTokenId', 'InvalidSignatureException', 'SignatureDoesNotMatch']);

/** Credentials the SDK could not load or refresh (an SSO session that ended), or the service refused. */
function isCredentialsFailure(err: RawError): boolean {
  return err.name === 'CredentialsProviderError' || (err.$metadata !== undefined && REFUSED_CREDENTIALS.has(err.name));
}

/**
 * An answer from AWS or an AWS-compatible service (the SDK's errors carry `$metadata`), or the way to it failing:
 * the environment's problem, reported as such, never as a bug of ours.
 */
function isStoreFailure(err: RawError): boolean {
  return err.$metadata !== undefined || (err.code !== undefined && NETWORK_CODES.has(err.code)) || err.name === 'TimeoutError';
}

// ---- The command line. oclif's parse errors are usage errors: exit 1, since 2 means "changes present".

function parseError(err: RawError, command?: CommandShape): LicensectlError {
  const exit = err.oclif?.exit === 0 ? 0 : 1;
  const help = command ? `licensectl ${displayId(command.id)} --help` : 'licensectl --help';
  if (command && err.flags?.length) return unknownFlag(err.flags[0]!, command, exit);
  if (command && /^Unexpected arguments?:/.test(err.message) && err.args?.every((a) => typeof a === 'string')) return strayArguments(err.args, command);
  const message = parseMessage(err.message);
  const option = /^Expected --([\w-]+)=(.*) to be one of: /.exec(message);
  const near = option ? nearest(option[2]!, command?.flags[option[1]!]?.options ?? []) : [];
  return new LicensectlError('USAGE', message, { hint: near.length ? `did you mean ${near.join(' or ')}? (see ${help})` : `see ${help}`, exit });
}

/** oclif's message on one line: without its "see more help" line, colours and the header of a list of one reason. */
function parseMessage(message: string): string {
  const lines = message.replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((l) => l.trim())
    .filter((l) => l !== '' && l !== 'See more help with --help' && !/^The following errors? occurred:$/.test(l));
  const [head = message, ...rest] = lines;
  return rest.length ? `${head.replace(/^Parsing /, '')}: ${rest.join('; ')}` : head;
}

/** A flag the command does not take, with the nearest it does take. */
function unknownFlag(given: string, command: CommandShape, exit = 1): LicensectlError {
  const name = given.split('=')[0]!;
  const known = [...Object.entries(command.flags).flatMap(([flag, f]) => [`--${flag}`, ...(f.char ? [`-${f.char}`] : [])]), '--help', '-h'];
  const near = nearest(name, known);
  const help = `licensectl ${displayId(command.id)} --help`;
  return new LicensectlError('USAGE', `unknown flag ${name} for ${displayId(command.id)}`, {
    hint: near.length ? `did you mean ${near.join(' or ')}? (${help} lists the flags)` : `${help} lists the flags`, exit,
  });
}

/** Arguments a command does not take (`licensectl plan licenses`); a folder was most likely meant for --dir. */
export function strayArguments(args: readonly string[], command: CommandShape): LicensectlError {
  const name = displayId(command.id);
  const takes = Object.keys(command.args);
  const folder = 'dir' in command.flags ? args.find(isDirectory) : undefined;
  const hint = folder !== undefined ? `use --dir ${folder} to read the desired state from that folder`
    : `licensectl ${name} ${takes.length ? `takes ${takes.map((a) => a.toUpperCase()).join(' ')} only` : 'takes no arguments, only flags'}; see licensectl ${name} --help`;
  return new LicensectlError('USAGE', `unexpected argument${args.length === 1 ? '' : 's'} for ${name}: ${args.join(' ')}`, { hint });
}

function isDirectory(candidate: string): boolean {
  try {
    return statSync(candidate).isDirectory();
  } catch {
    return false;
  }
}

export function displayId(id: string): string {
  return id.replaceAll(':', ' ');
}
