import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { didYouMeanText } from '../did-you-mean.ts';
import { UsageError } from '../usage-error.ts';

/**
 * What a command takes besides its options: nothing more (`test`), arguments (`verify run.json`),
 * or, for a group such as `catalog`, the name of one of its commands and that command's arguments.
 */
export type Takes = 'options' | 'arguments' | 'command';

export interface CommandLine<O extends ParseArgsOptionsConfig> {
  /** The command's help: printed for --help/-h, and after every parse error so the reader sees what to type. */
  help: string;
  /** Its options, without --help, which every command has. */
  options: O;
  takes: Takes;
  /** Accept --no-<name> for boolean options (e.g. --no-validation). */
  allowNegative?: boolean;
  /**
   * For a group (`takes: 'command'`): its name and each command's own help. An unknown command
   * is then a UsageError that suggests the nearest one, and `<command> --help` prints that
   * command's help instead of the group's.
   */
  group?: { name: string; commands: Record<string, string> };
}

type Values<O extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ options: O; strict: true; allowPositionals: true }>
>['values'];

/** The parsed command line, or the exit code when the help was printed instead. */
export type ParsedCommandLine<O extends ParseArgsOptionsConfig> =
  { values: Values<O>; positionals: string[] } | { exit: number };

const helpOption = { help: { type: 'boolean', short: 'h', default: false } } as const;

/**
 * Parses a command's arguments strictly. A parse error (an unknown option, a missing value, an
 * argument where none is taken) becomes a UsageError followed by the help, so `main` exits 2.
 * --help prints the help and gives exit 0; a group also prints it for "help" (exit 0) and when
 * no command is named (exit 2: nothing was asked for).
 */
export function parseCommandLine<const O extends ParseArgsOptionsConfig>(
  argv: string[],
  line: CommandLine<O>,
): ParsedCommandLine<O> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...line.options, ...helpOption },
      allowPositionals: line.takes !== 'options',
      allowNegative: line.allowNegative ?? false,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${parseErrorText(error as Error & { code?: string }, line)}\n\n${line.help}`);
  }
  const { values, positionals } = parsed;
  const [first] = positionals;
  const commands = line.group?.commands;
  if (line.group && commands && first !== undefined && first !== 'help' && !(first in commands)) {
    const name = line.group.name;
    throw new UsageError(
      `Unknown command "klarmeld ${name} ${first}".${didYouMeanText(first, Object.keys(commands), (c) => `"klarmeld ${name} ${c}"`)}\n\n${line.help}`,
    );
  }
  const asked = (values as { help: boolean }).help || (line.takes === 'command' && first === 'help');
  if (asked || (line.takes === 'command' && first === undefined)) {
    const own = (values as { help: boolean }).help && first !== undefined ? commands?.[first] : undefined;
    process.stdout.write(`${own ?? line.help}\n`);
    return { exit: asked ? 0 : 2 };
  }
  return { values: values as Values<O>, positionals };
}

/** node:util's parse error, with the option the user most likely meant when it names an unknown one. */
function parseErrorText(error: Error & { code?: string }, line: CommandLine<ParseArgsOptionsConfig>): string {
  const unknown =
    error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'(-{1,2}[^']+)'/.exec(error.message)?.[1] : undefined;
  if (!unknown) return error.message;
  const names = ['help', ...Object.keys(line.options)];
  const flags = [...names, ...(line.allowNegative ? names.map((n) => `no-${n}`) : [])].map((n) => `--${n}`);
  return `Unknown option ${unknown}.${didYouMeanText(unknown.replace(/=.*$/, ''), flags)}`;
}
