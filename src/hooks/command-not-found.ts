// oclif's command_not_found hook: what a command line that names no command gets, instead of oclif's own
// "command plna not found" and exit 2 (which, under --detailed-exitcode, means "changes present"). It is a usage error
// in licensectl's style and exits 1, with the command nearest to what was typed (`licensectl plna`: did you mean plan?),
// or, when a command was named and then a word it does not take (`licensectl plan licenses`, which oclif reads as the
// command "plan licenses"), that stray argument named, with `use --dir licenses` when it is a folder.
import type { Command, Hook, Interfaces } from '@oclif/core';
import { colorOn } from '../app/base-command.js';
import { displayId, renderError, strayArguments } from '../app/cli-errors.js';
import { LicensectlError } from '../errors/index.js';
import { nearest, nearestOf } from '../util/words.js';

const hook: Hook<'command_not_found'> = async function ({ id, argv = [], config }) {
  const error = notFound(id, config);
  process.exitCode = error.exit;
  const flagsGiven = argv.slice(0, argv.includes('--') ? argv.indexOf('--') : argv.length);
  const { stdout, stderr } = renderError(error, { json: flagsGiven.includes('--json'), color: colorOn(process.stderr) });
  if (stdout) process.stdout.write(`${stdout}\n`);
  if (stderr) process.stderr.write(`${stderr}\n`);
};

export default hook;

/** The usage error for a command line whose first words `id` (joined by `:`) are no command. */
function notFound(id: string, config: Interfaces.Config): LicensectlError {
  const words = id.split(':');
  if (words[0]!.startsWith('-')) return unknownGlobalFlag(words[0]!);
  // The longest run of leading words that names a command: what follows it are arguments that command does not take.
  for (let n = words.length - 1; n > 0; n -= 1) {
    const command = config.findCommand(words.slice(0, n).join(':'));
    if (command) return strayArguments(words.slice(n), shapeOf(command));
  }
  const typed = displayId(id);
  const near = nearestCommands(words, config.commands.filter((c) => !c.hidden).map((c) => c.id.split(':')));
  return new LicensectlError('USAGE', `unknown command ${typed}`, {
    hint: near.length ? `did you mean ${near.join(' or ')}? (licensectl --help lists the commands)` : 'licensectl --help lists the commands',
  });
}

function shapeOf(command: Command.Loadable) {
  return { id: command.id, flags: command.flags ?? {}, args: command.args ?? {} };
}

/** A flag given where a command was expected (`licensectl --hlp`). */
function unknownGlobalFlag(flag: string): LicensectlError {
  const name = flag.split('=')[0]!;
  const near = nearest(name, ['--help', '-h', '--version', '-v']);
  return new LicensectlError('USAGE', `unknown flag ${name}`, {
    hint: near.length ? `did you mean ${near.join(' or ')}? (licensectl --help lists the commands)` : 'name a command first: licensectl --help lists them',
  });
}

/**
 * The commands nearest to the typed words, compared word for word over the words both have (so `plna licenses` is
 * still one edit from `plan`, and `emulatr serve` one from `emulator serve`).
 */
function nearestCommands(typed: readonly string[], commands: readonly (readonly string[])[]): string[] {
  return nearestOf(commands.map((words) => {
    const n = Math.min(words.length, typed.length);
    return { name: words.join(' '), typed: typed.slice(0, n).join(' '), compared: words.slice(0, n).join(' ') };
  }));
}
