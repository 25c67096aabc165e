import { commandGroups } from './commands/index.ts';
import { UsageError } from './usage-error.ts';

/** Exit codes every command shares. */
export const ExitCode = { ok: 0, failed: 1, usage: 2, environment: 3 } as const;

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
    process.stderr.write(`Unknown command "${groupName}". Run "klarmeld --help" to see the commands.\n`);
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
    throw error;
  }
}
