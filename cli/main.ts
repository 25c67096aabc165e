import { commandGroups } from './commands/index.ts';
import { didYouMeanText } from './did-you-mean.ts';
import { UsageError } from './usage-error.ts';

/** Exit codes every command shares. */
export const ExitCode = { ok: 0, failed: 1, usage: 2, environment: 3, internal: 70 } as const;

const HELP = `klarmeld: catalogue, test platform and conformance runner for KOMBIT's infrastructure

Usage: klarmeld <group> <command> [options]

${Object.entries(commandGroups)
  .map(([name, group]) => `  ${name.padEnd(10)} ${group.summary}`)
  .join('\n')}

Run "klarmeld <group> --help" for the commands of a group.`;

/**
 * Runs the CLI with the given arguments and resolves to the exit code.
 * Only this function and the commands it dispatches to touch `process`.
 */
export async function main(argv: string[]): Promise<number> {
  const [groupName, ...rest] = argv;
  if (!groupName || groupName === '--help' || groupName === '-h' || groupName === 'help') {
    process.stdout.write(`${HELP}\n`);
    return groupName ? ExitCode.ok : ExitCode.usage;
  }
  const group = commandGroups[groupName];
  if (!group) {
    const guess = didYouMeanText(groupName, Object.keys(commandGroups), (name) => `"klarmeld ${name}"`);
    process.stderr.write(`Unknown command "${groupName}".${guess} Run "klarmeld --help" to see the commands.\n`);
    return ExitCode.usage;
  }
  try {
    const module = await group.load();
    return await module.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return ExitCode.usage;
    }
    return reportUnexpected(error);
  }
}

/**
 * Anything a command did not foresee (a file it could not write, a bug) ends with its own exit
 * code, 70 (EX_SOFTWARE), so that CI never mistakes it for "a required test failed" (1), and
 * with one readable line instead of a stack trace; KLARMELD_DEBUG=1 shows the stack. Also used by
 * bin/klarmeld.js for errors outside a command's flow.
 */
export function reportUnexpected(error: unknown): number {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`klarmeld stopped on an unexpected error: ${message}\n`);
  if (process.env.KLARMELD_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else
    process.stderr.write(
      'Run again with KLARMELD_DEBUG=1 to see where it happened, and report it if it is not a file or permission problem.\n',
    );
  return ExitCode.internal;
}
