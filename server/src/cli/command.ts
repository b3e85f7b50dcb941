import type { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import type { ProgressBar } from './progress';

/** What a command writes to and reads from; tests pass strings, main.ts the process streams. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Standard input, for `-` (a file name that means "read standard input"). */
  stdin?: Readable;
  /** True when standard error is a terminal: only then is a progress bar drawn. */
  stderrIsTTY?: boolean;
  /** Columns of the terminal, for the progress bar. */
  columns?: number;
}

/** One option of a command, as util.parseArgs takes it plus what the help says of it. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** The value's placeholder in the help ("N", "FILE"). */
  value?: string;
  help: string;
}

/** What a command receives: its options (validated by parseArgs) and its positionals. */
export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** What a command may use while it runs. */
export interface CommandContext {
  io: CliIo;
  /** A progress bar on standard error when it is a terminal, and a silent one otherwise. */
  progress(label: string): ProgressBar;
}

/**
 * A subcommand of corpus-lens. Adding one is one file exporting a Command, listed in
 * commands/index.ts; parsing, --help and usage errors are handled for it.
 */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The usage line after "corpus-lens": "scan <folder> [options]". */
  usage: string;
  /** More help: what it reads and writes, examples. */
  description?: string;
  options: Record<string, OptionSpec>;
  /** How many positionals it takes. */
  positionals: { min: number; max: number; name: string };
  run(args: ParsedArgs, context: CommandContext): Promise<number>;
}

/** Exit codes, documented in the README and in --help. */
export const EXIT = {
  ok: 0,
  /** The run failed: an input could not be read or an output written. */
  failed: 1,
  /** The command line was wrong: unknown command or option, bad value, missing argument. */
  usage: 2,
} as const;

/** A wrong command line: the message, then the usage line, and exit code 2. */
export class UsageError extends Error {}

/** Parses a command's arguments strictly: unknown options and missing values are usage errors. */
export function parseCommandArgs(command: Command, args: string[]): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const [name, spec] of Object.entries(command.options)) {
    // parseArgs refuses keys present with the value undefined.
    options[name] = { type: spec.type, ...(spec.short ? { short: spec.short } : {}), ...(spec.multiple ? { multiple: true } : {}) };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs words its errors for programmers ("Unknown option '--bogus'. To specify a
    // positional argument starting with a '-', place it at the end of the command after '--'").
    throw new UsageError(describeParseError(error));
  }
  const { positionals } = parsed;
  const { min, max, name } = command.positionals;
  if (positionals.length < min) throw new UsageError(`missing ${name}`);
  if (positionals.length > max) throw new UsageError(max === 0 ? `unexpected argument "${positionals[0]}"` : `unexpected argument "${positionals[max]}"`);
  return { values: { ...parsed.values } as ParsedArgs['values'], positionals };
}

function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const option = /'(?:-\w, )?(--?[^' ,]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    if (/argument missing/.test(message)) return `option ${option} needs a value`;
    if (/ambiguous/.test(message)) return `option ${option} needs a value (one starting with "-" is written ${option}=-VALUE)`;
    return `option ${option} takes no value`;
  }
  return message.split('. ')[0];
}

/** A whole number of at least `min`, or a usage error naming the option. */
export function integerOption(value: unknown, option: string, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const text = String(value).trim();
  if (!/^\d+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`${option} must be a whole number of at least ${min}, not "${String(value)}"`);
  }
  return Number(text);
}

/** One of a fixed set of words, or a usage error listing them. */
export function choiceOption<T extends string>(value: unknown, option: string, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!choices.includes(value as T)) throw new UsageError(`${option} must be ${choices.join(' or ')}, not "${String(value)}"`);
  return value as T;
}

/** The help text of one command. */
export function commandHelp(command: Command): string {
  const lines = [`Usage: corpus-lens ${command.usage}`, '', command.summary];
  if (command.description) lines.push('', command.description);
  const rows = Object.entries(command.options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : ''}`;
    return [flag, spec.help + (spec.multiple ? ' (may be repeated)' : '')];
  });
  rows.push(['-h, --help', 'show this help']);
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  lines.push('', 'Options:', ...rows.map(([flag, help]) => `  ${flag.padEnd(width)}${help}`));
  return `${lines.join('\n')}\n`;
}
