import { EXIT, UsageError, commandHelp, parseCommandArgs, type CliIo, type Command } from './command';
import { COMMANDS } from './commands';
import { progressBar } from './progress';

export type { CliIo } from './command';

declare const CORPUS_LENS_VERSION: string | undefined;

/** The package version, written into the bundle by esbuild.js (the tests run unbundled). */
export const VERSION = typeof CORPUS_LENS_VERSION === 'string' ? CORPUS_LENS_VERSION : '0.0.0-dev';

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    'Usage: corpus-lens <command> [options]',
    '',
    'Corpus Lens: who, what, where, when and how many across a folder of news articles.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show this help (corpus-lens <command> --help: the help of a command)',
    '  -v, --version  print the version',
    '',
    'Exit codes: 0 done, 1 the run failed (an input could not be read or an output written),',
    '2 the command line is wrong (unknown command or option, bad value, missing argument).',
    '',
  ].join('\n');
}

/** A help flag among the arguments (before a `--` that ends the options). */
function asksForHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/** Runs the command line; returns the exit code. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined) {
    io.err(mainHelp());
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h') {
    io.out(mainHelp());
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${VERSION}\n`);
    return EXIT.ok;
  }
  if (name === 'help') {
    const about = rest[0] === undefined ? undefined : COMMANDS.find((c) => c.name === rest[0]);
    if (rest[0] !== undefined && !about) return usageError(io, undefined, `unknown command "${rest[0]}"`);
    io.out(about ? commandHelp(about) : mainHelp());
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) return usageError(io, undefined, name.startsWith('-') ? `unknown option ${name}` : `unknown command "${name}"`);
  if (asksForHelp(rest)) {
    io.out(commandHelp(command));
    return EXIT.ok;
  }
  try {
    const parsed = parseCommandArgs(command, rest);
    return await command.run(parsed, {
      io,
      progress: (label) => progressBar({ label, unit: label === 'Indexing' ? 'articles' : 'lines', isTTY: io.stderrIsTTY, columns: io.columns, write: io.err }),
    });
  } catch (error) {
    if (error instanceof UsageError) return usageError(io, command, error.message);
    throw error;
  }
}

/** The message, the usage line and where to find more; exit code 2. */
function usageError(io: CliIo, command: Command | undefined, message: string): number {
  const usage = command ? `corpus-lens ${command.usage}` : 'corpus-lens <command> [options]';
  const more = command ? `corpus-lens ${command.name} --help` : 'corpus-lens --help';
  io.err(`corpus-lens${command ? ` ${command.name}` : ''}: ${message}\nUsage: ${usage}\nRun '${more}' for more.\n`);
  return EXIT.usage;
}
